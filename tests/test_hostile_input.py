"""Issue 15: input a hostile or careless user sends to the CLI and the library (our own invented text).

Each test is named after the case it guards; none may end in a traceback, exit 70, or a good
article lost beside a bad one.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from scale_fixtures import read_output, write_clusters
from service_helpers import BAI_1, BAI_2

import tomtat
from tomtat.apps.batch import run_batch
from tomtat.core.errors import ResumeError
from tomtat.core.options import Options
from tomtat.summarize.split import MAX_SENTENCE_WORDS, SentenceSplitter
from tomtat.vi.text import count_syllables

EDGE_DATELINE = "Thứ sáu, 31/12/9999 08:00 (GMT+7)"


def clean_exit(code: int, err: str, expected: int) -> None:
    assert code == expected, err
    assert "Traceback" not in err and "internal error" not in err, err


def test_year_9999_published(tmp_path):
    articles = [{"id": "a", "text": BAI_1, "published": "9999-12-31"},
                {"id": "b", "text": f"{EDGE_DATELINE}\n{BAI_2}"},
                {"id": "c", "text": BAI_2.replace("5/6", "hôm qua"), "published": "0001-01-01"}]
    result = tomtat.summarize(articles)  # story on: timeline and entities are computed too
    assert result.sentences and {a.id for a in result.articles} == {"a", "b", "c"}
    path = tmp_path / "edge.json"
    path.write_text(json.dumps(articles, ensure_ascii=False), encoding="utf-8")
    for command in (["summarize", "--json"], ["timeline", "--json"], ["entities"]):
        code, out, err = run_cli(command[0], str(path), *command[1:])
        clean_exit(code, err, 0)
        assert out.strip()


def test_year_9999_dateline_in_batch(tmp_path):
    src = tmp_path / "in.jsonl"
    lines = [{"id": "edge", "single_documents": [{"raw_text": f"{EDGE_DATELINE}\n{BAI_1}", "published": "9999-12-31"}]},
             {"id": "ok", "single_documents": [{"raw_text": BAI_2}]}]
    src.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines), encoding="utf-8")
    report = run_batch(src, tmp_path / "out.jsonl", Options(), progress=False, workers=1)
    out = read_output(tmp_path / "out.jsonl")
    assert report.failed == 0 and [l["id"] for l in out] == ["edge", "ok"] and all(l["summary"] for l in out)


def test_bom_then_invalid_bytes(tmp_path):
    (tmp_path / "good.txt").write_text(BAI_1, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Tin sáng ".encode() + b"\xff\xfe nay\n")
    code, out, err = run_cli("summarize", str(tmp_path), "--json")
    clean_exit(code, err, 0)
    assert "bom.txt" in err and "BOM" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["good"]


def test_batch_non_utf8_line(tmp_path):
    src = tmp_path / "in.jsonl"
    write_clusters(src, 3)
    lines = src.read_bytes().splitlines(keepends=True)
    src.write_bytes(lines[0] + b'{"id": "latin", "single_documents": [{"raw_text": "caf\xe9"}]}\n' + b"".join(lines[1:]))
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("batch", str(src), "-o", str(out), "--workers", "1", "--no-progress")
    clean_exit(code, err, 0)
    got = read_output(out)
    assert [l["line"] for l in got] == [1, 2, 3, 4]
    assert "error" in got[1] and "in.jsonl:2" in got[1]["error"] and "UTF-8" in got[1]["error"]
    assert all(l["summary"] for i, l in enumerate(got) if i != 1)


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find the driver's children")
def test_batch_driver_sigkill_takes_workers_along(tmp_path):
    src = tmp_path / "in.jsonl"
    write_clusters(src, 60, sentences=40)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    driver = subprocess.Popen([sys.executable, "-m", "tomtat.apps.cli", "batch", str(src), "-o", str(out), "--workers", "2",
                               "--chunk-size", "1", "--no-progress"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    deadline = time.monotonic() + 120
    while driver.poll() is None and time.monotonic() < deadline:
        children |= _descendants(driver.pid)
        if out.exists() and out.read_bytes().count(b"\n") >= 1 and len(children) >= 3:  # 2 workers + tracker
            break
        time.sleep(0.05)
    assert driver.poll() is None, "the run ended before the driver could be killed"
    children |= _descendants(driver.pid)
    driver.send_signal(signal.SIGKILL)
    driver.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in children if _alive(p)]
    for pid in left:  # do not leave them behind for the next test, whatever the assertion says
        os.kill(pid, signal.SIGKILL)
    assert not left, f"still running 10 s after the driver was killed: {left}"


def test_huge_sentence_is_cut(tmp_path):
    words = ["người", "dân", "thành", "phố", "xây", "dựng", "cây", "cầu", "mới", "bên", "bờ", "sông", "vào", "mùa", "mưa", "năm", "nay", "với", "niềm", "vui", "và", "hy", "vọng", "về", "con", "đường", "đi", "chợ", "ngắn", "hơn"]
    line = " ".join(words[(k * 7) % len(words)] for k in range(240_000))  # ~1.2 MB, no punctuation
    assert len(line.encode()) > 1_100_000
    pieces = SentenceSplitter.default().split_text(line)
    assert len(pieces) > 1 and max(len(p.split()) for p in pieces) <= MAX_SENTENCE_WORDS
    path = tmp_path / "huge.txt"
    path.write_text("Một dòng rất dài\n" + line + "\n", encoding="utf-8")
    code, out, err = run_cli("summarize", str(path), "--syllables", "50", "--json")
    clean_exit(code, err, 0)
    summary = json.loads(out)["summary"]
    assert 0 < count_syllables(summary) <= MAX_SENTENCE_WORDS and len(summary) < len(line) / 100


def test_huge_sentence_cut_prefers_a_clause_mark():
    half = MAX_SENTENCE_WORDS * 3 // 5
    clause = " ".join(["từ"] * half) + ", " + " ".join(["chữ"] * half) + "."
    pieces = SentenceSplitter.default().split_text(clause)
    assert pieces[0].endswith(",") and len(pieces[0].split()) == half  # at the comma, not at the word limit


def test_json_list_bad_item_keeps_good(tmp_path):
    items = [{"id": "x1", "text": BAI_1}, {"id": "x2", "text": 5}, {"id": "x3", "title": "không có thân bài"},
             {"id": "x4", "text": BAI_2}]
    (tmp_path / "list.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    code, out, err = run_cli("summarize", str(tmp_path / "list.json"), "--json")
    clean_exit(code, err, 0)
    assert [a["id"] for a in json.loads(out)["articles"]] == ["x1", "x4"]
    assert "list.json[1]" in err and "list.json[2]" in err


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root reads any folder; permissions cannot be tested as root")
def test_unreadable_folder(tmp_path):
    _unreadable_folder(tmp_path)


def test_unreadable_folder_as_reported_by_the_system(tmp_path, monkeypatch):
    """The same case where permissions cannot be dropped (root): the folder listing fails as it would."""
    locked = tmp_path / "locked"
    locked.mkdir()
    original = Path.iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    (tmp_path / "good.txt").write_text(BAI_1, encoding="utf-8")
    from tomtat.core.errors import Problems
    from tomtat.ingest import read_inputs

    problems = Problems()
    articles = read_inputs([locked, tmp_path / "good.txt"], problems)
    assert [a.id for a in articles] == ["good"]
    assert any(str(locked) in str(w) and "Permission denied" in str(w) for w in problems.warnings)


def _unreadable_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(BAI_2, encoding="utf-8")
    (tmp_path / "good.txt").write_text(BAI_1, encoding="utf-8")
    locked.chmod(0)
    try:
        code, out, err = run_cli("summarize", str(locked), str(tmp_path / "good.txt"), "--json")
    finally:
        locked.chmod(0o755)
    clean_exit(code, err, 0)
    assert "locked" in err and "cannot be read" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["good"]


@pytest.mark.parametrize("command", ["batch", "group", "digest", "summarize"])
def test_output_into_missing_folder(tmp_path, command):
    src = tmp_path / "in.jsonl"
    write_clusters(src, 2)
    if command == "batch":
        inputs = [str(src)]
    else:
        (tmp_path / "a.txt").write_text(BAI_1, encoding="utf-8")
        inputs = [str(tmp_path / "a.txt")]
    target = tmp_path / "no-such-folder" / "out.jsonl"
    started = time.monotonic()
    extra = "--no-progress" if command in ("batch", "digest") else "--strict"
    code, _, err = run_cli(command, *inputs, "-o", str(target), extra)
    clean_exit(code, err, 2)
    assert "no-such-folder" in err and "does not exist" in err
    assert not target.parent.exists()
    assert time.monotonic() - started < 60


def test_emoji_only_article(tmp_path):
    (tmp_path / "emoji.json").write_text(json.dumps({"text": "😀😀😀 🎉🎉 👍"}), encoding="utf-8")
    code, out, err = run_cli("summarize", str(tmp_path / "emoji.json"))
    clean_exit(code, err, 1)
    assert "emoji.json" in err and "no words" in err
    (tmp_path / "good.txt").write_text(BAI_1, encoding="utf-8")
    code, out, err = run_cli("summarize", str(tmp_path))
    clean_exit(code, err, 0)
    assert "emoji.json" in err and "no words" in err and out.strip()


def test_batch_resume_fingerprint(tmp_path):
    src = tmp_path / "in.jsonl"
    write_clusters(src, 4)
    out = tmp_path / "out.jsonl"
    run_batch(src, out, Options(), progress=False, workers=1)
    assert (tmp_path / "out.jsonl.run.json").exists()
    assert run_batch(src, out, Options(), progress=False, workers=1).skipped == 4  # same input and options
    with pytest.raises(ResumeError, match=r"options \(sentences was None, now 2\)"):
        run_batch(src, out, Options(sentences=2), progress=False, workers=1)
    other = tmp_path / "other.jsonl"
    write_clusters(other, 4, seed=99)
    with pytest.raises(ResumeError, match="another input"):
        run_batch(other, out, Options(), progress=False, workers=1)
    code, _, err = run_cli("batch", str(other), "-o", str(out), "--no-progress")
    clean_exit(code, err, 1)
    assert "cannot resume" in err and "--restart" in err
    code, _, err = run_cli("batch", str(other), "-o", str(out), "--no-progress", "--restart", "--workers", "1")
    clean_exit(code, err, 0)
    assert run_batch(other, out, Options(), progress=False, workers=1).skipped == 4


def test_missing_batch_input_creates_no_output(tmp_path):
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("batch", str(tmp_path / "missing.jsonl"), "-o", str(out))
    clean_exit(code, err, 1)
    assert "missing.jsonl" in err and "no such file" in err
    assert not out.exists() and not (tmp_path / "out.jsonl.run.json").exists()
