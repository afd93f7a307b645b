"""Syllables and n-gram features: the shared vocabulary of dedup, ranking and selection.

Vietnamese words are runs of space-separated syllables; syllable unigrams plus bigrams
stand in for segmented words at a fraction of a word segmenter's cost (no model call on the
hot path), which is what makes the pipeline many times faster than a pyvi-based peer.
"""
from __future__ import annotations

import re
from typing import Sequence

import numpy as np
from scipy import sparse

_SYLLABLE = re.compile(r"[^\W_]+")


def syllables(text: str) -> list[str]:
    """Lowercased syllables (letters and digits), punctuation dropped."""
    return _SYLLABLE.findall(text.lower())


def count_syllables(text: str) -> int:
    return len(_SYLLABLE.findall(text))


def ngram_features(tokens: Sequence[str]) -> list[str]:
    return list(tokens) + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def bigram_set(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:])) or {(t, "") for t in tokens}


class Vectors:
    """L2-normalized TF-IDF rows over syllable uni+bigrams, IDF from the given texts."""

    def __init__(self, token_lists: Sequence[Sequence[str]]) -> None:
        vocabulary: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for row, tokens in enumerate(token_lists):
            counts: dict[int, int] = {}
            for feature in ngram_features(tokens):
                index = vocabulary.setdefault(feature, len(vocabulary))
                counts[index] = counts.get(index, 0) + 1
            rows.extend([row] * len(counts))
            cols.extend(counts.keys())
            vals.extend(counts.values())
        shape = (len(token_lists), max(len(vocabulary), 1))
        tf = sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)), shape=shape)
        df = np.bincount(tf.indices, minlength=shape[1]).astype(np.float64)
        self.idf = np.log((1 + shape[0]) / (1 + df)) + 1.0
        weighted = tf.multiply(self.idf[None, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        self.matrix = (sparse.diags(1.0 / norms) @ weighted).tocsr()
        self.vocabulary = vocabulary
        self._bigram_mask: np.ndarray | None = None

    def transform(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """L2-normalized TF-IDF rows for other texts, in this vocabulary (unknown features dropped)."""
        rows, cols, vals = [], [], []
        for row, tokens in enumerate(token_lists):
            counts: dict[int, int] = {}
            for feature in ngram_features(tokens):
                index = self.vocabulary.get(feature)
                if index is not None:
                    counts[index] = counts.get(index, 0) + 1
            rows.extend([row] * len(counts))
            cols.extend(counts.keys())
            vals.extend(counts.values())
        tf = sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)),
                               shape=(len(token_lists), self.matrix.shape[1]))
        weighted = tf.multiply(self.idf[None, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return (sparse.diags(1.0 / norms) @ weighted).tocsr()

    def bigram_mask(self) -> np.ndarray:
        """True for the columns that are syllable bigrams (computed once, on first use)."""
        if self._bigram_mask is None:
            mask = np.zeros(self.matrix.shape[1], dtype=bool)
            mask[[i for f, i in self.vocabulary.items() if " " in f]] = True
            self._bigram_mask = mask
        return self._bigram_mask

    def similarity(self) -> np.ndarray:
        """Dense cosine similarity of every row with every row."""
        return np.asarray((self.matrix @ self.matrix.T).todense())

    def centroid_similarity(self, weights: np.ndarray | None = None) -> np.ndarray:
        centroid = np.asarray(self.matrix.sum(axis=0) if weights is None
                              else self.matrix.T @ weights).ravel()
        norm = np.linalg.norm(centroid)
        if norm == 0:
            return np.zeros(self.matrix.shape[0])
        return np.asarray(self.matrix @ (centroid / norm)).ravel()
