"""`create_app(settings) -> FastAPI`: the upload and assembly pages and the JSON API.

Nothing uploaded is stored: each request gets a temporary directory that is
removed when the answer is sent, also after errors and timeouts. The work runs
in a pool of worker processes (opi/web/pool.py) with a time limit per request
and a bound on how many run at once.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from opi import __version__
from opi.web import routes_pages
from opi.web.errors import BadUpload, ServeError, UnsupportedMediaType, UploadTooLarge
from opi.web.jobs import (
    MEDIA_TYPES,
    AssembleJob,
    AssembleResult,
    CheckJob,
    CheckResult,
    JobFailure,
    Result,
)
from opi.web.openapi import openapi, report_schema, spec_body, upload_body
from opi.web.pages import choose_language, content_security_policy, render_page
from opi.web.pages import wording as ui_wording
from opi.web.pool import WorkerPool
from opi.web.security import Guard
from opi.web.settings import ServerSettings
from opi.web.upload import Upload, receive_upload

log = logging.getLogger("opi.web")
ReaderStatus = {"too_large": 413, "unsupported_format": 415}
SPEC_TYPES = ("application/json", "application/yaml", "application/x-yaml", "text/yaml")
UiLang = Literal["auto", "sv", "en"]
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")
DocLang = Literal["auto", "sv", "en", "da"]


def create_app(settings: ServerSettings) -> FastAPI:
    """The web application for one server's settings (its worker pool starts with
    the application's lifespan)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = WorkerPool(
            settings.workers,
            timeout=settings.timeout_seconds,
            queue_wait=settings.queue_wait_seconds,
            languages=settings.warm_languages,
            max_jobs=settings.max_jobs_per_worker,
        )
        await pool.start()
        app.state.pool = pool
        try:
            yield
        finally:
            await pool.close()

    app = FastAPI(
        title="opi",
        version=__version__,
        description="Check OPI agreements and assemble them from a deal description. "
        "Nothing uploaded is stored.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_exception_handler(ServeError, _serve_error)  # type: ignore[arg-type]
    _api_routes(app, settings)
    routes_pages.add_page_routes(app, settings)
    app.add_middleware(Guard, token=settings.token)
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=list(settings.trusted_hosts)
    )
    app.openapi = lambda: openapi(app)  # type: ignore[method-assign]
    return app


def pool_of(request: Request) -> WorkerPool:
    pool: WorkerPool = request.app.state.pool
    return pool


async def run_job(request: Request, job: CheckJob | AssembleJob) -> Result:
    """Run a job in the pool; a worker's unexpected failure becomes a 500."""
    result = await pool_of(request).run(job)
    if isinstance(result, JobFailure):
        log.error("job failed: %s", result.message)
        raise ServeError(
            "the server failed on this request; the error is logged", key="internal"
        )
    return result


async def check_upload(
    request: Request,
    settings: ServerSettings,
    *,
    ui_lang: str | None,
    language: str | None = None,
    html: bool = False,
    annotated: bool = False,
) -> tuple[Upload, CheckResult]:
    """Receive the upload into a temporary directory, check it there, remove it."""
    with tempfile.TemporaryDirectory(prefix="opi-serve-") as folder:
        upload = await receive_upload(
            request.headers.get("content-type"),
            request.headers.get("content-length"),
            request.stream(),
            Path(folder),
            max_bytes=settings.max_upload_bytes,
        )
        chosen = upload.fields.get("ui_lang", ui_lang)
        job = CheckJob(
            path=str(upload.path),
            limits=settings.read_limits,
            ui_lang=chosen if chosen in ("sv", "en") else None,
            language=language,
            html=html,
            annotated=annotated,
        )
        result = await run_job(request, job)
    assert isinstance(result, CheckResult)
    return upload, result


def _body_too_large(limit: int) -> UploadTooLarge:
    return UploadTooLarge(
        f"the request body is larger than {limit} bytes",
        key="too_large_body",
        kb=f"{limit / 1024:.0f}",
    )


def report_status(report: dict[str, Any]) -> int:
    """200 for a verdict; 413/415/422 when the file could not be read."""
    error = report.get("error")
    if not error:
        return 200
    return ReaderStatus.get(error["code"], 422)


async def read_small_body(request: Request, limit: int) -> bytes:
    """The whole body of a small request (a form, a deal description); 413 past
    `limit` bytes, counted as it streams."""
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise _body_too_large(limit)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _body_too_large(limit)
    return bytes(body)


def _api_routes(app: FastAPI, settings: ServerSettings) -> None:
    errors: dict[int | str, dict[str, Any]] = {
        status: {"description": text, "content": {"application/json": {}}}
        for status, text in (
            (401, "Missing or wrong access token"),
            (413, "Upload over the size limit, or a zip bomb / too many PDF pages"),
            (415, "Not multipart/form-data, or not a .docx, .pdf or text file"),
            (422, "The file cannot be read (the error object says why)"),
            (503, "Every worker stayed busy for the whole queue wait"),
            (504, "The check ran past the time limit"),
        )
    }

    @app.get("/api/health", tags=["service"])
    async def health(request: Request) -> dict[str, Any]:
        """Whether the server is up, and its workers."""
        pool = pool_of(request)
        return {
            "status": "ok",
            "version": __version__,
            "workers": pool.size,
            "idle": pool.idle,
        }

    @app.post(
        "/api/check",
        tags=["check"],
        responses={
            200: {
                "description": "The report of `opi check --format json`",
                "content": {"application/json": {"schema": report_schema()}},
            },
            **errors,
        },
        openapi_extra={"requestBody": upload_body()},
    )
    async def api_check(
        request: Request,
        language: Annotated[DocLang, Query(description="The agreement's language")] = (
            "auto"
        ),
        ui_lang: Annotated[UiLang, Query(description="Language of explanations")] = (
            "auto"
        ),
    ) -> JSONResponse:
        """Check one agreement (multipart field `file`): the JSON report."""
        _, result = await check_upload(
            request,
            settings,
            ui_lang=ui_lang,
            language=None if language == "auto" else language,
        )
        return JSONResponse(result.report, status_code=report_status(result.report))

    @app.post(
        "/api/annotate",
        tags=["check"],
        response_class=Response,
        responses={
            200: {
                "description": "The draft with a comment or highlight per finding",
                "content": {MEDIA_TYPES["docx"]: {}, MEDIA_TYPES["pdf"]: {}},
            },
            **errors,
        },
        openapi_extra={"requestBody": upload_body()},
    )
    async def api_annotate(
        request: Request,
        ui_lang: Annotated[UiLang, Query(description="Language of the comments")] = (
            "auto"
        ),
    ) -> Response:
        """The uploaded .docx or .pdf back with the review as comments."""
        upload, result = await check_upload(
            request, settings, ui_lang=ui_lang, annotated=True
        )
        status = report_status(result.report)
        if status != 200:
            return JSONResponse(result.report, status_code=status)
        if result.annotated is None or result.annotated_kind is None:
            note = result.notes[0] if result.notes else None
            raise UnsupportedMediaType(
                note or f"{upload.filename}: only a .docx or .pdf can be annotated"
            )
        return Response(
            result.annotated,
            media_type=MEDIA_TYPES[result.annotated_kind],
            headers={"content-disposition": _attachment(result.annotated_name)},
        )

    @app.post(
        "/api/assemble",
        tags=["assemble"],
        response_class=Response,
        responses={
            200: {
                "description": "The assembled agreement; X-OPI-Status is its check",
                "content": {MEDIA_TYPES["docx"]: {}},
            },
            422: {"description": "Every field error of the deal description"},
            **{k: v for k, v in errors.items() if k in (401, 413, 415, 503, 504)},
        },
        openapi_extra={"requestBody": spec_body()},
    )
    async def api_assemble(request: Request) -> Response:
        """Assemble a deal description (JSON or YAML) into a .docx and check it."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind not in SPEC_TYPES:
            raise UnsupportedMediaType(
                "send the deal description as application/json or application/yaml"
            )
        text = _decode(await read_small_body(request, settings.max_spec_bytes))
        if kind == "application/json":
            text = _json_text(text)
        result = await run_job(request, AssembleJob(text, source="request body"))
        assert isinstance(result, AssembleResult)
        if result.issues:
            return JSONResponse(
                {
                    "error": {
                        "code": "invalid_deal_description",
                        "message": f"{len(result.issues)} problem(s) in the deal "
                        "description",
                    },
                    "issues": list(result.issues),
                },
                status_code=422,
            )
        assert result.docx is not None
        return Response(
            result.docx,
            media_type=MEDIA_TYPES["docx"],
            headers={
                "content-disposition": _attachment(result.filename),
                "x-opi-status": str(result.report.get("status")),
            },
        )


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadUpload("the deal description is not UTF-8 text") from exc


def _json_text(text: str) -> str:
    """JSON for the assembler's YAML parser: a syntax error is a 422 naming the
    line; escaped surrogate pairs (an emoji as "\\ud83d\\ude00"), which YAML
    would split into two lone surrogates, are written out as characters."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadUpload(f"not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise BadUpload("the deal description must be a JSON object")
    if _SURROGATE_ESCAPE.search(text):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return text


def _attachment(name: str | None) -> str:
    from urllib.parse import quote

    safe = name or "download"
    plain = safe.encode("ascii", "replace").decode().replace('"', "_")
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(safe)}"


async def _serve_error(request: Request, exc: ServeError) -> Response:
    headers = {"retry-after": "5"} if exc.status == 503 else None
    if request.url.path.startswith("/api/"):
        return JSONResponse(
            {"error": exc.to_dict()}, status_code=exc.status, headers=headers
        )
    lang = choose_language(
        request.query_params.get("lang"), request.headers.get("accept-language")
    )
    wording: dict[str, str] = ui_wording(lang).errors
    message = exc.message
    if exc.key is not None and exc.key in wording:
        message = wording[exc.key].format(**exc.params)
    page = render_page("message.html.j2", lang, message=message, back=f"/?lang={lang}")
    return HTMLResponse(
        page,
        status_code=exc.status,
        headers={
            **(headers or {}),
            "content-security-policy": content_security_policy(page),
        },
    )


__all__ = ["create_app", "read_small_body", "report_status"]
