"""The document model every stage shares: articles in, provenance-carrying sentences out.

Immutable dataclasses (after sumy's DOM): readers build them, later stages only read them.
Character offsets always refer to ``Article.text``, the normalized and cleaned text.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
from typing import Any


@dataclass(frozen=True)
class Removed:
    """A piece of scraped junk taken out of an article, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str = ""
    lead: str = ""
    published: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True)
class Sentence:
    article_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str = "body"  # body | lead | heading

    @property
    def selectable(self) -> bool:
        return self.kind != "heading"


@dataclass(frozen=True)
class SummarySentence:
    text: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    score: float
    source_text: str  # the whole source sentence; ``text`` may be a trimmed form of it
    removed: tuple[Removed, ...] = ()  # the parts of ``source_text`` that ``text`` leaves out

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["removed"] = [asdict(r) for r in self.removed]
        return out


@dataclass(frozen=True)
class StoryEvent:
    """One happening of the summary's story: a date label and the summary sentences that tell it.

    ``date``: ``2018-07-12``, ``2018-07``, ``2019``, ``--07-12`` (year unknown) or None;
    ``precision``: ``day``, ``month``, ``year``, ``range`` (year unknown but not before
    ``year_from``) or ``unknown``; ``sentences``: indexes into :attr:`Summary.sentences`;
    ``date_end``: the last day when the event spans several, the last year of a span of years
    ("năm 2007–2009": ``date`` ``2007``, ``date_end`` ``2009``).
    """

    label: str
    date: str | None
    precision: str
    sentences: tuple[int, ...]
    articles: tuple[str, ...] = ()
    year_from: int | None = None
    date_end: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "date": self.date, "precision": self.precision,
                "sentences": list(self.sentences), "articles": list(self.articles),
                "year_from": self.year_from, "date_end": self.date_end}


@dataclass(frozen=True)
class ArticleInfo:
    id: str
    title: str
    path: str | None
    source: str | None
    url: str | None
    published: str | None
    duplicate_of: str | None
    sentences: int
    lead: str = ""  # the sapo as read ("" when the article has none); the text starts with it
    removed: tuple[Removed, ...] = ()
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["removed"] = [asdict(r) for r in self.removed]
        return out


EMPTY_TIMELINE: dict[str, Any] = {"events": [], "undated": [], "background": [], "anchors": {}}


@dataclass(frozen=True)
class Summary:
    """What :func:`tomtat.summarize` returns. The shape never changes with options: the
    timeline and the entities are always there (empty when a caller turned the story
    features off, as ``tomtat batch`` does for speed)."""

    text: str
    sentences: tuple[SummarySentence, ...]
    articles: tuple[ArticleInfo, ...]
    duplicates: tuple[tuple[str, str, float], ...]  # (article, duplicate of, similarity)
    order: str  # the order actually used: "date", "source", "score" or "chronological"
    budget_syllables: int
    warnings: tuple[str, ...] = ()
    timeline: dict[str, Any] = field(default_factory=lambda: dict(EMPTY_TIMELINE))
    entities: tuple[dict[str, Any], ...] = ()
    events: tuple[StoryEvent, ...] = ()  # the story: events in reading order (empty for the flat layout)
    # what the summary's abbreviations stand for ("NTD": "người tiêu dùng"), from the sources' own
    # definitions or the common list (given with the story features off too)
    abbreviations: tuple[dict[str, Any], ...] = ()

    def story_text(self, *, sources: bool = True) -> str:
        """The summary as a short story: one paragraph per event, opened by its date label
        ("16–18/7 (năm chưa rõ): ..."), with the articles it comes from. Without events
        (the flat layout) it is :attr:`text`."""
        if not self.events:
            return self.text
        paragraphs = []
        for event in self.events:
            body = " ".join(self.sentences[k].text for k in event.sentences)
            cited = f" [{', '.join(event.articles)}]" if sources and event.articles else ""
            # An undated event of a summary with no date at all has no label (as the CLI prints it).
            paragraphs.append(f"{event.label}: {body}{cited}" if event.label else f"{body}{cited}")
        return "\n\n".join(paragraphs)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        articles = []
        for info in self.articles:
            item = info.to_dict()
            if not include_text:
                item.pop("text")
            articles.append(item)
        out: dict[str, Any] = {
            "summary": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "articles": articles,
            "duplicates": [{"article": a, "duplicate_of": b, "similarity": round(s, 4)}
                           for a, b, s in self.duplicates],
            "order": self.order,
            "budget_syllables": self.budget_syllables,
            "warnings": list(self.warnings),
            "timeline": self.timeline,
            "entities": list(self.entities),
            "events": [e.to_dict() for e in self.events],
            "abbreviations": list(self.abbreviations),
        }
        return out
