from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from tomtat.apps.commands.common import add_summary_options, options_from_args
from tomtat.apps.commands.formats import FORMATS, render_markdown, render_text
from tomtat.core.errors import InputError, Problems
from tomtat.core.model import Article
from tomtat.ingest.decode import decode_bytes
from tomtat.ingest.language import MIN_VIETNAMESE_SHARE, vietnamese_share
from tomtat.ingest.readers import ArticleInput, RawArticle, build_article, first_paragraph_as_lead, split_title
from tomtat.story.editorial import editorial_extras
from tomtat.story.summarizer import Summarizer
from tomtat.apps.resume import check_output_path

HELP = "summarize one cluster: a folder of articles or article files (.txt, .json, .jsonl, .html), or '-' for stdin"
EXAMPLES = """examples:
  tomtat summarize examples/cluster-vi                   summary, each sentence marked [n] by its source
  tomtat summarize examples/cluster-vi --format markdown -o tom-tat.md
  tomtat summarize a.txt b.html c.json --sentences 3     three sentences from three files
  tomtat summarize examples/cluster-vi --json --with-text   full result, with each article's cleaned text
  printf '%s' "$ARTICLE" | tomtat summarize -           one article from standard input (first line: title)
"""
STDIN = "-"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files or folders of them; '-' reads one plain-text article from standard input")
    parser.add_argument("--first-paragraph-sapo", action="store_true",
                        help="each article without a separate sapo (a .txt file, standard input, a page or JSON "
                             "without one) has its first paragraph after the title taken as its sapo: for articles "
                             "of a site that opens every article with one; leave it off for a site that does not")
    out = parser.add_argument_group("output")
    out.add_argument("--format", choices=FORMATS, default=None,
                     help="text (default): the summary with a source mark [n] per sentence and the sources at the "
                          "end; markdown: the same as a Markdown document with a headline; json: the full result")
    out.add_argument("--json", action="store_true", help="the same as --format json")
    out.add_argument("--with-text", action="store_true", help="with --format json: include each article's cleaned text")
    out.add_argument("-o", "--output", type=Path, metavar="FILE",
                     help="write to FILE (replaced whole, never half-written) instead of standard output")
    out.add_argument("--any-language", action="store_true",
                     help=f"summarize text that does not look Vietnamese (fewer than {MIN_VIETNAMESE_SHARE * 100:.0f}%% of "
                          "its words with a Vietnamese letter; the service refuses it, and so does this command "
                          "unless this flag is given)")
    add_summary_options(parser)


def output_format(args: argparse.Namespace) -> str:
    if args.json and args.format not in (None, "json"):
        raise InputError(f"--json and --format {args.format} disagree; give one of them")
    chosen: str = "json" if args.json else (args.format or "text")
    if args.with_text and chosen != "json":
        raise InputError("--with-text adds article texts to the JSON result: use it with --format json")
    return chosen


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args)
    if args.output is not None:
        check_output_path(args.output)  # before any work: a missing folder is a usage error (exit 2)
    if args.paths.count(STDIN) > 1:
        raise InputError("'-' (standard input) can be given only once")
    options = options_from_args(args)
    # Plain text needs no timeline or entities (about a third of the work on long input).
    summarizer = Summarizer(options, story=fmt != "text")
    problems = Problems(strict=options.strict)
    inputs: list[ArticleInput] = [read_stdin() if p == STDIN else p for p in args.paths]
    articles = summarizer.read(inputs, problems)
    if args.first_paragraph_sapo:
        articles = [first_paragraph_as_lead(article) for article in articles]
    if not args.any_language:
        refuse_non_vietnamese(articles)
    result = summarizer.summarize_articles(articles, warnings=[str(w) for w in problems.warnings])
    for warning in result.warnings:
        print(f"tomtat: warning: {warning}", file=sys.stderr)
    extras = editorial_extras(articles)
    if extras["cohesion"]["unrelated"]:
        print(f"tomtat: warning: {', '.join(extras['cohesion']['unrelated'])}: shares little with the other "
              "articles; it looks like another story (`tomtat group` separates stories)", file=sys.stderr)
    if fmt == "json":
        text = json.dumps({**result.to_dict(include_text=args.with_text), **extras}, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "markdown":
        text = render_markdown(result.to_dict(), headline=extras["headline"])
    else:
        text = render_text(result.to_dict())
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomically(args.output, text)
    return 0


def read_stdin() -> Article:
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise InputError("standard input is empty: pipe one article into it", source="stdin")
    text, _ = decode_bytes(data, source="stdin")
    title, body = split_title(text)
    return build_article(RawArticle(text=body, title=title), article_id="stdin")


def refuse_non_vietnamese(articles: list[Article]) -> None:
    """The service's rule (:mod:`tomtat.ingest.language`): every article must look Vietnamese."""
    foreign = [a for a in articles if vietnamese_share(f"{a.title}\n{a.text}") < MIN_VIETNAMESE_SHARE]
    if foreign:
        names = ", ".join(a.path or a.id for a in foreign)
        raise InputError(f"does not look like Vietnamese text (fewer than {MIN_VIETNAMESE_SHARE:.0%} of its words "
                         "have a Vietnamese letter); tomtat summarizes Vietnamese news. Give --any-language to "
                         "summarize it anyway", source=names)


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; give it a normal file's mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
