import json

import pytest

from tomtat.core.errors import EvaluationError
from tomtat.evaluation.rouge import compute, evaluate_files, prepare


def test_official_preprocessing():
    assert prepare("Học_sinh đi học.") == "học_sinh đi học ."
    assert prepare("Mèo ăn cá.") == "mèo ăn cá ."


def test_scores_match_hand_computation():
    # mèo ăn cá / mèo ăn thịt: unigrams 2 of 3 shared, bigrams 1 of 2 ("mèo ăn"); the period is ignored.
    s = compute(predictions=["Mèo ăn cá."], references=["Mèo ăn thịt."])
    assert s["rouge-1"]["p"] == pytest.approx(2 / 3, abs=1e-5)
    assert s["rouge-1"]["f"] == pytest.approx(2 / 3, abs=1e-5)
    assert s["rouge-2"]["r"] == pytest.approx(0.5, abs=1e-5)
    assert s["rouge-2"]["f"] == pytest.approx(0.5, abs=1e-5)
    assert s["rouge-l"]["f"] == pytest.approx(2 / 3, abs=1e-5)


def test_several_references_are_averaged_and_empty_scores_zero():
    s = compute(predictions=["học sinh đi học", ""], references=[["Học sinh đi học", "mèo ăn cá"], "mèo ăn cá"])
    # cluster 1: mean(1.0, 0.0) = 0.5; cluster 2: empty prediction = 0; average 0.25
    assert s["rouge-2"]["f"] == pytest.approx(0.25, abs=1e-5)


def test_files_match_by_id_else_order(tmp_path):
    pred = tmp_path / "p.jsonl"
    gold = tmp_path / "g.jsonl"
    pred.write_text(json.dumps({"id": "b", "summary": "mèo ăn cá"}) + "\n" + json.dumps({"id": "a", "summary": "chó"}) + "\n")
    gold.write_text(json.dumps({"id": "a", "summary": "chó"}) + "\n" + json.dumps({"id": "b", "refs": ["mèo ăn cá"]}) + "\n")
    assert evaluate_files(pred, gold)["rouge-1"]["f"] == pytest.approx(1.0, abs=1e-5)
    gold.write_text("{\"summary\": \"x\"}\nnot json\n")
    with pytest.raises(EvaluationError, match=r"g.jsonl:2"):
        evaluate_files(pred, gold)


def test_prediction_ids_match_gold_positions_when_gold_has_no_ids(tmp_path):
    pred = tmp_path / "p.jsonl"
    gold = tmp_path / "g.jsonl"
    pred.write_text(json.dumps({"id": 1, "summary": "mèo ăn cá"}) + "\n" + json.dumps({"id": 0, "summary": "chó sủa"}) + "\n")
    gold.write_text(json.dumps({"summary": "chó sủa"}) + "\n" + json.dumps({"summary": "mèo ăn cá"}) + "\n")
    assert evaluate_files(pred, gold)["rouge-2"]["f"] == pytest.approx(1.0, abs=1e-5)
