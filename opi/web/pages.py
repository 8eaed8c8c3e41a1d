"""The HTML pages: Jinja2 templates from package data, autoescaped, in sv or en,
and a Content-Security-Policy that allows exactly the inline styles and scripts
each page carries (by hash) and nothing from anywhere else."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

UI_LANGUAGES = ("sv", "en")
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)
_BODY = re.compile(r"<body[^>]*>")


class Wording:
    """The page texts in one language; attribute access raises on a missing key."""

    def __init__(self, entries: Mapping[str, Any]) -> None:
        self._entries = entries

    def __getattr__(self, key: str) -> Any:
        try:
            return self._entries[key]
        except KeyError as exc:
            raise AttributeError(f"opi/web/data/ui.yaml has no key '{key}'") from exc


@cache
def _ui() -> dict[str, Any]:
    path = resources.files("opi.web") / "data" / "ui.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def wording(lang: str) -> Wording:
    return Wording(_ui()[lang])


def field_id(name: str) -> str:
    """An HTML id for a field path: suppliers[0].name -> f-suppliers-0-name."""
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("opi.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["field_id"] = field_id
    return env


def choose_language(query: str | None, accept_language: str | None) -> str:
    """?lang= first, then the best of sv/en in Accept-Language, else Swedish."""
    if query in UI_LANGUAGES:
        return str(query)
    ranked: list[tuple[float, str]] = []
    for item in (accept_language or "").split(","):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        base = tag.strip().lower().split("-")[0]
        if base in UI_LANGUAGES and quality > 0:
            ranked.append((quality, base))
    ranked.sort(key=lambda pair: -pair[0])
    return ranked[0][1] if ranked else "sv"


def render_page(template: str, lang: str, **context: Any) -> str:
    """One of our pages in `lang`."""
    other = "en" if lang == "sv" else "sv"
    values = {"lang": lang, "other": other, "t": wording(lang), "logged_in": False}
    values.update(context)
    return _environment().get_template(template).render(values)


@dataclass(frozen=True, slots=True)
class Download:
    """A file offered on a result page as a data: link (nothing kept on the server)."""

    id: str
    name: str
    label: str
    media_type: str
    data: str

    @classmethod
    def of(
        cls, id: str, name: str, label: str, media_type: str, raw: bytes
    ) -> Download:
        return cls(id, name, label, media_type, base64.b64encode(raw).decode("ascii"))


def with_toolbar(
    page: str,
    lang: str,
    *,
    downloads: list[Download],
    back: str,
    back_label: str,
    note: str | None = None,
) -> str:
    """The review page with our bar of downloads and a way back at its top."""
    bar = render_page(
        "toolbar.html.j2",
        lang,
        downloads=downloads,
        back=back,
        back_label=back_label,
        note=note,
    )
    match = _BODY.search(page)
    if match is None:
        return bar + page
    return page[: match.end()] + "\n" + bar + page[match.end() :]


def content_security_policy(page: str) -> str:
    """default-src 'none', plus the hash of every inline <style> and <script>."""
    hashes: dict[str, list[str]] = {"style": [], "script": []}
    for kind, body in _INLINE.findall(page):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest())
        hashes[kind].append(f"'sha256-{digest.decode('ascii')}'")
    parts = [
        "default-src 'none'",
        "img-src data:",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
    for kind in ("style", "script"):
        if hashes[kind]:
            parts.append(f"{kind}-src {' '.join(sorted(set(hashes[kind])))}")
    return "; ".join(parts)
