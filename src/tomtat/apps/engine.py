"""Where batch work runs: a local process pool or Ray. The same job code does the work in both.

A *job* is a picklable object with ``process(payload) -> result``; the engine ships it once
to each worker and feeds it payloads (chunks of records), yielding ``(key, result)`` pairs as
they finish, in completion order. Keys are chosen by the caller (input line numbers), so the
caller can write results as they arrive and resume by key.

Both engines survive a worker dying mid-task (killed, out of memory): the local pool is
rebuilt and the chunks that were in flight are submitted again; Ray retries the task on
another worker. A chunk's result is only ever yielded once, from the one process that
writes the output, so nothing is lost and nothing is duplicated.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import resource
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Protocol

from tomtat.core.errors import EngineError
from tomtat.apps.lifeline import die_with_parent

ENGINES = ("local", "ray")


class Job(Protocol):
    def process(self, payload: Any) -> Any: ...


@dataclass(frozen=True)
class WorkerStats:
    """Peak resident memory (MB) of the worker process that ran a chunk."""

    pid: int
    peak_mb: float


def worker_stats() -> WorkerStats:
    # ru_maxrss is in KiB on Linux
    return WorkerStats(os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)


def run_chunk(job: Job, payload: Any) -> tuple[Any, WorkerStats]:
    """What a worker does for one chunk, in either engine."""
    return job.process(payload), worker_stats()


# --- local process pool ---------------------------------------------------------------------

_WORKER_JOB: Job | None = None  # set once per worker process by the pool initializer


def _init_worker(job: Job, parent_pid: int) -> None:
    global _WORKER_JOB
    die_with_parent(parent_pid)  # a SIGKILLed driver must not leave its workers running
    _WORKER_JOB = job


def _run_in_worker(payload: Any) -> tuple[Any, WorkerStats]:
    assert _WORKER_JOB is not None, "worker started without a job"
    return run_chunk(_WORKER_JOB, payload)


class LocalEngine:
    """A pool of ``workers`` processes on this machine (spawned, so no state leaks in by fork)."""

    name = "local"

    def __init__(self, workers: int | None = None, *, max_restarts: int = 10) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.max_restarts = max_restarts
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = None

    def worker_pids(self) -> list[int]:
        pool = self._pool
        processes = getattr(pool, "_processes", None) or {}
        return [p for p, proc in list(processes.items()) if proc.is_alive()]

    def _new_pool(self, job: Job) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(job, os.getpid()))

    def map(self, job: Job, chunks: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any, WorkerStats]]:
        source = iter(chunks)
        retry: deque[tuple[Any, Any]] = deque()
        inflight: dict[Future, tuple[Any, Any]] = {}
        window = self.workers * 2
        self._pool = self._new_pool(job)
        exhausted = False
        try:
            while True:
                while len(inflight) < window:
                    if retry:
                        item = retry.popleft()
                    elif not exhausted:
                        following = next(source, None)
                        if following is None:
                            exhausted = True
                            continue
                        item = following
                    else:
                        break
                    try:
                        future = self._pool.submit(_run_in_worker, item[1])
                    except BrokenProcessPool:  # a worker died since the last result came in
                        retry.appendleft(item)
                        self._restart(job, inflight, retry)
                        continue
                    inflight[future] = item
                if not inflight:
                    return
                done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                broken = False
                for future in done:
                    item = inflight.pop(future)
                    try:
                        result, stats = future.result()
                    except BrokenProcessPool:
                        retry.append(item)
                        broken = True
                        continue
                    yield item[0], result, stats
                if broken:
                    self._restart(job, inflight, retry)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None

    def _restart(self, job: Job, inflight: dict[Future, tuple[Any, Any]], retry: deque) -> None:
        """A worker died: every chunk in flight is lost with the pool; run them again on a new pool."""
        self.restarts += 1
        if self.restarts > self.max_restarts:
            raise EngineError(f"worker processes died {self.restarts} times; giving up "
                              "(out of memory? try fewer --workers)")
        # keep input order among the lost chunks
        for future, item in sorted(inflight.items(), key=lambda pair: str(pair[1][0])):
            future.cancel()
            retry.append(item)
        inflight.clear()
        assert self._pool is not None
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool(job)


# --- Ray ------------------------------------------------------------------------------------

RAY_MISSING = ("the ray engine needs Ray, an optional extra: pip install -e '.[ray]' in a tomtat checkout, "
               "or pip install ray (or use --engine local)")


class RayEngine:
    """Ray tasks: a local Ray on 127.0.0.1 by default, or an existing cluster with ``address``."""

    name = "ray"

    def __init__(self, workers: int | None = None, *, address: str | None = None, max_retries: int = 3) -> None:
        try:
            import ray  # noqa: F401
        except ImportError:
            raise EngineError(RAY_MISSING) from None
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.address = address
        self.max_retries = max_retries

    def _init(self) -> Any:
        import ray

        if ray.is_initialized():
            return ray
        try:
            if self.address:
                ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                         logging_level=logging.ERROR, configure_logging=True)
            else:
                ray.init(address="local", num_cpus=self.workers, include_dashboard=False,
                         _node_ip_address="127.0.0.1", log_to_driver=False, logging_level=logging.ERROR)
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise EngineError(f"cannot start or join Ray ({self.address or 'local'}): {error}") from None
        return ray

    def map(self, job: Job, chunks: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any, WorkerStats]]:
        ray = self._init()
        started_here = not self.address
        try:
            remote = ray.remote(num_cpus=1, max_retries=self.max_retries, retry_exceptions=False)(run_chunk)
            job_ref = ray.put(job)
            window = self.workers * 2
            inflight: dict[Any, Any] = {}
            source = iter(chunks)
            exhausted = False
            while True:
                while not exhausted and len(inflight) < window:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                        break
                    inflight[remote.remote(job_ref, item[1])] = item[0]
                if not inflight:
                    return
                done, _ = ray.wait(list(inflight), num_returns=1)
                for ref in done:
                    key = inflight.pop(ref)
                    try:
                        result, stats = ray.get(ref)
                    except ray.exceptions.RayError as error:
                        raise EngineError(f"a Ray task failed after {self.max_retries} retries: {error}") from None
                    yield key, result, stats
        finally:
            if started_here:
                ray.shutdown()


def make_engine(name: str, *, workers: int | None = None, address: str | None = None) -> LocalEngine | RayEngine:
    """The engine named ``name`` (``local`` or ``ray``), from a table."""
    table: dict[str, Callable[[], LocalEngine | RayEngine]] = {
        "local": lambda: LocalEngine(workers),
        "ray": lambda: RayEngine(workers, address=address),
    }
    if name not in table:
        raise EngineError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
    if address and name != "ray":
        raise EngineError("--address is for --engine ray")
    return table[name]()
