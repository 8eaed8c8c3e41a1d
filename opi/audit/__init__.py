"""Batch audit of an archive of agreements: `opi audit`.

collect (files, folders, zips) -> store (SQLite cache and resume) -> runner (worker
processes with a time limit) or distributed (Dask) -> reports (CSV, JSON, HTML)."""

from opi.audit.batch import AuditResult, AuditSettings, Progress, run_audit
from opi.audit.errors import AuditError, ClusterError, StoreError

__all__ = [
    "AuditError",
    "AuditResult",
    "AuditSettings",
    "ClusterError",
    "Progress",
    "StoreError",
    "run_audit",
]
