"""Digest: group a pile of articles into stories, then summarize each story.

Stories are ranked by size, then recency (see :func:`tomtat.group.rank_stories`). The
summaries run on an engine through :mod:`tomtat.apps.runner`, the same runner as ``tomtat batch``.
JSONL output is written in rank order as results arrive (a small reorder buffer) and a
rerun skips stories already written (keyed on the story ``id``, which is stable for the
same input and options), provided the articles read and the options are those of the run
that wrote it (``OUT.run.json``, as for ``tomtat batch``); Markdown is written once all
stories are done.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence, TextIO

from tomtat.core.errors import Problems, TomtatError
from tomtat.story.group import Grouper, Story
from tomtat.core.model import Article
from tomtat.ingest import ArticleInput, read_inputs
from tomtat.core.options import GroupOptions, Options
from tomtat.story.summarizer import Summarizer
from tomtat.apps.resume import ResumableOutput, json_digest
from tomtat.apps.runner import Progress, resolve_engine, run_in_order


@dataclass
class DigestJob:
    """Summarizes chunks of stories; shipped once to every worker."""

    options: Options

    def __post_init__(self) -> None:
        self._summarizer: Summarizer | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options, self._summarizer = state["options"], None

    def process(self, stories: list[Story]) -> list[dict[str, Any]]:
        if self._summarizer is None:
            self._summarizer = Summarizer(self.options)
        out = []
        for story in stories:
            line = story.to_dict()
            try:
                result = self._summarizer.summarize_articles(list(story.articles))
                line.update(summary=result.text, sentences=[s.to_dict() for s in result.sentences])
            except TomtatError as error:
                line.update(summary="", sentences=[], error=f"story {story.id}: {error}")
            out.append(line)
        return out


@dataclass
class DigestReport:
    stories: int = 0
    written: int = 0
    skipped: int = 0
    failed: int = 0
    warnings: list[str] = field(default_factory=list)


def make_digest(inputs: Iterable[ArticleInput], options: Options | None = None,
                group_options: GroupOptions | None = None) -> list[dict[str, Any]]:
    """The API: every story, ranked, with its summary (in this process)."""
    options = options or Options()
    problems = Problems(strict=options.strict)
    stories = Grouper(group_options or GroupOptions()).group(read_inputs(inputs, problems))
    lines = DigestJob(options).process(stories)
    for rank, line in enumerate(lines, start=1):
        line["rank"] = rank
    return lines


def run_digest(paths: list[str], output: Path | TextIO, options: Options, group_options: GroupOptions, *,
               engine: Any = "local", workers: int | None = None, address: str | None = None,
               progress: bool = True, resume: bool = True, markdown: bool = False) -> DigestReport:
    problems = Problems(strict=options.strict)
    articles = read_inputs(paths, problems)
    report = DigestReport(warnings=[str(w) for w in problems.warnings])
    stories = Grouper(group_options).group(articles)
    report.stories = len(stories)
    rank_of = {s.id: rank for rank, s in enumerate(stories, start=1)}
    runner = resolve_engine(engine, workers=workers, address=address)
    if markdown:
        out = None
        done: set[Any] = set()
    else:
        fingerprint = ({"input": articles_digest(articles), "options": options.to_dict(),
                        "group_options": group_options.to_dict()} if isinstance(output, Path) else None)
        out = ResumableOutput(output if isinstance(output, Path) else None, "id",
                              None if isinstance(output, Path) else output, resume=resume, fingerprint=fingerprint)
        done = out.done
    report.skipped = len(done & set(rank_of))
    todo = [s for s in stories if s.id not in done]
    collected: list[dict[str, Any]] = []
    try:
        bar = Progress("digest", "story", len(stories), progress)
        for line in run_in_order(runner, DigestJob(options), todo, chunk_size=2, progress=bar,
                                 skipped=report.skipped):
            line["rank"] = rank_of[line["id"]]
            if "error" in line:
                report.failed += 1
                report.warnings.append(line["error"])
            if out is not None:
                out.write(line)
            else:
                collected.append(line)
            report.written += 1
    finally:
        if out is not None:
            out.close()
    if markdown:
        text = render_markdown(collected)
        if isinstance(output, Path):
            output.write_text(text, encoding="utf-8")
        else:
            output.write(text)
    return report


def articles_digest(articles: Sequence[Article]) -> str:
    """A fingerprint of the articles read (not of their paths: a moved folder still resumes)."""
    return json_digest([[a.id, a.title, a.lead, a.text, a.published, a.source, a.url] for a in articles])


def render_markdown(lines: list[dict[str, Any]]) -> str:
    parts = ["# Digest", ""]
    for line in lines:
        when = f", latest {line['latest']}" if line.get("latest") else ""
        parts.append(f"## {line['rank']}. {line['label']}")
        parts.append("")
        parts.append(f"*{line['size']} article{'s' if line['size'] != 1 else ''}{when}*")
        parts.append("")
        parts.append(line.get("summary") or "_(no summary)_")
        parts.append("")
        for article in line["articles"]:
            where = article.get("url") or article.get("path") or article["id"]
            parts.append(f"- {article.get('title') or article['id']} ({where})")
        if line.get("duplicates"):
            parts.append("")
            parts.append("Duplicates: " + ", ".join(f"{d['article']} = {d['duplicate_of']}" for d in line["duplicates"]))
        parts.append("")
    return "\n".join(parts)

