"""ingest → normalize → clean → split → dedup → rank → select → order → trim → render.

:class:`Summarizer` holds the parts (each a small interface, replaceable) and is safe to
share across threads: it keeps no state between calls. The story features (timeline,
entities, events) sit a layer above, in :mod:`tomtat.story.summarizer`, which extends this
class through :meth:`Summarizer.story_context`, :meth:`Summarizer.choose`,
:meth:`Summarizer.story_features` and :meth:`Summarizer.arrange`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

from tomtat.summarize.budget import syllable_budget
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.dedup import ArticleDeduplicator
from tomtat.core.errors import OptionsError, Problems
from tomtat.ingest import ArticleInput, read_inputs
from tomtat.core.model import Article, ArticleInfo, StoryEvent, Summary, SummarySentence
from tomtat.vi.dates import DateMention, article_anchor
from tomtat.vi.time_context import anchored_articles
from tomtat.core.options import Options
from tomtat.summarize.order import keep_after_predecessor, order_sentences, predecessor
from tomtat.summarize.rankers import Ranker, get_ranker
from tomtat.summarize.scorer import LearnedRanker
from tomtat.summarize.select import Selector, make_selector
from tomtat.summarize.split import SentenceSplitter
from tomtat.summarize.trim import NoTrimmer, PatternTrimmer, Trimmer, with_end_mark, without_the_days_word
from tomtat.vi.openers import Openers


# The options each replaceable part is built from when it is not passed in.
_SETTINGS_OF_PART = {
    "ranker": ("ranker", "unsupervised_position_weight", "unsupervised_support_weight", "unsupervised_title_weight",
               "unsupervised_lead_weight"),
    "selector": ("selector", "redundancy", "duplicate_sentence_threshold", "containment_threshold", "same_fact_containment",
                 "length_overshoot", "min_sentence_syllables", "long_sentence_syllables", "long_sentence_penalty",
                 "selection_pool", "coverage_temperature", "coverage_cost_exponent", "coverage_pool"),
    "trimmer": ("trim",),
}


@dataclass
class Summarizer:
    options: Options = field(default_factory=Options)
    ranker: Ranker | None = None
    selector: Selector | None = None
    splitter: SentenceSplitter | None = None
    # Openers that lean on the sentence before ("Tuy nhiên,", "Ông này"): the default selector
    # takes such a sentence only after its predecessor, and the order keeps the two together.
    # None turns this off. ``trimmer`` removes what a reader does not need (Options.trim).
    openers: Openers | None = field(default_factory=Openers.default)
    trimmer: Trimmer | None = None

    def __post_init__(self) -> None:
        self._refuse_ignored_options()
        self.ranker = self.ranker or get_ranker(self.options.ranker, self.options)
        self.selector = self.selector or make_selector(self.options, self.openers,
                                                       learned_scores=isinstance(self.ranker, LearnedRanker))
        if self.trimmer is None:
            self.trimmer = PatternTrimmer.default(self.openers) if self.options.trim else NoTrimmer()
        self.splitter = self.splitter or SentenceSplitter.default()

    def _refuse_ignored_options(self) -> None:
        """A part passed in has its own settings: options that would configure it are refused
        rather than silently ignored."""
        changed = set(self.options.changed())
        for part, names in _SETTINGS_OF_PART.items():
            clash = sorted(changed.intersection(names))
            if getattr(self, part) is not None and clash:
                raise OptionsError(f"would be ignored: a {part} was passed in; configure the {part} instead",
                                   field_name=clash[0])

    def read(self, inputs: Iterable[ArticleInput], problems: Problems) -> list[Article]:
        return read_inputs(inputs, problems)

    def build_cluster(self, articles: list[Article]) -> Cluster:
        assert self.splitter is not None
        duplicate_of = ArticleDeduplicator(self.options.duplicate_article_threshold,
                                           min_shared=self.options.duplicate_article_min_shared).find(articles)
        sentences = [s for a in articles for s in self.splitter.split(a)]
        return Cluster.build(articles, sentences, duplicate_of)

    def summarize(self, inputs: Iterable[ArticleInput]) -> Summary:
        problems = Problems(strict=self.options.strict)
        articles = self.read(inputs, problems)
        return self.summarize_articles(articles, warnings=[str(w) for w in problems.warnings])

    def summarize_articles(self, articles: list[Article], *, warnings: list[str] | None = None) -> Summary:
        assert self.ranker is not None and self.selector is not None
        cluster = self.build_cluster(articles)
        scores = np.asarray(self.ranker(cluster), dtype=np.float64) if cluster.sentences else np.zeros(0)
        budget = syllable_budget(self.options, cluster.total_syllables)
        context = self.story_context(cluster) if cluster.sentences else None
        chosen = self.choose(cluster, scores, budget, context) if cluster.sentences else []
        sentence_dates, story = self.story_features(cluster)
        ordered, order_used = order_sentences(cluster, chosen, [float(scores[i]) for i in chosen], self.options.order,
                                              sentence_dates)
        leans = self.leans(cluster)
        if self.openers is not None:
            ordered = keep_after_predecessor(cluster, ordered, leans)
        ordered, events, order_used = self.arrange(cluster, ordered, order_used, context, leans)
        opens = frozenset(e.sentences[0] for e in events if e.sentences)  # a labelled event starts anew
        summary_sentences = tuple(self._render(cluster, ordered, scores, opens, _days_shown(events)))
        counts: dict[str, int] = {}
        for s in cluster.sentences:
            counts[s.article_id] = counts.get(s.article_id, 0) + 1
        infos = tuple(
            ArticleInfo(id=a.id, title=a.title, path=a.path, source=a.source, url=a.url, published=a.published,
                        duplicate_of=cluster.duplicate_of.get(a.id, (None, 0.0))[0], sentences=counts.get(a.id, 0),
                        lead=a.lead, removed=a.removed, text=a.text)
            for a in articles
        )
        duplicates = tuple((a, b, s) for a, (b, s) in cluster.duplicate_of.items())
        return Summary(text=" ".join(s.text for s in summary_sentences), sentences=summary_sentences,
                       articles=infos, duplicates=duplicates, order=order_used, budget_syllables=budget,
                       warnings=tuple(warnings or ()),
                       events=tuple(events), **story, **self.summary_notes(cluster, summary_sentences))

    def story_context(self, cluster: Cluster) -> Any:
        """What the story layer knows of the cluster for one call (its events); none here."""
        return None

    def choose(self, cluster: Cluster, scores: np.ndarray, budget: int, context: Any) -> list[int]:
        """The chosen sentences (cluster indexes); the story layer makes the choice event-aware."""
        assert self.selector is not None
        return self.selector(cluster, scores, budget, max_sentences=self.options.sentences)

    def arrange(self, cluster: Cluster, ordered: list[int], order_used: str, context: Any,
                leans: Callable[[int], bool]) -> tuple[list[int], list[StoryEvent], str]:
        """The final reading order, its events and the order's name; the story layer groups
        the sentences into events (``Options.layout``). Here: as ordered, no events."""
        return ordered, [], order_used

    def leans(self, cluster: Cluster) -> Callable[[int], bool]:
        """Does sentence i lean on the one before it in its article: an opener ("Tuy nhiên,",
        "Cùng ngày,"), or a relative time ("Hôm qua,") its article has no date to count from?"""
        openers = self.openers
        if openers is None:
            return lambda i: False
        anchored = anchored_articles(cluster.articles)
        return lambda i: openers.leans_back(cluster.sentences[i].text, anchored=anchored[cluster.sentences[i].article_id])

    def story_features(self, cluster: Cluster) -> tuple[Mapping[tuple[str, int], DateMention], dict[str, Any]]:
        """The date of each dated sentence (for the chronological order) and the story's
        fields of the result (``timeline``, ``entities``); none at this layer (see
        :mod:`tomtat.story.summarizer`)."""
        return {}, {}

    def summary_notes(self, cluster: Cluster, sentences: Sequence[SummarySentence]) -> dict[str, Any]:
        """Fields of the result about the summary's own text (``abbreviations``); none at this
        layer (see :mod:`tomtat.story.summarizer`)."""
        return {}

    def _render(self, cluster: Cluster, ordered: list[int], scores: np.ndarray,
                opens: frozenset[int] = frozenset(), days: Mapping[int, date] | None = None) -> Iterable[SummarySentence]:
        """The summary's sentences as the reader gets them; ``opens``: the positions that open
        an event (after another event's sentences, "Trước đó," would point at the wrong fact);
        ``days``: the day each position's event label shows, when it shows one day."""
        assert self.trimmer is not None
        anchors: dict[str, date | None] = {}
        for k, i in enumerate(ordered):
            s = cluster.sentences[i]
            # An opener is kept when the sentence it leans on comes right before it.
            trimmed = self.trimmer(s.text, after_predecessor=k > 0 and ordered[k - 1] == predecessor(cluster, i),
                                   first=k == 0 or k in opens)
            if days and k in days and self.options.trim and trimmed.text[:1] in "HhNn":
                if s.article_id not in anchors:
                    a = cluster.articles[cluster.article_index()[s.article_id]]
                    anchors[s.article_id] = article_anchor(a.published, f"{a.title}\n{a.text}")[0]
                trimmed = without_the_days_word(trimmed, days[k], anchors[s.article_id], self.openers)
            text = with_end_mark(trimmed.text) if self.options.trim else trimmed.text  # presentation only
            yield SummarySentence(text=text, article_id=s.article_id, sentence_index=s.index, start=s.start,
                                  end=s.end, score=round(float(scores[i]), 6), source_text=s.text,
                                  removed=trimmed.removed)


def _days_shown(events: Sequence[StoryEvent]) -> dict[int, date]:
    """Position -> the one day its event's label shows ("31/5/2016"; not a span, nor a day of unknown year)."""
    out: dict[int, date] = {}
    for e in events:
        if e.precision == "day" and e.date_end is None and e.date and len(e.date) == 10 and not e.date.startswith("-"):
            day = date.fromisoformat(e.date)
            out.update((k, day) for k in e.sentences)
    return out
