"""Batch summarizing of AbMuSu-format JSONL: one cluster a line in, one result line per input line out.

Work runs on an engine through :mod:`tomtat.apps.runner`; results are written as they arrive (each line
carries ``id`` and its input ``line`` number) and a rerun resumes where the last one stopped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator, TextIO

from tomtat.core.errors import InputError, Problems, TomtatError
from tomtat.ingest import build_articles, raw_from_mapping
from tomtat.core.options import Options
from tomtat.story.summarizer import Summarizer
from tomtat.apps.resume import ResumableOutput, file_digest
from tomtat.apps.runner import Progress, resolve_engine, run_in_order


@dataclass(frozen=True)
class ClusterRecord:
    """One input line: its number, its id, and its articles (or why it cannot be used)."""

    line: int
    id: Any
    documents: list[dict[str, Any]] | None
    error: str | None = None


@dataclass
class BatchReport:
    written: int = 0
    failed: int = 0
    skipped: int = 0
    peak_mb: dict[int, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def open_input(path: Path) -> BinaryIO:
    """Open the batch input, or say why not (before any output is created)."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder; give a .jsonl file with one cluster per line", source=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", source=str(path)) from None


def read_clusters(path: Path) -> Iterator[ClusterRecord]:
    """Yield every non-empty line of ``path`` as a :class:`ClusterRecord`; a bad line carries its error.

    Lines are decoded one by one, so a line that is not UTF-8 is an error line in place, like a
    line that is not JSON, and the lines around it are still used.
    """
    with open_input(path) as handle:
        position = 0
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            cluster_id: Any = position
            position += 1
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield ClusterRecord(number, cluster_id, None,
                                    f"not UTF-8 text (bad byte at column {exc.start + 1}); convert the file to UTF-8")
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ClusterRecord(number, cluster_id, None, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield ClusterRecord(number, cluster_id, None, "invalid JSON: nested too deeply")
                continue
            if not isinstance(value, dict):
                yield ClusterRecord(number, cluster_id, None, "expected a JSON object")
                continue
            if "id" in value:
                cluster_id = value["id"]
            docs = value.get("single_documents")
            if not isinstance(docs, list) or not docs:
                yield ClusterRecord(number, cluster_id, None, "field 'single_documents' must be a non-empty list")
                continue
            yield ClusterRecord(number, cluster_id, docs)


def summarize_record(record: ClusterRecord, summarizer: Summarizer, source: str) -> dict[str, Any]:
    """The output line for one record: ``{"id", "summary", ...}`` or ``{"id", "summary": "", "error"}``."""
    if record.documents is None:
        return {"id": record.id, "summary": "", "error": f"{source}:{record.line}: {record.error}"}
    problems = Problems(strict=summarizer.options.strict)
    try:
        raws = []
        for index, doc in enumerate(record.documents):
            try:
                raws.append(raw_from_mapping(doc, source=f"{source}:{record.line} single_documents[{index}]"))
            except InputError as error:
                problems.report(error)
        articles = build_articles(raws, problems)
        if not articles:
            raise InputError("no usable article in this cluster", source=source, line=record.line)
        result = summarizer.summarize_articles(articles, warnings=[str(w) for w in problems.warnings])
    except TomtatError as error:
        return {"id": record.id, "summary": "", "error": str(error)}
    return {
        "id": record.id,
        "summary": result.text,
        "sentences": [s.to_dict() for s in result.sentences],
        "duplicates": [{"article": a, "duplicate_of": b} for a, b, _ in result.duplicates],
        "warnings": list(result.warnings),
    }


@dataclass
class BatchJob:
    """Summarizes chunks of records; shipped once to every worker of either engine."""

    options: Options
    source: str

    def __post_init__(self) -> None:
        self._summarizer: Summarizer | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"options": self.options, "source": self.source}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.options, self.source, self._summarizer = state["options"], state["source"], None

    def process(self, records: list[ClusterRecord]) -> list[dict[str, Any]]:
        if self._summarizer is None:
            self._summarizer = Summarizer(self.options, story=False)
        out = []
        for record in records:
            try:
                line = summarize_record(record, self._summarizer, self.source)
            except Exception as error:  # a bug on one cluster must not lose the others
                line = {"id": record.id, "summary": "",
                        "error": f"{self.source}:{record.line}: internal error: {type(error).__name__}: {error}"}
            line["line"] = record.line
            out.append(line)
        return out


def run_batch(input_path: Path, output: TextIO | Path, options: Options, *, progress: bool = True,
              engine: Any = "local", workers: int | None = None, address: str | None = None,
              chunk_size: int = 4, resume: bool = True) -> BatchReport:
    """Summarize every line of ``input_path`` on ``engine``; write one line per input line.

    Lines are written in input order, each as soon as every line before it is done (a small
    reorder buffer holds results that arrive early); each carries ``id`` and ``line`` (the
    1-based input line number). With a file ``output``, a rerun skips the lines already
    written (keyed on ``line``), provided the input's content and the options are those of
    the run that wrote it (``OUT.run.json``); otherwise :class:`ResumeError` names what differs.
    """
    open_input(input_path).close()  # a missing or unreadable input creates no output file
    runner = resolve_engine(engine, workers=workers, address=address)
    fingerprint = {"input": file_digest(input_path), "options": options.to_dict()} if isinstance(output, Path) else None
    out = ResumableOutput(output if isinstance(output, Path) else None, "line",
                          None if isinstance(output, Path) else output, resume=resume, fingerprint=fingerprint)
    report = BatchReport(skipped=len(out.done))
    try:
        todo = (r for r in read_clusters(input_path) if r.line not in out.done)
        bar = Progress("summarizing", "cluster", _count_lines(input_path), progress)
        for line in run_in_order(runner, BatchJob(options, str(input_path)), todo, chunk_size=chunk_size,
                                 progress=bar, skipped=report.skipped, peak_mb=report.peak_mb):
            if "error" in line:
                report.failed += 1
                report.warnings.append(line["error"])
                if options.strict:
                    raise InputError(line["error"])
            out.write(line)
            report.written += 1
    finally:
        out.close()
    return report


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None
