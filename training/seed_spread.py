"""How much of the scorer's validation ROUGE-2 is the training seed's luck.

    PYTHONPATH=src .venv/bin/python training/seed_spread.py [--shared ../shared] [--seeds 5]

Trains one forest on the training parts (AbMuSu train + the ViMs training part) with each
seed (the committed settings otherwise), scores AbMuSu validation with the default pipeline
at 200 syllables under the official protocol, and also scores the average of all the seeds'
forests (one model: the trees of every seed, learning rate / k). The ViMs held-out part is
not read. Nothing is written. Without the data it says so and exits 0.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "training"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args(argv)
    from corpora import _articles, available, load

    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared}")
        return 0
    from train_scorer import DEFAULTS, FEATURES, average, fit, training_rows

    from tomtat.evaluation.rouge import compute
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer
    from tomtat.summarize.scorer import LearnedRanker, ScorerModel

    x, y, _ = training_rows(args.shared)
    validation = load("abmusu-validation", args.shared)
    articles = [_articles(documents) for documents, _ in validation]
    references = [refs for _, refs in validation]

    def validation_r2(model: ScorerModel) -> float:
        summarizer = Summarizer(Options(syllables=200), ranker=LearnedRanker(model), story=False)
        texts = [summarizer.summarize_articles(a).text for a in articles]
        return compute(predictions=texts, references=references)["rouge-2"]["f"]

    models, scores = [], []
    for seed in range(args.seeds):
        model, _ = fit(x, y, seed=seed, features=FEATURES, **DEFAULTS)
        models.append(model)
        scores.append(validation_r2(model))
        print(f"seed {seed}: AbMuSu validation R2 F1 at 200 syllables {scores[-1]:.4f}", flush=True)
    print(f"{args.seeds} seeds: mean {np.mean(scores):.4f}, min {min(scores):.4f}, max {max(scores):.4f}; "
          f"their averaged forest (what train_scorer.py ships) {validation_r2(average(models)):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
