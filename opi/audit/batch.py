"""run_audit: collect the documents, skip what the store knows, check the rest."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from opi.audit.charts import warm_up
from opi.audit.collect import Collection, Item, collect
from opi.audit.keys import checker_fingerprint, playbook_hash
from opi.audit.runner import PoolSettings, run_local
from opi.audit.store import RunView, Store
from opi.audit.work import Outcome, PlaybookRef, Task


@dataclass(frozen=True, slots=True)
class AuditSettings:
    """Everything `opi audit` was asked to do, built once by the CLI."""

    paths: tuple[Path, ...]
    store: Path
    playbook: Path | None = None
    jobs: int = 1
    time_limit: float = 60.0
    max_tasks: int = 200
    scheduler: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts in documents (a file listed twice counts twice)."""

    done: int
    total: int
    cached: int
    non_compliant: int
    unreadable: int
    elapsed: float


@dataclass(frozen=True, slots=True)
class AuditResult:
    """A finished run: `checked` counts contents checked now (a file in two places
    once), `cached` the documents whose result came from the store."""

    store: Path
    view: RunView
    cached: int
    checked: int
    seconds: float
    peak_rss_mb: float


def run_audit(
    settings: AuditSettings, *, on_progress: Callable[[Progress], None] | None = None
) -> AuditResult:
    """Audit every document under settings.paths into settings.store."""
    started = time.perf_counter()
    collection = collect(settings.paths)
    checker = checker_fingerprint()
    book = playbook_hash(settings.playbook)
    ref = PlaybookRef(
        book,
        settings.playbook.read_text(encoding="utf-8") if settings.playbook else None,
    )
    with Store(settings.store) as store:
        run = store.start_run(
            collection.items, collection.skipped, checker=checker, playbook=book
        )
        known = store.known(
            checker=checker, playbook=book, time_limit=settings.time_limit
        )
        tasks = _tasks(collection, known)
        tally = _Tally(collection, known, started)
        if on_progress:
            on_progress(tally.progress())
        for outcome in _outcomes(tasks, ref, settings, checker=checker):
            store.put(
                outcome, checker=checker, playbook=book, time_limit=settings.time_limit
            )
            tally.add(outcome)
            if on_progress:
                on_progress(tally.progress())
        store.finish_run(run)
        view = store.view(run)
    return AuditResult(
        store=settings.store,
        view=view,
        cached=tally.cached,
        checked=len(tasks),
        seconds=time.perf_counter() - started,
        peak_rss_mb=tally.peak_rss_mb,
    )


def _tasks(collection: Collection, known: dict[str, str]) -> list[Task]:
    """Each unknown content once, largest file first: the long documents start
    early, so that no worker is left alone with one at the end of the batch."""
    first: dict[str, Item] = {}
    for item in collection.items:
        if item.sha256 not in known:
            first.setdefault(item.sha256, item)
    ordered = sorted(first.values(), key=lambda item: (-item.size, item.display))
    return [
        Task(
            sha256=item.sha256,
            name=item.name,
            path=str(item.path),
            member=item.member,
        )
        for item in ordered
    ]


def _outcomes(
    tasks: Sequence[Task], ref: PlaybookRef, settings: AuditSettings, *, checker: str
) -> Iterator[Outcome]:
    """Results are stored under this process's `checker` fingerprint: local
    workers fork from it (their files differ only if edited during the run), and
    a cluster's workers are compared with it before the first document."""
    if not tasks:
        return iter(())
    if settings.scheduler:
        from opi.audit.distributed import run_dask

        return run_dask(
            tasks,
            ref,
            scheduler=settings.scheduler,
            time_limit=settings.time_limit,
            checker=checker,
        )
    pool = PoolSettings(
        jobs=min(settings.jobs, len(tasks)),
        time_limit=settings.time_limit,
        max_tasks=settings.max_tasks,
    )
    # The charts come after the last document; matplotlib's start-up (about a
    # second) runs meanwhile here, while the workers import and warm up.
    threading.Thread(target=warm_up, name="opi-audit-charts", daemon=True).start()
    return run_local(tasks, ref, pool)


class _Tally:
    def __init__(
        self, collection: Collection, known: dict[str, str], started: float
    ) -> None:
        self.copies = Counter(item.sha256 for item in collection.items)
        self.total = len(collection.items)
        self.cached = sum(n for sha, n in self.copies.items() if sha in known)
        self.done = self.cached
        self.non_compliant = 0
        self.unreadable = 0
        self.peak_rss_mb = 0.0
        self.started = started
        for sha, n in self.copies.items():
            self._count(known.get(sha), n)

    def add(self, outcome: Outcome) -> None:
        n = self.copies[outcome.sha256]
        self.done += n
        self._count(outcome.status, n)
        self.peak_rss_mb = max(self.peak_rss_mb, outcome.peak_rss_mb)

    def _count(self, status: str | None, n: int) -> None:
        if status == "non_compliant":
            self.non_compliant += n
        elif status == "error":
            self.unreadable += n

    def progress(self) -> Progress:
        return Progress(
            done=self.done,
            total=self.total,
            cached=self.cached,
            non_compliant=self.non_compliant,
            unreadable=self.unreadable,
            elapsed=time.perf_counter() - self.started,
        )
