"""Errors of the web service; each becomes one HTTP status with a clear message."""

from __future__ import annotations


class ServeError(Exception):
    """Base of every error opi.web raises on purpose; `status` is the HTTP code."""

    status = 500
    code = "server_error"

    def __init__(self, message: str, *, key: str | None = None, **params: str) -> None:
        """`message` answers the API (English); `key` and `params` name the
        page wording in opi/web/data/ui.yaml (errors.KEY), when there is one."""
        self.message = message
        self.key = key
        self.params = params
        super().__init__(message)

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


class UploadTooLarge(ServeError):
    status = 413
    code = "too_large"


class BadUpload(ServeError):
    status = 422
    code = "bad_request"


class UnsupportedMediaType(ServeError):
    status = 415
    code = "unsupported_media_type"


class Busy(ServeError):
    """Every worker stayed busy for the whole queue wait."""

    status = 503
    code = "busy"


class JobTimeout(ServeError):
    """A job ran past the time limit; its worker was stopped and replaced."""

    status = 504
    code = "timeout"


class WorkerFailed(ServeError):
    """A worker died or raised; it was replaced."""

    status = 500
    code = "worker_failed"


class Unauthorized(ServeError):
    status = 401
    code = "unauthorized"


class SettingsError(ServeError):
    """Server settings that cannot work (a token missing, a limit below 1)."""
