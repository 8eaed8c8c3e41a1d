"""The server's settings and limits: one frozen object built by `opi serve`."""

from __future__ import annotations

from dataclasses import dataclass, field
from ipaddress import ip_address

from checkers.readers.limits import DEFAULT_LIMITS, ReadLimits
from opi.web.errors import SettingsError

MB = 1024 * 1024
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


def is_loopback(host: str) -> bool:
    """Whether binding to `host` keeps the server on this machine only."""
    if host.strip("[]").lower() in LOOPBACK_NAMES:
        return True
    try:
        return ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Limits of one server; each answered with its own HTTP error when hit.

    `token` is required unless `host` is loopback; it is checked on every
    request. `allowed_hosts` None means: loopback names when bound to loopback
    (against DNS rebinding), any when a token guards the server.
    """

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_upload_bytes: int = 25 * MB
    max_unzipped_bytes: int = DEFAULT_LIMITS.max_unzipped_bytes
    max_compression_ratio: float = DEFAULT_LIMITS.max_compression_ratio
    max_pdf_pages: int = 500
    timeout_seconds: float = 60.0
    workers: int = 2
    queue_wait_seconds: float = 20.0
    max_spec_bytes: int = MB
    max_jobs_per_worker: int = 500
    allowed_hosts: tuple[str, ...] | None = None
    warm_languages: tuple[str, ...] = field(default=("sv", "en"))

    def __post_init__(self) -> None:
        problems = []
        if not is_loopback(self.host) and not self.token:
            problems.append(
                f"host {self.host} is not loopback: an access token is required"
            )
        if self.token is not None and len(self.token) < 16:
            problems.append("the access token must be at least 16 characters")
        for name in ("max_upload_bytes", "max_unzipped_bytes", "max_pdf_pages"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1")
        if self.max_compression_ratio <= 1:
            problems.append("max_compression_ratio must be above 1")
        if self.timeout_seconds <= 0 or self.queue_wait_seconds < 0:
            problems.append("timeout_seconds must be > 0, queue_wait_seconds >= 0")
        if self.max_jobs_per_worker < 1:
            problems.append("max_jobs_per_worker must be at least 1")
        if not 1 <= self.workers <= 64:
            problems.append("workers must be between 1 and 64")
        if problems:
            raise SettingsError("; ".join(problems))

    @property
    def read_limits(self) -> ReadLimits:
        """The readers' limits under this server's settings."""
        return ReadLimits(
            max_file_bytes=self.max_upload_bytes,
            max_unzipped_bytes=self.max_unzipped_bytes,
            max_part_bytes=min(DEFAULT_LIMITS.max_part_bytes, self.max_unzipped_bytes),
            max_compression_ratio=self.max_compression_ratio,
            max_zip_entries=DEFAULT_LIMITS.max_zip_entries,
            max_pdf_pages=self.max_pdf_pages,
            max_text_bytes=min(DEFAULT_LIMITS.max_text_bytes, self.max_upload_bytes),
        )

    @property
    def trusted_hosts(self) -> tuple[str, ...]:
        """Host headers the server answers to."""
        if self.allowed_hosts is not None:
            return self.allowed_hosts
        if is_loopback(self.host):
            return ("localhost", "127.0.0.1", "[::1]")
        return ("*",)
