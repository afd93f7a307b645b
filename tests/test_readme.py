"""The README's examples work as written: the first curl body is accepted, its JSON shape is real."""
from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from tomtat.apps.service import create_app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def first_curl_body() -> dict:
    service = README[README.index("## HTTP service"):]
    match = re.search(r"curl -s localhost:8000/summarize -H 'content-type: application/json' -d '(.*?)'\n", service, re.S)
    assert match, "the README's first curl example is gone"
    return json.loads(match.group(1))


def test_the_first_curl_example_is_summarized_and_has_the_documented_fields():
    response = TestClient(create_app()).post("/summarize", json=first_curl_body())
    assert response.status_code == 200, response.text
    result = response.json()
    documented = README[README.index("## Output"):]
    for key in result:
        assert f'"{key}"' in documented, f"{key} is answered but not shown in the README's Output example"
    assert result["sentences"][0]["score"] <= 0  # as the README says of the learned scorer
    shown = [float(v) for v in re.findall(r'"score": (-?[\d.]+)', documented)]
    assert shown == [s["score"] for s in result["sentences"]], "the README's Output example shows other scores"
    assert re.findall(r'"start": 0, "end": (\d+)', documented)[:2] == [str(s["end"]) for s in result["sentences"]]
    assert result["headline"] and result["cohesion"]["unrelated"] == []


def test_timeline_and_entities_endpoints_answer_as_the_table_says():
    client = TestClient(create_app())
    for name in ("timeline", "entities"):
        response = client.post(f"/{name}", json=first_curl_body())
        assert response.status_code == 200, response.text
        assert set(response.json()) == {"articles", name}
