"""Private by default: loopback only without a token, the token on every request,
no foreign hosts, strict security headers and no external resources."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest
from fastapi.testclient import TestClient

from opi.web.errors import SettingsError
from opi.web.security import COOKIE
from opi.web.settings import ServerSettings, is_loopback
from tests.opi.web.conftest import TOKEN


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True)]
    + [("0.0.0.0", False), ("192.168.1.10", False), ("example.org", False)],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_other_hosts_need_a_token() -> None:
    with pytest.raises(SettingsError, match="0.0.0.0 is not loopback"):
        ServerSettings(host="0.0.0.0")
    with pytest.raises(SettingsError, match="at least 16 characters"):
        ServerSettings(host="0.0.0.0", token="short")
    assert ServerSettings(host="0.0.0.0", token=TOKEN).trusted_hosts == ("*",)


def test_settings_set_the_reader_limits() -> None:
    limits = ServerSettings(
        max_upload_bytes=1000, max_pdf_pages=3, max_compression_ratio=50
    ).read_limits
    assert limits.max_file_bytes == 1000
    assert limits.max_pdf_pages == 3
    assert limits.max_compression_ratio == 50


def test_api_without_token_is_401(token_client: TestClient) -> None:
    for url in ("/api/health", "/api/openapi.json"):
        response = token_client.get(url)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert "access token" in response.json()["error"]["message"]
    assert token_client.post("/api/check").status_code == 401


def test_wrong_token_is_401_and_right_token_passes(token_client: TestClient) -> None:
    wrong = {"authorization": f"Bearer {TOKEN}x"}
    assert token_client.get("/api/health", headers=wrong).status_code == 401
    right = {"authorization": f"Bearer {TOKEN}"}
    assert token_client.get("/api/health", headers=right).status_code == 200


def test_a_browser_logs_in_with_the_token(token_client: TestClient) -> None:
    token_client.cookies.clear()
    page = token_client.get("/?lang=en", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?lang=en"
    assert "Access token" in token_client.get("/login?lang=en").text
    failed = token_client.post("/login", data={"token": "wrong"})
    assert failed.status_code == 401
    assert token_client.cookies.get(COOKIE) is None
    done = token_client.post(
        "/login?lang=en", data={"token": TOKEN}, follow_redirects=False
    )
    assert done.status_code == 303
    cookie = done.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert TOKEN not in cookie
    assert token_client.get("/").status_code == 200
    assert token_client.get("/api/health").status_code == 200
    token_client.post("/logout")
    token_client.cookies.clear()
    assert token_client.get("/api/health").status_code == 401


def test_a_forged_cookie_is_refused(token_client: TestClient) -> None:
    token_client.cookies.clear()
    token_client.cookies.set(COOKIE, TOKEN)
    assert token_client.get("/api/health").status_code == 401
    token_client.cookies.clear()


def test_a_foreign_host_header_is_refused(client: TestClient) -> None:
    response = client.get("/", headers={"host": "rebound.example"})
    assert response.status_code == 400


def test_every_response_carries_security_headers(client: TestClient) -> None:
    for url in ("/", "/assemble", "/api/health", "/api/openapi.json", "/nowhere"):
        headers = client.get(url).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
        assert headers["content-security-policy"].startswith("default-src 'none'")


def _hash(body: str) -> str:
    digest = hashlib.sha256(body.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


@pytest.mark.parametrize("url", ["/?lang=sv", "/?lang=en", "/assemble"])
def test_pages_allow_only_their_own_inline_code(client: TestClient, url: str) -> None:
    response = client.get(url)
    csp = response.headers["content-security-policy"]
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", response.text, re.DOTALL)
    assert scripts and styles
    for body in scripts + styles:
        assert _hash(body) in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert not re.search(r"(src|href|action)=\"(https?:)?//", response.text)


def test_no_interactive_docs_pulling_scripts_from_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
