"""Every request passes here: the access token (when the server has one) and the
security headers on every response.

The API takes `Authorization: Bearer <token>`; a browser logs in once on /login
and then carries a session cookie (HttpOnly, SameSite=Strict) whose value is an
HMAC of the token, so the token itself is never stored in the browser. Both are
compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "opi_session"
OPEN_PATHS = frozenset({"/login"})
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cache-control": "no-store",
}
DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"


def session_value(token: str) -> str:
    """The cookie value for a token: an HMAC, not the token itself."""
    return hmac.new(token.encode(), b"opi-session-v1", hashlib.sha256).hexdigest()


def is_token(given: str, token: str) -> bool:
    return hmac.compare_digest(given.encode(), token.encode())


class Guard:
    """ASGI middleware: refuse requests without the token, add security headers."""

    def __init__(self, app: ASGIApp, *, token: str | None) -> None:
        self.app = app
        self.token = token
        self.session = session_value(token) if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", DEFAULT_CSP.encode()))
                message["headers"] = headers
            await send(message)

        if self.token is None or self._allowed(scope):
            await self.app(scope, receive, send_with_headers)
            return
        await self._refuse(scope, send_with_headers)

    def _allowed(self, scope: Scope) -> bool:
        assert self.token is not None and self.session is not None
        if scope["path"] in OPEN_PATHS:
            return True
        headers = dict(scope.get("headers", []))
        auth = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() == "bearer" and is_token(given.strip(), self.token):
            return True
        cookie = SimpleCookie()
        cookie.load(headers.get(b"cookie", b"").decode("latin-1"))
        morsel = cookie.get(COOKIE)
        return morsel is not None and hmac.compare_digest(
            morsel.value.encode(), self.session.encode()
        )

    async def _refuse(self, scope: Scope, send: Send) -> None:
        """API: 401 JSON; a browser asking for a page: to the login page."""
        if scope["path"].startswith("/api/") or scope["method"] != "GET":
            body = json.dumps(
                {
                    "error": {
                        "code": "unauthorized",
                        "message": "this server needs its access token: send "
                        "'Authorization: Bearer <token>' or log in on /login",
                    }
                }
            ).encode()
            headers = [
                (b"content-type", b"application/json"),
                (b"www-authenticate", b'Bearer realm="opi"'),
            ]
            status = 401
        else:
            query = scope.get("query_string", b"").decode("latin-1")
            target = "/login" + (f"?{query}" if query else "")
            headers = [(b"location", target.encode("latin-1"))]
            body = b""
            status = 303
        headers.append((b"content-length", str(len(body)).encode()))
        await send(
            {"type": "http.response.start", "status": status, "headers": headers}
        )
        await send({"type": "http.response.body", "body": body})
