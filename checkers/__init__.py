"""Check OPI agreements: readers into one document model, then requirement checks."""

from checkers.document import Block, Document
from checkers.errors import CheckError, ReadError
from checkers.readers import ReadLimits, read_document

read = read_document

__all__ = [
    "Block",
    "CheckError",
    "Document",
    "ReadError",
    "ReadLimits",
    "read",
    "read_document",
]
