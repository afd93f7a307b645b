"""``tomtat timeline PATH...``: what happened when, with every article that reports it."""
from __future__ import annotations

import argparse
import json

from tomtat.apps.commands.common import read_cluster
from tomtat.story.timeline import TimelineBuilder

HELP = "list the events of a cluster in date order, each with its date, precision and sources"
EXAMPLES = """examples:
  tomtat timeline examples/cluster-vi               one event a line: date, sentence, sources
  tomtat timeline examples/cluster-vi --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument("--json", action="store_true", help="print the timeline as JSON")
    parser.add_argument("--strict", action="store_true", help="any bad input file or line is fatal")


def run(args: argparse.Namespace) -> int:
    cluster = read_cluster(args.paths, strict=args.strict)
    timeline = TimelineBuilder().build(cluster.articles, cluster.sentences, cluster.duplicate_of)
    if args.json:
        print(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(timeline.render())
    return 0
