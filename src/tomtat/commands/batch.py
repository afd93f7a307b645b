from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..batch import run_batch
from .common import add_summary_options, options_from_args

HELP = "summarize many clusters: AbMuSu-format JSONL in (one cluster a line), JSONL out"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, metavar="IN.jsonl")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.jsonl", required=True,
                        help="where to write one result line per input line ('-' for stdout)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    add_summary_options(parser)


def run(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    if str(args.output) == "-":
        report = run_batch(args.input, sys.stdout, options, progress=not args.no_progress)
    else:
        with args.output.open("w", encoding="utf-8") as out:
            report = run_batch(args.input, out, options, progress=not args.no_progress)
    for warning in report.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    print(f"tomtat: {report.written - report.failed} of {report.written} clusters summarized", file=sys.stderr)
    return 0 if report.written > report.failed else 1
