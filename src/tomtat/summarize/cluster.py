"""The cluster view every ranker and selector reads: sentences with features, computed once.

Nothing here is quadratic in the number of sentences: similarities are computed on demand,
row by row (:meth:`Cluster.similarity_rows`), so a 5 MB article (~40k sentences) or a
60-article cluster costs memory in proportion to its text, not to its square.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import numpy as np
from scipy import sparse

from tomtat.core.model import Article, Sentence
from tomtat.vi.openers import inside_quotations, is_cut_or_question
from tomtat.vi.text import Vectors, syllables


_TEMPLATE_REPEATS = 3  # times one article writes a sentence for it to be a list's template line


@dataclass
class Cluster:
    articles: list[Article]
    sentences: list[Sentence]
    tokens: list[list[str]]
    lengths: np.ndarray  # syllables per sentence
    vectors: Vectors
    duplicate_of: dict[str, tuple[str, float]]  # article id -> (kept article id, similarity)
    # What the stages derive from the cluster once (features, bigram spread). A view made with
    # dataclasses.replace (the event selector hides sentences that way) shares it.
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

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
        left = m[np.asarray(rows, dtype=np.int64)]
        right = m if columns is None else left if columns is rows else m[np.asarray(columns, dtype=np.int64)]
        return (left @ right.T).toarray()

    def article_index(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.articles)}

    def article_numbers(self) -> np.ndarray:
        """For each sentence, the index of its article in :attr:`articles`."""
        index = self.article_index()
        return np.array([index.get(s.article_id, -1) for s in self.sentences], dtype=np.int64)

    @property
    def never_chosen(self) -> np.ndarray:
        """For each sentence, is it one no summary takes, whatever is chosen around it: cut
        mid-way or a reporter's question (:func:`~tomtat.vi.openers.is_cut_or_question`), inside
        a quotation an earlier sentence of its paragraph opened (someone's words with no one to
        say them: :func:`~tomtat.vi.openers.inside_quotations`), or a line its article writes
        word for word ``_TEMPLATE_REPEATS`` times or more (a template line of a list, "Trong cơn
        dông có khả năng xảy ra lốc, ..." under each region of a weather bulletin, which says
        nothing of where alone)? The selector and the event selection's representatives ask
        this one test (computed once)."""
        if "never_chosen" not in self.memo:
            quoted: list[bool] = []
            # an article's sentences come in order, so each paragraph is one run of them
            for _, paragraph in groupby(self.sentences, key=lambda s: (s.article_id, s.paragraph)):
                quoted.extend(inside_quotations(s.text for s in paragraph))
            counts = Counter((s.article_id, s.text) for s in self.sentences)
            self.memo["never_chosen"] = np.array(
                [inside or counts[(s.article_id, s.text)] >= _TEMPLATE_REPEATS or is_cut_or_question(s.text)
                 for s, inside in zip(self.sentences, quoted)], dtype=bool)
        return self.memo["never_chosen"]

    @property
    def bigram_spread(self) -> "BigramSpread":
        """Which sentences use which syllable bigrams, and in how many outlets (computed once)."""
        if "bigram_spread" not in self.memo:
            self.memo["bigram_spread"] = BigramSpread.of(self)
        return self.memo["bigram_spread"]


@dataclass(frozen=True)
class BigramSpread:
    """``present``: sentences x the vectors' bigram columns, 1.0 where the sentence uses it;
    ``articles_with``: per bigram, how many articles use it (an outlet's copy of another
    article, ``duplicate_of``, does not count: one report told twice is not two outlets);
    ``reported_by``: per bigram, how many articles use it, copies included; ``counted``: per
    sentence, 1.0 unless its article is such a copy; ``outlets``: how many articles count."""

    present: sparse.csr_matrix
    articles_with: np.ndarray
    reported_by: np.ndarray
    counted: np.ndarray
    outlets: int

    @classmethod
    def of(cls, cluster: Cluster) -> "BigramSpread":
        n, k = len(cluster.sentences), len(cluster.articles)
        present = cluster.vectors.presence(bigrams=True)
        numbers = cluster.article_numbers().clip(0)
        copies = set(cluster.duplicate_of)
        outlet = np.array([a.id not in copies for a in cluster.articles], dtype=bool)
        counted = outlet[numbers].astype(np.float64) if k else np.zeros(n)
        width = present.shape[1]
        rows = np.repeat(np.arange(n), np.diff(present.indptr))
        if k * width <= _DENSE_CELLS:
            # Which article uses which bigram, as a dense articles x bigrams table: a third of
            # the time of sorting the (article, bigram) pairs (the same integer counts).
            used = np.zeros((k, width), dtype=bool)
            used[numbers[rows], present.indices] = True
            articles_with = used[outlet].sum(axis=0).astype(np.float64)
            reported_by = used.sum(axis=0).astype(np.float64)
        else:  # a huge cluster: distinct (article, bigram) pairs, counted per bigram
            pairs = numbers[rows] * width + present.indices

            def articles_using(entries: np.ndarray) -> np.ndarray:
                return np.bincount(np.unique(entries) % width, minlength=width).astype(np.float64)

            articles_with = articles_using(pairs[counted[rows] > 0])
            reported_by = articles_using(pairs)
        return cls(present, articles_with, reported_by, counted, int(outlet.sum()))


_DENSE_CELLS = 20_000_000  # articles x bigrams up to which the table is dense (20 MB of booleans)
