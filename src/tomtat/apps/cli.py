"""The ``tomtat`` command. Subcommands live in :mod:`tomtat.commands`, looked up in a table."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from tomtat import __version__
from tomtat.core.errors import OutputError, TomtatError

# name -> module with HELP, add_arguments(parser), run(args) -> exit code
COMMANDS = {
    "summarize": "tomtat.apps.commands.summarize",
    "batch": "tomtat.apps.commands.batch",
    "eval": "tomtat.apps.commands.eval",
    "timeline": "tomtat.apps.commands.timeline",
    "entities": "tomtat.apps.commands.entities",
    "serve": "tomtat.apps.commands.serve",
    "group": "tomtat.apps.commands.group",
    "digest": "tomtat.apps.commands.digest",
}
EXAMPLES = """examples:
  tomtat summarize examples/cluster-vi              summarize a folder of articles (one story)
  tomtat summarize a.txt b.txt --format markdown    a Markdown summary with its sources
  tomtat serve                                      the web page and HTTP API on http://127.0.0.1:8000
  tomtat COMMAND --help                             each command's options, with examples
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tomtat", description="Summarize clusters of Vietnamese news articles.",
                                     epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-V", "--version", action="version", version=f"tomtat {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP,
                                 epilog=getattr(module, "EXAMPLES", None),
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args))
    except OutputError as error:  # a usage error, found before any work
        print(f"tomtat: error: {error}", file=sys.stderr)
        return 2
    except TomtatError as error:
        print(f"tomtat: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("tomtat: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # last resort: a bug, not bad input; say so without a traceback
        if os.environ.get("TOMTAT_DEBUG"):
            raise
        print(f"tomtat: internal error: {type(error).__name__}: {error} "
              "(a bug: please report it; rerun with TOMTAT_DEBUG=1 for details)", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
