"""Training and validation data for the scorer, from both corpora, built once and cached.

Each cluster is read exactly as the summarizer reads it; for each sentence it keeps every
feature of :mod:`tomtat.features` and the oracle label, and (for fast validation runs) each
sentence and reference already put through the official metric's preprocessing. The parts
are the fixed protocol of ``benchmarks/corpora.py``: ``abmusu-train``, ``abmusu-validation``,
``vims-train`` (ViMs dev positions 0, 3, 6, ...) and ``vims-heldout`` (never used here).
"""
from __future__ import annotations

import hashlib
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

# Each training part three times: as the corpus gives it (the sapo as a separate lead), with
# the sapo as the body's first paragraph (as scraped pages and pasted texts carry it), and with
# no sapo, so the scorer does not learn one corpus's layout (docs/summary-quality.md, "Layouts").
from corpora import LAYOUTS as LAYOUT_VARIANTS  # noqa: E402  (the benchmark's suffixes)
TRAINING_PARTS = tuple(part + variant for part in ("abmusu-train", "vims-train") for variant in LAYOUT_VARIANTS)


@dataclass
class Example:
    cluster: Any  # tomtat.cluster.Cluster
    features: dict[str, np.ndarray]
    labels: np.ndarray  # oracle label, mean over the references
    prepared_sentences: list[str]  # official preprocessing of each sentence ("" if not selectable)
    prepared_references: list[str]
    references: tuple[str, ...] = ()  # as written


def oracle_labels(cluster, reference: str) -> np.ndarray:
    """1.0 for the sentences a greedy oracle picks to match the reference, else 0.0.

    The oracle adds, one at a time, the sentence that most raises ROUGE-2 F1 (sets of
    syllable bigrams, as the official scorer counts n-gram sets) and stops when none does.
    Tried and dropped on validation: each sentence's own bigram precision or F1 against the
    reference as a graded label (val R2 0.31-0.32), the oracle on pyvi words (0.346).
    """
    from tomtat.vi.text import syllables

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


def build_part(name: str, shared: Path, *, prepare_text: bool = True) -> list[Example]:
    from corpora import _articles, load

    from tomtat.evaluation.rouge import prepare
    from tomtat.summarize.features import compute_features
    from tomtat.story.summarizer import Summarizer

    from tomtat.core.options import Options

    # Only its reading and splitting are used: no concept model is loaded (it may be the one
    # being retrained, with other features).
    summarizer = Summarizer(Options(coverage_weights="scores"), story=False)
    out = []
    for documents, references in load(name, shared):
        cluster = summarizer.build_cluster(_articles(documents))
        if not cluster.sentences:
            continue
        labels = np.mean([oracle_labels(cluster, r) for r in references], axis=0)
        sentences = [prepare(s.text) if prepare_text and s.selectable else "" for s in cluster.sentences]
        out.append(Example(cluster, compute_features(cluster), labels, sentences,
                           [prepare(r) for r in references] if prepare_text else [], tuple(references)))
    return out


def data_digest(shared: Path) -> str:
    digest = hashlib.sha256()
    for path in (shared / "data" / "abmusu" / "train.jsonl", shared / "data" / "abmusu" / "validation.jsonl",
                 shared / "data" / "vims" / "dev.jsonl"):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _key_sources() -> list[Path]:
    """What the cached parts depend on: every source and text resource of the package (reading,
    splitting and features use much of it: a key on the features' module alone misses a change
    elsewhere), the layouts (``corpora.py``) and this file; not the two models, which the parts
    never use."""
    package = ROOT / "src" / "tomtat"
    files = [p for p in sorted(package.rglob("*")) if p.is_file() and p.suffix in (".py", ".txt")]
    return [*files, ROOT / "benchmarks" / "corpora.py", Path(__file__)]


def load_parts(names: tuple[str, ...], shared: Path, cache: Path | None = None) -> dict[str, list[Example]]:
    """The parts, from ``cache`` (a pickle keyed by the data and the code that builds them) when fresh."""
    key = "4:" + data_digest(shared) + "".join(hashlib.sha256(p.read_bytes()).hexdigest() for p in _key_sources())
    stored: dict[str, Any] = {}
    if cache is not None and cache.exists():
        stored = pickle.loads(cache.read_bytes())
        if stored.get("key") != key:
            stored = {}
    parts = stored.get("parts", {})
    missing = [n for n in names if n not in parts]
    for name in missing:
        parts[name] = build_part(name, shared)
    if cache is not None and missing:
        cache.write_bytes(pickle.dumps({"key": key, "parts": parts}))
    return {n: parts[n] for n in names}


def rows(examples: list[Example], features: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and cluster number of every selectable sentence."""
    xs, ys, groups = [], [], []
    for number, example in enumerate(examples):
        keep = np.array([s.selectable for s in example.cluster.sentences])
        xs.append(np.column_stack([example.features[f] for f in features])[keep])
        ys.append(example.labels[keep])
        groups.append(np.full(int(keep.sum()), number))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)
