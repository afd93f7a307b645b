"""One TF-IDF and one near-duplicate finder: which of the two implementations each is faster.

    PYTHONPATH=src python benchmarks/tfidf_and_duplicates.py [--shared ../shared]

TF-IDF: ``tomtat.vi.text.Vectors`` against scikit-learn's ``TfidfVectorizer`` with the same
settings, on each AbMuSu train+validation cluster one at a time: its sentences (what the
summarizer vectorizes) and its articles (what ``tomtat group`` vectorizes, sublinear TF with
the document-frequency cuts), then on the whole pile of articles.
Near-duplicates: the exact shingle containment of ``summarize/dedup.py`` against MinHash/LSH
(datasketch, ``story/group.py``), per cluster and on the pile.
Times are ratios measured in one process, both implementations on the same input in turn.
Skips with a reason when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Callable

from tomtat.core.errors import Problems
from tomtat.core.options import GroupOptions
from tomtat.ingest import build_articles, raw_from_mapping
from tomtat.story.group import Grouper
from tomtat.summarize.dedup import ArticleDeduplicator
from tomtat.summarize.split import SentenceSplitter
from tomtat.vi.text import Vectors, ngram_features, syllables

ROOT = Path(__file__).resolve().parents[1]


def load_clusters(paths: list[Path]) -> list[list[Any]]:
    clusters = []
    for path in paths:
        for number, line in enumerate(path.open(encoding="utf-8")):
            docs = json.loads(line)["single_documents"]
            raws = [raw_from_mapping({**doc, "id": f"{path.stem}{number}-{k}"}, source=str(path))
                    for k, doc in enumerate(docs)]
            clusters.append(build_articles(raws, Problems()))
    return clusters


def timed(fn: Callable[[Any], Any], item: Any) -> float:
    start = time.perf_counter()
    fn(item)
    return time.perf_counter() - start


def compare(name: str, inputs: list[Any], ours: Callable[[Any], Any], theirs: Callable[[Any], Any],
            our_name: str, their_name: str) -> None:
    t_ours = t_theirs = 0.0
    for item in inputs:  # alternate, so load changes on the shared machine hit both alike
        t_ours += timed(ours, item)
        t_theirs += timed(theirs, item)
    print(f"{name}: {our_name} {1000 * t_ours / len(inputs):.2f} ms, {their_name} "
          f"{1000 * t_theirs / len(inputs):.2f} ms per input ({len(inputs)} inputs); "
          f"{their_name}/{our_name} = {t_theirs / t_ours:.2f}")


def sklearn_tfidf(docs: list[list[str]], **settings: Any) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=_identity, **settings).fit_transform([ngram_features(d) for d in docs])


def _identity(x: list[str]) -> list[str]:
    return x


def article_tokens(articles: list[Any]) -> list[list[str]]:
    return [syllables(f"{a.title}\n{a.lead}\n{a.text}") for a in articles]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = args.shared / "data" / "abmusu"
    if not (data / "train.jsonl").exists():
        print(f"skipped: AbMuSu data not found at {data}")
        return 0
    clusters = load_clusters([data / "train.jsonl", data / "validation.jsonl"])
    splitter = SentenceSplitter.default()
    sentence_tokens = [[syllables(s.text) for a in c for s in splitter.split(a)] for c in clusters]
    cluster_articles = [article_tokens(c) for c in clusters]
    pile = [a for c in clusters for a in c]
    print(f"{len(clusters)} clusters, {len(pile)} articles, {sum(map(len, sentence_tokens))} sentences; "
          f"each measurement repeated {args.repeat}x")
    opts = GroupOptions()
    pile_cuts = {"sublinear_tf": True, "min_df": opts.min_df, "max_df": max(int(opts.max_df * len(pile)), 10)}
    for _ in range(args.repeat):
        compare("TF-IDF of one cluster's sentences", sentence_tokens, lambda d: Vectors(d), sklearn_tfidf,
                "Vectors", "sklearn")
        compare("TF-IDF of one cluster's articles (sublinear)", cluster_articles,
                lambda d: Vectors(d, sublinear_tf=True), lambda d: sklearn_tfidf(d, sublinear_tf=True),
                "Vectors", "sklearn")
        whole = article_tokens(pile)
        compare("TF-IDF of the pile of articles (sublinear, df cuts)", [whole],
                lambda d: Vectors(d, **pile_cuts), lambda d: sklearn_tfidf(d, **pile_cuts), "Vectors", "sklearn")
        dedup, grouper = ArticleDeduplicator(), Grouper()
        compare("near-duplicates in one cluster", clusters, dedup.find, grouper.duplicates,
                "containment", "MinHash/LSH")
        compare("near-duplicates in the pile", [pile], dedup.find, grouper.duplicates, "containment", "MinHash/LSH")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
