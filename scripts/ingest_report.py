"""Report what cleaning removes and which articles dedup pairs, on AbMuSu and the seed cluster.

    PYTHONPATH=src python scripts/ingest_report.py [--samples N] [--reason REASON]

Reads ../shared by path (prints a note and exits 0 when it is absent). Prints counts per
removal reason, samples of each, and duplicate pairs per cluster. Nothing is written.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

from tomtat.summarize.dedup import ArticleDeduplicator
from tomtat.core.errors import Problems
from tomtat.ingest import read_inputs
from tomtat.ingest.readers import build_article, raw_from_mapping

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def abmusu_clusters(split: str):
    path = SHARED / "data" / "abmusu" / f"{split}.jsonl"
    for number, line in enumerate(path.open(encoding="utf-8"), start=1):
        docs = json.loads(line)["single_documents"]
        yield f"{split}:{number}", [build_article(raw_from_mapping(d, source=f"{split}:{number}"), article_id=str(i))
                                   for i, d in enumerate(docs)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=8)
    parser.add_argument("--reason", default=None)
    args = parser.parse_args()
    if not (SHARED / "data" / "abmusu").exists():
        print(f"skipped: {SHARED / 'data' / 'abmusu'} not found")
        return 0
    clusters = [c for split in ("train", "validation") for c in abmusu_clusters(split)]
    clusters.append(("seed", read_inputs([SHARED / "examples" / "seed-cluster"], Problems())))
    by_reason: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    articles = 0
    for name, arts in clusters:
        for a in arts:
            articles += 1
            for r in a.removed:
                by_reason[r.reason].append((f"{name}/{a.id}", r.text))
    print(f"articles: {articles}")
    for reason, items in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        print(f"{reason}: {len(items)} removals in {len({w for w, _ in items})} articles")
    rng = random.Random(0)
    for reason, items in sorted(by_reason.items()):
        if args.reason and reason != args.reason:
            continue
        print(f"\n== {reason}")
        for where, text in rng.sample(items, min(args.samples, len(items))):
            print(f"  [{where}] {text[:160]!r}")
    dedup = ArticleDeduplicator()
    per_cluster = collections.Counter()
    pairs_total = flagged_total = 0
    for name, arts in clusters:
        sim = dedup.similarity(arts)
        n = len(arts)
        pairs = n * (n - 1) // 2
        flagged = sum(1 for i in range(n) for j in range(i + 1, n) if sim[i, j] >= dedup.threshold)
        pairs_total += pairs
        flagged_total += flagged
        if name.startswith("validation") or name == "seed":
            per_cluster[(flagged, pairs)] += 1
        if name == "seed":
            print("\nseed pairs:", [(arts[i].id[:3], arts[j].id[:3], round(float(sim[i, j]), 3))
                                     for i in range(n) for j in range(i + 1, n) if sim[i, j] >= dedup.threshold])
    print("\nvalidation+seed clusters by (pairs flagged, pairs):", sorted(per_cluster.items()))
    print(f"all clusters: {flagged_total} of {pairs_total} pairs flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
