"""Servers for the web tests: the app in-process (ASGI test client) with small
worker pools, and one real uvicorn server on a free loopback port."""

from __future__ import annotations

import io
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from opi.web.app import create_app
from opi.web.settings import ServerSettings

TOKEN = "a-long-enough-test-token-0123"


def client_for(settings: ServerSettings) -> Iterator[TestClient]:
    """A test client whose lifespan starts (and finally stops) the worker pool."""
    app = create_app(settings)
    with TestClient(app, base_url="http://127.0.0.1") as client:
        yield client


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """Default limits, one warmed worker, a short queue wait (for the 503 test)."""
    yield from client_for(ServerSettings(workers=1, queue_wait_seconds=0.5))


@pytest.fixture(scope="module")
def tight_client() -> Iterator[TestClient]:
    """Small limits: 100 kB uploads, 1 MB unzipped, 2 PDF pages; no ratio limit."""
    yield from client_for(
        ServerSettings(
            workers=1,
            max_upload_bytes=100_000,
            max_unzipped_bytes=1024 * 1024,
            max_compression_ratio=100_000,
            max_pdf_pages=2,
            warm_languages=(),
        )
    )


@pytest.fixture(scope="module")
def token_client() -> Iterator[TestClient]:
    yield from client_for(ServerSettings(workers=1, token=TOKEN, warm_languages=()))


@pytest.fixture
def padded_docx(tmp_path: Path, examples: Path) -> Path:
    """A real agreement with an extra 2 MB part of zeros: it compresses about
    1000 times (a zip bomb's signature) yet is a small upload."""
    out = tmp_path / "padded.docx"
    data = io.BytesIO((examples / "sv_vardlarm_opi.docx").read_bytes())
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr(
            "word/media/padding.bin", bytes(2 * 1024 * 1024), zipfile.ZIP_DEFLATED
        )
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """`opi serve`'s application under uvicorn in a thread, on a free port."""
    settings = ServerSettings(port=free_port(), workers=1)
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=settings.port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 120
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.1)
    yield f"http://127.0.0.1:{settings.port}"
    server.should_exit = True
    thread.join(30)
