"""The cluster view every ranker and selector reads: sentences with features, computed once."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Article, Sentence
from .text import Vectors, count_syllables, syllables


@dataclass
class Cluster:
    articles: list[Article]
    sentences: list[Sentence]
    tokens: list[list[str]]
    lengths: np.ndarray  # syllables per sentence
    vectors: Vectors
    similarity: np.ndarray  # sentence x sentence cosine
    duplicate_of: dict[str, tuple[str, float]]  # article id -> (kept article id, similarity)

    @classmethod
    def build(cls, articles: list[Article], sentences: list[Sentence],
              duplicate_of: dict[str, tuple[str, float]]) -> "Cluster":
        tokens = [syllables(s.text) for s in sentences]
        vectors = Vectors(tokens)
        return cls(articles, sentences, tokens,
                   np.array([count_syllables(s.text) for s in sentences], dtype=np.int64),
                   vectors, vectors.similarity(), duplicate_of)

    @property
    def total_syllables(self) -> int:
        return int(self.lengths.sum())

    def article_index(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}
