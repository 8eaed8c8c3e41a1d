"""Limits that keep a hostile or pathological file within bounded memory and time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Refuse a file as `too_large` beyond these; defaults suit real agreements."""

    max_file_bytes: int = 100 * 1024 * 1024
    max_unzipped_bytes: int = 250 * 1024 * 1024
    max_part_bytes: int = 60 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_zip_entries: int = 10_000
    max_pdf_pages: int = 2_000
    max_text_bytes: int = 20 * 1024 * 1024
    # Not a limit but how PDFs are read: plain pages through pdfium (the same
    # Document, several times faster); False reads every page with pdfplumber.
    pdf_fast_path: bool = True


DEFAULT_LIMITS = ReadLimits()
