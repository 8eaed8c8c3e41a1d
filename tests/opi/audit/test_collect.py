"""What `opi audit` takes from its PATHS: files, folders, zip members, skips."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import opi.audit.collect as collect_module
from opi.audit.collect import collect


def test_folders_and_zips_expand_to_sorted_documents(archive: Path) -> None:
    found = collect([archive])
    assert [i.display for i in found.items] == [
        "archive/bundle.zip!2024/da_velfaerd_v2.txt",
        "archive/copies/vardlarm_kopia.docx",
        "archive/examples/da_velfaerd_sensorer.txt",
        "archive/examples/en_shuttle_pilot.txt",
        "archive/examples/m_truncated.pdf",
        "archive/examples/sv_digital_laxhjalp.md",
        "archive/examples/sv_skolenergi_samverkan.pdf",
        "archive/examples/sv_vardlarm_opi.docx",
    ]
    member = found.items[0]
    assert member.member == "2024/da_velfaerd_v2.txt"
    assert member.name == "da_velfaerd_v2.txt"


def test_unsupported_files_and_nested_archives_are_listed_with_a_reason(
    archive: Path,
) -> None:
    reasons = {s.display: s.reason for s in collect([archive]).skipped}
    assert reasons == {
        "archive/bundle.zip!2024/old.zip": "an archive inside an archive: "
        "extract it first",
        "archive/bundle.zip!2024/readme.xyz": "unsupported file type '.xyz'",
        "archive/copies/notes.xyz": "unsupported file type '.xyz'",
    }


def test_same_content_in_two_places_is_listed_twice_with_one_hash(
    archive: Path,
) -> None:
    items = {i.display: i for i in collect([archive]).items}
    copy = items["archive/copies/vardlarm_kopia.docx"]
    original = items["archive/examples/sv_vardlarm_opi.docx"]
    assert copy.sha256 == original.sha256


def test_a_path_given_twice_is_one_document(archive: Path) -> None:
    one = archive / "examples" / "en_shuttle_pilot.txt"
    assert len(collect([one, archive / "examples", one]).items) == 6


def test_a_broken_zip_is_a_document_the_readers_reject(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    (item,) = collect([broken]).items
    assert item.member is None and item.display.endswith("broken.zip")


def test_an_oversized_member_is_skipped_without_unpacking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(collect_module, "MAX_MEMBER_BYTES", 1000)
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("huge.txt", b"a" * 5000)
    (skipped,) = collect([path]).skipped
    assert skipped.reason == "too large (0 MB unpacked)"
