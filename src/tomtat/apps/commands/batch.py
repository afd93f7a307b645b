from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tomtat.apps.batch import run_batch
from tomtat.apps.commands.common import add_engine_options, add_summary_options, options_from_args
from tomtat.apps.resume import check_output_path

HELP = "summarize many clusters: AbMuSu-format JSONL in (one cluster a line), JSONL out"
EXAMPLES = """examples:
  tomtat batch clusters.jsonl -o summaries.jsonl            resumes where it stopped if interrupted
  tomtat batch clusters.jsonl -o out.jsonl --engine ray --workers 8
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, metavar="IN.jsonl")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT.jsonl", required=True,
                        help="one result line per input line, in input order, each written as soon as the lines "
                             "before it are done; rerunning resumes ('-' for stdout)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument("--restart", action="store_true", help="overwrite OUT.jsonl instead of resuming it")
    add_engine_options(parser)
    add_summary_options(parser)


def run(args: argparse.Namespace) -> int:
    check_output_path(args.output)  # before any work: a missing folder is a usage error (exit 2)
    options = options_from_args(args)
    output = sys.stdout if str(args.output) == "-" else args.output
    report = run_batch(args.input, output, options, progress=not args.no_progress, engine=args.engine,
                       workers=args.workers, address=args.address, chunk_size=args.chunk_size,
                       resume=not args.restart)
    for warning in report.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    done = report.written + report.skipped
    if report.skipped:
        print(f"tomtat: resumed: {report.skipped} clusters were already in {args.output}", file=sys.stderr)
    print(f"tomtat: {report.written - report.failed} of {report.written} clusters summarized", file=sys.stderr)
    return 0 if done > report.failed else 1
