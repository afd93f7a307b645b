"""Quality gate: validation ROUGE-2 F1 (official protocol) may not fall below the stored floor.

The floor lives in ``quality_floor.json`` with the sha256 of the validation file it was
measured on; a different file (or none, where ../shared is absent) skips with the reason.
Raise the floor when the score rises (``--update-floor`` is deliberately not automatic).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import need_abmusu

pytestmark = pytest.mark.slow

FLOOR = Path(__file__).resolve().parent / "quality_floor.json"


def test_validation_rouge2_stays_above_floor() -> None:
    from tomtat.apps.batch import read_clusters, summarize_record
    from tomtat.evaluation.rouge import compute
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    data = need_abmusu() / "validation.jsonl"
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    if digest != floor["validation_sha256"]:
        pytest.skip(f"{data} is not the file the floor was measured on (sha256 {digest[:12]}...)")
    summarizer = Summarizer(Options(), story=False)
    records = list(read_clusters(data))
    predictions = [summarize_record(r, summarizer, str(data))["summary"] for r in records]
    references = [json.loads(line)["summary"] for line in data.open(encoding="utf-8") if line.strip()]
    assert len(predictions) == len(references) == floor["clusters"]
    score = compute(predictions=predictions, references=references)["rouge-2"]["f"]
    assert score >= floor["rouge2_f1"] - floor["margin"], \
        f"validation ROUGE-2 F1 {score:.4f} fell below the floor {floor['rouge2_f1']} - {floor['margin']}"
