"""Put the chosen sentences in reading order and say which order was used."""
from __future__ import annotations

from datetime import date

from .cluster import Cluster
from .dates import parse_published


def order_sentences(cluster: Cluster, chosen: list[int], scores: list[float], how: str) -> tuple[list[int], str]:
    article_rank = cluster.article_index()
    if how == "score":
        return [i for _, i in sorted(zip(scores, chosen), key=lambda p: -p[0])], "score"
    published: dict[str, date | None] = {a.id: parse_published(a.published) for a in cluster.articles}
    involved = {cluster.sentences[i].article_id for i in chosen}
    dated = all(published[a] is not None for a in involved)
    if how == "date" or (how == "auto" and dated and len(involved) > 1):
        key = lambda i: (published[cluster.sentences[i].article_id] or date.max,  # noqa: E731
                         article_rank[cluster.sentences[i].article_id], cluster.sentences[i].index)
        return sorted(chosen, key=key), "date"
    return sorted(chosen, key=lambda i: (article_rank[cluster.sentences[i].article_id], cluster.sentences[i].index)), "source"
