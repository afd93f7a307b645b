"""Near-duplicate articles (two outlets' copies of one story), found from shared shingles.

One implementation serves the summarizer (:class:`ArticleDeduplicator`, shingle containment
inside a cluster) and ``tomtat group`` (near-identical copies in a pile, shingle Jaccard):
:func:`shingle_overlap` counts, for every pair of texts, the distinct runs of syllables they
share, exactly, as one sparse product, so a pile of N articles costs what its shared
shingles cost rather than N² set intersections (``benchmarks/tfidf_and_duplicates.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import chain
from typing import Sequence

import numpy as np
from scipy import sparse

from tomtat.core.model import Article
from tomtat.core.options import DEFAULTS
from tomtat.vi.text import syllables

SHINGLE_SYLLABLES = 4
_DENSE_CELLS = 4_000_000  # texts x shingles: 16 MB of float32


def shingles(text: str, size: int = SHINGLE_SYLLABLES) -> frozenset[tuple[str, ...]]:
    """Runs of ``size`` consecutive lowercased syllables (punctuation dropped)."""
    tokens = syllables(text)
    return frozenset(zip(*(tokens[i:] for i in range(size))))


def containment(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    """Share of the smaller article's shingles found in the other one (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def shingle_ids(token_lists: Sequence[Sequence[str]], size: int) -> tuple[np.ndarray, np.ndarray, int]:
    """(text, shingle id) of every run of ``size`` tokens inside one text, and how many distinct
    shingles there are; ids are dense (0 .. count-1)."""
    flat = list(chain.from_iterable(token_lists))
    vocabulary = dict(zip(dict.fromkeys(flat), range(len(flat))))  # ids in order of first use, at C speed
    ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    rows = np.repeat(np.arange(len(token_lists)), [len(t) for t in token_lists])
    base = len(vocabulary) + 1
    if base ** size < 2 ** 62:  # a run's ids as the digits of one integer: one sort, the same dense ids
        runs = max(len(ids) - size + 1, 0)
        codes = ids[:runs].copy()
        for k in range(1, size):
            codes = codes * base + ids[k:k + runs]
        codes = np.unique(codes, return_inverse=True)[1].reshape(-1)
    else:
        codes = ids
        for k in range(1, size):  # a (k+1)-run is a k-run and the token after it, renumbered densely
            codes = np.unique(codes[:-1] * base + ids[k:], return_inverse=True)[1].reshape(-1)
    starts = rows[:len(codes)]
    whole = starts == rows[size - 1:size - 1 + len(codes)]  # the run does not cross into the next text
    return starts[whole], codes[whole], int(codes.max()) + 1 if len(codes) else 1


@dataclass(frozen=True)
class ShingleOverlap:
    """Pairs ``first[k] < second[k]`` of texts sharing ``shared[k]`` distinct shingles; ``sizes``:
    each text's count of distinct shingles."""

    first: np.ndarray
    second: np.ndarray
    shared: np.ndarray
    sizes: np.ndarray

    def containment(self) -> np.ndarray:
        """Share of the smaller text's shingles found in the other one, per pair."""
        return self.shared / np.minimum(self.sizes[self.first], self.sizes[self.second])

    def jaccard(self) -> np.ndarray:
        return self.shared / (self.sizes[self.first] + self.sizes[self.second] - self.shared)

    def keep(self, mask: np.ndarray) -> ShingleOverlap:
        return ShingleOverlap(self.first[mask], self.second[mask], self.shared[mask], self.sizes)


def shingle_overlap(token_lists: Sequence[Sequence[str]], size: int) -> ShingleOverlap:
    """Shared distinct shingles of every pair of texts that share any (exact): the product of the
    text-by-shingle indicator matrix with itself, dense for a cluster (no sparse overhead on the
    summarizer's hot path), sparse for a pile."""
    texts, codes, count = shingle_ids(token_lists, size)
    n = len(token_lists)
    if n * count <= _DENSE_CELLS:
        indicator = np.zeros((n, count), dtype=np.float32)  # counts stay exact in float32 below 2**24
        indicator[texts, codes] = 1.0
        first, second = np.triu_indices(n, k=1)
        shared = (indicator @ indicator.T)[first, second].astype(np.float64)
        sizes = indicator.sum(axis=1, dtype=np.float64)
    else:
        matrix = sparse.csr_matrix((np.ones(len(codes)), (texts, codes)), shape=(n, count))
        matrix.sum_duplicates()
        matrix.data[:] = 1.0
        product = sparse.triu(matrix @ matrix.T, k=1).tocoo()
        first, second, shared = product.row.astype(np.int64), product.col.astype(np.int64), product.data
        sizes = np.diff(matrix.indptr).astype(np.float64)
    some = shared > 0
    return ShingleOverlap(first[some], second[some], shared[some], sizes)


def earlier_duplicates(ids: Sequence[str], first: np.ndarray, second: np.ndarray, scores: np.ndarray,
                       threshold: float) -> dict[str, tuple[str, float]]:
    """``{id: (id of the first article of its chain, score)}``: each text is a copy of the earlier
    text it scores highest with (the earliest on a tie), when that score reaches ``threshold``."""
    keep = scores >= threshold
    first, second, scores = first[keep], second[keep], scores[keep]
    order = np.lexsort((first, -scores, second))  # by later text, best score first, then earliest
    duplicate_of: dict[str, tuple[str, float]] = {}
    previous = -1
    for k in order:
        later = int(second[k])
        if later == previous:
            continue
        previous = later
        root = ids[int(first[k])]
        root = duplicate_of.get(root, (root, 0.0))[0]
        duplicate_of[ids[later]] = (root, float(scores[k]))
    return duplicate_of


@dataclass(frozen=True)
class ArticleDeduplicator:
    """Marks an article a duplicate of an earlier one when their shingle containment reaches ``threshold``.

    Containment of 4-syllable shingles, not TF-IDF cosine: articles of one cluster share their
    topic vocabulary (names, places, "Bộ Quốc phòng Nga"), so cosine ranks two reports of
    *different* events on one topic as high as two outlets' versions of one story. What two
    versions of one story share and two events do not is runs of wording: the same quotes,
    the same names and numbers in the same phrases. On the seed cluster the duplicate pair
    scores 0.12 and every other pair 0.04 or less; 0.08 sits between them with a factor of
    1.5 on either side. Containment (over the smaller article) rather than Jaccard so that a
    short rewrite of a long article still counts.
    """

    threshold: float = DEFAULTS.duplicate_article_threshold
    size: int = SHINGLE_SYLLABLES
    # Short articles: a few shared stock phrases ("người dân cho biết", "sau nhiều tháng chuẩn
    # bị") can reach 8% of 40 shingles; a copy shares at least a sentence's worth of wording.
    min_shared: int = DEFAULTS.duplicate_article_min_shared

    def overlap(self, articles: Sequence[Article]) -> ShingleOverlap:
        """Pairs sharing at least ``min_shared`` shingles."""
        overlap = shingle_overlap([syllables(f"{a.title}\n{a.text}") for a in articles], self.size)
        return overlap.keep(overlap.shared >= self.min_shared)

    def find(self, articles: list[Article]) -> dict[str, tuple[str, float]]:
        """``{article id: (id of the earlier article it duplicates, score)}``, roots only."""
        if len(articles) < 2:
            return {}
        overlap = self.overlap(articles)
        return earlier_duplicates([a.id for a in articles], overlap.first, overlap.second,
                                  overlap.containment(), max(self.threshold, np.nextafter(0.0, 1.0)))

    def similarity(self, articles: list[Article]) -> np.ndarray:
        """Symmetric matrix of shingle containment (0 below ``min_shared`` shared shingles), 1.0 on the diagonal."""
        out = np.eye(len(articles))
        overlap = self.overlap(articles)
        out[overlap.first, overlap.second] = out[overlap.second, overlap.first] = overlap.containment()
        return out
