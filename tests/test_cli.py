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


ARTICLE = """Huế khai mạc lễ hội áo dài mùa thu

Tối 14/9, thành phố Huế khai mạc lễ hội áo dài với hơn 500 người mặc áo dài đi dọc bờ sông Hương.
Lễ hội kéo dài ba ngày với triển lãm, trình diễn và chợ đêm bán đồ thủ công.
Ban tổ chức dự kiến đón khoảng 20.000 lượt khách trong những ngày diễn ra lễ hội.
Theo Sở Văn hóa, đây là lần đầu lễ hội được tổ chức vào mùa thu thay vì mùa xuân."""


def run_cli_stdin(stdin: str, *args: str) -> tuple[int, str, str]:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "tomtat.apps.cli", *args], input=stdin, capture_output=True, text=True,
                          timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def test_one_article_from_standard_input():
    code, out, err = run_cli_stdin(ARTICLE, "summarize", "-", "--sentences", "2")
    assert code == 0, err
    body, sources = out.split("Sources:")
    assert body.count("[1]") == 2  # each sentence marked with its source
    assert "Huế khai mạc lễ hội áo dài mùa thu" in sources  # the first line is the title
    code, _, err = run_cli_stdin("", "summarize", "-")
    assert code != 0 and "standard input is empty" in err


def test_output_file_is_written_and_a_missing_folder_fails_before_work(tmp_path, example_dir):
    target = tmp_path / "out.txt"
    code, out, err = run_cli("summarize", str(example_dir), "-o", str(target))
    assert code == 0, err
    assert out == "" and "Sources:" in target.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left behind
    code, _, err = run_cli("summarize", "/no/such/input", "-o", str(tmp_path / "missing" / "out.txt"))
    assert code != 0 and "folder to write into does not exist" in err  # checked before the input is read


def test_markdown_has_a_headline_marks_and_a_source_list(example_dir):
    code, out, err = run_cli("summarize", str(example_dir), "--format", "markdown", "--sentences", "3")
    assert code == 0, err
    head, sources = out.split("## Sources")
    assert head.startswith("# ") and head.count(" [") >= 3
    titles = [line for line in sources.splitlines() if line.startswith("- [")]
    assert titles and all(f"[{line[3]}]" in head for line in titles)


def test_with_text_needs_json_and_json_is_an_alias(example_dir):
    code, _, err = run_cli("summarize", str(example_dir), "--with-text")
    assert code != 0 and "--with-text" in err and "--format json" in err
    code, out, err = run_cli("summarize", str(example_dir), "--json", "--with-text", "--sentences", "2")
    assert code == 0, err
    result = json.loads(out)
    assert all(a["text"] for a in result["articles"]) and result["headline"] and result["cohesion"]["unrelated"] == []


def test_english_text_is_refused_like_the_service_does_unless_overridden(tmp_path):
    english = ("Officials said on Monday that the new bridge would open to traffic next month after two years "
               "of construction.\nThe bridge is expected to carry thirty thousand vehicles a day.")
    (tmp_path / "english.txt").write_text(english)
    code, out, err = run_cli("summarize", str(tmp_path))
    assert code != 0 and out == ""
    assert "english.txt" in err and "Vietnamese" in err and "--any-language" in err
    code, out, err = run_cli("summarize", str(tmp_path), "--any-language")
    assert code == 0 and out.strip(), err


def test_version_and_help_examples():
    code, out, _ = run_cli("-V")
    assert code == 0 and out.startswith("tomtat ")
    code, out, _ = run_cli("summarize", "--help")
    assert code == 0 and "examples:" in out and "tomtat summarize -" in out
