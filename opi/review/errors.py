"""Errors of the review outputs; each message names the file and what to do."""

from __future__ import annotations


class ReviewError(Exception):
    """Base of every error opi.review raises on purpose."""


class AnnotationError(ReviewError):
    """A draft that cannot be given comments or highlights."""


class OutputError(ReviewError):
    """An output file that must not or cannot be written."""
