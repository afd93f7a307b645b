"""tomtat with each cluster's own reference length as its budget, beside its default length.

    PYTHONPATH=src python benchmarks/length_ceiling.py                       # AbMuSu validation + ViMs held-out
    PYTHONPATH=src python benchmarks/length_ceiling.py --corpora vims-heldout+no-lead

A length rule predicts the budget from the cluster; the most faithful prediction is the
length the reference actually has (a ViMs cluster: the mean of its two). This runs the
shipped pipeline (summary only, as ``tomtat batch``) at the default length, at a flat 200
syllables, at the reference's length and at that length +10%, and prints ROUGE-2 F1 with its
95% bootstrap interval and the median length beside it. The last two rows read the answer, so
they are no usable rule; nor are they a ceiling for ROUGE-2 F1, which a longer summary of a
small cluster can raise (docs/summary-quality.md, "Below the reference size"). Corpora and
scoring are those of ``corpora.py``.
"""
from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SHARED, _articles, available, bootstrap, load, per_cluster_scores

BUDGETS = ("default", "200", "reference", "reference +10%")


def budget(name: str, reference_syllables: float) -> int | None:
    """The syllable budget of one row (None: the default rule)."""
    return {"default": None, "200": 200, "reference": round(reference_syllables),
            "reference +10%": round(1.1 * reference_syllables)}[name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--corpora", nargs="+", default=["abmusu-validation", "vims-heldout"])
    args = parser.parse_args(argv)
    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared}")
        return 0
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer
    from tomtat.vi.text import count_syllables

    cache: dict[str, str] = {}
    print("| corpus | budget | R2 F1 [95% CI] | median length (ref.) |\n|---|---|---|---|")
    for name in args.corpora:
        clusters = load(name, args.shared)
        lengths = [statistics.mean(count_syllables(r) for r in refs) for _, refs in clusters]
        for row in BUDGETS:
            predictions = []
            for (documents, _), reference in zip(clusters, lengths):
                summarizer = Summarizer(Options(syllables=budget(row, reference)), story=False)
                predictions.append(summarizer.summarize_articles(_articles(documents)).text)
            r2 = per_cluster_scores(predictions, [refs for _, refs in clusters], cache)["rouge-2"]
            low, high = bootstrap(r2)
            median = statistics.median(count_syllables(p) for p in predictions)
            print(f"| {name} | {row} | {r2.mean():.4f} [{low:.4f}, {high:.4f}] | {median:.0f} "
                  f"({statistics.median(lengths):.0f}) |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
