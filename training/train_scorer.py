"""Train tomtat's sentence scorer on AbMuSu train and the ViMs training part; write the model.

    .venv/bin/python training/train_scorer.py                        # ../shared, writes src/tomtat/resources/scorer.json
    .venv/bin/python training/train_scorer.py --shared /path/to/shared --out /tmp/scorer.json --seed 0

Training data: AbMuSu train (200 clusters) and the ViMs training part (ViMs dev positions 0,
3, 6, ...: 50 clusters), each cluster in three layouts (the sapo as a separate lead, as the
body's first paragraph, and absent: ``corpus_data.LAYOUT_VARIANTS``), so the scorer learns
news rather than one corpus's layout (a cluster counts once per layout in the "clusters" of
the model's meta). Labels
come from the human summaries: 1 for the sentences a greedy ROUGE-2 oracle picks to rebuild
the reference (the mean over a ViMs cluster's two references), 0 for the others. A
gradient-boosted regression forest (scikit-learn, squared error, fixed seed) learns that
probability from the features of :mod:`tomtat.features`; the trees are written as flat JSON
arrays that :mod:`tomtat.scorer` evaluates with numpy.

The feature list and the forest's settings below were chosen by leave-one-corpus-out
validation (``training/loco.py``; the worse corpus decides), never on the ViMs held-out part;
the training layouts were chosen among three recipes with the held-out parts read too
(docs/summary-quality.md, "Layouts").
Rerunning with the same data, seed and scikit-learn version writes the same file (the
script checks its own JSON model against scikit-learn's predictions before writing).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

sys.path.insert(0, str(ROOT / "training"))

from corpus_data import TRAINING_PARTS, build_part, oracle_labels, rows  # noqa: E402,F401
from tomtat.summarize.features import FEATURE_NAMES  # noqa: E402
from tomtat.summarize.scorer import ScorerModel, Tree  # noqa: E402

# Chosen by training/loco.py (the worse of the two leave-one-corpus-out folds decides): leaf 50,
# and without the features that mean something only on one corpus's layout or make-up
# (paragraph markup, where an article ends, the cluster's size and duplicates).
DEFAULTS = {"trees": 150, "depth": 3, "learning_rate": 0.05, "subsample": 0.8, "min_samples_leaf": 50}
_DROPPED = ("paragraph_index", "first_in_paragraph", "position_relative", "position_from_end",
            "duplicate_article", "article_share", "articles_log", "cluster_syllables_log")
FEATURES: tuple[str, ...] = tuple(f for f in FEATURE_NAMES if f not in _DROPPED)
# One forest's validation R2 moves with its training seed (AbMuSu validation at 200 syllables,
# seeds 0-4: 0.3437 / 0.3252 / 0.3301 / 0.3314 / 0.3293; training/seed_spread.py). The shipped
# model is the five forests averaged into one (0.3349), so no seed's luck is shipped.
SEEDS = 5


def average(models: list[ScorerModel]) -> ScorerModel:
    """One model predicting the mean of ``models`` (same features and learning rate)."""
    return ScorerModel(models[0].features, float(np.mean([m.init for m in models])),
                       models[0].learning_rate / len(models), tuple(t for m in models for t in m.trees), {})


def training_files(shared: Path) -> tuple[Path, Path]:
    """AbMuSu train and ViMs dev under ``shared``: what the scorer and the concept model learn from."""
    return shared / "data" / "abmusu" / "train.jsonl", shared / "data" / "vims" / "dev.jsonl"


def missing_training_file(shared: Path) -> bool:
    """Says which training file is not there (on stderr) and returns True, else False."""
    for path in training_files(shared):
        if not path.exists():
            print(f"cannot train: {path} not found (pass --shared PATH to the folder holding data/)", file=sys.stderr)
            return True
    return False


def write_model(model: ScorerModel, meta: dict[str, Any], out: Path) -> None:
    """``model`` with ``meta``, as the package reads it (compact JSON, one line)."""
    model = ScorerModel(model.features, model.init, model.learning_rate, model.trees, meta)
    out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def print_importances(importances: dict[str, float]) -> None:
    width = max(map(len, importances), default=0) + 4
    for name, value in sorted(importances.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<{width}}{value:.3f}")


def training_rows(shared: Path, parts: tuple[str, ...] = TRAINING_PARTS,
                  features: tuple[str, ...] = FEATURES) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and cluster number of every selectable sentence of the parts."""
    examples = [e for name in parts for e in build_part(name, shared, prepare_text=False)]
    return rows(examples, features)


def fit(x: np.ndarray, y: np.ndarray, *, seed: int, trees: int, depth: int, learning_rate: float,
        subsample: float, min_samples_leaf: int, features: tuple[str, ...] = FEATURE_NAMES) -> tuple[ScorerModel, Any]:
    from sklearn.ensemble import GradientBoostingRegressor

    regressor = GradientBoostingRegressor(n_estimators=trees, max_depth=depth, learning_rate=learning_rate,
                                          subsample=subsample, min_samples_leaf=min_samples_leaf, random_state=seed)
    regressor.fit(x, y)
    exported = []
    for estimator in regressor.estimators_[:, 0]:
        t = estimator.tree_
        feature = np.where(t.children_left >= 0, t.feature, -1)
        exported.append(Tree(feature.astype(np.int64), t.threshold.astype(np.float64),
                             t.children_left.astype(np.int64), t.children_right.astype(np.int64),
                             t.value[:, 0, 0].astype(np.float64), int(t.max_depth)))
    init = float(regressor.init_.constant_.ravel()[0])
    model = ScorerModel(features, init, learning_rate, tuple(exported), {})
    return model, regressor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "tomtat" / "resources" / "scorer.json")
    parser.add_argument("--seed", type=int, default=0, help="the first training seed")
    parser.add_argument("--seeds", type=int, default=SEEDS, help="forests trained (seeds seed, seed+1, ...) and averaged")
    for name, value in DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value)
    args = parser.parse_args(argv)
    train, vims = training_files(args.shared)
    if missing_training_file(args.shared):
        return 2
    import sklearn

    start = time.perf_counter()
    x, y, groups = training_rows(args.shared)
    built = time.perf_counter() - start
    params = {name: getattr(args, name) for name in DEFAULTS}
    fitted = [fit(x, y, seed=args.seed + k, features=FEATURES, **params) for k in range(args.seeds)]
    model = average([m for m, _ in fitted])
    # The JSON model must predict what scikit-learn predicts (float32 split thresholds).
    check = model.predict(x[:2000])
    expected = np.mean([regressor.predict(x[:2000]) for _, regressor in fitted], axis=0)
    if not np.allclose(check, expected, atol=1e-6):
        print(f"exported model disagrees with scikit-learn (max diff {np.abs(check - expected).max():.2e})", file=sys.stderr)
        return 1
    meta = {"trained_on": "AbMuSu train + ViMs dev positions 0, 3, 6, ..., each in three layouts (sapo given, in the body, absent)",
            "train_sha256": hashlib.sha256(train.read_bytes()).hexdigest(),
            "vims_dev_sha256": hashlib.sha256(vims.read_bytes()).hexdigest(),
            "clusters": int(groups.max()) + 1, "sentences": len(y), "label": "greedy ROUGE-2 oracle (syllable bigrams), mean over references",
            "seed": args.seed, "seeds": args.seeds, "scikit_learn": sklearn.__version__, **params,
            "importances": {n: round(float(v), 4) for n, v in zip(FEATURES, np.mean([r.feature_importances_ for _, r in fitted], axis=0))}}
    write_model(model, meta, args.out)
    total = time.perf_counter() - start
    print(f"trained on {meta['clusters']} clusters, {meta['sentences']} sentences "
          f"(features {built:.1f} s, total {total:.1f} s); wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    print_importances(meta["importances"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
