"""Syllables and n-gram features: the shared vocabulary of dedup, ranking and selection.

Vietnamese words are runs of space-separated syllables; syllable unigrams plus bigrams
stand in for segmented words at a fraction of a word segmenter's cost (no model call on the
hot path), which is what makes the pipeline many times faster than a pyvi-based peer.
"""
from __future__ import annotations

import re
from itertools import chain, count, repeat
from typing import Sequence

import numpy as np
from scipy import sparse

from tomtat.vi.letters import UPPER

_SYLLABLE = re.compile(r"[^\W_]+")


def syllables(text: str) -> list[str]:
    """Lowercased syllables (letters and digits), punctuation dropped."""
    return _SYLLABLE.findall(text.lower())


def count_syllables(text: str) -> int:
    return len(_SYLLABLE.findall(text))


# A figure precise enough to name one fact: a decimal ("4,91%", "1,1 tỷ USD") or a number with
# thousands separators ("2.254.484 phiếu", "20.000 USD"). Bare integers are left out: "chung
# cư 727", "chuyến bay VN 227", a plate number or a year name things, not facts.
# (The look-behind comes after the first digit: a pattern that opens with a digit lets the regex
# engine skip to the digits in C, ~2x faster than trying every position; same matches.)
_FIGURE = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,]\d+)+(?![\w]|[.,]\d)")


def exact_figures(text: str) -> frozenset[str]:
    """The precise figures a sentence states (see ``_FIGURE``), as written."""
    return frozenset(_FIGURE.findall(text))


# A counted thing: a whole number of up to three digits and the word after it ("14 tháng tù",
# "29 tuổi", "63 ha", "thứ 29 của"); not glued to a date, time, decimal or code ("31-5",
# "17h30", "4,91", "VN227"; a date or time in words, "ngày 31 tháng 5", is counted). Alone it
# names no fact ("5 năm" is in many); with a name and some wording in common it does (see
# ``select.same_fact_matrix``).
_COUNTED = re.compile(r"(\d(?<![\w.,/:-]\d)\d{0,2})(?![\w.,/:-])\s+(\w+)")  # opens with a digit: scanned in C
# A capitalized word inside a sentence (not its first word, nor the first after ".", "!", "?",
# ":"): the names it mentions, roughly. The pattern opens with the letter and the look-behinds
# come after it (the same matches as "(?<!^)(?<![.!?:]\s)\b[A-Z]\w*" over all capitals): the
# regex engine then skips to candidate letters in C, ~2.4x faster than trying every position.
INNER_CAPITAL = re.compile(rf"[{UPPER}](?<!\w.)(?<!^.)(?<![.!?:]\s.)\w*")


def counted_things(text: str) -> frozenset[str]:
    """The counted things a sentence states (see ``_COUNTED``), as "number word", lowercased;
    and a number of two or three digits alone, which outlets count in other words ("danh sách
    23 gương mặt", "23 cầu thủ")."""
    found = _COUNTED.findall(text)
    return frozenset([f"{n} {w.lower()}" for n, w in found] + [n for n, _ in found if len(n) >= 2])


def inner_capitals(text: str) -> frozenset[str]:
    """The capitalized words inside a sentence (see ``INNER_CAPITAL``), lowercased."""
    return frozenset(w.lower() for w in INNER_CAPITAL.findall(text))


def ngram_features(tokens: Sequence[str]) -> list[str]:
    return list(tokens) + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


def bigram_set(tokens: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:])) or {(t, "") for t in tokens}


class Vectors:
    """L2-normalized TF-IDF rows over syllable uni+bigrams, IDF from the given texts.

    Columns: the unigrams first (``vocabulary``: syllable -> column), then the bigrams, each
    known by the pair of its syllables' ids. Bigrams are counted with numpy on those ids
    rather than as strings in Python, which made building the vectors ~3x faster.

    The weighting is scikit-learn's ``TfidfVectorizer`` default (smooth IDF, L2 rows), and
    ``sublinear_tf``, ``min_df`` and ``max_df`` (counts of texts) mean what they mean there:
    ``tests/test_text.py`` checks the two agree to 1e-9. A feature cut by the document
    frequency keeps its column with no weight, so the vocabulary stays valid for ``transform``.
    """

    def __init__(self, token_lists: Sequence[Sequence[str]], *, sublinear_tf: bool = False,
                 min_df: int = 1, max_df: int | None = None) -> None:
        self.vocabulary: dict[str, int] = {}
        self._bigrams: np.ndarray | None = None  # sorted bigram codes, fixed by the first count
        self.sublinear_tf = sublinear_tf
        tf = self._counts(token_lists)
        df = np.bincount(tf.indices, minlength=tf.shape[1]).astype(np.float64)
        self.idf = np.log((1 + tf.shape[0]) / (1 + df)) + 1.0
        cut = df < min_df
        if max_df is not None:
            cut |= df > max_df
        self.idf[cut] = 0.0
        self.matrix = self._weighted(tf)

    def transform(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """L2-normalized TF-IDF rows for other texts, in this vocabulary (unknown features dropped)."""
        return self._weighted(self._counts(token_lists))

    def _counts(self, token_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Term counts, one row per token list. The first call (from ``__init__``) builds the
        vocabulary and the bigram codes; later calls only look features up."""
        vocabulary = self.vocabulary
        building = self._bigrams is None
        flat = list(chain.from_iterable(token_lists))
        if building:  # ids in order of first use, assigned at C speed (no Python call per token)
            vocabulary.update(zip(dict.fromkeys(flat), count(len(vocabulary))))
            ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
        else:
            ids = np.fromiter(map(vocabulary.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        lengths = np.fromiter((len(tokens) for tokens in token_lists), dtype=np.int64, count=len(token_lists))
        rows = np.repeat(np.arange(len(token_lists)), lengths)
        self._bigrams, bigram_columns, bigram_rows = self._bigram_columns(ids, rows, known=self._bigrams)
        known = ids >= 0
        cols = np.concatenate([ids[known], bigram_columns])
        tf = sparse.csr_matrix((np.ones(len(cols)), (np.concatenate([rows[known], bigram_rows]), cols)),
                               shape=(len(token_lists), max(len(vocabulary) + len(self._bigrams), 1)))
        tf.sum_duplicates()
        return tf

    def _bigram_columns(self, ids: np.ndarray, rows: np.ndarray,
                        known: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(sorted distinct bigram codes, each bigram's column, each bigram's row) for adjacent
        syllables of one row; with ``known`` codes, only bigrams among them are kept."""
        size = len(self.vocabulary)
        pairs = (rows[:-1] == rows[1:]) & (ids[:-1] >= 0) & (ids[1:] >= 0)
        codes = ids[:-1][pairs] * size + ids[1:][pairs]
        bigram_rows = rows[:-1][pairs]
        if known is None:
            distinct, inverse = np.unique(codes, return_inverse=True)
            return distinct, size + inverse.reshape(-1), bigram_rows
        position = np.searchsorted(known, codes)
        found = position < len(known)
        found[found] = known[position[found]] == codes[found]
        return known, size + position[found], bigram_rows[found]

    def _weighted(self, tf: sparse.csr_matrix) -> sparse.csr_matrix:
        """IDF-weighted, L2-normalized rows, computed on ``tf``'s own arrays (it is ours to change):
        each scipy operation on a small matrix costs more in checks than in arithmetic."""
        if self.sublinear_tf:
            tf.data = np.log(tf.data) + 1.0
        tf.data *= self.idf[tf.indices]
        tf.eliminate_zeros()  # features cut by document frequency
        rows = np.repeat(np.arange(tf.shape[0]), np.diff(tf.indptr))
        norms = np.sqrt(np.bincount(rows, weights=tf.data * tf.data, minlength=tf.shape[0]))
        norms[norms == 0] = 1.0
        tf.data *= (1.0 / norms)[rows]
        return tf

    def feature_names(self) -> list[str]:
        """Each column's feature: a syllable, or two syllables joined by a space."""
        names = list(self.vocabulary)  # insertion order is column order
        size = len(names)
        bigrams = self._bigrams if self._bigrams is not None else np.zeros(0, dtype=np.int64)
        return names + [f"{names[int(code) // size]} {names[int(code) % size]}" for code in bigrams]

    def presence(self, *, bigrams: bool) -> sparse.csr_matrix:
        """Rows x the unigram (or, with ``bigrams``, the bigram) columns, renumbered from 0:
        1.0 where the row uses the feature. Cut from the matrix's arrays (the two kinds are
        the two ends of its column range; scipy's column slicing converts formats twice)."""
        m, size = self.matrix, len(self.vocabulary)
        keep = m.indices >= size if bigrams else m.indices < size
        rows = np.repeat(np.arange(m.shape[0]), np.diff(m.indptr))
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[keep], minlength=m.shape[0]))])
        return sparse.csr_matrix((np.ones(int(keep.sum())), m.indices[keep] - (size if bigrams else 0), indptr),
                                 shape=(m.shape[0], m.shape[1] - size if bigrams else size))

    def bigram_mask(self) -> np.ndarray:
        """True for the columns that are syllable bigrams."""
        mask = np.zeros(self.matrix.shape[1], dtype=bool)
        mask[len(self.vocabulary):] = True
        return mask

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
