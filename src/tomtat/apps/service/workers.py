"""Worker processes that can be stopped: a request past its timeout ends the process doing its work.

A thread cannot be stopped in Python, so work abandoned by a timeout used to keep a core busy
for minutes. Here each summary runs in a pool process; on timeout that process is killed
(SIGKILL) and a fresh one takes its place, so the CPU is free again at once.

Processes are spawned (no state leaks in by fork) by one long-lived thread of the pool, so the
Linux parent-death signal they set (:mod:`tomtat.lifeline`) follows the server process, not a
short-lived request thread. Work is a picklable module-level function and its arguments; its
answer comes back as ``("ok", value)`` or ``("error", payload)``, where ``payload`` is a plain
dict the caller turns back into its error (exceptions with keyword-only fields do not pickle).
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Callable

from tomtat.apps.lifeline import die_with_parent

Work = Callable[..., Any]
FIRST_START_SECONDS = 300.0
Failure = Callable[[BaseException], "dict[str, Any] | None"]


class WorkTimeout(Exception):
    """The work did not finish in time (its process, if it had one, was killed)."""


class WorkerLost(Exception):
    """The process doing the work ended without an answer (killed from outside, out of memory)."""


class WorkFailed(Exception):
    """The work raised an error; ``payload`` describes it (see ``failure`` of :class:`ProcessWorkers`)."""

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__(payload.get("message", "work failed"))
        self.payload = payload


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


def _worker_main(conn: Connection, parent_pid: int, nice: int, warm_up: Work | None, failure: Failure | None) -> None:
    die_with_parent(parent_pid)
    if nice:
        os.nice(nice)
    if warm_up is not None:
        warm_up()
    while True:
        try:
            func, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            answer: tuple[str, Any] = ("ok", func(*args))
        except Exception as exc:  # every error goes back to the caller as data, never kills the worker
            payload = failure(exc) if failure is not None else None
            answer = ("error", payload if payload is not None else {"bug": type(exc).__name__})
        try:
            conn.send(answer)
        except (OSError, ValueError):
            return


class ProcessWorkers:
    """``size`` worker processes; :meth:`call` runs one function call on one of them, within a time bound.

    ``nice`` lowers the workers' CPU priority (used for the large-request lane, so large work
    yields the CPU to small requests). ``warm_up`` runs once in each new worker (imports, model
    loading) before it takes work. ``failure`` turns an exception raised by the work into a
    picklable dict, or None for a bug. After :meth:`close`, a new call starts the pool again.
    """

    def __init__(self, size: int, *, name: str = "tomtat-worker", nice: int = 0, warm_up: Work | None = None,
                 failure: Failure | None = None) -> None:
        self.size = size
        self.name = name
        self.nice = nice
        self.warm_up = warm_up
        self.failure = failure
        self.replaced = 0
        self._lock = threading.Lock()
        self._run: _Run | None = None

    # ---- life ---------------------------------------------------------------------------------
    def start(self) -> "_Run":
        """Start the processes if they are not running (without waiting for them to be ready)."""
        with self._lock:
            if self._run is None:
                self._run = _Run(self)
            return self._run

    def wait_ready(self, timeout: float = 120.0) -> bool:
        """Block until every process has started and warmed up (True), or ``timeout`` passed."""
        run = self.start()
        deadline = time.monotonic() + timeout
        while run.idle.qsize() < self.size and time.monotonic() < deadline:
            time.sleep(0.05)
        return run.idle.qsize() >= self.size

    def close(self) -> None:
        with self._lock:
            run, self._run = self._run, None
        if run is not None:
            run.close()

    def pids(self) -> list[int]:
        run = self._run
        return run.pids() if run is not None else []

    # ---- work ---------------------------------------------------------------------------------
    def call(self, func: Work, args: tuple[Any, ...], timeout: float) -> Any:
        """``func(*args)`` in a worker; waiting for a free worker counts toward ``timeout``.

        Only the very first calls of a pool started lazily (without :meth:`wait_ready`) also wait,
        outside the timeout, for the first worker to load.
        """
        run = self.start()
        run.ready_once.wait(FIRST_START_SECONDS)
        deadline = time.monotonic() + timeout
        while True:
            try:
                worker = run.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise WorkTimeout() from None
            if worker.process.is_alive():
                break
            run.replace(worker)  # died while idle (killed from outside): not this request's fault
        try:
            worker.conn.send((func, args))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                run.replace(worker)
                raise WorkTimeout()
            kind, value = worker.conn.recv()
        except (EOFError, OSError):
            run.replace(worker)
            raise WorkerLost() from None
        except BaseException:
            if worker.process.is_alive():
                run.replace(worker)  # interrupted mid-call: its answer would go to the next caller
            raise
        run.idle.put(worker)
        if kind == "error":
            raise WorkFailed(value)
        return value


class _Run:
    """One life of a pool, from start to close: its processes, its idle queue, its spawner thread."""

    def __init__(self, pool: ProcessWorkers) -> None:
        self.pool = pool
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.ready_once = threading.Event()  # set when the first worker is ready
        self._spawn: queue.Queue[int | None] = queue.Queue()
        self._all: dict[int, _Worker] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._failed_starts = 0  # in a row: a worker that cannot even start is retried ever more slowly
        threading.Thread(target=self._spawn_loop, name=f"{pool.name}-spawner", daemon=True).start()
        for _ in range(pool.size):
            self._spawn.put(1)

    def pids(self) -> list[int]:
        with self._lock:
            return [pid for pid, w in self._all.items() if w.process.is_alive()]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all.values())
            self._all.clear()
        self._spawn.put(None)
        self.ready_once.set()  # nobody waits for a first worker that will not come
        for worker in workers:
            _end(worker)

    def replace(self, worker: _Worker, *, delay: float = 0.0) -> None:
        _end(worker)
        with self._lock:
            self._all.pop(worker.process.pid or -1, None)
            if self._closed:
                return
            self.pool.replaced += 1
        if delay > 0:
            timer = threading.Timer(delay, self._spawn.put, args=(1,))
            timer.daemon = True
            timer.start()
        else:
            self._spawn.put(1)

    def _spawn_loop(self) -> None:
        context = multiprocessing.get_context("spawn")
        pool = self.pool
        while True:
            order = self._spawn.get()
            if order is None or self._closed:
                return
            parent_end, child_end = context.Pipe(duplex=True)
            process = context.Process(target=_worker_main, name=pool.name, daemon=True,
                                      args=(child_end, os.getpid(), pool.nice, pool.warm_up, pool.failure))
            try:
                process.start()
            except OSError:
                time.sleep(1.0)  # out of processes or memory for now: try again
                self._spawn.put(1)
                continue
            child_end.close()
            worker = _Worker(process, parent_end)
            with self._lock:
                if self._closed:
                    _end(worker)
                    return
                self._all[process.pid or -1] = worker
            threading.Thread(target=self._await_ready, args=(worker,), daemon=True).start()

    def _await_ready(self, worker: _Worker) -> None:
        """A new worker takes work once its warm-up is done (it answers a no-op call)."""
        try:
            worker.conn.send((_ready, ()))
            if worker.conn.poll(300) and worker.conn.recv() == ("ok", True) and not self._closed:
                self._failed_starts = 0
                self.idle.put(worker)
                self.ready_once.set()
                return
        except (EOFError, OSError):
            if self._closed:
                return  # the pool was closed under it: close() ended the worker
        self._failed_starts += 1
        self.replace(worker, delay=min(30.0, 0.5 * 2 ** self._failed_starts))


def _ready() -> bool:
    return True


def _end(worker: _Worker) -> None:
    """Kill the worker and close its pipe; safe when another thread ends it too (the pool's
    close() and a worker's failed start can meet: a second close of the pipe's descriptor fails)."""
    try:
        worker.process.kill()
        worker.process.join(timeout=5)
    except (OSError, ValueError, AssertionError):
        pass
    with contextlib.suppress(OSError):
        worker.conn.close()
