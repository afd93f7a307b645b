from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tomtat.apps.digest import run_digest
from tomtat.apps.commands.common import add_engine_options, add_summary_options, options_from_args
from tomtat.apps.commands.group import add_group_options, group_options_from_args
from tomtat.apps.resume import check_output_path

HELP = "group a pile of articles into stories, then summarize each story (ranked by size and recency)"
EXAMPLES = """examples:
  tomtat digest pile/ -o digest.md                  stories ranked by size and recency, each summarized
  tomtat digest pile/ -o digest.jsonl --sentences 3
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("-o", "--output", type=Path, metavar="DIGEST.jsonl|.md", required=True,
                        help="JSONL (one story a line, in rank order; rerunning resumes it if the articles and "
                             "options are the same) or Markdown (.md); '-' for JSONL on stdout")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument("--restart", action="store_true", help="overwrite the output instead of resuming it")
    add_engine_options(parser)
    add_group_options(parser)
    add_summary_options(parser)


def run(args: argparse.Namespace) -> int:
    check_output_path(args.output)  # before any work: a missing folder is a usage error (exit 2)
    options = options_from_args(args)
    markdown = args.output.suffix.lower() in (".md", ".markdown")
    output = sys.stdout if str(args.output) == "-" else args.output
    report = run_digest(args.paths, output, options, group_options_from_args(args), engine=args.engine,
                        workers=args.workers, address=args.address, progress=not args.no_progress,
                        resume=not args.restart, markdown=markdown)
    for warning in report.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    if report.skipped:
        print(f"tomtat: resumed: {report.skipped} stories were already in {args.output}", file=sys.stderr)
    print(f"tomtat: {report.stories} stories, {report.written - report.failed} summarized now", file=sys.stderr)
    return 0 if report.stories > report.failed else 1
