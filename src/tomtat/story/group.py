"""Grouping a flat pile of articles into stories (clusters about one event), with duplicates.

Two steps, each near-linear in the number of articles when stories are small:

1. **Near-identical copies** (one outlet re-running another's article): exact Jaccard of
   syllable 3-gram shingles, counted for all pairs at once as one sparse product (the
   summarizer's near-duplicate machinery, ``tomtat.summarize.dedup``), so the cost grows with
   the shingles pairs share, not with N² comparisons.
2. **Stories**: TF-IDF over syllable uni+bigrams (``tomtat.vi.text.Vectors``, sublinear TF), keeping only features that occur in at
   least two articles of the pile and in at most ``max_df`` of them (names, places, numbers
   and phrases of one event, not the words of all news). A sparse product keeps only pairs
   above ``link_threshold``; its connected components are the blocks, and inside each block
   complete-linkage agglomerative clustering cuts at ``threshold`` (cosine), so a story is a
   set of articles that are all close to each other, not a chain.

Thresholds are chosen on AbMuSu train (``benchmarks/group.py`` reports what each step buys).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from tomtat.vi.published import parse_published
from tomtat.core.model import Article
from tomtat.core.options import GroupOptions
from tomtat.summarize.dedup import earlier_duplicates, shingle_overlap
from tomtat.vi.text import Vectors, syllables


MIN_MAX_DF = 10
DUPLICATE_SHINGLE_SYLLABLES = 3


@dataclass(frozen=True)
class Duplicate:
    article: str
    duplicate_of: str
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "duplicate_of": self.duplicate_of, "similarity": round(self.similarity, 3)}


@dataclass(frozen=True)
class Story:
    """A group of articles about one event: its articles, a label and the duplicates inside it."""

    id: str
    label: str
    articles: tuple[Article, ...]
    duplicates: tuple[Duplicate, ...] = ()
    latest: str | None = None  # latest publication date (ISO) among its articles, if any

    @property
    def size(self) -> int:
        return len(self.articles)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        articles = []
        for a in self.articles:
            item: dict[str, Any] = {"id": a.id, "title": a.title}
            for name in ("published", "source", "url", "path"):
                if getattr(a, name):
                    item[name] = getattr(a, name)
            if include_text:
                item["text"] = a.text
            articles.append(item)
        return {"id": self.id, "label": self.label, "size": self.size, "latest": self.latest,
                "articles": articles, "duplicates": [d.to_dict() for d in self.duplicates]}


@dataclass
class Grouper:
    options: GroupOptions = field(default_factory=GroupOptions)

    def labels(self, articles: Sequence[Article]) -> np.ndarray:
        """One story number per article (0-based, numbered by first appearance)."""
        n = len(articles)
        if n == 0:
            return np.zeros(0, dtype=np.int64)
        if n == 1:
            return np.zeros(1, dtype=np.int64)
        matrix = self.vectors(articles)
        similarity = (matrix @ matrix.T).tocsr()
        similarity.data[similarity.data < min(self.options.link_threshold, self.options.threshold)] = 0
        similarity.eliminate_zeros()
        _, block_of = connected_components(similarity, directed=False)
        labels = np.full(n, -1, dtype=np.int64)
        next_label = 0
        for block in _blocks(block_of):
            if len(block) == 1:
                sub = np.zeros(1, dtype=np.int64)
            else:
                dense = np.asarray(similarity[block][:, block].todense())
                distance = 1.0 - dense
                np.fill_diagonal(distance, 0.0)
                condensed = np.clip(distance[np.triu_indices(len(block), k=1)], 0.0, None)
                tree = linkage(condensed, method="complete")
                sub = fcluster(tree, 1.0 - self.options.threshold, criterion="distance") - 1
            for local in np.unique(sub):
                labels[block[sub == local]] = next_label
                next_label += 1
        return _renumber(labels)

    def vectors(self, articles: Sequence[Article]) -> sparse.csr_matrix:
        docs = [syllables(f"{a.title}\n{a.lead}\n{a.text}") for a in articles]
        n = len(docs)
        min_df = self.options.min_df if n > 2 else 1
        # a feature in more than max_df of the pile is common news vocabulary; small piles keep
        # features shared by up to MIN_MAX_DF articles (a story's own names and numbers)
        max_df = max(int(self.options.max_df * n), MIN_MAX_DF)
        matrix = Vectors(docs, sublinear_tf=True, min_df=min_df, max_df=max_df).matrix
        if matrix.nnz == 0:  # no feature survives the cuts: every article its own story
            return sparse.identity(n, format="csr")
        return matrix

    def duplicates(self, articles: Sequence[Article]) -> list[Duplicate]:
        """Near-identical copies: Jaccard of syllable 3-gram shingles (exact, see
        :func:`tomtat.summarize.dedup.shingle_overlap`); each later copy points to the first
        article of its chain."""
        overlap = shingle_overlap([syllables(f"{a.title}\n{a.text}") for a in articles], DUPLICATE_SHINGLE_SYLLABLES)
        found = earlier_duplicates([a.id for a in articles], overlap.first, overlap.second, overlap.jaccard(),
                                   max(self.options.duplicate_threshold, np.nextafter(0.0, 1.0)))
        return [Duplicate(article, original, score) for article, (original, score) in found.items()]

    def group(self, articles: Sequence[Article]) -> list[Story]:
        """Stories, largest first, then most recent, then by first appearance."""
        articles = list(articles)
        labels = self.labels(articles)
        duplicate_list = self.duplicates(articles)
        story_of = {a.id: int(labels[i]) for i, a in enumerate(articles)}
        stories = []
        for label in range(int(labels.max()) + 1 if len(labels) else 0):
            members = [a for a, l in zip(articles, labels) if l == label]
            ids = {a.id for a in members}
            dups = tuple(d for d in duplicate_list if d.article in ids and story_of.get(d.duplicate_of) == label)
            dates = [d for d in (parse_published(a.published) for a in members) if d is not None]
            stories.append(Story(id="", label=story_label(members),
                                 articles=tuple(members), duplicates=dups,
                                 latest=max(dates).isoformat() if dates else None))
        return [Story(id=f"s{rank + 1}", label=s.label, articles=s.articles, duplicates=s.duplicates, latest=s.latest)
                for rank, s in enumerate(rank_stories(stories))]

def rank_stories(stories: Iterable[Story]) -> list[Story]:
    """By size (largest first), then recency (latest first; undated last), then input order."""
    indexed = list(enumerate(stories))
    indexed.sort(key=lambda pair: (-pair[1].size, _recency_key(pair[1].latest), pair[0]))
    return [s for _, s in indexed]


def _recency_key(latest: str | None) -> tuple[int, float]:
    if latest is None:
        return (1, 0.0)
    from datetime import date

    return (0, -float(date.fromisoformat(latest[:10]).toordinal()))


def story_label(members: Sequence[Article]) -> str:
    """The title that shares most syllables with the story's other titles (the most central one)."""
    titles = [a.title.strip() for a in members if a.title.strip()]
    if not titles:
        words = members[0].text.split()
        return " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    if len(titles) == 1:
        return titles[0]
    sets = [set(syllables(t)) for t in titles]
    scores = [sum(len(s & other) / (len(s | other) or 1) for j, other in enumerate(sets) if j != i)
              for i, s in enumerate(sets)]
    return titles[int(np.argmax(scores))]


def group_articles(articles: Sequence[Article], options: GroupOptions | None = None) -> list[Story]:
    """The API: stories from a flat list of articles (see :class:`Grouper`)."""
    return Grouper(options or GroupOptions()).group(articles)


def bcubed(predicted: Sequence[Any], gold: Sequence[Any]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a grouping against the true one (per-item averages)."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must label the same items")
    if not predicted:
        return 0.0, 0.0, 0.0
    pred, true = np.asarray(_renumber(np.unique(predicted, return_inverse=True)[1])), np.unique(gold, return_inverse=True)[1]
    joint = sparse.coo_matrix((np.ones(len(pred)), (pred, true))).tocsr()
    joint.sum_duplicates()
    pred_size = np.bincount(pred)
    true_size = np.bincount(true)
    precision = recall = 0.0
    coo = joint.tocoo()
    for p, t, both in zip(coo.row, coo.col, coo.data):
        precision += both * both / pred_size[p]
        recall += both * both / true_size[t]
    n = len(pred)
    precision, recall = precision / n, recall / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float(precision), float(recall), float(f1)


def _blocks(block_of: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(block_of, kind="stable")
    bounds = np.flatnonzero(np.diff(block_of[order])) + 1
    return sorted(np.split(order, bounds), key=lambda b: int(b.min()))


def _renumber(labels: np.ndarray) -> np.ndarray:
    seen: dict[int, int] = {}
    return np.array([seen.setdefault(int(l), len(seen)) for l in labels], dtype=np.int64)
