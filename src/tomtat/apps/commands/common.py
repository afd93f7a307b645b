"""What the subcommands share: the flags generated from the one :class:`Options`, the engine
flags, and reading a cluster."""
from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, Any

from tomtat.core.errors import Problems
from tomtat.core.options import LENGTH, TUNING, Options

if TYPE_CHECKING:
    from tomtat.summarize.cluster import Cluster


def add_settings(parser: argparse.ArgumentParser, cls: type, *, title: str) -> None:
    """One flag per field of the options dataclass ``cls`` (``Options``, ``GroupOptions``),
    generated from its declarations (:func:`tomtat.core.options.setting`): ``--name-with-dashes``,
    booleans as ``--name/--no-name``, the length options mutually exclusive. Every flag
    defaults to "not given", so the dataclass's default is the only default."""
    groups: dict[str, argparse._ArgumentGroup] = {}
    length: argparse._MutuallyExclusiveGroup | None = None
    for f in dataclasses.fields(cls):
        meta = f.metadata
        group_name = meta["group"]
        if group_name not in groups:
            heading = {LENGTH: "length (give at most one; default: predicted from the cluster)",
                       TUNING: "tuning (values chosen with the benchmarks; change with care)"}.get(group_name, title)
            groups[group_name] = parser.add_argument_group(heading)
        target: Any = groups[group_name]
        if group_name == LENGTH:
            length = length or groups[group_name].add_mutually_exclusive_group()
            target = length
        flag = "--" + f.name.replace("_", "-")
        shown = "" if f.default is None else f" (default: {_shown(f.default)})"
        if meta["kind"] is bool:
            target.add_argument(flag, dest=f.name, action=argparse.BooleanOptionalAction, default=None,
                                help=meta["help"] + shown)
        else:
            target.add_argument(flag, dest=f.name, type=meta["kind"], choices=meta["choices"], default=None,
                                metavar=None if meta["choices"] else (meta["metavar"] or ("N" if meta["kind"] is int else "X")), help=meta["help"] + shown)


def settings_from_args(args: argparse.Namespace, cls: type) -> Any:
    """The options object of ``cls`` from the flags :func:`add_settings` made."""
    return cls.from_mapping({f.name: getattr(args, f.name, None) for f in dataclasses.fields(cls)})  # type: ignore[attr-defined]


def add_summary_options(parser: argparse.ArgumentParser) -> None:
    add_settings(parser, Options, title="summary options")


def options_from_args(args: argparse.Namespace) -> Options:
    options: Options = settings_from_args(args, Options)
    return options


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def read_cluster(paths: list[str], *, strict: bool) -> Cluster:
    """The cluster of ``paths`` as the summarizer sees it (read, cleaned, split, copies found),
    with reading warnings on stderr: what ``timeline`` and ``entities`` work on."""
    from tomtat.story.summarizer import Summarizer  # here, not at the top: `tomtat eval` needs none of it

    summarizer = Summarizer()
    problems = Problems(strict=strict)
    articles = summarizer.read(paths, problems)
    for warning in problems.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    return summarizer.build_cluster(articles)


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    from tomtat.apps.engine import ENGINES

    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=ENGINES, default="local",
                       help="local: a process pool on this machine; ray: Ray (install from the checkout with pip install -e '.[ray]')")
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
