"""Rankers score every sentence of a cluster; higher is more summary-worthy.

A ranker is any callable ``(Cluster) -> np.ndarray``; pick one by name from :data:`RANKERS`
or pass your own to :func:`tomtat.summarize`. Every feature here is linear in the cluster's
size (no sentence x sentence matrix).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

import numpy as np

from tomtat.core.errors import OptionsError
from tomtat.core.options import DEFAULTS, Options
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.features import article_support, is_lead, positions, title_similarity
from tomtat.summarize.scorer import LearnedRanker


class Ranker(Protocol):
    def __call__(self, cluster: Cluster) -> np.ndarray: ...


@dataclass(frozen=True)
class CentroidPositionRanker:
    """Unsupervised: lead paragraph, early position, closeness to the cluster centroid,
    support from other articles and title similarity, added with fixed weights (the
    ``unsupervised_*`` options; the centroid similarity's weight is the unit)."""

    centroid_weight: float = 1.0
    position_weight: float = DEFAULTS.unsupervised_position_weight
    support_weight: float = DEFAULTS.unsupervised_support_weight
    title_weight: float = DEFAULTS.unsupervised_title_weight
    lead_weight: float = DEFAULTS.unsupervised_lead_weight

    @classmethod
    def from_options(cls, options: Options) -> "CentroidPositionRanker":
        return cls(position_weight=options.unsupervised_position_weight,
                   support_weight=options.unsupervised_support_weight,
                   title_weight=options.unsupervised_title_weight, lead_weight=options.unsupervised_lead_weight)

    def __call__(self, cluster: Cluster) -> np.ndarray:
        n = len(cluster.sentences)
        if n == 0:
            return np.zeros(0)
        score = self.centroid_weight * cluster.vectors.centroid_similarity()
        if self.position_weight:
            score = score + self.position_weight / np.sqrt(1.0 + positions(cluster))
        if self.support_weight:
            score = score + self.support_weight * article_support(cluster)
        if self.title_weight:
            score = score + self.title_weight * title_similarity(cluster)
        if self.lead_weight:
            score = score + self.lead_weight * is_lead(cluster)
        return score


@dataclass(frozen=True)
class LeadRanker:
    """Baseline: the first sentences of each article first."""

    def __call__(self, cluster: Cluster) -> np.ndarray:
        return -positions(cluster)


def _learned(options: Options) -> Ranker:
    return LearnedRanker.default()


RANKERS: dict[str, Callable[[Options], Ranker]] = {
    "default": _learned,
    "learned": _learned,
    "unsupervised": CentroidPositionRanker.from_options,
    # The centroid similarity alone, by definition (no weights to tune).
    "centroid": lambda options: CentroidPositionRanker(position_weight=0.0, support_weight=0.0, title_weight=0.0,
                                                       lead_weight=0.0),
    "lead": lambda options: LeadRanker(),
}


def get_ranker(name: str, options: Options = DEFAULTS) -> Ranker:
    """The ranker called ``name``, built with ``options``' weights where it has any."""
    try:
        factory = RANKERS[name]
    except KeyError:
        raise OptionsError(f"unknown ranker {name!r}; known: {', '.join(sorted(RANKERS))}", field_name="ranker") from None
    return factory(options)
