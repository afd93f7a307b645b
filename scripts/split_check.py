"""Flag suspicious sentence splits on AbMuSu (reads ../shared by path; prints counts and samples).

    PYTHONPATH=src python scripts/split_check.py [--samples N]

Suspicious: a very short sentence (<= 3 syllables, not a heading), a sentence starting with a
lower-case letter, a sentence ending with a one- or two-letter token plus a period (a missed
abbreviation), and a very long one (> 120 syllables, a missed boundary).
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

from tomtat.ingest.readers import build_article, raw_from_mapping
from tomtat.summarize.split import SentenceSplitter

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=6)
    args = parser.parse_args()
    path = SHARED / "data" / "abmusu" / "validation.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    splitter = SentenceSplitter.default()
    flagged = collections.defaultdict(list)
    total = 0
    for number, line in enumerate(path.open(encoding="utf-8"), start=1):
        for i, doc in enumerate(json.loads(line)["single_documents"]):
            article = build_article(raw_from_mapping(doc, source=str(number)), article_id=f"{number}/{i}")
            for s in splitter.split(article):
                if s.kind == "heading":
                    continue
                total += 1
                words = s.text.split()
                if len(words) <= 3:
                    flagged["short"].append(s.text)
                if s.text[:1].islower():
                    flagged["lower-case start"].append(s.text)
                if re.search(r"(?:^|\s)[A-ZĐ]\w?\.$", s.text):
                    flagged["short token before period"].append(s.text)
                if len(words) > 120:
                    flagged["long"].append(s.text)
    print(f"sentences: {total}")
    rng = random.Random(0)
    for kind, items in flagged.items():
        print(f"\n{kind}: {len(items)}")
        for text in rng.sample(items, min(args.samples, len(items))):
            print(f"  {text[:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
