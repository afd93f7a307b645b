"""Batch summarizing of AbMuSu-format JSONL: one cluster a line, one result a line, same order."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, TextIO

from .errors import InputError, Problems, TomtatError
from .ingest.readers import raw_from_mapping, _build_all
from .options import Options
from .pipeline import Summarizer


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
    warnings: list[str] = field(default_factory=list)


def read_clusters(path: Path) -> Iterator[ClusterRecord]:
    """Yield every non-empty line of ``path`` as a :class:`ClusterRecord`; a bad line carries its error."""
    try:
        handle = path.open("r", encoding="utf-8")
    except FileNotFoundError:
        raise InputError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder; give a .jsonl file with one cluster per line", source=str(path)) from None
    with handle:
        position = 0
        for number, line in enumerate(_lines(handle, path), start=1):
            if not line.strip():
                continue
            cluster_id: Any = position
            position += 1
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ClusterRecord(number, cluster_id, None, f"invalid JSON: {exc.msg} (column {exc.colno})")
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


def _lines(handle: TextIO, path: Path) -> Iterator[str]:
    try:
        yield from handle
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", source=str(path)) from None


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
        articles = _build_all(raws, problems)
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


def run_batch(input_path: Path, output: TextIO, options: Options, *, progress: bool = True) -> BatchReport:
    from tqdm import tqdm

    summarizer = Summarizer(options)
    report = BatchReport()
    records = read_clusters(input_path)
    total = _count_lines(input_path)
    with tqdm(total=total, unit="cluster", disable=not progress, dynamic_ncols=True, desc="summarizing") as bar:
        for record in records:
            line = summarize_record(record, summarizer, str(input_path))
            if "error" in line:
                report.failed += 1
                report.warnings.append(line["error"])
                if options.strict:
                    raise InputError(line["error"])
            output.write(json.dumps(line, ensure_ascii=False) + "\n")
            output.flush()
            report.written += 1
            bar.update(1)
    return report


def _count_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None
