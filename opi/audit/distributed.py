"""Run the same per-document work on a Dask distributed cluster (opi[distributed]).

The client reads each document's bytes and sends them with the task, so workers need
no shared file system, only the same opi installed. On each Dask worker the document
runs in that worker's own pool of processes (opi.audit.runner.WorkerPool), so the
per-document time limit and warm spaCy pipelines work exactly as on one machine. The
store is written by the client alone."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from opi.audit.errors import ClusterError
from opi.audit.keys import checker_fingerprint
from opi.audit.runner import PoolSettings, WorkerPool
from opi.audit.work import Outcome, PlaybookRef, Task, failed, task_bytes

# One pool per Dask worker process (and playbook, time limit): a process resource,
# made on the first document and stopped by close_worker_pools at the end of a run.
_POOLS: dict[tuple[PlaybookRef, float], WorkerPool] = {}
_POOLS_LOCK = threading.Lock()
CONNECT_SECONDS = 5


def run_dask(
    tasks: Sequence[Task],
    playbook: PlaybookRef,
    *,
    scheduler: str,
    time_limit: float,
    checker: str,
) -> Iterator[Outcome]:
    """Outcomes in completion order from the cluster at `scheduler`, whose workers
    must run the checkers this client fingerprints as `checker`."""
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(
            "--scheduler needs Dask: pip install 'opi[distributed]'"
        ) from exc
    dask: Any = distributed  # untyped
    try:
        client = dask.Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler {scheduler}: {exc}"
        ) from exc
    try:
        _same_checkers(client, checker)
        threads = sum(client.nthreads().values()) or 1
        queue = iter(tasks)
        by_key: dict[str, Task] = {}
        running = dask.as_completed(loop=client.loop)
        for task in _take(queue, threads * 2):
            running.add(_submit(client, task, playbook, time_limit, by_key))
        for future in running:
            task = by_key.pop(future.key)
            yield _outcome(future, task)
            for nxt in _take(queue, 1):
                running.add(_submit(client, nxt, playbook, time_limit, by_key))
    finally:
        client.run(close_worker_pools)
        client.close()


def _same_checkers(client: Any, checker: str) -> None:
    found: dict[str, str] = client.run(checker_fingerprint)
    other = {addr: f for addr, f in found.items() if f != checker}
    if other:
        addr, fingerprint = sorted(other.items())[0]
        raise ClusterError(
            f"the Dask worker {addr} runs checkers {fingerprint}, this opi "
            f"{checker}: install the same opi on every worker"
        )


def _take(queue: Iterator[Task], n: int) -> list[Task]:
    return [task for _, task in zip(range(n), queue, strict=False)]


def _submit(
    client: Any,
    task: Task,
    playbook: PlaybookRef,
    limit: float,
    by_key: dict[str, Task],
) -> Any:
    future = client.submit(
        check_on_worker,
        replace(task, data=task_bytes(task)),
        playbook,
        limit,
        key=f"opi-audit-{task.sha256}",
        pure=False,
    )
    by_key[future.key] = task
    return future


def _outcome(future: Any, task: Task) -> Outcome:
    try:
        outcome: Outcome = future.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker is one file's error
        return failed(task, "crashed", f"{type(exc).__name__}: {exc}", 0.0)
    finally:
        future.release()
    return outcome


def check_on_worker(task: Task, playbook: PlaybookRef, time_limit: float) -> Outcome:
    """Runs on a Dask worker: the document in this worker's process pool."""
    from distributed import get_worker

    key = (playbook, time_limit)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            jobs = max(1, get_worker().state.nthreads)
            pool = _POOLS[key] = WorkerPool(playbook, PoolSettings(jobs, time_limit))
    started = time.perf_counter()
    return pool.outcome(task, pool.submit(task), started)


def close_worker_pools() -> None:
    """Stop this process's worker pools (called on every Dask worker at the end)."""
    with _POOLS_LOCK:
        while _POOLS:
            _, pool = _POOLS.popitem()
            pool.close(wait=True)
