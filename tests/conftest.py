from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ABMUSU = SHARED / "data" / "abmusu"
EXAMPLE = ROOT / "examples" / "cluster-vi"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


def need_abmusu() -> Path:
    if not (ABMUSU / "validation.jsonl").exists():
        pytest.skip(f"AbMuSu data not found at {ABMUSU} (../shared is absent on this machine)")
    return ABMUSU


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``python -m tomtat.cli`` in a subprocess; return (exit code, stdout, stderr)."""
    import subprocess

    proc = subprocess.run([sys.executable, "-m", "tomtat.apps.cli", *args], capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def cluster_of(inputs, summarizer=None):
    """The cluster a summary-only summarizer (or ``summarizer``) builds from ``inputs``."""
    from tomtat.core.errors import Problems
    from tomtat.story.summarizer import Summarizer

    summarizer = summarizer or Summarizer(story=False)
    return summarizer.build_cluster(summarizer.read(inputs, Problems()))
