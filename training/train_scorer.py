"""Train tomtat's sentence scorer on AbMuSu train and write the model the package loads.

    .venv/bin/python training/train_scorer.py                        # ../shared, writes src/tomtat/resources/scorer.json
    .venv/bin/python training/train_scorer.py --shared /path/to/shared --out /tmp/scorer.json --seed 0

Labels come from the human summaries of the train split: 1 for the sentences a greedy
ROUGE-2 oracle picks to rebuild the reference, 0 for the others. A gradient-boosted
regression forest (scikit-learn, squared error, fixed seed) learns that probability from the
features of :mod:`tomtat.features`; the trees are written as flat JSON arrays that
:mod:`tomtat.scorer` evaluates with numpy.

Only train is used here. Everything else (which features, the length rule, the redundancy
weight) was chosen on validation with ``benchmarks/abmusu.py``, never on train. Rerunning
with the same data, seed and scikit-learn version writes the same file (the script checks
its own JSON model against scikit-learn's predictions before writing).
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

from tomtat.summarize.features import FEATURE_NAMES, feature_matrix  # noqa: E402
from tomtat.summarize.scorer import ScorerModel, Tree  # noqa: E402
from tomtat.vi.text import syllables  # noqa: E402

# Chosen on validation (benchmarks/abmusu.py): deeper or bigger forests and smaller leaves overfit
# 200 clusters (leaf 20: val R2 0.355, leaf 100: 0.359, 300 trees of depth 4: 0.333).
DEFAULTS = {"trees": 150, "depth": 3, "learning_rate": 0.05, "subsample": 0.8, "min_samples_leaf": 100}


def load_split(shared: Path, split: str) -> tuple[list[list[dict[str, Any]]], list[str]]:
    path = shared / "data" / "abmusu" / f"{split}.jsonl"
    lines = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [line["single_documents"] for line in lines], [line.get("summary", "") for line in lines]


def build_cluster(documents: list[dict[str, Any]], summarizer=None):
    """The cluster exactly as the summarizer sees it (reading, cleaning, splitting, dedup)."""
    from tomtat.core.errors import Problems
    from tomtat.ingest import build_articles, raw_from_mapping
    from tomtat.story.summarizer import Summarizer

    summarizer = summarizer or Summarizer(story=False)
    raws = [raw_from_mapping(d, source=f"single_documents[{i}]") for i, d in enumerate(documents)]
    return summarizer.build_cluster(build_articles(raws, Problems(strict=False)))


def oracle_labels(cluster, reference: str) -> np.ndarray:
    """1.0 for the sentences a greedy oracle picks to match the reference, else 0.0.

    The oracle adds, one at a time, the sentence that most raises ROUGE-2 F1 (sets of
    syllable bigrams, as the official scorer counts n-gram sets) and stops when none does.
    Tried and dropped on validation: each sentence's own bigram precision or F1 against the
    reference as a graded label (val R2 0.31-0.32), the oracle on pyvi words (0.346).
    """
    ref_tokens = syllables(reference)
    ref = set(zip(ref_tokens, ref_tokens[1:]))
    grams = [set(zip(t, t[1:])) for t in cluster.tokens]
    open_ = {i for i, s in enumerate(cluster.sentences) if s.selectable and grams[i]}
    covered: set = set()
    best = 0.0
    labels = np.zeros(len(cluster.sentences))
    while open_ and ref:
        pick = None
        for i in open_:
            union = covered | grams[i]
            hits = len(union & ref)
            if hits:
                p, r = hits / len(union), hits / len(ref)
                f = 2 * p * r / (p + r)
                if f > best + 1e-9 and (pick is None or f > pick[0]):
                    pick = (f, i, union)
        if pick is None:
            break
        best, i, covered = pick
        labels[i] = 1.0
        open_.discard(i)
    return labels


def training_rows(shared: Path, split: str = "train") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and cluster number of every selectable sentence of a split."""
    from tomtat.story.summarizer import Summarizer

    summarizer = Summarizer(story=False)
    xs, ys, groups = [], [], []
    clusters, references = load_split(shared, split)
    for number, (documents, reference) in enumerate(zip(clusters, references)):
        cluster = build_cluster(documents, summarizer)
        if not cluster.sentences:
            continue
        keep = np.array([s.selectable for s in cluster.sentences])
        xs.append(feature_matrix(cluster)[keep])
        ys.append(oracle_labels(cluster, reference)[keep])
        groups.append(np.full(int(keep.sum()), number))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)


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
    parser.add_argument("--seed", type=int, default=0)
    for name, value in DEFAULTS.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(value), default=value)
    args = parser.parse_args(argv)
    train = args.shared / "data" / "abmusu" / "train.jsonl"
    if not train.exists():
        print(f"cannot train: {train} not found (pass --shared PATH to the folder holding data/abmusu)", file=sys.stderr)
        return 2
    import sklearn

    start = time.perf_counter()
    x, y, groups = training_rows(args.shared, "train")
    built = time.perf_counter() - start
    params = {name: getattr(args, name) for name in DEFAULTS}
    model, regressor = fit(x, y, seed=args.seed, **params)
    # The JSON model must predict what scikit-learn predicts (float32 split thresholds).
    check = model.predict(x[:2000])
    expected = regressor.predict(x[:2000])
    if not np.allclose(check, expected, atol=1e-6):
        print(f"exported model disagrees with scikit-learn (max diff {np.abs(check - expected).max():.2e})", file=sys.stderr)
        return 1
    meta = {"trained_on": "AbMuSu train", "train_sha256": hashlib.sha256(train.read_bytes()).hexdigest(),
            "clusters": int(groups.max()) + 1, "sentences": len(y), "label": "greedy ROUGE-2 oracle (syllable bigrams)",
            "seed": args.seed, "scikit_learn": sklearn.__version__, **params,
            "importances": {n: round(float(v), 4) for n, v in zip(FEATURE_NAMES, regressor.feature_importances_)}}
    model = ScorerModel(model.features, model.init, model.learning_rate, model.trees, meta)
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    total = time.perf_counter() - start
    print(f"trained on {meta['clusters']} clusters, {meta['sentences']} sentences "
          f"(features {built:.1f} s, total {total:.1f} s); wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    for name, value in sorted(meta["importances"].items(), key=lambda kv: -kv[1]):
        print(f"  {name:<24}{value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
