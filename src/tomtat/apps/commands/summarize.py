from __future__ import annotations

import argparse
import json
import sys

from tomtat.story.summarizer import Summarizer
from tomtat.apps.commands.common import add_summary_options, options_from_args

HELP = "summarize one cluster: a folder of articles or article files (.txt, .json, .jsonl, .html)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument("--with-text", action="store_true", help="with --json: include each article's cleaned text")
    add_summary_options(parser)


def run(args: argparse.Namespace) -> int:
    # Plain text needs no timeline or entities (about a third of the work on long input).
    summarizer = Summarizer(options_from_args(args), story=args.json)
    result = summarizer.summarize(args.paths)
    for warning in result.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_dict(include_text=args.with_text), ensure_ascii=False, indent=2))
    else:
        print(result.text)
    return 0
