"""The one batch runner behind ``tomtat batch`` and ``tomtat digest``: chunks of items on an engine,
results handed back in input order as soon as everything before them is done.

The engine (:mod:`tomtat.apps.engine`) finishes chunks in any order; a small reorder buffer
holds the ones that arrive early, so the caller can write each result the moment it is its
turn and a rerun can resume by key (:class:`tomtat.apps.resume.ResumableOutput`). Items the
caller already has (a resumed output) are left out by the caller and counted in ``skipped``.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any, Iterable, Iterator, Sequence, TypeVar

from tomtat.apps.engine import Job, WorkerStats, make_engine

Item = TypeVar("Item")


@dataclass(frozen=True)
class Progress:
    """What the progress bar (on stderr) says: ``desc`` and ``unit``, out of ``total`` items."""

    desc: str
    unit: str
    total: int | None
    show: bool = True


def resolve_engine(engine: Any, *, workers: int | None = None, address: str | None = None) -> Any:
    """An engine object as is, or one made from its name (``"local"``, ``"ray"``)."""
    return make_engine(engine, workers=workers, address=address) if isinstance(engine, str) else engine


def run_in_order(engine: Any, job: Job, items: Iterable[Item], *, chunk_size: int, progress: Progress,
                 skipped: int = 0, peak_mb: dict[int, float] | None = None) -> Iterator[Any]:
    """Run ``job.process`` on chunks of ``items`` on ``engine``; yield its results in the order of ``items``.

    ``job.process(chunk)`` returns one result per item of the chunk, in the chunk's order. Each
    result is yielded as soon as every result before it has been; the progress bar counts the
    results yielded, starting at ``skipped``. ``peak_mb`` collects each worker's peak memory.
    """
    from tqdm import tqdm

    early: dict[int, Sequence[Any]] = {}
    following = 0  # the index of the chunk whose results are due next
    with tqdm(total=progress.total, initial=skipped, unit=progress.unit, disable=not progress.show,
              dynamic_ncols=True, desc=progress.desc, smoothing=0.1) as bar:
        for index, results, stats in engine.map(job, enumerate(_chunked(items, chunk_size))):
            _record(peak_mb, stats)
            early[index] = results
            while following in early:
                for result in early.pop(following):
                    yield result
                    bar.update(1)
                following += 1


def _record(peak_mb: dict[int, float] | None, stats: WorkerStats) -> None:
    if peak_mb is not None:
        peak_mb[stats.pid] = max(peak_mb.get(stats.pid, 0.0), stats.peak_mb)


def _chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    source = iter(items)
    while chunk := list(islice(source, max(1, size))):
        yield chunk
