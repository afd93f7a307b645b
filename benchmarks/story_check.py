"""How well the page's "different stories" warning works (tomtat.story.editorial.cohesion), on AbMuSu.

For each cluster: does the check flag an article of a real cluster (false alarm)? And with one
article of another cluster slipped in, is that article flagged (caught)? Reports both for a few
cuts, so the shipped ``UNRELATED_BELOW`` can be judged. Reads ../shared/data/abmusu/<split>.jsonl;
skips, saying why, when it is absent.

    python benchmarks/story_check.py [--split train|validation]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tomtat.story.editorial import UNRELATED_BELOW, best_similarities
from tomtat.core.errors import Problems
from tomtat.ingest.readers import read_inputs

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "abmusu"
CUTS = (0.10, 0.12, UNRELATED_BELOW, 0.18)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="train", choices=("train", "validation"))
    args = parser.parse_args()
    path = DATA / f"{args.split}.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found (AbMuSu is not shipped with tomtat)")
        return 0
    clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def articles(cluster):
        docs = [{"text": d.get("raw_text", ""), "title": d.get("title", "")} for d in cluster["single_documents"]]
        return read_inputs(docs, Problems())

    real, slipped = [], []
    for k, cluster in enumerate(clusters):
        own = articles(cluster)
        if len(own) < 2:
            continue
        real.append(min(best_similarities(own)))
        stranger = articles(clusters[(k + 37) % len(clusters)])[0]  # a fixed, different cluster
        slipped.append(best_similarities(own + [stranger])[-1])
    print(f"AbMuSu {args.split}: {len(real)} clusters")
    print("cut    false alarms (real cluster flagged)   caught (slipped-in article flagged)")
    for cut in CUTS:
        alarms = sum(v < cut for v in real) / len(real)
        caught = sum(v < cut for v in slipped) / len(slipped)
        mark = "  <- shipped" if cut == UNRELATED_BELOW else ""
        print(f"{cut:.2f}   {alarms:6.1%}                                {caught:6.1%}{mark}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
