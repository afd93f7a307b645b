"""Sentence features for the learned scorer: one row per sentence of a :class:`Cluster`.

Every feature is linear in the cluster's size (centroids and per-article sums, never a
sentence x sentence matrix). The names are the contract with the model file
(``resources/scorer.json``): a model lists the features it was trained on, by name.
"""
from __future__ import annotations

import re
from typing import Callable

import numpy as np
from scipy import sparse

from tomtat.summarize.cluster import Cluster
from tomtat.vi.text import INNER_CAPITAL, syllables
from tomtat.vi.openers import Openers

_NUMBER = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”«»]")
_DATE = re.compile(r"\b\d{1,2}\s*[/-]\s*\d{1,2}\b|\bnăm \d{4}\b|\btháng \d{1,2}\b", re.IGNORECASE)


def positions(cluster: Cluster) -> np.ndarray:
    """0-based position of each sentence among its article's selectable sentences."""
    seen: dict[str, int] = {}
    out = np.zeros(len(cluster.sentences))
    for i, sentence in enumerate(cluster.sentences):
        if sentence.selectable:
            out[i] = seen.get(sentence.article_id, 0)
            seen[sentence.article_id] = int(out[i]) + 1
    return out


def is_lead(cluster: Cluster) -> np.ndarray:
    """1.0 for sentences of an article's lead paragraph (sapo, AbMuSu's ``anchor_text``)."""
    return np.array([s.kind == "lead" for s in cluster.sentences], dtype=np.float64)


def title_similarity(cluster: Cluster) -> np.ndarray:
    """Cosine of each sentence with its own article's title (same TF-IDF space)."""
    n = len(cluster.sentences)
    titles = [syllables(a.title) for a in cluster.articles]
    if not any(titles):
        return np.zeros(n)
    title_rows = cluster.vectors.transform(titles).toarray()  # articles x features: a few dense rows
    numbers = cluster.article_numbers()
    out = np.zeros(n)
    valid = numbers >= 0
    sims = cluster.vectors.matrix @ title_rows.T  # sentences x articles, dense
    out[valid] = sims[np.flatnonzero(valid), numbers[valid]]
    return out


def article_support(cluster: Cluster) -> np.ndarray:
    """How strongly the other articles of the cluster say the same (cosine with their centroids).

    The core facts of a story recur across outlets; a sentence's support is the mean cosine
    with the centroids of the other (non-duplicate) articles.
    """
    n = len(cluster.sentences)
    numbers = cluster.article_numbers()
    k = len(cluster.articles)
    if k < 2 or n == 0:
        return np.zeros(n)
    m = cluster.vectors.matrix
    centroids = _article_sums(m, np.ones(n), numbers.clip(0), k)
    norms = np.linalg.norm(centroids, axis=1)
    norms[norms == 0] = 1.0
    centroids /= norms[:, None]
    duplicate = {a for a in cluster.duplicate_of}
    use = np.array([a.id not in duplicate for a in cluster.articles], dtype=np.float64)
    sims = np.asarray(m @ centroids.T)  # n x k
    own = np.zeros_like(sims)
    own[np.arange(n), numbers.clip(0)] = 1.0
    weights = (1.0 - own) * use[None, :]
    count = weights.sum(axis=1)
    count[count == 0] = 1.0
    return (sims * weights).sum(axis=1) / count


def _article_sums(matrix: sparse.csr_matrix, weights: np.ndarray, numbers: np.ndarray, articles: int) -> np.ndarray:
    """Articles x features, dense: each article's ``weights``-weighted sum of its sentences'
    rows. One sparse-by-dense product (the same sums, in the same order, as building the
    sparse membership matrix and multiplying, at a fraction of scipy's overhead)."""
    membership = np.zeros((matrix.shape[0], articles))
    membership[np.arange(matrix.shape[0]), numbers] = weights
    return np.asarray(matrix.T @ membership).T


def _per_article(cluster: Cluster, values: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """Sum of ``values`` over each sentence's own article (a broadcast back to sentences)."""
    k = max(len(cluster.articles), 1)
    totals = np.bincount(numbers.clip(0), weights=values, minlength=k)
    return totals[numbers.clip(0)]


def _lead_similarity(cluster: Cluster, numbers: np.ndarray) -> np.ndarray:
    """Cosine of each sentence with its own article's lead paragraph (sapo) centroid."""
    n = len(cluster.sentences)
    k = max(len(cluster.articles), 1)
    lead = is_lead(cluster)
    if not lead.any():
        return np.zeros(n)
    m = cluster.vectors.matrix
    centroids = _article_sums(m, lead, numbers.clip(0), k)
    norms = np.linalg.norm(centroids, axis=1)
    norms[norms == 0] = 1.0
    centroids /= norms[:, None]
    return np.asarray(m @ centroids.T)[np.arange(n), numbers.clip(0)]


def _bigram_support(cluster: Cluster) -> np.ndarray:
    """Mean, over a sentence's syllable bigrams, of the share of the other (non-duplicate)
    articles that also use that bigram: the facts several outlets report."""
    n = len(cluster.sentences)
    if len(cluster.articles) < 2 or n == 0 or not cluster.vectors.bigram_mask().any():
        return np.zeros(n)
    spread = cluster.bigram_spread
    present = spread.present
    others = max(spread.outlets - 1, 1)
    own = spread.counted  # a sentence's own article counts once in articles_with
    # Row sums from the index arrays (the entries are 1.0 and the counts integers: exact).
    rows = np.repeat(np.arange(n), np.diff(present.indptr))
    used = np.diff(present.indptr).astype(np.float64)
    total = np.bincount(rows, weights=spread.articles_with[present.indices], minlength=n) - own * used
    size = np.maximum(used, 1.0)
    return np.clip(total / size / others, 0.0, 1.0)


def _mean_idf(cluster: Cluster) -> np.ndarray:
    """Mean idf of each sentence's distinct syllables: the unigram columns its row uses (every
    syllable of the cluster has a column and an idf of at least 1, so none is missing)."""
    unigrams = cluster.vectors.presence(bigrams=False)
    distinct = np.diff(unigrams.indptr)
    total = unigrams @ cluster.vectors.idf[: len(cluster.vectors.vocabulary)]
    return np.where(distinct > 0, total / np.maximum(distinct, 1), 0.0)


def compute_features(cluster: Cluster) -> dict[str, np.ndarray]:
    """Every feature, by name, as an array over the cluster's sentences (computed once per cluster:
    the scorer and the coverage selector's concept weights both read them)."""
    if "features" not in cluster.memo:
        cluster.memo["features"] = _compute_features(cluster)
    return cluster.memo["features"]


def _compute_features(cluster: Cluster) -> dict[str, np.ndarray]:
    n = len(cluster.sentences)
    if n == 0:
        return {name: np.zeros(0) for name in FEATURE_NAMES}
    numbers = cluster.article_numbers()
    position = positions(cluster)
    selectable = np.array([s.selectable for s in cluster.sentences], dtype=np.float64)
    per_article = _per_article(cluster, selectable, numbers)
    lengths = cluster.lengths.astype(np.float64)
    article_syllables = _per_article(cluster, lengths, numbers)
    paragraphs = np.array([s.paragraph for s in cluster.sentences], dtype=np.float64)
    first_in_paragraph = np.ones(n)
    for i in range(1, n):
        a, b = cluster.sentences[i - 1], cluster.sentences[i]
        if a.article_id == b.article_id and a.paragraph == b.paragraph:
            first_in_paragraph[i] = 0.0
    texts = [s.text for s in cluster.sentences]
    openers = Openers.default()  # the scorer was trained with the shipped list
    duplicate = {a for a in cluster.duplicate_of}
    informativeness = _mean_idf(cluster)
    k = len(cluster.articles)
    return {
        "centroid": cluster.vectors.centroid_similarity(),
        "position_inverse_sqrt": 1.0 / np.sqrt(1.0 + position),
        "position_relative": position / np.maximum(per_article - 1, 1),
        "position_from_end": np.maximum(per_article - 1 - position, 0) / np.maximum(per_article - 1, 1),
        "lead": is_lead(cluster),
        "title_similarity": title_similarity(cluster),
        "lead_similarity": _lead_similarity(cluster, numbers),
        "support": article_support(cluster),
        "bigram_support": _bigram_support(cluster),
        "first_in_paragraph": first_in_paragraph,
        "paragraph_index": np.log1p(paragraphs),
        "length_log": np.log1p(lengths),
        "numbers": np.array([min(len(_NUMBER.findall(t)), 10) / 10 for t in texts]),
        "dates": np.array([1.0 if _NUMBER.search(t) and _DATE.search(t) else 0.0 for t in texts]),  # all need a digit
        "capitals": np.array([len(INNER_CAPITAL.findall(t)) for t in texts], dtype=np.float64)
        / np.maximum(lengths, 1),
        "quote": np.array([1.0 if _QUOTE.search(t) else 0.0 for t in texts]),
        "opener": np.array([1.0 if openers.match(t) else 0.0 for t in texts]),
        "question_or_colon": np.array([1.0 if t.rstrip().endswith(("?", ":")) else 0.0 for t in texts]),
        "informativeness": informativeness,
        "duplicate_article": np.array([1.0 if s.article_id in duplicate else 0.0 for s in cluster.sentences]),
        "article_share": article_syllables / max(float(lengths.sum()), 1.0),
        "articles_log": np.full(n, np.log(k)),
        "cluster_syllables_log": np.full(n, np.log1p(lengths.sum())),
    }


FEATURE_NAMES: tuple[str, ...] = (
    "centroid", "position_inverse_sqrt", "position_relative", "position_from_end", "lead", "title_similarity",
    "lead_similarity", "support", "bigram_support", "first_in_paragraph", "paragraph_index", "length_log", "numbers", "dates",
    "capitals", "quote", "opener", "question_or_colon", "informativeness", "duplicate_article", "article_share",
    "articles_log", "cluster_syllables_log",
)


def feature_matrix(cluster: Cluster, names: tuple[str, ...] = FEATURE_NAMES) -> np.ndarray:
    """Sentences x features, columns in the order of ``names``."""
    values = compute_features(cluster)
    unknown = [name for name in names if name not in values]
    if unknown:
        raise KeyError(f"unknown feature(s): {', '.join(unknown)}")
    return np.column_stack([values[name] for name in names]) if len(cluster.sentences) else np.zeros((0, len(names)))


FeatureFunction = Callable[[Cluster], np.ndarray]
