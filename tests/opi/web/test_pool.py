"""The worker pool on its own: an unexpected exception in a job comes back as a
JobFailure and the worker goes on serving."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from checkers import ReadLimits
from opi.web.jobs import CheckJob, CheckResult, JobFailure
from opi.web.pool import WorkerPool


def test_a_failing_job_is_reported_and_the_worker_goes_on(examples: Path) -> None:
    async def scenario() -> tuple[Any, Any, tuple[int, ...], tuple[int, ...]]:
        pool = WorkerPool(1, timeout=60, queue_wait=5, languages=())
        await pool.start()
        try:
            before = pool.pids
            text = str(examples / "en_shuttle_pilot.txt")
            broken = CheckJob(path=text, limits=None)  # type: ignore[arg-type]
            failed = await pool.run(broken)
            job = CheckJob(text, ReadLimits())
            fine = await pool.run(job)
            return failed, fine, before, pool.pids
        finally:
            await pool.close()

    # In a thread of its own: Playwright's sync API (the browser tests) may keep
    # an event loop running in the main thread for the whole session.
    with ThreadPoolExecutor(1) as thread:
        failed, fine, before, after = thread.submit(asyncio.run, scenario()).result()
    assert isinstance(failed, JobFailure)
    assert "AttributeError" in failed.message
    assert isinstance(fine, CheckResult) and fine.report["status"] != "error"
    assert before == after
