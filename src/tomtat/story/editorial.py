"""What an editor checks beside the summary: a suggested headline and whether the articles tell one story.

The headline is the most central article title, chosen as ``tomtat group`` labels a story
(extractive, never written by us; none when no article has a title). The story check flags an
article that shares too little with every other one (TF-IDF over syllable uni+bigrams, fitted
on the cluster), so a pasted article about something else is named before it mixes in.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from tomtat.story.group import story_label
from tomtat.core.model import Article
from tomtat.vi.text import Vectors, syllables


def suggest_headline(articles: Sequence[Article]) -> str | None:
    """The title sharing most syllables with the other titles; None when no article has one."""
    titled = [a for a in articles if a.title.strip()]
    return story_label(titled) if titled else None


# An article whose best TF-IDF cosine to any other article of the cluster is below this looks like
# another story. Chosen on AbMuSu train (benchmarks/story_check.py): 1.5% of real clusters raise
# a false alarm, 86% of articles slipped in from another cluster are caught.
UNRELATED_BELOW = 0.15


def article_vectors(articles: Sequence[Article]) -> Any:
    return Vectors([syllables(f"{a.title}\n{a.lead}\n{a.text}") for a in articles], sublinear_tf=True).matrix


def best_similarities(articles: Sequence[Article]) -> list[float]:
    """For each article, its highest cosine to another article of the cluster (1.0 when alone)."""
    if len(articles) < 2:
        return [1.0] * len(articles)
    matrix = article_vectors(articles)
    similarity = np.asarray((matrix @ matrix.T).todense())
    np.fill_diagonal(similarity, -1.0)
    return [float(v) for v in similarity.max(axis=1)]


def cohesion(articles: Sequence[Article]) -> dict[str, Any]:
    """``unrelated``: ids of the articles that look like another story; ``similarity``: each
    article's best cosine to another one; ``threshold``: the cut used."""
    best = best_similarities(articles)
    return {"unrelated": [a.id for a, b in zip(articles, best) if b < UNRELATED_BELOW],
            "similarity": {a.id: round(b, 4) for a, b in zip(articles, best)},
            "threshold": UNRELATED_BELOW}


def editorial_extras(articles: Sequence[Article]) -> dict[str, Any]:
    """The ``headline`` and ``cohesion`` fields the service and ``--format json`` add to a summary."""
    return {"headline": suggest_headline(articles), "cohesion": cohesion(articles)}
