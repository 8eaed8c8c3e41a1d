"""Safe access to the parts of a Word package: bounded reads, no DTDs, no entities."""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from lxml import etree

from checkers.errors import ReadError
from checkers.readers.limits import ReadLimits

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "r": R, "rel": PKG_REL, "mc": MC}

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


_DTD_MESSAGE = (
    "part {name} declares a DTD, which Word never writes; refused because DTD "
    "entities can expand without bound or read other files"
)


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


class Package:
    """Read XML parts of an open .docx, refusing bombs and entity tricks."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, limits: ReadLimits) -> None:
        self.path = path
        self._zf = zf
        self._limits = limits
        self._names = set(zf.namelist())

    def has(self, name: str) -> bool:
        return name in self._names

    def xml(self, name: str) -> etree._Element:
        """Parse one part; raise ReadError(corrupt/too_large) on anything unsafe."""
        limit = self._limits.max_part_bytes
        try:
            with self._zf.open(name) as fh:
                data = fh.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ReadError(
                self.path, "corrupt", f"part {name} of the Word package is damaged"
            ) from exc
        if len(data) > limit:
            raise ReadError(
                self.path,
                "too_large",
                f"part {name} is larger than {limit // (1024 * 1024)} MB",
            )
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
            raise ReadError(self.path, "corrupt", _DTD_MESSAGE.format(name=name))
        try:
            root = etree.fromstring(data, parser=_PARSER)
        except etree.XMLSyntaxError as exc:
            raise ReadError(
                self.path, "corrupt", f"part {name} is not well-formed XML ({exc})"
            ) from exc
        docinfo = root.getroottree().docinfo
        if docinfo.internalDTD is not None or docinfo.doctype:
            raise ReadError(self.path, "corrupt", _DTD_MESSAGE.format(name=name))
        return root

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId -> (type suffix, target part name) for one part."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_name):
            return {}
        rels: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iterfind("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            rels[rel.get("Id", "")] = (kind, name)
        return rels

    def main_part(self) -> str:
        for kind, name in self.relationships("").values():
            if kind == "officeDocument" and self.has(name):
                return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise ReadError(
            self.path, "corrupt", "the Word package has no main document part"
        )
