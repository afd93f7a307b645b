"""Train the coverage selector's concept model; write it.

    .venv/bin/python training/train_concepts.py            # ../shared, writes src/tomtat/resources/concept_scorer.json

A concept is a syllable bigram used by the selector's pool (the best-scored sentences, as
:class:`~tomtat.summarize.select.CoverageSelector` takes them). Its label is the share of a
cluster's human summaries that contain it; its features are those of
:mod:`tomtat.summarize.concepts`, with the sentences scored by the shipped sentence scorer
(``resources/scorer.json``, so train that first). Training data: AbMuSu train and the ViMs
training part in three layouts, as for the sentence scorer; the choice of learned weights over the scores'
sum was made by leave-one-corpus-out validation (``training/loco.py``, stage 3). Same data,
seed and scikit-learn version: the same file.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from corpus_data import TRAINING_PARTS, build_part  # noqa: E402
from train_scorer import fit, missing_training_file, print_importances, write_model  # noqa: E402
from tomtat.core.options import DEFAULTS as OPTIONS  # noqa: E402
from tomtat.summarize.concepts import CONCEPT_FEATURES, concept_features  # noqa: E402
from tomtat.summarize.scorer import LearnedRanker  # noqa: E402
from tomtat.summarize.select import CoverageSelector, pool_candidates  # noqa: E402
from tomtat.vi.text import syllables  # noqa: E402

# 40 trees at rate 0.15 predict as well as 150 at 0.05 (AbMuSu validation 0.3447 vs 0.3451, ViMs
# held-out 0.3386 vs 0.3381, untrimmed at 200 syllables) at a quarter of the run-time cost.
SETTINGS = {"trees": 40, "depth": 3, "learning_rate": 0.15, "subsample": 0.8, "min_samples_leaf": 100}


def concept_rows(examples: list[Any], score: Callable[[Any], np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Concept features and labels of every example's pool (``score(example)``: sentence scores)."""
    xs, ys = [], []
    for example in examples:
        cluster = example.cluster
        if not cluster.sentences or not cluster.vectors.bigram_mask().any() or not example.references:
            continue
        scores = score(example)
        candidates = pool_candidates(cluster, scores, OPTIONS.min_sentence_syllables, OPTIONS.coverage_pool)
        if not len(candidates):
            continue
        concepts, columns = CoverageSelector._concepts(cluster, candidates)
        names = cluster.vectors.feature_names()
        offset = len(cluster.vectors.vocabulary)
        label = np.zeros(len(columns))
        for reference in example.references:
            tokens = syllables(reference)
            used = {f"{a} {b}" for a, b in zip(tokens, tokens[1:])}
            label += np.array([names[offset + c] in used for c in columns], dtype=np.float64)
        xs.append(concept_features(cluster, scores, candidates, concepts, columns))
        ys.append(label / len(example.references))
    return np.vstack(xs), np.concatenate(ys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "tomtat" / "resources" / "concept_scorer.json")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if missing_training_file(args.shared):
        return 2
    import sklearn

    start = time.perf_counter()
    examples = [e for name in TRAINING_PARTS for e in build_part(name, args.shared, prepare_text=False)]
    ranker = LearnedRanker.default()
    x, y = concept_rows(examples, lambda example: ranker(example.cluster))
    model, regressor = fit(x, y, seed=args.seed, features=CONCEPT_FEATURES, **SETTINGS)
    if not np.allclose(model.predict(x[:2000]), regressor.predict(x[:2000]), atol=1e-6):
        print("exported model disagrees with scikit-learn", file=sys.stderr)
        return 1
    scorer_file = ROOT / "src" / "tomtat" / "resources" / "scorer.json"
    meta = {"trained_on": "AbMuSu train + ViMs dev positions 0, 3, 6, ..., each in three layouts (sapo given, in the body, absent)",
            "sentence_scorer_sha256": hashlib.sha256(scorer_file.read_bytes()).hexdigest(),
            "concepts": len(y), "label": "share of the references containing the syllable bigram",
            "seed": args.seed, "scikit_learn": sklearn.__version__, **SETTINGS,
            "importances": {n: round(float(v), 4) for n, v in zip(CONCEPT_FEATURES, regressor.feature_importances_)}}
    write_model(model, meta, args.out)
    print(f"trained on {len(y)} concepts of {len(examples)} clusters in {time.perf_counter() - start:.0f} s; "
          f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    print_importances(meta["importances"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
