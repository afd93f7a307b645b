"""Near-duplicate articles (two outlets' copies of one story) and near-duplicate sentences."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import Article
from .text import Vectors, syllables


@dataclass(frozen=True)
class ArticleDeduplicator:
    """Marks an article a duplicate of an earlier one when their TF-IDF cosine reaches ``threshold``.

    TF-IDF over syllable uni+bigrams, not shingle overlap: two outlets' translations of one
    wire story share names, numbers and phrases but few exact 5-gram shingles.
    """

    threshold: float = 0.5

    def find(self, articles: list[Article]) -> dict[str, tuple[str, float]]:
        if len(articles) < 2:
            return {}
        vectors = Vectors([syllables(f"{a.title}\n{a.text}") for a in articles])
        similarity = vectors.similarity()
        duplicate_of: dict[str, tuple[str, float]] = {}
        for j in range(1, len(articles)):
            best = int(np.argmax(similarity[j, :j]))
            score = float(similarity[j, best])
            if score >= self.threshold:
                root = articles[best].id
                root = duplicate_of.get(root, (root, score))[0]
                duplicate_of[articles[j].id] = (root, score)
        return duplicate_of

    def similarity(self, articles: list[Article]) -> np.ndarray:
        return Vectors([syllables(f"{a.title}\n{a.text}") for a in articles]).similarity()
