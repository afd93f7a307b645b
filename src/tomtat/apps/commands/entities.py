"""``tomtat entities PATH...``: the people, organizations and places of a cluster."""
from __future__ import annotations

import argparse
import json

from tomtat.story.entities import EntityExtractor
from tomtat.apps.commands.common import read_cluster

HELP = "list the people, organizations and places of a cluster, with name variants merged"
EXAMPLES = """examples:
  tomtat entities examples/cluster-vi               people, organizations and places with counts
  tomtat entities examples/cluster-vi --type PER --json
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument("--json", action="store_true", help="print the entities as JSON")
    parser.add_argument("--type", choices=("PER", "ORG", "LOC"), action="append", dest="types",
                        help="only these types (repeatable)")
    parser.add_argument("--strict", action="store_true", help="any bad input file or line is fatal")


def run(args: argparse.Namespace) -> int:
    cluster = read_cluster(args.paths, strict=args.strict)
    entities = [e for e in EntityExtractor().extract(cluster.sentences) if not args.types or e.type in args.types]
    if args.json:
        print(json.dumps([e.to_dict() for e in entities], ensure_ascii=False, indent=2))
        return 0
    for e in entities:
        others = [v for v in e.variants if v != e.name]
        line = f"{e.type}  {e.name}  ×{e.mentions}  [{', '.join(e.articles)}]"
        if others:
            line += f"  also: {', '.join(others)}"
        if e.role:
            line += f"  — {e.role}"
        print(line)
    return 0
