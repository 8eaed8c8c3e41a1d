"""A small archive of agreements as a legal team would hand it over."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES

FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def _zip(path: Path, members: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_TIME), data)


def make_archive(root: Path) -> Path:
    """archive/: the bundled examples (a truncated PDF among them), a copy of one
    in another folder, a zip with a folder inside, a nested zip and files the
    readers do not take."""
    archive = root / "archive"
    shutil.copytree(EXAMPLES, archive / "examples")
    shutil.copy(FIXTURES / "truncated.pdf", archive / "examples" / "m_truncated.pdf")
    (archive / "copies").mkdir()
    shutil.copy(
        EXAMPLES / "sv_vardlarm_opi.docx", archive / "copies" / "vardlarm_kopia.docx"
    )
    (archive / "copies" / "notes.xyz").write_text("not an agreement\n")
    danish = (EXAMPLES / "da_velfaerd_sensorer.txt").read_bytes()
    nested = root / "nested.zip"
    _zip(nested, {"x.txt": b"inside an archive inside an archive\n"})
    _zip(
        archive / "bundle.zip",
        {
            "2024/da_velfaerd_v2.txt": danish + b"\nBilaga 1 finns hos kommunen.\n",
            "2024/readme.xyz": b"skip me\n",
            "2024/old.zip": nested.read_bytes(),
        },
    )
    nested.unlink()
    return archive


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The archive under a temporary working folder, given by relative path so
    that reports hold no absolute paths."""
    monkeypatch.chdir(tmp_path)
    return make_archive(tmp_path).relative_to(tmp_path)
