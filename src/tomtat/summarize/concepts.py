"""Learned concept weights for coverage selection: how likely a syllable bigram of the
cluster is to be in a human summary.

:class:`~tomtat.summarize.select.CoverageSelector` covers the most weighted bigrams within
the length. Weighing a bigram by the scores of the sentences that use it (the fallback)
counts a bigram as good as its best sentence, whether it is a name four outlets repeat or
"của các". The concept model (``resources/concept_scorer.json``, written by
``training/train_concepts.py``; the same tree format as the sentence scorer) predicts the
share of human summaries that contain the bigram from what is known of it: the scores of
the sentences using it at three temperatures, how many of the best ten use it, the share
of the outlets that report it, its rarity (idf), and the best title similarity, centroid
similarity, support and lead similarity and position among its sentences. On held-out
data this raised ROUGE-2 on both corpora (docs/summary-quality.md).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from tomtat.core.errors import ModelError
from tomtat.summarize.cluster import Cluster
from tomtat.summarize.features import compute_features
from tomtat.summarize.scorer import ScorerModel

CONCEPT_RESOURCE = "concept_scorer.json"
TOP = 10  # "used by one of the best ten sentences"
# Sentence features whose best value among a bigram's sentences is a concept feature.
_BEST_OF = ("title_similarity", "centroid", "bigram_support", "lead_similarity", "position_inverse_sqrt")

CONCEPT_FEATURES: tuple[str, ...] = (
    "score_sum_t1", "score_sum_t025", "score_sum_t05", "score_max_t05", "in_top", "outlet_share",
    "outlets_log", "idf", "articles_log",
    *(f"best_{name}" for name in _BEST_OF),
)


def concept_features(cluster: Cluster, scores: np.ndarray, candidates: np.ndarray, concepts: sparse.csr_matrix,
                     columns: np.ndarray) -> np.ndarray:
    """Concepts x :data:`CONCEPT_FEATURES`. ``candidates``: the selector's pool (cluster
    indexes, best first); ``concepts``: pool x concepts, 1.0 where the sentence uses the
    bigram; ``columns``: each concept's index among the cluster's bigram columns."""
    # Per concept, sums and maxima over the pool sentences that use it, as numpy reductions
    # over the column segments of the sparse matrix (scipy's sparse max/multiply cost ~10x more).
    by_concept = concepts.tocsc()
    users, starts = by_concept.indices, by_concept.indptr[:-1]  # every pool concept has a user
    relative = scores[candidates] - scores[candidates].max()

    def score_sum(temperature: float) -> np.ndarray:
        return np.log(np.add.reduceat(np.exp(relative / temperature)[users], starts) + 1e-9)

    def best(values: np.ndarray) -> np.ndarray:
        return np.maximum.reduceat(values[users], starts)

    top = np.zeros(len(candidates))
    top[:TOP] = 1.0
    spread = cluster.bigram_spread
    reported = spread.reported_by[columns]
    articles = max(len(cluster.articles), 1)
    features = compute_features(cluster)
    values = {
        "score_sum_t1": score_sum(1.0), "score_sum_t025": score_sum(0.25), "score_sum_t05": score_sum(0.5),
        "score_max_t05": best(np.exp(relative / 0.5)),
        "in_top": np.add.reduceat(top[users], starts),
        "outlet_share": reported / articles, "outlets_log": np.log1p(reported),
        "idf": cluster.vectors.idf[len(cluster.vectors.vocabulary) + columns],
        "articles_log": np.full(len(columns), np.log(articles)),
        **{f"best_{name}": best(features[name][candidates]) for name in _BEST_OF},
    }
    return np.column_stack([values[name] for name in CONCEPT_FEATURES])


@dataclass(frozen=True)
class ConceptWeigher:
    """Each concept's weight: the concept model's predicted share of summaries that use it."""

    model: ScorerModel
    floor: float = 1e-4  # a weight is never 0 or negative (trees can undershoot)

    def __post_init__(self) -> None:
        unknown = [name for name in self.model.features if name not in CONCEPT_FEATURES]
        if unknown:
            raise ModelError(f"concept model: unknown feature(s) {', '.join(unknown)}")

    @classmethod
    def default(cls) -> "ConceptWeigher":
        return cls(ScorerModel.load(resource=CONCEPT_RESOURCE))

    def __call__(self, cluster: Cluster, scores: np.ndarray, candidates: np.ndarray, concepts: sparse.csr_matrix,
                 columns: np.ndarray) -> np.ndarray:
        x = concept_features(cluster, scores, candidates, concepts, columns)
        if self.model.features != CONCEPT_FEATURES:
            x = x[:, [CONCEPT_FEATURES.index(name) for name in self.model.features]]
        return np.clip(self.model.predict(x), self.floor, None)
