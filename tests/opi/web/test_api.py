"""The JSON API through the ASGI test client: verdicts, every reader error code,
every limit, the time limit, the bound on concurrent checks, nothing stored."""

from __future__ import annotations

import json
import os
import signal
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient

from checkers.engine import check
from opi.web.settings import ServerSettings
from tests.checkers.test_read_errors import CASES
from tests.opi.web.conftest import client_for

STATUS = {"too_large": 413, "unsupported_format": 415}
DEV = Path(__file__).resolve().parents[3] / "corpora" / "dev"


def post_file(
    client: TestClient, path: Path, *, url: str = "/api/check", name: str | None = None
) -> object:
    with path.open("rb") as stream:
        return client.post(url, files={"file": (name or path.name, stream)})


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Temporary directories of the server land here, so a test can see them."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    yield tmp_path


def test_health_names_the_workers(client: TestClient) -> None:
    response = client.get("/api/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["workers"] == 1


@pytest.mark.parametrize(
    "name",
    ["sv_vardlarm_opi.docx", "sv_skolenergi_samverkan.pdf", "en_shuttle_pilot.txt"],
)
def test_check_returns_the_report_of_opi_check(
    client: TestClient, examples: Path, name: str
) -> None:
    response = post_file(client, examples / name)
    assert response.status_code == 200
    data = response.json()
    schema_text = resources.files("checkers").joinpath("data/report.schema.json")
    jsonschema.validate(data, json.loads(schema_text.read_text(encoding="utf-8")))
    assert data == check(examples / name).to_dict()


def test_explanations_follow_ui_lang(client: TestClient, examples: Path) -> None:
    path = examples / "sv_skolenergi_samverkan.pdf"
    with path.open("rb") as stream:
        english = client.post(
            "/api/check?ui_lang=en", files={"file": (path.name, stream)}
        ).json()
    assert english == check(path, ui_language="en").to_dict()
    assert english != check(path, ui_language="sv").to_dict()


@pytest.mark.parametrize(("name", "code", "words"), CASES)
def test_every_reader_error_has_its_status_and_error_object(
    client: TestClient, fixtures: Path, name: str, code: str, words: str
) -> None:
    response = post_file(client, fixtures / name)
    assert response.status_code == STATUS.get(code, 422)
    data = response.json()
    assert data["status"] == "error"
    assert data["error"]["code"] == code
    assert name in data["error"]["message"] and words in data["error"]["message"]


def test_upload_over_the_limit_is_413_while_streaming(
    tight_client: TestClient, private_tmp: Path
) -> None:
    def body() -> Iterator[bytes]:
        yield b"--b\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n"
        yield b"\r\n"
        for _ in range(1000):  # 1 MB, without a Content-Length to refuse it early
            yield b"x" * 1024
        yield b"\r\n--b--\r\n"

    response = tight_client.post(
        "/api/check",
        content=body(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert response.status_code == 413
    assert response.json()["error"] == {
        "code": "too_large",
        "message": "the file is larger than the limit of 100000 bytes",
    }
    assert list(private_tmp.iterdir()) == []


def test_declared_length_over_the_limit_is_refused_before_reading(
    tight_client: TestClient,
) -> None:
    response = tight_client.post(
        "/api/check",
        files={"file": ("big.txt", b"Avtal. " * 30_000)},
    )
    assert response.status_code == 413


def test_pdf_page_limit_is_413(tight_client: TestClient, examples: Path) -> None:
    response = post_file(tight_client, examples / "sv_skolenergi_samverkan.pdf")
    assert response.status_code == 413
    assert "3 pages" in response.json()["error"]["message"]


def test_unzipped_size_limit_is_413(
    tight_client: TestClient, padded_docx: Path
) -> None:
    response = post_file(tight_client, padded_docx)
    assert response.status_code == 413
    assert "unpacks to 2 MB (limit 1 MB)" in response.json()["error"]["message"]


def test_compression_ratio_limit_is_413(client: TestClient, padded_docx: Path) -> None:
    response = post_file(client, padded_docx)
    assert response.status_code == 413
    assert "zip bomb" in response.json()["error"]["message"]


def test_not_multipart_is_415(client: TestClient) -> None:
    response = client.post("/api/check", json={"file": "Avtal"})
    assert response.status_code == 415
    assert "multipart/form-data" in response.json()["error"]["message"]


def test_no_file_field_is_422(client: TestClient) -> None:
    response = client.post("/api/check", data={"other": "x"}, files={"x": ("", b"")})
    assert response.status_code == 422
    assert "'file'" in response.json()["error"]["message"]


def test_two_files_are_422(client: TestClient) -> None:
    response = client.post(
        "/api/check",
        files=[("file", ("a.txt", b"Avtal")), ("file", ("b.txt", b"Avtal"))],
    )
    assert response.status_code == 422
    assert "exactly one file" in response.json()["error"]["message"]


def test_a_path_in_the_file_name_stays_a_name(
    client: TestClient, examples: Path, private_tmp: Path
) -> None:
    path = examples / "en_shuttle_pilot.txt"
    response = post_file(client, path, name="../../../etc/cron.d/x.txt")
    assert response.status_code == 200
    assert response.json()["file"] == "x.txt"
    assert list(private_tmp.iterdir()) == []


def test_nothing_is_left_in_the_temporary_folder(
    client: TestClient, examples: Path, fixtures: Path, private_tmp: Path
) -> None:
    post_file(client, examples / "sv_vardlarm_opi.docx")
    post_file(client, fixtures / "truncated.docx")
    post_file(client, examples / "sv_vardlarm_opi.docx", url="/api/annotate")
    assert list(private_tmp.iterdir()) == []


def test_annotate_returns_the_draft_with_its_review_comments(
    client: TestClient, tmp_path: Path
) -> None:
    from checkers import read_document
    from opi.review.docx_comments import annotate_docx, read_comments

    draft = DEV / "formats" / "sva05_primarvard_triage.docx"
    response = post_file(client, draft, url="/api/annotate")
    assert response.status_code == 200
    assert (
        "sva05_primarvard_triage-granskad.docx"
        in response.headers["content-disposition"]
    )
    served = tmp_path / "served.docx"
    served.write_bytes(response.content)
    document = read_document(draft)
    expected = tmp_path / "expected.docx"
    annotate_docx(draft, check(document), document, expected)
    assert read_comments(served) == read_comments(expected)
    assert read_comments(served)


def test_annotate_highlights_a_pdf(
    client: TestClient, examples: Path, tmp_path: Path
) -> None:
    from opi.review.pdf_highlights import read_highlights

    path = examples / "sv_skolenergi_samverkan.pdf"
    response = post_file(client, path, url="/api/annotate")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    served = tmp_path / "served.pdf"
    served.write_bytes(response.content)
    assert read_highlights(served)


def test_annotate_refuses_a_text_file(client: TestClient, examples: Path) -> None:
    response = post_file(client, examples / "en_shuttle_pilot.txt", url="/api/annotate")
    assert response.status_code == 415
    assert "en_shuttle_pilot.txt" in response.json()["error"]["message"]


def test_all_workers_busy_is_503_and_then_served(
    client: TestClient, examples: Path
) -> None:
    pool = client.app.state.pool  # type: ignore[attr-defined]
    assert client.portal is not None
    taken = [client.portal.call(pool.take) for _ in range(pool.size)]
    try:
        response = post_file(client, examples / "en_shuttle_pilot.txt")
    finally:
        for worker in taken:
            client.portal.call(pool.give, worker)
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "busy" in response.json()["error"]["message"]
    assert post_file(client, examples / "en_shuttle_pilot.txt").status_code == 200


def test_a_check_past_the_time_limit_is_504_and_its_worker_replaced(
    examples: Path, private_tmp: Path
) -> None:
    settings = ServerSettings(workers=1, timeout_seconds=0.01, warm_languages=())
    for client in client_for(settings):
        pool = client.app.state.pool  # type: ignore[attr-defined]
        before = pool.pids
        response = post_file(client, examples / "sv_skolenergi_samverkan.pdf")
        assert response.status_code == 504
        assert "longer than the limit of 0.01 s" in response.json()["error"]["message"]
        deadline = time.monotonic() + 60
        while pool.replaced < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool.replaced == 1
        assert pool.pids != before and len(pool.pids) == 1
        assert client.get("/api/health").json()["idle"] == 1
    assert list(private_tmp.iterdir()) == []


def test_a_worker_that_dies_is_a_500_and_is_replaced(
    client: TestClient, examples: Path
) -> None:
    pool = client.app.state.pool  # type: ignore[attr-defined]
    (pid,) = pool.pids
    replaced = pool.replaced
    os.kill(pid, signal.SIGKILL)
    response = post_file(client, examples / "en_shuttle_pilot.txt")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "worker_failed"
    deadline = time.monotonic() + 60
    while pool.replaced == replaced and time.monotonic() < deadline:
        time.sleep(0.1)
    assert pool.pids != (pid,)
    assert post_file(client, examples / "en_shuttle_pilot.txt").status_code == 200


def test_a_worker_is_renewed_after_its_quota_of_jobs(examples: Path) -> None:
    settings = ServerSettings(workers=1, max_jobs_per_worker=2, warm_languages=())
    for client in client_for(settings):
        pool = client.app.state.pool  # type: ignore[attr-defined]
        (first,) = pool.pids
        draft = examples / "en_shuttle_pilot.txt"
        assert [post_file(client, draft).status_code for _ in range(2)] == [200, 200]
        deadline = time.monotonic() + 60
        while pool.replaced < 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert pool.pids != (first,) and len(pool.pids) == 1
        assert post_file(client, examples / "en_shuttle_pilot.txt").status_code == 200
