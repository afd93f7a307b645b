"""Arguments shared by the subcommands that summarize: they build the one :class:`Options`."""
from __future__ import annotations

import argparse

from tomtat.core.options import ORDERS, Options


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("summary options")
    length = group.add_mutually_exclusive_group()
    length.add_argument("--syllables", type=int, metavar="N", help="summary length in syllables")
    length.add_argument("--sentences", type=int, metavar="N", help="summary length in sentences")
    length.add_argument("--ratio", type=float, metavar="R", help="summary length as a share of the cluster (0-1]")
    group.add_argument("--order", choices=ORDERS, default="auto",
                       help="sentence order: auto (by date when all articles have one, else source), source, date, score, "
                            "chronological (by the date of the event each sentence reports, where known)")
    group.add_argument("--ranker", default="default",
                       help="sentence ranker: default (= learned), unsupervised, centroid, lead")
    group.add_argument("--redundancy", type=float, default=Options.redundancy, metavar="W",
                       help="weight of novelty against score in selection, 0-1 (default %(default)s)")
    group.add_argument("--strict", action="store_true", help="any bad input file or line is fatal")
    group.add_argument("--no-trim", action="store_true",
                       help="give each chosen sentence whole, without removing photo notes, credits or dangling openers")


def options_from_args(args: argparse.Namespace) -> Options:
    return Options.from_mapping({
        "syllables": args.syllables, "sentences": args.sentences, "ratio": args.ratio,
        "order": args.order, "ranker": args.ranker, "redundancy": args.redundancy, "strict": args.strict,
        "trim": not args.no_trim,
    })


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    from tomtat.apps.engine import ENGINES

    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="local: a process pool on this machine; ray: Ray (optional extra tomtat[ray])")
    group.add_argument("--workers", type=_positive, metavar="N",
                       help="worker processes (default: the machine's cores; with ray: CPUs of the local Ray)")
    group.add_argument("--address", metavar="HOST:PORT",
                       help="with --engine ray: join this existing Ray cluster instead of starting a local one")
    group.add_argument("--chunk-size", type=_positive, default=4, metavar="N",
                       help="clusters per task sent to a worker (default %(default)s)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {value}")
    return value
