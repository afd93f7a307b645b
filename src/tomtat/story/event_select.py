"""Selection that knows the cluster's events: each distinct happening once, no fact twice.

:class:`EventSelector` wraps any :class:`~tomtat.select.Selector` (same call shape) and
changes nothing when the inner choice already covers the cluster's happenings and repeats
no fact. Otherwise:

* **No fact twice.** Two chosen sentences from different articles that tell the same day
  (their days agree: a sentence's own date, else the day it is told under) and share much of
  their words (TF-IDF cosine at least
  ``same_day_similarity``) are one fact told by two outlets in different words ("tuyến 68
  khai trương sáng 12/3" twice); the lower-scored one is left out and the rest chosen again.
* **One lede a day** (when asked for). Two outlets' ledes (a sapo's sentences and the first
  two of an article's body) on the same day tell the day's news, each in its own words, often
  below that cosine (a hand check found an announcement told four times): at
  ``lede_repeat_similarity`` they are one fact too. Off by default: each outlet's lede shares
  words with the references, and ROUGE on ViMs falls by 0.005-0.007 without them.
* **Each happening once.** When the cluster tells several distinct happenings (stories whose
  main days are apart, see :meth:`ClusterDates.happenings`) and the inner choice leaves one
  out, the best-scored sentence of that happening that a reader can take alone (not cut,
  not leaning on a sentence before it, preferably dated on the happening's main day) is kept first,
  and the inner selector fills the rest of the budget from the other sentences, without the
  kept ones and their near copies.

Sentences are left out by showing the inner selector a view of the cluster in which they
are not selectable, so the inner selector's own rules (redundancy, length, openers) hold.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

import numpy as np

from tomtat.story.events import ClusterDates, When
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.features import positions
from tomtat.core.options import DEFAULTS
from tomtat.summarize.select import Selector
from tomtat.vi.openers import Openers

_ROUNDS = 3  # re-selections at most (each leaves out what the last one repeated)
_LEDE_SENTENCES = 2  # an article's lede: its sapo's sentences and the first two of its body


@dataclass
class EventSelector:
    inner: Selector
    dates: ClusterDates
    openers: Openers | None = None
    same_day_similarity: float = DEFAULTS.same_day_similarity
    lede_repeat_similarity: float = DEFAULTS.lede_repeat_similarity
    near_copy_similarity: float = 0.5  # a near copy of a kept sentence is not chosen again
    max_share_kept: float = 0.6  # kept sentences take at most this share of the budget
    min_syllables: int = DEFAULTS.min_sentence_syllables  # a kept sentence is neither this short ...
    max_syllables: int = DEFAULTS.long_sentence_syllables  # ... nor this long

    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]:
        chosen = self.inner(cluster, scores, budget, max_sentences=max_sentences)
        left_out: set[int] = set()
        kept: list[int] = []
        for _ in range(_ROUNDS):
            repeated = self._repeats(cluster, scores, kept + chosen)
            kept_now = self._missing_happenings(cluster, scores, kept + chosen, left_out | repeated, budget)
            if not repeated and not kept_now:
                break
            left_out |= repeated
            kept = [k for k in kept if k not in repeated] + kept_now
            chosen = self._fill(cluster, scores, budget, max_sentences, kept, left_out)
        return kept + chosen

    def _fill(self, cluster: Cluster, scores: np.ndarray, budget: int, max_sentences: int | None,
              kept: list[int], left_out: set[int]) -> list[int]:
        hidden = set(left_out) | set(kept)
        if kept:
            similar = cluster.similarity_rows(kept).max(axis=0)
            hidden |= set(np.flatnonzero(similar >= self.near_copy_similarity).tolist())
        remaining = budget - int(cluster.lengths[kept].sum()) if kept else budget
        if max_sentences is not None:
            max_sentences -= len(kept)
            if max_sentences <= 0:
                return []
        if remaining <= 0 and max_sentences is None:
            return []
        view = dataclasses.replace(cluster, sentences=[dataclasses.replace(s, kind="heading") if k in hidden else s
                                                       for k, s in enumerate(cluster.sentences)])
        return self.inner(view, scores, max(remaining, 1), max_sentences=max_sentences)

    def _repeats(self, cluster: Cluster, scores: np.ndarray, chosen: list[int]) -> set[int]:
        """The lower-scored of each pair that tells one day's fact twice, from two articles."""
        day_of = {i: day for i in chosen if (day := self._day(i)) is not None}
        dated = list(day_of)
        pairs = [(a, b) for a in range(len(dated)) for b in range(a + 1, len(dated))
                 if cluster.sentences[dated[a]].article_id != cluster.sentences[dated[b]].article_id
                 and self._same_day(day_of[dated[a]], day_of[dated[b]])]
        if not pairs:
            return set()  # no similarity product needed
        similarity = cluster.similarity_rows(dated, dated)
        lede = self._ledes(cluster, dated) if self.lede_repeat_similarity < 1 else set()
        out: set[int] = set()
        for a, b in pairs:
            i, j = dated[a], dated[b]
            threshold = self.lede_repeat_similarity if i in lede and j in lede else self.same_day_similarity
            if i not in out and j not in out and similarity[a, b] >= min(threshold, self.same_day_similarity):
                out.add(j if scores[i] >= scores[j] else i)
        return out

    @staticmethod
    def _ledes(cluster: Cluster, indexes: list[int]) -> set[int]:
        """Of ``indexes``, the sentences of a sapo and the first two of an article's body."""
        sapo = Counter(s.article_id for s in cluster.sentences if s.kind == "lead" and s.selectable)
        position = positions(cluster)
        return {i for i in indexes if cluster.sentences[i].kind == "lead"
                or position[i] - sapo.get(cluster.sentences[i].article_id, 0) < _LEDE_SENTENCES}

    def _day(self, i: int) -> When | None:
        """The day a sentence tells: its own, else, when it names no date at all, the one it is
        told under (its paragraph's or its story's main day: "Marco Reus không thể góp mặt ..."
        in a report of 31/5). A sentence that names only a month or a year tells no day."""
        day = self.dates.own[i] if self.dates.own[i] is not None else self.dates.told[i]
        return day if day is not None and day.precision == "day" else None

    @staticmethod
    def _same_day(a: When | None, b: When | None) -> bool:
        if a is None or b is None:
            return False
        return (a.month, a.day) == (b.month, b.day) and (a.year is None or b.year is None or a.year == b.year)

    def _missing_happenings(self, cluster: Cluster, scores: np.ndarray, chosen: list[int], left_out: set[int],
                            budget: int) -> list[int]:
        happenings = self.dates.happenings()
        if len(happenings) < 2:
            return []
        story_of = self.dates.scope
        covered = {story_of[cluster.sentences[i].article_id] for i in chosen}
        kept: list[int] = []
        used = 0
        for _, stories in happenings:
            if any(story in covered for story in stories):
                continue
            days = [self.dates.main[story][0] for story in stories]  # the happening's main day is the first
            best = self._representative(cluster, scores, days, {a for s in stories for a in s}, left_out)
            if best is None or used + int(cluster.lengths[best]) > self.max_share_kept * budget:
                continue
            kept.append(best)
            used += int(cluster.lengths[best])
        return kept

    def _representative(self, cluster: Cluster, scores: np.ndarray, days: list[When], articles: set[str],
                        left_out: set[int]) -> int | None:
        """The best-scored sentence of these articles a reader can take alone, one dated on a
        main day of the happening (``days``: its stories' own) if any such sentence exists.
        Only those days: a day merely near one is often a side fact ("Hôm 24/7, tàu ngầm ...
        đã đến Hàn Quốc" in a report of a visit on 27/7), told instead of the happening."""
        best: tuple[bool, float, int] | None = None
        for i, s in enumerate(cluster.sentences):
            if s.article_id not in articles or not s.selectable or i in left_out:
                continue
            if not self.min_syllables <= cluster.lengths[i] <= self.max_syllables or cluster.never_chosen[i]:
                continue
            if self.openers is not None and self.openers.leans_back(s.text, anchored=self.dates.anchored.get(s.article_id, False)):
                continue
            own = self.dates.own[i]
            candidate = (any(self._same_day(own, day) for day in days), float(scores[i]), -i)
            if best is None or candidate > best:
                best = candidate
        return -best[2] if best is not None else None
