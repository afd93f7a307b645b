"""Put the chosen sentences in reading order and say which order was used."""
from __future__ import annotations

from datetime import date
from typing import Callable, Mapping

from tomtat.summarize.cluster import Cluster
from tomtat.vi.dates import DateMention
from tomtat.vi.published import parse_published


def order_sentences(cluster: Cluster, chosen: list[int], scores: list[float], how: str,
                    sentence_dates: Mapping[tuple[str, int], DateMention] | None = None) -> tuple[list[int], str]:
    article_rank = cluster.article_index()
    if how == "chronological":
        return _chronological(cluster, chosen, sentence_dates or {}, article_rank), "chronological"
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


def predecessor(cluster: Cluster, i: int) -> int:
    """The cluster index of the sentence just before sentence ``i`` in its article, or -1."""
    if i <= 0:
        return -1
    s, p = cluster.sentences[i], cluster.sentences[i - 1]
    return i - 1 if p.article_id == s.article_id and p.index == s.index - 1 else -1


def keep_after_predecessor(cluster: Cluster, ordered: list[int], leans: Callable[[int], bool]) -> list[int]:
    """Move each sentence that ``leans`` on the one before it (an opener such as "Tuy nhiên,"
    or "Ông này") to right after that predecessor when it is in the summary too. Source and
    date orders already keep them together; score and chronological orders may not."""
    out = list(ordered)
    present = set(ordered)
    for i in sorted(ordered):  # by position in the cluster, so chains a, b, c stay in order
        p = predecessor(cluster, i)
        if p in present and leans(i):
            out.remove(i)
            out.insert(out.index(p) + 1, i)
    return out


_LAST = (10**6, 0, 0, 0)


def _chronological(cluster: Cluster, chosen: list[int], dates: Mapping[tuple[str, int], DateMention],
                   article_rank: dict[str, int]) -> list[int]:
    """By the date of the event a sentence reports; an undated sentence takes the date of the
    nearest dated sentence before it in its article (else after it), else goes last."""
    keys: dict[int, tuple[int, ...]] = {}
    for i in chosen:
        s = cluster.sentences[i]
        own = dates.get((s.article_id, s.index))
        before = [(k, d) for (a, k), d in dates.items() if a == s.article_id and k < s.index]
        after = [(k, d) for (a, k), d in dates.items() if a == s.article_id and k > s.index]
        if own is None and before:
            own = max(before, key=lambda p: p[0])[1]
        elif own is None and after:
            own = min(after, key=lambda p: p[0])[1]
        keys[i] = _LAST if own is None else _key(own, article_rank[s.article_id])
    return sorted(chosen, key=lambda i: (keys[i], article_rank[cluster.sentences[i].article_id],
                                         cluster.sentences[i].index))


def _key(d: DateMention, article: int) -> tuple[int, ...]:
    """Known years by date; a date of unknown year after them, ordered by month and day only
    inside its own article (two articles may be years apart)."""
    if d.year is not None:
        return (d.year, d.month or 0, d.day or 0, 0)
    return (_LAST[0] - 1, article, d.month or 0, d.day or 0)
