"""The cluster view every ranker and selector reads: sentences with features, computed once.

Nothing here is quadratic in the number of sentences: similarities are computed on demand,
row by row (:meth:`Cluster.similarity_rows`), so a 5 MB article (~40k sentences) or a
60-article cluster costs memory in proportion to its text, not to its square.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tomtat.core.model import Article, Sentence
from tomtat.vi.text import Vectors, syllables


@dataclass
class Cluster:
    articles: list[Article]
    sentences: list[Sentence]
    tokens: list[list[str]]
    lengths: np.ndarray  # syllables per sentence
    vectors: Vectors
    duplicate_of: dict[str, tuple[str, float]]  # article id -> (kept article id, similarity)

    @classmethod
    def build(cls, articles: list[Article], sentences: list[Sentence],
              duplicate_of: dict[str, tuple[str, float]]) -> "Cluster":
        tokens = [syllables(s.text) for s in sentences]
        return cls(articles, sentences, tokens, np.array([len(t) for t in tokens], dtype=np.int64),
                   Vectors(tokens), duplicate_of)

    @property
    def total_syllables(self) -> int:
        return int(self.lengths.sum())

    def similarity_rows(self, rows: np.ndarray | list[int], columns: np.ndarray | list[int] | None = None) -> np.ndarray:
        """Dense cosine of the given sentences (rows) with ``columns`` (default: every sentence)."""
        m = self.vectors.matrix
        right = m if columns is None else m[np.asarray(columns, dtype=np.int64)]
        return np.asarray((m[np.asarray(rows, dtype=np.int64)] @ right.T).todense())

    def article_index(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}

    def article_numbers(self) -> np.ndarray:
        """For each sentence, the index of its article in :attr:`articles`."""
        index = self.article_index()
        return np.array([index.get(s.article_id, -1) for s in self.sentences], dtype=np.int64)
