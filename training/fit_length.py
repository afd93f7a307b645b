"""Fit the default summary length: what a human writes for a cluster of this size.

    PYTHONPATH=src .venv/bin/python training/fit_length.py [--shared ../shared]

On the training parts (AbMuSu train, ViMs dev positions 0, 3, 6, ...) it fits
log(reference syllables) = a + b log(cluster syllables) by least squares (the slope), then
sets the level so that half of the references are longer than predicted (the median, not the
mean, of the residuals: a reader asks for a typical length). A cluster of several references
counts their mean. Prints the two numbers that are ``Options.length_syllables`` (at a
2,000-syllable cluster) and ``Options.length_exponent``, and how the prediction compares
with the references of every part. Nothing is written; without the data it says so.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

PIVOT = 2000  # syllables: the length is stated for a cluster of this size


def sizes(name: str, shared: Path) -> tuple[np.ndarray, np.ndarray]:
    """(cluster syllables as the summarizer counts them, reference syllables) per cluster."""
    from corpora import _articles, load

    from tomtat.story.summarizer import Summarizer
    from tomtat.vi.text import count_syllables

    summarizer = Summarizer(story=False)
    clusters, references = [], []
    for documents, refs in load(name, shared):
        clusters.append(summarizer.build_cluster(_articles(documents)).total_syllables)
        references.append(statistics.mean(count_syllables(r) for r in refs))
    return np.array(clusters, dtype=np.float64), np.array(references, dtype=np.float64)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    from corpora import available

    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared}")
        return 0
    parts = {name: sizes(name, args.shared) for name in ("abmusu-train", "vims-train", "abmusu-validation", "vims-heldout")}
    x = np.log(np.concatenate([parts["abmusu-train"][0], parts["vims-train"][0]]) / PIVOT)
    y = np.log(np.concatenate([parts["abmusu-train"][1], parts["vims-train"][1]]))
    slope = float(np.polyfit(x, y, 1)[0])
    level = float(np.exp(np.median(y - slope * x)))
    print(f"length_syllables = {level:.0f}  (at a {PIVOT}-syllable cluster)\nlength_exponent = {slope:.2f}")
    for name, (cluster, reference) in parts.items():
        predicted = round(level) * (cluster / PIVOT) ** round(slope, 2)
        print(f"{name:<18} clusters {len(cluster):>3}  median reference {np.median(reference):.0f}  "
              f"median prediction {np.median(predicted):.0f}  "
              f"({np.median(predicted) / np.median(reference) - 1:+.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
