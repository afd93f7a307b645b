"""AbMuSu validation only: ``benchmarks/corpora.py --corpora abmusu-validation`` (kept for old commands).

    PYTHONPATH=src python benchmarks/abmusu.py [--no-sumy] [--json out.json]

The corpus-generic benchmark (AbMuSu validation and the ViMs held-out part side by side,
the centroid baseline, sumy LexRank, bootstrap intervals, lengths) is ``benchmarks/corpora.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import _articles, load, main as corpora_main  # noqa: F401


def main(argv: list[str] | None = None) -> int:
    return corpora_main(["--corpora", "abmusu-validation", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
