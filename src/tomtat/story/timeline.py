"""What happened when: dated sentences of a cluster, merged across outlets into events.

A sentence with a date expression is an event candidate. Candidates from different articles
are one event when their dates are compatible (unknown parts match anything) and their texts
are similar enough; two outlets' copies of one story (flagged by dedup) need less similarity.
A year is never invented: a date without one stays ``day-month`` (year unknown); a relative
date in an article without a publication date stays unresolved and its event is listed apart.
"Cùng ngày" takes the day named just before it in the same article, when there is one.

Dates of unknown year are never ordered across stories told years apart: each such event
carries its *year scope* (the articles that share its year: its own, the copies dedup found,
and articles it was merged with), and the timeline lists them after the dated events, scope
by scope, ordered by month and day only inside one scope. A scope's ``year_from`` is the
latest year its articles speak of as past (they were written then or later), never a guess.
A sentence that only restates that something happened before ("Điều này từng diễn ra vào
năm 2008.": a year or month, and "từng" / "trước đây" / "kể từ") is background, not an event.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from tomtat.core.model import Article, Sentence
from tomtat.vi.dates import DAY, DAY_MONTH, UNRESOLVED, DateFinder, DateMention, article_anchor, is_date_line
from tomtat.vi.time_context import PRECISION_RANK, best_mention, is_background, label_year_floor, past_year_floor
from tomtat.vi.text import Vectors, syllables

_SAME_TIME_REACH = 2  # "Cùng ngày" looks this many sentences back in its article for its day


@dataclass(frozen=True)
class EventSource:
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    date_text: str
    anchor: str | None  # the anchor date used for this article (ISO), if any

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "sentence_index": self.sentence_index, "start": self.start,
                "end": self.end, "text": self.text, "date_text": self.date_text, "anchor": self.anchor}


@dataclass(frozen=True)
class Event:
    date: DateMention | None  # the most precise of its sources' dates; None when undated
    sentence: str  # the first source's sentence
    sources: tuple[EventSource, ...]
    scope: tuple[str, ...] = ()  # year unknown: the articles that share its year (else empty)
    year_from: int | None = None  # year unknown: its articles were written in this year or later

    @property
    def dated(self) -> bool:
        return self.date is not None and self.date.resolved

    def to_dict(self) -> dict[str, Any]:
        d = self.date
        return {
            "date": d.value if d is not None else None,
            "precision": d.precision if d is not None else UNRESOLVED,
            "year_known": bool(d is not None and d.year is not None),
            "date_text": d.text if d is not None else None,
            "date_end": d.value_end if d is not None else None,  # a span of years' last
            "note": d.note if d is not None else "",
            "sentence": self.sentence,
            "year_scope": list(self.scope),
            "year_from": self.year_from,
            "articles": sorted({s.article_id for s in self.sources}),
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass(frozen=True)
class Timeline:
    events: tuple[Event, ...]  # dated ones in date order, then year unknown: scope by scope, by month and day
    undated: tuple[Event, ...]  # time expressions nothing could resolve, in source order
    anchors: dict[str, str | None] = field(default_factory=dict)  # article id -> anchor (ISO) and where
    background: tuple[Event, ...] = ()  # restatements that something happened before

    def sentence_events(self) -> dict[tuple[str, int], Event]:
        """The event of every dated source sentence, by (article id, sentence index)."""
        return {(s.article_id, s.sentence_index): e for e in self.events for s in e.sources}

    def sentence_dates(self) -> dict[tuple[str, int], DateMention]:
        """The event date of every dated source sentence, by (article id, sentence index)."""
        return {(s.article_id, s.sentence_index): e.date for e in self.events for s in e.sources
                if e.date is not None}

    def to_dict(self) -> dict[str, Any]:
        return {"events": [e.to_dict() for e in self.events], "undated": [e.to_dict() for e in self.undated],
                "background": [e.to_dict() for e in self.background], "anchors": dict(self.anchors)}

    def render(self) -> str:
        lines = []
        scope: tuple[str, ...] = ()
        for e in self.events:
            assert e.date is not None
            when = "–".join(part for part in (e.date.value, e.date.value_end) if part)
            if e.date.year is None:
                when += " (year unknown)"
                if e.scope != scope:  # a new story of unknown year: never read as the same year as the last
                    scope = e.scope
                    since = f", written in {e.year_from} or later" if e.year_from else ""
                    lines.append(f"Year unknown, as told in {', '.join(scope)}{since}:")
            lines.append(f"{when:<24} [{', '.join(sorted({s.article_id for s in e.sources}))}] {e.sentence}")
        if self.undated:
            lines.append("")
            lines.append("Undated (no publication date to resolve the time expression):")
            for e in self.undated:
                ids = ", ".join(sorted({s.article_id for s in e.sources}))
                lines.append(f"  '{e.date.text if e.date else ''}' [{ids}] {e.sentence}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    mention: DateMention
    tokens: list[str]
    context: list[str]  # the previous sentence of the paragraph and this one: "Các quan chức Nga ..." needs it


_BLOCK_ROWS = 256  # rows of one similarity block: bounds memory whatever the number of dated sentences


@dataclass
class TimelineBuilder:
    """Builds a :class:`Timeline` from articles and their sentences. No state between calls."""

    finder: DateFinder = field(default_factory=DateFinder)
    similarity_threshold: float = 0.25  # text similarity (sentence or sentence with its context) to merge two outlets' sentences
    duplicate_similarity_threshold: float = 0.12  # ... when dedup says the articles are two copies of one story

    def _candidates(self, articles: Sequence[Article], sentences: Sequence[Sentence], finder: DateFinder
                    ) -> tuple[list[_Candidate], dict[str, str | None]]:
        anchors: dict[str, date | None] = {}
        shown: dict[str, str | None] = {}
        for a in articles:
            anchor, where = article_anchor(a.published, f"{a.title}\n{a.text}")
            anchors[a.id] = anchor
            shown[a.id] = f"{anchor.isoformat()} ({where})" if anchor else None
        out: list[_Candidate] = []
        previous: Sentence | None = None
        last_day: dict[str, tuple[int, DateMention]] = {}  # article -> (sentence index, last day named)
        for s in sentences:
            before = previous if previous is not None and previous.article_id == s.article_id \
                and previous.paragraph == s.paragraph else None
            previous = s
            if is_date_line(s.text):  # the scraper's date line: the anchor, not an event
                continue
            mentions = finder.find(s.text, anchors.get(s.article_id))
            if not mentions:
                continue
            best = best_mention(s.text, mentions)
            if best.kind == "same_time":
                best = self._same_time(best, last_day.get(s.article_id), s.index)
            if best.precision in (DAY, DAY_MONTH):
                last_day[s.article_id] = (s.index, best)
            tokens = syllables(s.text)
            out.append(_Candidate(s, best, tokens, (syllables(before.text) if before else []) + tokens))
        return out, shown

    @staticmethod
    def _same_time(mention: DateMention, last: tuple[int, DateMention] | None, index: int) -> DateMention:
        """"Cùng ngày": the day named in the sentences just before, else left unresolved."""
        if last is None or index - last[0] > _SAME_TIME_REACH:
            return mention
        day = last[1]
        return replace(day, text=mention.text, start=mention.start, end=mention.end, kind=mention.kind,
                       anchored=True, note=f"the day named before ({day.text})")

    def _similar_pairs(self, candidates: list[_Candidate], twins: set[frozenset[str]]
                       ) -> list[tuple[float, int, int]]:
        """(similarity, i, j) for candidates of different articles that may tell one event.

        Only sentences of different articles are compared, article by article against the
        articles after it, a block of rows at a time: a single 5 MB article full of dates costs
        nothing here, and memory stays bounded by the block, not by the square of the count.
        """
        n = len(candidates)
        rows_of: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            rows_of.setdefault(c.sentence.article_id, []).append(i)
        if len(rows_of) < 2:
            return []
        matrix = Vectors([c.tokens for c in candidates] + [c.context for c in candidates]).matrix
        tokens, context = matrix[:n], matrix[n:]
        lowest = min(self.similarity_threshold, self.duplicate_similarity_threshold)
        pairs: list[tuple[float, int, int]] = []
        articles = list(rows_of)
        for k, article in enumerate(articles):
            columns = np.array([j for other in articles[k + 1:] for j in rows_of[other]], dtype=np.int64)
            if not len(columns):
                continue
            right_tokens, right_context = tokens[columns].T.tocsc(), context[columns].T.tocsc()
            rows = np.array(rows_of[article], dtype=np.int64)
            for start in range(0, len(rows), _BLOCK_ROWS):
                block = rows[start:start + _BLOCK_ROWS]
                sim = (tokens[block] @ right_tokens).maximum(context[block] @ right_context).tocoo()
                for r, c, value in zip(sim.row, sim.col, sim.data):
                    if value < lowest:
                        continue
                    i, j = int(block[r]), int(columns[c])
                    a, b = candidates[i], candidates[j]
                    twin = frozenset((a.sentence.article_id, b.sentence.article_id)) in twins
                    threshold = self.duplicate_similarity_threshold if twin else self.similarity_threshold
                    if value >= threshold and a.mention.compatible(b.mention):
                        pairs.append((float(value), i, j))
        return pairs

    def build(self, articles: Sequence[Article], sentences: Sequence[Sentence],
              duplicate_of: dict[str, tuple[str, float]] | None = None, *, finder: DateFinder | None = None) -> Timeline:
        """``finder``: one that has dated these sentences before (it remembers), else ``self.finder``."""
        candidates, anchors = self._candidates(articles, sentences, finder or self.finder)
        if not candidates:
            return Timeline((), (), anchors)
        twins = {frozenset((a, b)) for a, (b, _) in (duplicate_of or {}).items()}
        pairs = self._similar_pairs(candidates, twins)
        # Greedy grouping, most similar pairs first; a group holds at most one sentence per article.
        parent = list(range(len(candidates)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        members: dict[int, list[int]] = {i: [i] for i in range(len(candidates))}
        for _, i, j in sorted(pairs, reverse=True):
            ri, rj = root(i), root(j)
            if ri == rj:
                continue
            group = members[ri] + members[rj]
            arts = [candidates[k].sentence.article_id for k in group]
            if len(set(arts)) != len(arts):
                continue
            if not all(candidates[x].mention.compatible(candidates[y].mention) for x in group for y in group):
                continue
            parent[rj] = ri
            members[ri] = sorted(group)
            del members[rj]
        events: list[Event] = []
        undated: list[Event] = []
        background: list[Event] = []
        for group in sorted(members.values()):
            items = [candidates[k] for k in group]
            best = max(items, key=lambda c: (PRECISION_RANK[c.mention.precision], c.mention.year is not None))
            sources = tuple(EventSource(c.sentence.article_id, c.sentence.index, c.sentence.start, c.sentence.end,
                                        c.sentence.text, c.mention.text,
                                        anchors.get(c.sentence.article_id)) for c in items)
            event = Event(best.mention, items[0].sentence.text, sources)
            if all(is_background(c.sentence.text, c.mention) for c in items):
                background.append(event)
            else:
                (events if event.dated else undated).append(event)
        ordered = _order(events, articles, twins)
        return Timeline(tuple(ordered), tuple(undated), anchors, tuple(background))


def year_scopes(articles: Sequence[Article], links: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """For each article, the articles known to share its year: joined by ``links`` (two
    copies of one story, or one event told by both), in article order."""
    order = {a.id: k for k, a in enumerate(articles)}
    parent = {a.id: a.id for a in articles}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        ids = [i for i in link if i in parent]
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    groups: dict[str, list[str]] = {}
    for a in articles:
        groups.setdefault(root(a.id), []).append(a.id)
    return {a: tuple(sorted(groups[root(a)], key=order.__getitem__)) for a in parent}


SAME_SEASON_DAYS = 14  # stories of unknown year this close that name a common day are one year's
NEAR_DAYS = 3  # ... and this close, one year's whatever they name


def season_blocks(main_days: Mapping[tuple[str, ...], tuple[int, int]],
                  named: Mapping[tuple[str, ...], set[tuple[int, int]]]) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Stories of unknown year (article scopes) that tell one year's news, each to the first
    story of its block: their main days (month, day) at most ``NEAR_DAYS`` apart (two daily
    price reports, 21/7 and 22/7), or at most ``SAME_SEASON_DAYS`` apart when the two name a
    common day (a crime of 14/8 told by both, then its clip of 18/8 and its charges of 24/8).
    Their dates then go in one day order. Others keep their story order: days a week apart may be
    years apart (the seed cluster's 18/7 of 2018 and 24/7 of 2023, which name no common day)."""
    ordinal = {story: date(2000, month, day).toordinal() for story, (month, day) in main_days.items()}

    def one_year(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
        gap = abs(ordinal[a] - ordinal[b])
        return gap <= NEAR_DAYS or (gap <= SAME_SEASON_DAYS and bool(named.get(a, set()) & named.get(b, set())))

    # A story joins a block only when the rule holds with every story in it: step by step,
    # 16/7, 19/7, 22/7, 25/7 would chain days twelve apart that name nothing in common.
    blocks: list[list[tuple[str, ...]]] = []
    for story in sorted(ordinal, key=lambda s: (ordinal[s], s)):
        block = next((b for b in blocks if all(one_year(story, other) for other in b)), None)
        if block is None:
            blocks.append([story])
        else:
            block.append(story)
    return {story: min(block) for block in blocks for story in block}


def _order(events: list[Event], articles: Sequence[Article], twins: set[frozenset[str]]) -> list[Event]:
    """Dated events by date; then those of unknown year, one scope after another (in the order
    their first article comes), by month and day inside a scope only, or inside a block of
    scopes that tell one year's news (:func:`season_blocks`, their most named days as main days)."""
    known = sorted((e for e in events if e.date is not None and e.date.year is not None),
                   key=lambda e: e.date.sort_key())  # type: ignore[union-attr]
    unknown = [e for e in events if e.date is None or e.date.year is None]
    scopes = year_scopes(articles, list(twins) + [{s.article_id for s in e.sources} for e in unknown])
    texts = {a.id: f"{a.title}\n{a.text}" for a in articles}
    floors: dict[tuple[str, ...], int | None] = {}
    rank = {a.id: k for k, a in enumerate(articles)}
    placed = []
    for e in unknown:
        scope = scopes[e.sources[0].article_id]
        if scope not in floors:
            years = [y for y in (past_year_floor(texts[a]) for a in scope) if y is not None]
            floors[scope] = label_year_floor(max(years) if years else None, (texts[a] for a in scope))
        placed.append(replace(e, scope=scope, year_from=floors[scope]))
    named: dict[tuple[str, ...], Counter[tuple[int, int]]] = {}
    for e in placed:
        if e.date is not None and e.date.month is not None and e.date.day is not None:
            named.setdefault(e.scope, Counter())[(e.date.month, e.date.day)] += len(e.sources)
    blocks = season_blocks({scope: max(days, key=lambda d: (days[d], -d[0], -d[1])) for scope, days in named.items()},
                           {scope: set(days) for scope, days in named.items()})
    first: dict[tuple[str, ...], int] = {}
    for scope in sorted({e.scope for e in placed}, key=lambda sc: rank[sc[0]]):
        first.setdefault(blocks.get(scope, scope), rank[scope[0]])
    placed.sort(key=lambda e: (first[blocks.get(e.scope, e.scope)], e.date.month or 0 if e.date else 0,
                               e.date.day or 0 if e.date else 0))
    return known + placed
