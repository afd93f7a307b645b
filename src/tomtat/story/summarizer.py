"""The summarizer a reader gets: the summary plus the story's timeline and entities.

It extends :class:`tomtat.summarize.pipeline.Summarizer` (which knows nothing of stories)
with the story features of this layer: the timeline dates the chronological order, and the
timeline, entities and what the summary's abbreviations stand for go into the result. The cluster's events (:mod:`tomtat.story.events`)
make the selection cover each distinct happening once without telling one day's fact twice
(:class:`~tomtat.story.event_select.EventSelector`), and, with ``Options.layout`` "story"
(and the ``auto`` order), group the summary's sentences into events in time order, a person
introduced in an event before a sentence names them short (:mod:`tomtat.story.cohesion`).
"""
from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence, cast

import numpy as np

from tomtat.core.model import Article, StoryEvent, Summary, SummarySentence
from tomtat.core.options import Options
from tomtat.ingest import ArticleInput
from tomtat.story.abbreviations import Glossary
from tomtat.story.cohesion import PersonReferences
from tomtat.story.entities import EntityExtractor
from tomtat.story.event_select import EventSelector
from tomtat.story.events import ClusterDates, story_events
from tomtat.story.timeline import TimelineBuilder
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.pipeline import Summarizer as BaseSummarizer
from tomtat.summarize.rankers import Ranker
from tomtat.summarize.select import Selector
from tomtat.vi.dates import DateFinder, DateMention


@dataclass
class Summarizer(BaseSummarizer):
    timeline_builder: TimelineBuilder | None = None
    entity_extractor: EntityExtractor | None = None
    glossary: Glossary | None = None
    # Timeline and entities cost ~30% of a summary; batch jobs that only want the summary
    # text turn them off (the date order then still uses dates when asked for).
    story: bool = True
    # Selection that knows the cluster's events: each distinct happening once, one day's fact
    # not twice from two outlets. False: the selector alone.
    event_selection: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        self.timeline_builder = self.timeline_builder or TimelineBuilder()
        self.entity_extractor = self.entity_extractor or EntityExtractor()
        self.glossary = self.glossary or Glossary()
        self._people = PersonReferences(self.entity_extractor.res) if self.options.introductions_first else None

    def story_context(self, cluster: Cluster) -> ClusterDates | None:
        # Only event selection and the story layout read it (see choose and arrange).
        if not (self.event_selection or (self.options.layout == "story" and self.options.order == "auto")):
            return None
        return ClusterDates.build(cluster, self._date_finder(cluster), window_days=self.options.event_window_days)

    def _date_finder(self, cluster: Cluster) -> DateFinder:
        """One date finder per cluster (a copy of the timeline's, without its memory): event
        selection and the timeline date the same sentences, the second pass from memory, and
        the memory ends with the cluster (no summary is faster for having seen another)."""
        assert self.timeline_builder is not None
        if "date_finder" not in cluster.memo:
            cluster.memo["date_finder"] = copy.copy(self.timeline_builder.finder)
        finder: DateFinder = cluster.memo["date_finder"]
        return finder

    def choose(self, cluster: Cluster, scores: np.ndarray, budget: int, context: Any) -> list[int]:
        if not self.event_selection or context is None:
            return super().choose(cluster, scores, budget, context)
        assert self.selector is not None
        selector = EventSelector(self.selector, context, self.openers, min_syllables=self.options.min_sentence_syllables,
                                 max_syllables=self.options.long_sentence_syllables,
                                 same_day_similarity=self.options.same_day_similarity,
                                 lede_repeat_similarity=self.options.lede_repeat_similarity)
        return selector(cluster, scores, budget, max_sentences=self.options.sentences)

    def arrange(self, cluster: Cluster, ordered: list[int], order_used: str, context: Any,
                leans: Callable[[int], bool]) -> tuple[list[int], list[StoryEvent], str]:
        if self.options.layout != "story" or self.options.order != "auto" or context is None:
            return ordered, [], order_used
        namings = self._people.namings([cluster.sentences[i] for i in ordered]) if self._people else None
        openers = self.openers  # a thing named by its kind alone is introduced first too ("Dự án tọa lạc ...")
        by_kind = (lambda i: openers.names_by_kind(cluster.sentences[i].text)) if openers and self._people else None
        new_order, events = story_events(cluster, ordered, context, leans, namings, interleave=order_used == "date",
                                         by_kind=by_kind)
        return new_order, events, "story"

    def story_features(self, cluster: Cluster) -> tuple[Mapping[tuple[str, int], DateMention], dict[str, Any]]:
        assert self.timeline_builder is not None and self.entity_extractor is not None
        if not (self.story or self.options.order == "chronological"):
            return {}, {}
        timeline = self.timeline_builder.build(cluster.articles, cluster.sentences, cluster.duplicate_of,
                                               finder=self._date_finder(cluster))
        story: dict[str, Any] = {}
        if self.story:
            story = {"timeline": timeline.to_dict(),
                     "entities": tuple(e.to_dict() for e in self.entity_extractor.extract(cluster.sentences))}
        return timeline.sentence_dates(), story


    def summary_notes(self, cluster: Cluster, sentences: Sequence[SummarySentence]) -> dict[str, Any]:
        # Cheap (the summary's few sentences, and only articles that write the abbreviation), so
        # given with the story features off too: the text output shows it.
        assert self.glossary is not None
        explained = self.glossary.explain([s.text for s in sentences], cluster.articles)
        return {"abbreviations": tuple(a.to_dict() for a in explained)}


def summarize(inputs: Iterable[ArticleInput] | ArticleInput, options: Options | None = None, *,
              ranker: Ranker | None = None, selector: Selector | None = None) -> Summary:
    """Summarize one cluster of articles.

    ``inputs``: paths (files or folders), mappings with ``text``/``raw_text`` (and optional
    ``title``, ``anchor_text``, ``published``, ``source``, ``url``, ``id``), or
    :class:`~tomtat.core.model.Article` objects. A single path or mapping is accepted too.
    """
    single = isinstance(inputs, (str, bytes, dict, Article)) or hasattr(inputs, "__fspath__")
    many = cast(Iterable[ArticleInput], [inputs] if single else inputs)
    return Summarizer(options or Options(), ranker=ranker, selector=selector).summarize(many)
