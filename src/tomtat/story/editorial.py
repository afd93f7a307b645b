"""What an editor checks beside the summary: a suggested headline and whether the articles tell one story.

Both reuse the grouping code (:mod:`tomtat.group`): the headline is the most central article
title (extractive, never written by us; none when no article has a title), and the articles
are split into stories with the same TF-IDF rule ``tomtat group`` uses, so a pasted article
about something else shows up as a story of its own.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from tomtat.story.group import Grouper, story_label
from tomtat.core.model import Article


def suggest_headline(articles: Sequence[Article]) -> str | None:
    """The title sharing most syllables with the other titles; None when no article has one."""
    titled = [a for a in articles if a.title.strip()]
    return story_label(titled) if titled else None


def cohesion(articles: Sequence[Article]) -> dict[str, Any]:
    """``stories``: article ids grouped by story (one group when they all tell one story);
    ``min_similarity``: the lowest TF-IDF cosine between two articles (1.0 for one article)."""
    if len(articles) < 2:
        return {"stories": [[a.id for a in articles]], "min_similarity": 1.0}
    grouper = Grouper()
    labels = grouper.labels(articles)
    stories: dict[int, list[str]] = {}
    for article, label in zip(articles, labels):
        stories.setdefault(int(label), []).append(article.id)
    matrix = grouper.vectors(articles)
    similarity = np.asarray((matrix @ matrix.T).todense())
    lowest = float(similarity[np.triu_indices(len(articles), k=1)].min())
    return {"stories": list(stories.values()), "min_similarity": round(lowest, 4)}


def editorial_extras(articles: Sequence[Article]) -> dict[str, Any]:
    """The ``headline`` and ``cohesion`` fields the service and ``--format json`` add to a summary."""
    return {"headline": suggest_headline(articles), "cohesion": cohesion(articles)}
