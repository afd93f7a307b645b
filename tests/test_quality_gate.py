"""Quality gate: ROUGE-2 F1 (official protocol) at 200 syllables may not fall below the stored
floor on either corpus: AbMuSu validation and the ViMs held-out part (ViMs dev positions not
divisible by 3, the mean over each cluster's two references; see ``benchmarks/corpora.py``),
each as given and with the sapo as the body's first paragraph (``+lead-in-body``).

The floors live in ``quality_floor.json`` with the sha256 of the file each was measured on; a
different file (or none, where ../shared is absent) skips with the reason. Raise a floor when
the score rises (deliberately not automatic).
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from conftest import SHARED

pytestmark = pytest.mark.slow

FLOOR = Path(__file__).resolve().parent / "quality_floor.json"


sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from corpora import LEAD_IN_BODY, lead_in_body  # noqa: E402  (the benchmark's layout, not a copy)


def _parts(name: str) -> tuple[Path, list[int] | None]:
    if name.removesuffix(LEAD_IN_BODY) == "abmusu-validation":
        return SHARED / "data" / "abmusu" / "validation.jsonl", None
    return SHARED / "data" / "vims" / "dev.jsonl", [p for p in range(150) if p % 3 != 0]


def _with_lead_in_body(data: Path, out: Path) -> Path:
    """``data`` with each sapo as its body's first paragraph (``benchmarks/corpora.py``'s
    ``+lead-in-body`` layout), written to ``out``."""
    with data.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as target:
        for line in lines:
            if line.strip():
                cluster = json.loads(line)
                cluster["single_documents"] = lead_in_body(cluster["single_documents"])
                target.write(json.dumps(cluster, ensure_ascii=False) + "\n")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["abmusu-validation", "vims-heldout", "abmusu-validation" + LEAD_IN_BODY,
                                    "vims-heldout" + LEAD_IN_BODY])
def test_rouge2_at_200_syllables_stays_above_floor(corpus: str, tmp_path: Path) -> None:
    from tomtat.apps.batch import read_clusters, summarize_record
    from tomtat.evaluation.rouge import compute
    from tomtat.core.options import Options
    from tomtat.story.summarizer import Summarizer

    data, positions = _parts(corpus)
    if not data.exists():
        pytest.skip(f"{data} not found (../shared is absent on this machine)")
    floor = json.loads(FLOOR.read_text(encoding="utf-8"))[corpus]
    digest = hashlib.sha256(data.read_bytes()).hexdigest()
    if digest != floor["sha256"]:
        pytest.skip(f"{data} is not the file the floor was measured on (sha256 {digest[:12]}...)")
    lines = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
    records = list(read_clusters(_with_lead_in_body(data, tmp_path / data.name) if corpus.endswith(LEAD_IN_BODY)
                                 else data))
    keep = range(len(lines)) if positions is None else positions
    summarizer = Summarizer(Options(syllables=200), story=False)
    predictions = [summarize_record(records[p], summarizer, str(data))["summary"] for p in keep]
    references = [lines[p]["summaries"] if "summaries" in lines[p] else lines[p]["summary"] for p in keep]
    assert len(predictions) == floor["clusters"]
    score = compute(predictions=predictions, references=references)["rouge-2"]["f"]
    assert score >= floor["rouge2_f1"] - floor["margin"], \
        f"{corpus}: ROUGE-2 F1 at 200 syllables {score:.4f} fell below the floor {floor['rouge2_f1']} - {floor['margin']}"
