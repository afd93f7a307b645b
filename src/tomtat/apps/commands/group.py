from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tomtat.core.errors import Problems
from tomtat.story.group import Grouper
from tomtat.ingest import read_inputs
from tomtat.apps.commands.common import add_settings, settings_from_args
from tomtat.core.options import GroupOptions
from tomtat.apps.resume import check_output_path

HELP = "group a pile of articles (files, folders, JSON/JSONL) into stories, with duplicates; JSONL out"
EXAMPLES = """examples:
  tomtat group pile/ -o stories.jsonl               one story a line, with its articles and duplicates
  tomtat group pile/ --threshold 0.15
"""


def add_group_options(parser: argparse.ArgumentParser) -> None:
    add_settings(parser, GroupOptions, title="grouping options")


def group_options_from_args(args: argparse.Namespace) -> GroupOptions:
    options: GroupOptions = settings_from_args(args, GroupOptions)
    return options


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("-o", "--output", type=Path, metavar="STORIES.jsonl", default=Path("-"),
                        help="one story a line, largest first ('-' or absent: stdout)")
    parser.add_argument("--with-text", action="store_true", help="include each article's cleaned text")
    parser.add_argument("--strict", action="store_true", help="any bad input file or line is fatal")
    add_group_options(parser)


def run(args: argparse.Namespace) -> int:
    check_output_path(args.output)  # before any work: a missing folder is a usage error (exit 2)
    options = group_options_from_args(args)
    problems = Problems(strict=args.strict)
    articles = read_inputs(args.paths, problems)
    for warning in problems.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    stories = Grouper(options).group(articles)
    lines = (json.dumps(s.to_dict(include_text=args.with_text), ensure_ascii=False) + "\n" for s in stories)
    if str(args.output) == "-":
        sys.stdout.writelines(lines)
    else:
        with args.output.open("w", encoding="utf-8") as out:
            out.writelines(lines)
    print(f"tomtat: {len(articles)} articles in {len(stories)} stories", file=sys.stderr)
    return 0
