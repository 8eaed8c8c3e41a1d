"""From a deal description file to an agreement file: the one entry point."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assembler.context import build_context
from assembler.docx import write_docx
from assembler.errors import AssemblyError, OutputExistsError
from assembler.render import Agreement, render_agreement
from assembler.select import Selection, select_clauses
from assembler.spec import Language, Spec, load_spec
from assembler.tables import build_tables
from assembler.textual import to_markdown, to_text
from clauses.errors import ClauseError
from clauses.loader import MASTER_TEMPLATE, Library, load_labels, load_library

OutputFormat = Literal["docx", "md", "txt"]


@dataclass(frozen=True, slots=True)
class Assembly:
    """An agreement with the context and selection it was built from."""

    agreement: Agreement
    selections: tuple[Selection, ...]
    context: Mapping[str, Any]
    labels: Mapping[str, Any]


def build_assembly(
    spec: Spec, *, language: Language | None = None, library: Library | None = None
) -> Assembly:
    """Select and render the clauses for a validated deal description."""
    lang: Language = language or spec.language
    try:
        library = library or load_library()
        labels = load_labels()[lang]
    except ClauseError as exc:
        raise AssemblyError(f"The clause library cannot be loaded: {exc}") from exc
    context = build_context(spec, labels, language=lang)
    selections = select_clauses(library, context)
    agreement = render_agreement(
        selections,
        context,
        build_tables(context, labels),
        language=lang,
        subtitle=labels["agreement"],
    )
    return Assembly(agreement, selections, context, labels)


def _write_atomically(out: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    handle, temp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes the file private (0600); an agreement gets the mode any
        # new file of the user's would (0666 less the umask)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, out)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def assemble_file(
    spec_path: Path,
    out: Path,
    *,
    language: Language | None = None,
    template: Path | None = None,
    fmt: OutputFormat = "docx",
    force: bool = False,
) -> Agreement:
    """Validate SPEC, assemble the agreement and write it to OUT in one format."""
    if out.exists() and not force:
        raise OutputExistsError(
            f"{out} exists; choose another path or pass --force to overwrite it"
        )
    if not out.parent.is_dir():
        raise AssemblyError(f"{out.parent} is not a folder; create it first")
    assembly = build_assembly(load_spec(spec_path), language=language)
    if fmt == "md":
        data = to_markdown(assembly.agreement).encode("utf-8")
    elif fmt == "txt":
        data = to_text(assembly.agreement).encode("utf-8")
    else:
        data = write_docx(
            assembly.agreement,
            assembly.context,
            assembly.labels,
            template=template or MASTER_TEMPLATE,
        )
    _write_atomically(out, data)
    return assembly.agreement
