"""The AbMuSu (VLSP 2022) official scoring protocol, reproduced exactly.

Both texts: NFC, ``_`` replaced by a space, pyvi 0.1.1 ``ViTokenizer.tokenize``, lowercased;
then the ``rouge`` 1.0.1 package's ROUGE-1/2/L F1, precision and recall, averaged over clusters
(as ``Rouge().get_scores(hyps, refs, avg=True)`` does). With several references for one
cluster, the cluster's score is the mean over its references.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from tomtat.core.errors import EvaluationError

METRICS = ("rouge-1", "rouge-2", "rouge-l")
STATS = ("f", "p", "r")


def prepare(text: str) -> str:
    """The official preprocessing of one summary."""
    from pyvi import ViTokenizer  # loaded on first use: it reads its CRF model from disk

    return ViTokenizer.tokenize(unicodedata.normalize("NFC", text).replace("_", " ")).lower()


@dataclass(frozen=True)
class Scores:
    """Averaged scores: ``values["rouge-2"]["f"]`` and so on; ``count`` clusters."""

    values: dict[str, dict[str, float]]
    count: int

    def __getitem__(self, metric: str) -> dict[str, float]:
        return self.values[metric]

    def to_dict(self) -> dict[str, Any]:
        return {"clusters": self.count, **self.values}


def score_pair(hypothesis: str, reference: str) -> dict[str, dict[str, float]]:
    """ROUGE of one prepared pair; an empty side scores 0 (the ``rouge`` package would raise)."""
    from rouge import Rouge

    if not hypothesis.strip() or not reference.strip() or not _has_word(hypothesis) or not _has_word(reference):
        return {m: {s: 0.0 for s in STATS} for m in METRICS}
    return Rouge().get_scores(hypothesis, reference)[0]


def _has_word(text: str) -> bool:
    # rouge 1.0.1 raises on a text that is only punctuation ("Hypothesis is empty").
    return any(ch.isalnum() for ch in text)


def compute(*, predictions: Sequence[str], references: Sequence[str | Sequence[str]]) -> Scores:
    """Official AbMuSu scores. Keyword-only so predictions and references cannot be swapped."""
    if len(predictions) != len(references):
        raise EvaluationError(f"{len(predictions)} predictions but {len(references)} references")
    if not predictions:
        raise EvaluationError("nothing to score: no predictions")
    totals = {m: {s: 0.0 for s in STATS} for m in METRICS}
    for prediction, refs in zip(predictions, references):
        ref_list = [refs] if isinstance(refs, str) else list(refs)
        if not ref_list:
            raise EvaluationError("a cluster has an empty list of references")
        hyp = prepare(prediction)
        for ref in ref_list:
            pair = score_pair(hyp, prepare(ref))
            for m in METRICS:
                for s in STATS:
                    totals[m][s] += pair[m][s] / len(ref_list)
    n = len(predictions)
    return Scores({m: {s: totals[m][s] / n for s in STATS} for m in METRICS}, n)


def _read_jsonl(path: Path, kind: str) -> list[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except FileNotFoundError:
        raise EvaluationError(f"{path}: no such file ({kind})") from None
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 ({exc.reason})") from None
    out = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{number}: invalid JSON ({exc.msg})") from None
        if not isinstance(value, dict):
            raise EvaluationError(f"{path}:{number}: expected a JSON object")
        out.append((number, value))
    return out


def _reference_of(path: Path, number: int, value: dict[str, Any]) -> list[str]:
    if "refs" in value:
        refs = value["refs"]
        if not isinstance(refs, list) or not refs or not all(isinstance(r, str) for r in refs):
            raise EvaluationError(f"{path}:{number}: field 'refs' must be a non-empty list of strings")
        return refs
    if isinstance(value.get("summary"), str):
        return [value["summary"]]
    raise EvaluationError(f"{path}:{number}: no 'summary' string or 'refs' list")


def evaluate_files(predictions: Path, gold: Path) -> Scores:
    """Match predictions to gold by ``id``; a gold file without ids is keyed by 0-based line position;
    with no ids at all, by order."""
    preds = _read_jsonl(predictions, "predictions")
    golds = _read_jsonl(gold, "gold")
    for number, value in preds:
        if not isinstance(value.get("summary"), str):
            raise EvaluationError(f"{predictions}:{number}: field 'summary' must be a string")
    by_id = all("id" in v for _, v in preds) and all("id" in v for _, v in golds)
    if not by_id and all("id" in v for _, v in preds) and not any("id" in v for _, v in golds):
        # Gold without ids (AbMuSu's own files): a gold line's id is its 0-based position,
        # which is the id `tomtat batch` gives a cluster without one.
        golds = [(number, {**value, "id": position}) for position, (number, value) in enumerate(golds)]
        by_id = True
    hyps: list[str] = []
    refs: list[list[str]] = []
    if by_id:
        gold_by_id: dict[str, tuple[int, dict[str, Any]]] = {}
        for number, value in golds:
            key = str(value["id"])
            if key in gold_by_id:
                raise EvaluationError(f"{gold}:{number}: id {key!r} appears twice")
            gold_by_id[key] = (number, value)
        seen = set()
        for number, value in preds:
            key = str(value["id"])
            if key not in gold_by_id:
                raise EvaluationError(f"{predictions}:{number}: id {key!r} is not in {gold}")
            if key in seen:
                raise EvaluationError(f"{predictions}:{number}: id {key!r} appears twice")
            seen.add(key)
            gnum, gval = gold_by_id[key]
            hyps.append(value["summary"])
            refs.append(_reference_of(gold, gnum, gval))
        missing = set(gold_by_id) - seen
        if missing:
            raise EvaluationError(f"{predictions}: no prediction for {len(missing)} gold id(s), e.g. {sorted(missing)[:3]}")
    else:
        if len(preds) != len(golds):
            raise EvaluationError(f"{len(preds)} predictions in {predictions} but {len(golds)} gold lines in {gold}; "
                                  "give every line an 'id' or the same number of lines")
        for (_, p), (gnum, g) in zip(preds, golds):
            hyps.append(p["summary"])
            refs.append(_reference_of(gold, gnum, g))
    return compute(predictions=hyps, references=refs)


def format_scores(scores: Scores) -> str:
    rows = [f"clusters: {scores.count}", f"{'metric':<8} {'F1':>8} {'P':>8} {'R':>8}"]
    for m in METRICS:
        v = scores[m]
        rows.append(f"{m.upper():<8} {v['f']:>8.4f} {v['p']:>8.4f} {v['r']:>8.4f}")
    return "\n".join(rows)
