import json

from conftest import EXAMPLE, run_cli


def test_summarize_example_text_and_json():
    code, out, err = run_cli("summarize", str(EXAMPLE))
    assert code == 0, err
    assert len(out.strip()) > 100
    code, out, err = run_cli("summarize", str(EXAMPLE), "--json", "--sentences", "3")
    assert code == 0, err
    result = json.loads(out)
    assert len(result["sentences"]) == 3
    ids = {a["id"] for a in result["articles"]}
    for s in result["sentences"]:
        assert s["article_id"] in ids and s["end"] > s["start"]


def test_missing_path_is_a_clear_error():
    code, out, err = run_cli("summarize", "/no/such/folder")
    assert code != 0
    assert "/no/such/folder" in err and "no such file" in err and "Traceback" not in err


def test_empty_folder_and_empty_file(tmp_path):
    code, _, err = run_cli("summarize", str(tmp_path))
    assert code != 0 and str(tmp_path) in err and "Traceback" not in err
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run_cli("summarize", str(empty))
    assert code != 0 and "empty.txt" in err and "empty" in err


def test_good_articles_beside_a_bad_one_are_used(tmp_path, example_dir):
    (tmp_path / "good.txt").write_text((example_dir / "bao-a.txt").read_text())
    (tmp_path / "bad.json").write_text("{not json")
    code, out, err = run_cli("summarize", str(tmp_path))
    assert code == 0 and out.strip()
    assert "bad.json" in err and "invalid JSON" in err
    code, out, err = run_cli("summarize", "--strict", str(tmp_path))
    assert code != 0 and "bad.json" in err
