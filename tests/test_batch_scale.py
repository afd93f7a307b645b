import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from scale_fixtures import read_output, write_clusters
from tomtat.apps.batch import BatchJob, read_clusters, run_batch
from tomtat.apps.engine import LocalEngine, RayEngine, make_engine
from tomtat.core.errors import EngineError
from tomtat.core.options import Options


def test_batch_local_two_workers_one_line_per_input_line(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 8, bad_lines=(3,))
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("batch", str(src), "-o", str(out), "--engine", "local", "--workers", "2", "--chunk-size", "1")
    assert code == 0, err
    lines = read_output(out)
    assert len(lines) == 9
    assert [l["line"] for l in lines] == list(range(1, 10))  # input order, whatever finished first
    good = [l for l in lines if "error" not in l]
    assert sorted(l["id"] for l in good) == sorted(ids)
    assert all(l["summary"] for l in good)
    bad = [l for l in lines if "error" in l]
    assert len(bad) == 1 and bad[0]["line"] == 5 and "in.jsonl:5" in bad[0]["error"]
    assert bad[0]["id"] == 4  # no id on a malformed line: its 0-based position
    assert "in.jsonl:5" in err and "Traceback" not in err


def test_rerun_resumes_skips_done_lines_and_repairs_a_cut_line(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 10)
    out = tmp_path / "out.jsonl"
    report = run_batch(src, out, Options(), progress=False, workers=1)
    assert report.written == 10
    full = read_output(out)
    # simulate a run killed after 4 results, in the middle of writing the 5th
    text = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(text[:4]) + text[4][: len(text[4]) // 2], encoding="utf-8")
    report = run_batch(src, out, Options(), progress=False, workers=2)
    assert report.skipped == 4 and report.written == 6
    again = read_output(out)
    assert sorted(l["id"] for l in again) == sorted(ids)
    assert {l["id"]: l["summary"] for l in again} == {l["id"]: l["summary"] for l in full}
    # a third run has nothing left to do
    report = run_batch(src, out, Options(), progress=False, workers=1)
    assert report.written == 0 and report.skipped == 10 and len(read_output(out)) == 10


@pytest.mark.slow
def test_killing_a_worker_mid_run_loses_and_duplicates_nothing(tmp_path):
    """Deterministic: kill a pool worker right after the first result, while others are in flight."""
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 50, sentences=6)
    engine = LocalEngine(2)
    job = BatchJob(Options(), str(src))
    chunks = ((r.line, [r]) for r in read_clusters(src))
    seen = []
    killed = None
    for _, lines, _ in engine.map(job, chunks):
        seen.extend(l["id"] for l in lines)
        if killed is None:
            killed = engine.worker_pids()[0]
            os.kill(killed, signal.SIGKILL)
    assert killed is not None and engine.restarts >= 1
    assert sorted(seen) == sorted(ids)  # every id exactly once


@pytest.mark.slow
def test_a_worker_dying_between_two_results_loses_and_duplicates_nothing(tmp_path):
    """The pool learns of the death before the engine submits more work: the submit itself
    fails, and the engine restarts the pool there too."""
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 30, sentences=6)
    engine = LocalEngine(2)
    chunks = ((r.line, [r]) for r in read_clusters(src))
    seen = []
    for _, lines, _ in engine.map(BatchJob(Options(), str(src)), chunks):
        seen.extend(l["id"] for l in lines)
        if engine.restarts == 0 and len(seen) == 1:
            os.kill(engine.worker_pids()[0], signal.SIGKILL)
            deadline = time.monotonic() + 30
            while not getattr(engine._pool, "_broken", False) and time.monotonic() < deadline:
                time.sleep(0.05)  # until the pool has marked itself broken
    assert engine.restarts >= 1
    assert sorted(seen) == sorted(ids)


def _worker_children(pid: int) -> list[int]:
    out = []
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return out
    for child in children:
        try:
            cmd = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "spawn_main" in cmd and "resource_tracker" not in cmd:
            out.append(int(child))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc to find worker processes")
def test_cli_batch_survives_sigkill_of_a_worker(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 50, sentences=40)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "tomtat.apps.cli", "batch", str(src), "-o", str(out), "--workers", "2",
                             "--chunk-size", "1", "--no-progress"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        if out.exists() and len(out.read_bytes().splitlines()) >= 2:
            workers = _worker_children(proc.pid)
            if workers:
                os.kill(workers[0], signal.SIGKILL)
                killed = workers[0]
        time.sleep(0.02)
    _, err = proc.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, err
    got = [l["id"] for l in read_output(out)]
    assert sorted(got) == sorted(ids) and len(got) == len(set(got))


def test_ray_missing_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(EngineError, match=r"pip install -e '\.\[ray\]'"):
        RayEngine(1)
    code, _, err = run_cli("batch", "/dev/null", "-o", "-", "--engine", "nope")
    assert code != 0 and "Traceback" not in err


def test_address_needs_ray_engine():
    with pytest.raises(EngineError, match="--address"):
        make_engine("local", address="127.0.0.1:6379")


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed (pip install -e '.[ray]')")
def test_batch_on_ray_engine(tmp_path):
    src = tmp_path / "in.jsonl"
    ids = write_clusters(src, 5)
    out = tmp_path / "out.jsonl"
    code, _, err = run_cli("batch", str(src), "-o", str(out), "--engine", "ray", "--workers", "1", "--no-progress")
    assert code == 0, err
    lines = read_output(out)
    assert sorted(l["id"] for l in lines) == sorted(ids) and all(l["summary"] for l in lines)
    # same code path: the local engine gives the same summaries
    local = tmp_path / "local.jsonl"
    run_batch(src, local, Options(), progress=False, workers=1)
    assert {l["id"]: l["summary"] for l in read_output(local)} == {l["id"]: l["summary"] for l in lines}
