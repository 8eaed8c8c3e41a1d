"""Errors of a batch audit; each message names the file and what to do next."""

from __future__ import annotations


class AuditError(Exception):
    """Base of every error the audit raises on purpose."""


class StoreError(AuditError):
    """The SQLite store cannot be opened, is not an audit store, or is locked."""


class ClusterError(AuditError):
    """The Dask scheduler cannot be reached, or its workers run other checkers."""
