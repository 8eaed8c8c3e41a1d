"""Write a commented, valid example deal description for a new agreement."""

from __future__ import annotations

from pathlib import Path

from assembler.errors import OutputExistsError

EXAMPLE_SPEC = Path(__file__).resolve().parent / "data" / "example.spec.yaml"


def example_spec_text() -> str:
    """The commented example deal description shipped with the package."""
    return EXAMPLE_SPEC.read_text(encoding="utf-8")


def write_example_spec(path: Path, *, force: bool = False) -> Path:
    """Write the example to PATH, never over an existing file without force."""
    if path.exists() and not force:
        raise OutputExistsError(f"{path} exists; pass --force to overwrite it")
    path.write_text(example_spec_text(), encoding="utf-8")
    return path
