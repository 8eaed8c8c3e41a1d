"""A fixed number of worker processes that run checks, each with a time limit.

A request takes an idle worker (waiting at most `queue_wait` seconds, else Busy),
sends it one job over a pipe and waits at most `timeout` seconds for the answer.
A worker that overruns is killed and replaced by a fresh, warmed one, so a
pathological file cannot wedge the server; the pool size bounds concurrency.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from opi.web.errors import Busy, JobTimeout, WorkerFailed
from opi.web.jobs import Job, JobFailure, Result, run_job, warm

log = logging.getLogger("opi.web")
_CONTEXT = multiprocessing.get_context("spawn")
READY = "ready"


def serve_jobs(conn: Connection, languages: tuple[str, ...]) -> None:
    """The worker's loop: warm up once, then answer jobs until the pipe closes."""
    warm(languages)
    conn.send(READY)
    while True:
        try:
            job: Job = conn.recv()
        except EOFError:
            return
        try:
            result: Result = run_job(job)
        except Exception as exc:  # noqa: BLE001 - a process boundary: report, go on
            log.exception("job failed")
            result = JobFailure(f"{type(exc).__name__}: {exc}")
        conn.send(result)


@dataclass(slots=True, eq=False)
class Worker:
    """One worker process and our end of its pipe."""

    process: BaseProcess
    conn: Connection
    jobs: int = 0

    @classmethod
    def start(cls, languages: tuple[str, ...]) -> Worker:
        ours, theirs = _CONTEXT.Pipe()
        process = _CONTEXT.Process(
            target=serve_jobs, args=(theirs, languages), daemon=True, name="opi-worker"
        )
        process.start()
        theirs.close()
        return cls(process, ours)

    def wait_ready(self, timeout: float) -> None:
        """Block until the worker has warmed up."""
        if not self.conn.poll(timeout) or self.conn.recv() != READY:
            self.stop()
            raise WorkerFailed(f"a worker did not start within {timeout:.0f} s")

    def call(self, job: Job, timeout: float) -> Result:
        """Send one job and wait for its result (blocking; run in a thread)."""
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                # Stopped here, before the request's folder is removed.
                self.process.kill()
                self.process.join(5)
                raise JobTimeout(
                    f"the check took longer than the limit of {timeout:g} s",
                    key="timeout",
                    seconds=f"{timeout:g}",
                )
            result: Result = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise WorkerFailed(
                "the worker stopped while processing", key="worker_failed"
            ) from exc
        return result

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)

    @property
    def pid(self) -> int | None:
        return self.process.pid


class WorkerPool:
    """`size` warmed workers; `run` is the only way work reaches them."""

    def __init__(
        self,
        size: int,
        *,
        timeout: float,
        queue_wait: float,
        languages: tuple[str, ...] = ("sv", "en"),
        start_timeout: float = 120.0,
        max_jobs: int = 500,
    ) -> None:
        self.size = size
        self.timeout = timeout
        self.queue_wait = queue_wait
        self.languages = languages
        self.start_timeout = start_timeout
        self.max_jobs = max_jobs
        self.replaced = 0
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
        self._closed = False

    async def start(self) -> None:
        """Start every worker and wait until all are warm."""
        workers = [Worker.start(self.languages) for _ in range(self.size)]
        self._all.update(workers)
        await asyncio.gather(
            *(asyncio.to_thread(w.wait_ready, self.start_timeout) for w in workers)
        )
        for worker in workers:
            self._idle.put_nowait(worker)

    async def close(self) -> None:
        self._closed = True
        for worker in list(self._all):
            await asyncio.to_thread(worker.stop)
        self._all.clear()

    @property
    def idle(self) -> int:
        return self._idle.qsize()

    @property
    def pids(self) -> tuple[int, ...]:
        return tuple(sorted(w.pid for w in self._all if w.pid is not None))

    async def take(self, wait: float | None = None) -> Worker:
        """An idle worker, or Busy after `wait` (default: the queue wait)."""
        try:
            return await asyncio.wait_for(
                self._idle.get(), self.queue_wait if wait is None else wait
            )
        except TimeoutError as exc:
            raise Busy(
                f"all {self.size} workers are busy; try again in a moment", key="busy"
            ) from exc

    def give(self, worker: Worker) -> None:
        """Return a worker taken with `take` and not used."""
        self._idle.put_nowait(worker)

    async def run(self, job: Job) -> Result:
        """Run one job on an idle worker within the time limit."""
        worker = await self.take()
        task = asyncio.ensure_future(asyncio.to_thread(worker.call, job, self.timeout))
        task.add_done_callback(lambda done: self._release(worker, done))
        # Shielded: a client that goes away must not return a busy worker.
        return await asyncio.shield(task)

    def _release(self, worker: Worker, done: asyncio.Future[Result]) -> None:
        """Back to the idle queue; replaced if it failed, overran or has done
        `max_jobs` jobs (a fresh process bounds the memory a worker can gather)."""
        worker.jobs += 1
        failed = done.cancelled() or done.exception() is not None
        if not failed and worker.jobs < self.max_jobs and not self._closed:
            self._idle.put_nowait(worker)
            return
        self._all.discard(worker)
        if not self._closed:
            asyncio.ensure_future(self._replace(worker))

    async def _replace(self, worker: Worker) -> None:
        """Kill a stalled or dead worker and put a fresh, warmed one in its place."""
        await asyncio.to_thread(worker.stop)
        log.info("worker %s stopped after %d jobs", worker.pid, worker.jobs)
        fresh = Worker.start(self.languages)
        self._all.add(fresh)
        try:
            await asyncio.to_thread(fresh.wait_ready, self.start_timeout)
        except WorkerFailed:
            self._all.discard(fresh)
            log.error("a replacement worker failed to start; retrying")
            if not self._closed:
                asyncio.ensure_future(self._replace(fresh))
            return
        self.replaced += 1
        if self._closed:
            fresh.stop()
        else:
            self._idle.put_nowait(fresh)


def default_workers() -> int:
    """One worker per core, at most four: a check is CPU-bound."""
    return max(1, min(4, os.cpu_count() or 1))
