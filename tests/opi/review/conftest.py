"""Checked example agreements, shared by the review-output tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkers import read_document
from checkers.document import Document
from checkers.engine import check
from checkers.report import Report

Checked = tuple[Document, Report]


def checked(path: Path, ui_language: str | None = None) -> Checked:
    document = read_document(path)
    return document, check(document, ui_language=ui_language)


@pytest.fixture(scope="session")
def skolenergi(examples: Path) -> Checked:
    """A Swedish PDF with a conflict, a partial and two met requirements."""
    return checked(examples / "sv_skolenergi_samverkan.pdf")


@pytest.fixture(scope="session")
def vardlarm(examples: Path) -> Checked:
    """A compliant Swedish Word agreement with a responsibility table."""
    return checked(examples / "sv_vardlarm_opi.docx")


@pytest.fixture(scope="session")
def shuttle(examples: Path) -> Checked:
    """An English text agreement."""
    return checked(examples / "en_shuttle_pilot.txt")
