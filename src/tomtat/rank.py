"""Rankers score every sentence of a cluster; higher is more summary-worthy.

A ranker is any callable ``(Cluster) -> np.ndarray``; pick one by name from :data:`RANKERS`
or pass your own to :func:`tomtat.summarize`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from .cluster import Cluster
from .text import Vectors, syllables


class Ranker(Protocol):
    def __call__(self, cluster: Cluster) -> np.ndarray: ...


def positions(cluster: Cluster) -> np.ndarray:
    """0-based position of each sentence among its article's selectable sentences."""
    seen: dict[str, int] = {}
    out = np.zeros(len(cluster.sentences))
    for i, sentence in enumerate(cluster.sentences):
        if sentence.selectable:
            out[i] = seen.get(sentence.article_id, 0)
            seen[sentence.article_id] = int(out[i]) + 1
    return out


def title_similarity(cluster: Cluster) -> np.ndarray:
    titles = {a.id: a.title for a in cluster.articles}
    if not any(titles.values()):
        return np.zeros(len(cluster.sentences))
    vectors = Vectors([syllables(titles[s.article_id]) for s in cluster.sentences] + cluster.tokens)
    n = len(cluster.sentences)
    m = vectors.matrix
    return np.asarray(m[:n].multiply(m[n:]).sum(axis=1)).ravel()


@dataclass(frozen=True)
class CentroidPositionRanker:
    """Unsupervised: closeness to the cluster centroid, support from other articles, early position."""

    centroid_weight: float = 1.0
    position_weight: float = 0.35
    support_weight: float = 0.3
    title_weight: float = 0.2

    def __call__(self, cluster: Cluster) -> np.ndarray:
        n = len(cluster.sentences)
        if n == 0:
            return np.zeros(0)
        centroid = cluster.vectors.centroid_similarity()
        pos = positions(cluster)
        position = 1.0 / np.sqrt(1.0 + pos)
        articles = np.array([s.article_id for s in cluster.sentences])
        other = articles[:, None] != articles[None, :]
        # Support: how strongly other articles say something similar (the core facts recur).
        support = np.where(other, cluster.similarity, 0.0).max(axis=1) if len(set(articles)) > 1 else np.zeros(n)
        score = (self.centroid_weight * centroid + self.position_weight * position
                 + self.support_weight * support + self.title_weight * title_similarity(cluster))
        return score


@dataclass(frozen=True)
class LeadRanker:
    """Baseline: the first sentences of each article first."""

    def __call__(self, cluster: Cluster) -> np.ndarray:
        return -positions(cluster)


RANKERS: dict[str, Callable[[], Ranker]] = {
    "default": CentroidPositionRanker,
    "centroid": lambda: CentroidPositionRanker(position_weight=0.0, support_weight=0.0, title_weight=0.0),
    "lead": LeadRanker,
}


def get_ranker(name: str) -> Ranker:
    from .errors import OptionsError

    try:
        return RANKERS[name]()
    except KeyError:
        raise OptionsError(f"unknown ranker {name!r}; known: {', '.join(sorted(RANKERS))}", field_name="ranker") from None
