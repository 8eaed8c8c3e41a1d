"""The browser pages: upload and review, assembly form, login."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from opi.web import app as api
from opi.web.deal_form import example_form, form_fields, form_groups, spec_from_form
from opi.web.jobs import MEDIA_TYPES, AssembleJob, AssembleResult
from opi.web.pages import (
    Download,
    choose_language,
    content_security_policy,
    render_page,
    with_toolbar,
    wording,
)
from opi.web.security import COOKIE, is_token, session_value
from opi.web.settings import MB, ServerSettings

FORM_BYTES = 64 * 1024


def page_response(page: str, status: int = 200, **headers: str) -> HTMLResponse:
    """An HTML page with a CSP allowing exactly its own inline styles and scripts."""
    return HTMLResponse(
        page,
        status_code=status,
        headers={"content-security-policy": content_security_policy(page), **headers},
    )


def language(request: Request) -> str:
    return choose_language(
        request.query_params.get("lang"), request.headers.get("accept-language")
    )


def add_page_routes(app: FastAPI, settings: ServerSettings) -> None:
    """Register the pages on `app`."""
    logged_in = settings.token is not None

    def limits_text(lang: str) -> str:
        return str(wording(lang).limits).format(
            mb=f"{settings.max_upload_bytes / MB:g}",
            pages=settings.max_pdf_pages,
            seconds=f"{settings.timeout_seconds:g}",
        )

    @app.get("/", include_in_schema=False)
    async def upload_page(request: Request) -> Response:
        lang = language(request)
        page = render_page(
            "upload.html.j2", lang, limits=limits_text(lang), logged_in=logged_in
        )
        return page_response(page)

    @app.post("/check", include_in_schema=False)
    async def check_page(request: Request) -> Response:
        lang = language(request)
        t = wording(lang)
        upload, result = await api.check_upload(
            request, settings, ui_lang=lang, html=True, annotated=True
        )
        assert result.html is not None
        stem = upload.path.stem
        downloads = [
            Download.of(
                "download-json",
                f"{stem}.opi.json",
                t.download_json,
                "application/json",
                json.dumps(result.report, ensure_ascii=False, indent=2).encode(),
            )
        ]
        if result.annotated is not None and result.annotated_kind is not None:
            downloads.insert(
                0,
                Download.of(
                    "download-annotated",
                    result.annotated_name or f"{stem}.{result.annotated_kind}",
                    t.download_annotated,
                    MEDIA_TYPES[result.annotated_kind],
                    result.annotated,
                ),
            )
        note = None
        if result.report.get("error") is None and result.annotated is None:
            note = result.notes[0] if result.notes else t.annotated_none
        page = with_toolbar(
            result.html,
            lang,
            downloads=downloads,
            back=f"/?lang={lang}",
            back_label=t.check_another,
            note=note,
        )
        return page_response(page, api.report_status(result.report))

    @app.get("/assemble", include_in_schema=False)
    async def assemble_page(request: Request) -> Response:
        lang = language(request)
        return page_response(_assemble_form(lang, example_form(), [], logged_in))

    @app.post("/assemble", include_in_schema=False)
    async def assemble_post(request: Request) -> Response:
        lang = language(request)
        t = wording(lang)
        values = _form_fields(await api.read_small_body(request, FORM_BYTES))
        spec = spec_from_form(values)
        text = json.dumps(spec, ensure_ascii=False, indent=1)
        job = AssembleJob(text, source="form", ui_lang=lang, html=True)
        result = await api.run_job(request, job)
        assert isinstance(result, AssembleResult)
        if result.issues:
            page = _assemble_form(lang, values, list(result.issues), logged_in)
            return page_response(page, 422)
        assert result.docx is not None and result.html is not None
        downloads = [
            Download.of(
                "download-docx",
                result.filename or "avtal.docx",
                t.download_docx,
                MEDIA_TYPES["docx"],
                result.docx,
            ),
            Download.of(
                "download-json",
                "avtal.opi.json",
                t.download_json,
                "application/json",
                json.dumps(result.report, ensure_ascii=False, indent=2).encode(),
            ),
        ]
        page = with_toolbar(
            result.html,
            lang,
            downloads=downloads,
            back=f"/assemble?lang={lang}",
            back_label=t.assemble_another,
        )
        return page_response(page)

    @app.get("/login", include_in_schema=False)
    async def login_page(request: Request) -> Response:
        if settings.token is None:
            return RedirectResponse("/", status_code=303)
        return page_response(
            render_page("login.html.j2", language(request), failed=False)
        )

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        lang = language(request)
        if settings.token is None:
            return RedirectResponse("/", status_code=303)
        given = _form_fields(await api.read_small_body(request, 4096)).get("token", "")
        if not is_token(given, settings.token):
            page = render_page("login.html.j2", lang, failed=True)
            return page_response(page, 401)
        response = RedirectResponse(f"/?lang={lang}", status_code=303)
        response.set_cookie(
            COOKIE,
            session_value(settings.token),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            path="/",
        )
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        response = RedirectResponse(f"/login?lang={language(request)}", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response


def _form_fields(body: bytes) -> dict[str, str]:
    """An application/x-www-form-urlencoded body; the last value of a name wins."""
    parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {name: values[-1] for name, values in parsed.items()}


def _assemble_form(
    lang: str, values: dict[str, str], issues: list[dict[str, Any]], logged_in: bool
) -> str:
    problems: dict[str, str] = {}
    for issue in issues:
        problems.setdefault(str(issue["field"]), str(issue["message"]))
    return render_page(
        "assemble.html.j2",
        lang,
        groups=form_groups(values),
        fields=form_fields(values),
        values=values,
        issues=issues,
        problems=problems,
        logged_in=logged_in,
    )
