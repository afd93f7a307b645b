"""Leave-one-corpus-out validation: how the scorer's features, its settings and the selector's
settings were chosen. The worse of the two folds decides, not their mean.

    PYTHONPATH=src .venv/bin/python training/loco.py [--shared ../shared] [--cache /tmp/tomtat-parts.pkl]

Folds (parts as in ``benchmarks/corpora.py``):
  A. train on AbMuSu train (200 clusters)         -> validate on the ViMs training part (50)
  B. train on the ViMs training part (50 clusters) -> validate on AbMuSu validation (100)
The ViMs held-out part is never read here. Stage 1 compares selector settings with the
scorer's default features and settings; stage 2 compares feature sets and leaf sizes with
the selector chosen in stage 1; stage 3 the coverage selector's bigram weights (these three
train on the layout the corpora give, as the recipe did when they were run). Each line:
ROUGE-2 F1 of fold A, of fold B, and the worse. Stage 4 (run first) trains each fold in one,
two or three layouts (``corpus_data.LAYOUT_VARIANTS``) and validates it in all three: six
cells and the worst.
The score is the official ROUGE-2 F1 (pyvi + rouge 1.0.1, mean over a cluster's references)
of the chosen sentences untrimmed at 200 syllables, with every sentence preprocessed once
(the summary's preprocessing is the concatenation of its sentences'), which is what makes a
grid affordable; ``benchmarks/corpora.py`` then measures the shipped pipeline itself.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

FOLDS = ((("abmusu-train",), "vims-train"), (("vims-train",), "abmusu-validation"))
BUDGET = 200
# Features whose meaning depends on one corpus's layout or make-up: paragraph markup, where
# an article ends, how many articles and duplicates a cluster has.
LAYOUT = ("paragraph_index", "first_in_paragraph", "position_relative", "position_from_end")
CLUSTER_CONTEXT = ("duplicate_article", "article_share", "articles_log", "cluster_syllables_log")
LEAD = ("lead", "lead_similarity")


def feature_sets() -> dict[str, tuple[str, ...]]:
    from tomtat.summarize.features import FEATURE_NAMES

    def without(*groups: tuple[str, ...]) -> tuple[str, ...]:
        drop = {f for g in groups for f in g}
        return tuple(f for f in FEATURE_NAMES if f not in drop)

    return {"all": FEATURE_NAMES, "no layout": without(LAYOUT), "no cluster context": without(CLUSTER_CONTEXT),
            "no layout, no cluster context": without(LAYOUT, CLUSTER_CONTEXT),
            "no layout, context, lead": without(LAYOUT, CLUSTER_CONTEXT, LEAD)}


def r2(examples, score: Callable[[Any], np.ndarray], selector) -> float:
    from tomtat.evaluation.rouge import score_pair

    values = []
    for example in examples:
        chosen = selector(example.cluster, score(example), BUDGET)
        hypothesis = " ".join(example.prepared_sentences[i] for i in sorted(chosen))
        values.append(np.mean([score_pair(hypothesis, r)["rouge-2"]["f"] for r in example.prepared_references]))
    return float(np.mean(values))


def model_scores(model) -> Callable[[Any], np.ndarray]:
    def score(example) -> np.ndarray:
        x = np.column_stack([example.features[name] for name in model.features])
        return np.log(np.clip(model.predict(x), 1e-3, None))  # as LearnedRanker

    return score


def train(parts, names: tuple[str, ...], features: tuple[str, ...], **settings: Any):
    from corpus_data import rows
    from train_scorer import DEFAULTS, fit

    x, y, _ = rows([e for name in names for e in parts[name]], features)
    return fit(x, y, seed=0, features=features, **{**DEFAULTS, **settings})[0]


def concept_stage(parts, openers) -> None:
    """Stage 3: the coverage selector's bigram weights, the scores' sum against the concept
    model (``training/train_concepts.py``), each fold's concept model trained on the fold's
    training part with that fold's sentence scorer (the shipped recipe, in the given layout
    only: stage 4 adds the others)."""
    from train_concepts import SETTINGS, concept_rows
    from train_scorer import FEATURES, fit

    from tomtat.summarize.concepts import CONCEPT_FEATURES, ConceptWeigher
    from tomtat.summarize.select import CoverageSelector

    print("stage 3: bigram weights (scorer and selector as shipped)", flush=True)
    plain = CoverageSelector(openers=openers)
    grid = [(cost, pool) for cost in (0.6, 0.8, 1.0) for pool in (40, 60, 90)]
    values: dict[str, list[float]] = {"scores' sum": [], **{f"concept model, cost^{c}, pool {p}": [] for c, p in grid}}
    for names, validation in FOLDS:
        training = [e for name in names for e in parts[name]]
        score = model_scores(train(parts, names, FEATURES))
        x, y = concept_rows(training, score)  # concepts of the shipped pool (60)
        weigher = ConceptWeigher(fit(x, y, seed=0, features=CONCEPT_FEATURES, **SETTINGS)[0])
        values["scores' sum"].append(r2(parts[validation], score, plain))
        for cost, pool in grid:
            learned = CoverageSelector(openers=openers, weigher=weigher, cost_exponent=cost, pool=pool)
            values[f"concept model, cost^{cost}, pool {pool}"].append(r2(parts[validation], score, learned))
    for label, pair in values.items():
        print(line(label, pair), flush=True)


def layout_stage(parts, openers) -> None:
    """Stage 4: what the scorer and the concept model learn from. Each fold trains on its
    training part in one, two or three layouts (``corpus_data.LAYOUT_VARIANTS``: the sapo as
    a separate lead, as the body's first paragraph, or absent) and is validated on the other
    corpus in all three; the worst of the six decides (scorer and selector as shipped)."""
    from corpus_data import LAYOUT_VARIANTS
    from train_concepts import SETTINGS, concept_rows
    from train_scorer import FEATURES, fit

    from tomtat.summarize.concepts import CONCEPT_FEATURES, ConceptWeigher
    from tomtat.summarize.select import CoverageSelector

    print("stage 4: training layouts (validated in every layout; the worst decides)", flush=True)
    for count in range(1, len(LAYOUT_VARIANTS) + 1):
        variants = LAYOUT_VARIANTS[:count]
        values = []
        for names, validation in FOLDS:
            training_names = tuple(n + v for n in names for v in variants)
            training = [e for name in training_names for e in parts[name]]
            score = model_scores(train(parts, training_names, FEATURES))
            x, y = concept_rows(training, score)
            weigher = ConceptWeigher(fit(x, y, seed=0, features=CONCEPT_FEATURES, **SETTINGS)[0])
            selector = CoverageSelector(openers=openers, weigher=weigher)
            values.append([r2(parts[validation + v], score, selector) for v in LAYOUT_VARIANTS])
        cells = "  ".join(f"{fold}{v or ' given'}: {value:.4f}" for fold, row in zip("AB", values)
                          for v, value in zip(LAYOUT_VARIANTS, row))
        print(f"  trained on {' + '.join(v or 'given' for v in variants):<40} {cells}  worst "
              f"{min(min(row) for row in values):.4f}", flush=True)


def line(label: str, values: list[float]) -> str:
    return f"  {label:<52} A {values[0]:.4f}  B {values[1]:.4f}  worse {min(values):.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, help="keep the built parts here between runs")
    parser.add_argument("--stages", default="1,2,3,4", help="which stages to run (default: 1,2,3,4)")
    args = parser.parse_args(argv)
    stages = {int(s) for s in args.stages.split(",") if s.strip()}
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpora import available
    from corpus_data import load_parts

    from tomtat.summarize.features import FEATURE_NAMES
    from tomtat.core.options import Options
    from tomtat.summarize.select import CoverageSelector, MMRSelector
    from tomtat.vi.openers import Openers

    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared}")
        return 0
    from corpus_data import LAYOUT_VARIANTS

    names = ("abmusu-train", "vims-train", "abmusu-validation")
    parts = load_parts(tuple(n + v for n in names for v in LAYOUT_VARIANTS) if 4 in stages else names,
                       args.shared, args.cache)
    openers = Openers.default()
    if 4 in stages:
        layout_stage(parts, openers)

    def run(features: tuple[str, ...], selectors: dict[str, Any], **settings: Any) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {name: [] for name in selectors}
        for names, validation in FOLDS:
            score = model_scores(train(parts, names, features, **settings))
            for name, selector in selectors.items():
                out[name].append(r2(parts[validation], score, selector))
        return out

    if 3 in stages:
        concept_stage(parts, openers)
    if not stages & {1, 2}:
        return 0
    print("stage 1: selector (scorer: all features, default settings)", flush=True)
    selectors: dict[str, Any] = {f"mmr, redundancy {r}": MMRSelector(redundancy=r, openers=openers) for r in (0.4, 0.6)}
    for temperature in (0.25, 0.5, 1.0):
        for cost in (0.5, 0.8, 1.0):
            for pool in (30, 60):
                selectors[f"coverage, temperature {temperature}, cost^{cost}, pool {pool}"] = CoverageSelector(
                    temperature=temperature, cost_exponent=cost, pool=pool, openers=openers)
    results = run(FEATURE_NAMES, selectors)
    for name, values in results.items():
        print(line(name, values), flush=True)
    chosen = max(results, key=lambda name: min(results[name]))
    print(f"chosen: {chosen}", flush=True)
    selector = selectors[chosen]
    print("stage 2: features and leaf size (selector: the chosen one)", flush=True)
    best: tuple[float, str] = (-1.0, "")
    for label, features in (feature_sets().items() if 2 in stages else ()):
        for leaf in (50, 100, 200):
            values = run(features, {"": selector}, min_samples_leaf=leaf)[""]
            print(line(f"{label}, leaf {leaf}", values), flush=True)
            best = max(best, (min(values), f"{label}, leaf {leaf}"))
    print(f"chosen: {best[1]} (worse fold {best[0]:.4f})")
    defaults = Options()
    print(f"shipped: selector {defaults.selector}, temperature {defaults.coverage_temperature}, "
          f"cost^{defaults.coverage_cost_exponent}, pool {defaults.coverage_pool}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
