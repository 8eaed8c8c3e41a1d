"""Receive one uploaded file into a private folder, streaming, within a size limit.

The body is parsed as it arrives (python-multipart): the file part goes straight
to disk in the request's temporary directory, and the upload is refused with 413
as soon as it passes the limit, so no request body is ever held in memory whole.
The client's file name is kept only as a sanitised base name inside that folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from opi.web.errors import BadUpload, UnsupportedMediaType, UploadTooLarge

FIELD_BYTES = 4096
MAX_FIELDS = 16
_UNSAFE = re.compile(r"[^\w.\- ()+,]")


def safe_name(raw: str) -> str:
    """A base name that cannot leave the folder: no separators, no leading dots."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")[:120]
    return name or "upload"


@dataclass(slots=True)
class Upload:
    """The received file (its path in the folder) and the form's other fields."""

    path: Path
    filename: str
    size: int
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class _Part:
    name: str = ""
    filename: str | None = None
    data: bytearray = field(default_factory=bytearray)
    headers: dict[bytes, bytes] = field(default_factory=dict)


class _Receiver:
    """python-multipart callbacks that write the file part and collect fields."""

    def __init__(self, folder: Path, file_field: str, max_bytes: int) -> None:
        self.folder = folder
        self.file_field = file_field
        self.max_bytes = max_bytes
        self.part = _Part()
        self.header_name = b""
        self.header_value = b""
        self.stream: IO[bytes] | None = None
        self.upload: Upload | None = None
        self.fields: dict[str, str] = {}
        self.problem: Exception | None = None

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
        }

    def on_part_begin(self) -> None:
        self.part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        self.part.headers[self.header_name.lower()] = self.header_value
        self.header_name = self.header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(
            self.part.headers.get(b"content-disposition", b"")
        )
        self.part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            if len(self.fields) >= MAX_FIELDS:
                self._fail(BadUpload(f"more than {MAX_FIELDS} form fields"))
            return
        if self.part.name != self.file_field or self.upload is not None:
            self._fail(
                BadUpload(f"send exactly one file, in the field '{self.file_field}'")
            )
            return
        self.part.filename = safe_name(options[b"filename"].decode("utf-8", "replace"))
        path = self.folder / self.part.filename
        self.stream = path.open("xb")
        self.upload = Upload(path=path, filename=self.part.filename, size=0)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.problem is not None:
            return
        if self.part.filename is None:
            if len(self.part.data) + end - start > FIELD_BYTES:
                self._fail(BadUpload(f"the field '{self.part.name}' is too long"))
                return
            self.part.data += data[start:end]
            return
        assert self.stream is not None and self.upload is not None
        self.upload.size += end - start
        if self.upload.size > self.max_bytes:
            self._fail(_too_large(self.max_bytes))
            return
        self.stream.write(data[start:end])

    def on_part_end(self) -> None:
        if self.part.filename is None:
            self.fields[self.part.name] = self.part.data.decode("utf-8", "replace")
        elif self.stream is not None:
            self.stream.close()
            self.stream = None

    def _fail(self, problem: Exception) -> None:
        if self.problem is None:
            self.problem = problem

    def close(self) -> None:
        if self.stream is not None:
            self.stream.close()


def _too_large(max_bytes: int) -> UploadTooLarge:
    return UploadTooLarge(
        f"the file is larger than the limit of {_size(max_bytes)}",
        key="too_large_file",
        mb=f"{max_bytes / (1024 * 1024):.3g}",
    )


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n} bytes"


async def receive_upload(
    content_type: str | None,
    content_length: str | None,
    body: AsyncIterator[bytes],
    folder: Path,
    *,
    max_bytes: int,
    file_field: str = "file",
) -> Upload:
    """Parse a multipart/form-data body into `folder`; raise a ServeError on
    a wrong content type (415), a body over the limit (413) or a bad form (422)."""
    kind, options = parse_options_header(content_type or "")
    if kind != b"multipart/form-data":
        raise UnsupportedMediaType(
            f"send the agreement as multipart/form-data in the field '{file_field}'",
            key="not_multipart",
        )
    boundary = options.get(b"boundary")
    if not boundary:
        raise BadUpload("the multipart body has no boundary")
    envelope = max_bytes + MAX_FIELDS * (FIELD_BYTES + 512) + 4096
    if content_length and content_length.isdigit() and int(content_length) > envelope:
        raise _too_large(max_bytes)
    receiver = _Receiver(folder, file_field, max_bytes)
    parser = MultipartParser(boundary, receiver.callbacks())  # type: ignore[arg-type]
    received = 0
    try:
        async for chunk in body:
            received += len(chunk)
            if received > envelope:
                raise _too_large(max_bytes)
            parser.write(chunk)
            if receiver.problem is not None:
                raise receiver.problem
        parser.finalize()
    except FormParserError as exc:
        raise BadUpload(f"the multipart body is malformed ({exc})") from exc
    finally:
        receiver.close()
    if receiver.upload is None:
        raise BadUpload(f"no file in the field '{file_field}'")
    receiver.upload.fields = receiver.fields
    return receiver.upload
