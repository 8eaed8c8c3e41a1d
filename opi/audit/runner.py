"""Run tasks in a pool of worker processes, each with a per-document time limit.

pebble's ProcessPool kills a worker whose document passes the time limit (it becomes
a `timeout` error and a fresh worker takes its place) and replaces each worker after
`max_tasks` documents, which bounds the memory a long batch can accumulate. Workers
start from a forkserver and warm their spaCy pipelines once."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from multiprocessing.context import BaseContext

from pebble import ProcessExpired, ProcessPool

from opi.audit.work import Outcome, PlaybookRef, Task, check_task, failed, warm

# Imported once by the forkserver, so each (re)started worker forks with them loaded.
# "__main__" (multiprocessing's own default) keeps each worker from importing the
# `opi` script, and with it the whole command line, again.
PRELOAD = [
    "__main__",
    "spacy",
    "checkers.engine",
    "checkers.readers.docx",
    "checkers.readers.pdf",
    "opi.review.html",
    "opi.audit.work",
]


@dataclass(frozen=True, slots=True)
class PoolSettings:
    jobs: int
    time_limit: float
    max_tasks: int = 200


def run_local(
    tasks: Sequence[Task], playbook: PlaybookRef, settings: PoolSettings
) -> Iterator[Outcome]:
    """Outcomes in completion order; every task gives exactly one Outcome."""
    with WorkerPool(playbook, settings) as pool:
        yield from pool.map(tasks, window=settings.jobs * 4)


class WorkerPool:
    """A pebble pool that turns every task into an Outcome, whatever happens."""

    def __init__(self, playbook: PlaybookRef, settings: PoolSettings) -> None:
        context: BaseContext = multiprocessing.get_context("spawn")
        if "forkserver" in multiprocessing.get_all_start_methods():
            forkserver = multiprocessing.get_context("forkserver")
            forkserver.set_forkserver_preload(PRELOAD)
            context = forkserver  # else (Windows) each worker imports it all itself
        self.playbook = playbook
        self.settings = settings
        self._pool = ProcessPool(
            max_workers=settings.jobs,
            max_tasks=settings.max_tasks,
            initializer=warm,
            initargs=(playbook,),
            context=context,
        )

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        # Stop at once: on Ctrl-C nobody waits for the queued documents.
        self.close(wait=exc[0] is None)

    def close(self, *, wait: bool) -> None:
        if wait:
            self._pool.close()  # type: ignore[no-untyped-call]
        else:
            self._pool.stop()  # type: ignore[no-untyped-call]
        self._pool.join()

    def submit(self, task: Task) -> Future[Outcome]:
        future: Future[Outcome] = self._pool.schedule(
            check_task, args=(task, self.playbook), timeout=self.settings.time_limit
        )
        return future

    def outcome(self, task: Task, future: Future[Outcome], started: float) -> Outcome:
        """The future's Outcome, or an error Outcome saying what went wrong."""
        seconds = time.perf_counter() - started
        try:
            return future.result()
        except FutureTimeout:
            limit = self.settings.time_limit
            return failed(task, "timeout", f"not checked within {limit:g} s", seconds)
        except ProcessExpired as exc:
            return failed(
                task, "crashed", f"the worker died (exit code {exc.exitcode})", seconds
            )
        except Exception as exc:  # noqa: BLE001 - a checker bug is one file's error
            return failed(task, "internal", f"{type(exc).__name__}: {exc}", seconds)

    def map(self, tasks: Sequence[Task], *, window: int) -> Iterator[Outcome]:
        """Keep at most `window` tasks queued, yield each Outcome as it arrives."""
        pending: dict[Future[Outcome], tuple[Task, float]] = {}
        queue = iter(tasks)
        for task in queue:
            pending[self.submit(task)] = (task, time.perf_counter())
            if len(pending) >= window:
                break
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                task, started = pending.pop(future)
                yield self.outcome(task, future, started)
                nxt = next(queue, None)
                if nxt is not None:
                    pending[self.submit(nxt)] = (nxt, time.perf_counter())
