"""Selectors choose sentences under a syllable budget, never two that say the same thing."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .cluster import Cluster

MIN_SYLLABLES = 8
MAX_SYLLABLES = 90


class Selector(Protocol):
    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]: ...


@dataclass(frozen=True)
class MMRSelector:
    """Maximal marginal relevance under a length budget.

    ``redundancy`` trades score for novelty; a candidate at or above ``duplicate_threshold``
    cosine to a chosen sentence is never taken (the same fact told twice).
    """

    redundancy: float = 0.5
    duplicate_threshold: float = 0.6
    overshoot: float = 0.1  # may end up to 10% over budget rather than stop well short

    def __call__(self, cluster: Cluster, scores: np.ndarray, budget: int, *, max_sentences: int | None = None) -> list[int]:
        n = len(cluster.sentences)
        lengths = cluster.lengths
        eligible = np.array([s.selectable for s in cluster.sentences], dtype=bool) & (lengths >= MIN_SYLLABLES)
        if not eligible.any():
            eligible = np.array([s.selectable for s in cluster.sentences], dtype=bool) & (lengths > 0)
        span = float(scores[eligible].max() - scores[eligible].min()) if eligible.any() else 1.0
        normalized = (scores - (scores[eligible].min() if eligible.any() else 0.0)) / (span or 1.0)
        normalized = normalized - 0.3 * (lengths > MAX_SYLLABLES)
        chosen: list[int] = []
        used = 0
        max_similarity = np.zeros(n)
        limit = budget * (1 + self.overshoot)
        while True:
            if max_sentences is not None and len(chosen) >= max_sentences:
                break
            value = (1 - self.redundancy) * normalized - self.redundancy * max_similarity
            value = np.where(eligible, value, -np.inf)
            fits = used + lengths <= limit if max_sentences is None else np.ones(n, dtype=bool)
            if not chosen and not fits[eligible].any():
                fits = eligible  # nothing fits: take the best single sentence rather than nothing
            value = np.where(fits, value, -np.inf)
            best = int(np.argmax(value))
            if not np.isfinite(value[best]):
                break
            chosen.append(best)
            used += int(lengths[best])
            eligible[best] = False
            max_similarity = np.maximum(max_similarity, cluster.similarity[best])
            eligible &= max_similarity < self.duplicate_threshold
            if max_sentences is None and used >= budget:
                break
        return chosen
