"""One TF-IDF and one near-duplicate finder: which of the two implementations each is faster.

    PYTHONPATH=src python benchmarks/tfidf_and_duplicates.py [--shared ../shared]

TF-IDF: ``tomtat.vi.text.Vectors`` against scikit-learn's ``TfidfVectorizer`` with the same
settings, on each AbMuSu train+validation cluster one at a time: its sentences (what the
summarizer vectorizes) and its articles (what ``tomtat group`` vectorizes, sublinear TF with
the document-frequency cuts), then on the whole pile of articles.
Near-duplicates: the one implementation (``summarize/dedup.py``: shared shingles of all pairs
as one sparse product) against the two it replaced, kept here as peers: the pairwise loop of
set intersections the summarizer used, and the MinHash/LSH (datasketch, optional) that
``tomtat group`` used; per cluster and on the pile, with the pairs each finds.
Times are ratios measured in one process, both implementations on the same input in turn.
Skips with a reason when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from tomtat.core.errors import Problems
from tomtat.core.options import GroupOptions
from tomtat.ingest import build_articles, raw_from_mapping
from tomtat.story.group import Grouper
from tomtat.summarize.dedup import ArticleDeduplicator, containment, shingles
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


def pairwise_containment(articles: list[Any]) -> np.ndarray:
    """The summarizer's former similarity: a Python loop of set intersections over all pairs."""
    dedup = ArticleDeduplicator()
    sets = [shingles(f"{a.title}\n{a.text}", dedup.size) for a in articles]
    out = np.eye(len(sets))
    for i in range(len(sets)):
        for j in range(i + 1, len(sets)):
            if len(sets[i] & sets[j]) >= dedup.min_shared:
                out[i, j] = out[j, i] = containment(sets[i], sets[j])
    return out


def minhash_duplicates(articles: list[Any], threshold: float = 0.5, num_perm: int = 64, seed: int = 1) -> list[Any]:
    """``tomtat group``'s former duplicates: MinHash/LSH over syllable 3-gram shingles."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes: list[Any] = []
    root: dict[str, str] = {}
    found = []
    for index, article in enumerate(articles):
        tokens = syllables(f"{article.title}\n{article.text}")
        mh = MinHash(num_perm=num_perm, seed=seed)
        mh.update_batch([" ".join(tokens[i:i + 3]).encode("utf-8") for i in range(max(len(tokens) - 2, 1))])
        hashes.append(mh)
        best, best_score = None, 0.0
        for key in lsh.query(mh):
            score = float(mh.jaccard(hashes[key]))
            if score >= threshold and (score > best_score or best is None):
                best, best_score = key, score
        if best is not None:
            original = root.get(articles[best].id, articles[best].id)
            root[article.id] = original
            found.append((article.id, original, best_score))
        lsh.insert(index, mh)
    return found


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
        compare("containment matrix of one cluster", clusters, dedup.similarity, pairwise_containment,
                "shingle_overlap", "pairwise loop")
        compare("containment matrix of the pile", [pile], dedup.similarity, pairwise_containment,
                "shingle_overlap", "pairwise loop")
        if has_datasketch():
            compare("near-identical copies in one cluster", clusters, grouper.duplicates, minhash_duplicates,
                    "shingle_overlap", "MinHash/LSH")
            compare("near-identical copies in the pile", [pile], grouper.duplicates, minhash_duplicates,
                    "shingle_overlap", "MinHash/LSH")
    compare_pairs(clusters, pile, args.shared)
    return 0


def has_datasketch() -> bool:
    from importlib.util import find_spec

    if find_spec("datasketch") is None:
        print("MinHash/LSH peer skipped: datasketch is not installed")
        return False
    return True


def compare_pairs(clusters: list[list[Any]], pile: list[Any], shared: Path) -> None:
    """Do the implementations find the same pairs? Containment on every AbMuSu and ViMs cluster;
    near-identical copies (exact Jaccard vs MinHash) per cluster and on the pile, with how many
    pairs sit inside one true story."""
    vims = shared / "data" / "vims" / "dev.jsonl"
    all_clusters = clusters + (load_clusters([vims]) if vims.exists() else [])
    dedup = ArticleDeduplicator()
    differing = sum(not np.array_equal(dedup.similarity(c), pairwise_containment(c)) for c in all_clusters)
    pairs = sum(len(dedup.find(c)) for c in all_clusters)
    print(f"containment: {len(all_clusters)} clusters (AbMuSu + ViMs), matrices differing from the loop: "
          f"{differing}; duplicate articles found: {pairs}")
    if not has_datasketch():
        return
    grouper = Grouper()
    for name, groups in (("per cluster (AbMuSu + ViMs)", all_clusters), ("AbMuSu pile", [pile])):
        found = {"exact Jaccard": {(d.article, d.duplicate_of) for g in groups for d in grouper.duplicates(g)},
                 "MinHash/LSH": {(a, b) for g in groups for a, b, _ in minhash_duplicates(g)}}
        parts = []
        for method, pairs in found.items():
            inside = sum(story(a) == story(b) for a, b in pairs)
            parts.append(f"{method} flags {len({a for a, _ in pairs})} copies ({inside} of them in the "
                         f"story of their original)")
        exact, minhash = ({a for a, _ in pairs} for pairs in found.values())
        print(f"near-identical copies, {name}: " + "; ".join(parts) + f"; flagged by both {len(exact & minhash)}, "
              f"exact only {sorted(exact - minhash)}, MinHash only {sorted(minhash - exact)}")


def story(article_id: str) -> str:
    """The source cluster of an article id made by :func:`load_clusters` ("train12-3" -> "train12")."""
    return article_id.rsplit("-", 1)[0]


if __name__ == "__main__":
    raise SystemExit(main())
