"""Map fields of a YAML deal description to line numbers, for error messages."""

from __future__ import annotations

from dataclasses import dataclass

import yaml
from pydantic import ValidationError

from assembler.errors import SpecIssue

Path = tuple[str | int, ...]
MESSAGES = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field; check the spelling or remove it",
}


@dataclass(frozen=True, slots=True)
class LineMap:
    """The 1-based line of every mapping key and sequence item in a YAML file."""

    lines: dict[Path, int]

    def line(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor present in the file."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return None

    def issue(self, path: Path, message: str) -> SpecIssue:
        return SpecIssue(field_name(path), message, self.line(path))


def field_name(path: Path) -> str:
    """('suppliers', 1, 'org_number') -> 'suppliers[1].org_number'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else part
    return text or "<root>"


def line_map(root: yaml.Node | None) -> LineMap:
    """Walk the composed YAML nodes, recording where each field starts."""
    lines: dict[Path, int] = {}

    def walk(node: yaml.Node, path: Path) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = (*path, str(key.value))
                lines[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = (*path, index)
                lines[child] = item.start_mark.line + 1
                walk(item, child)

    if root is not None:
        lines[()] = root.start_mark.line + 1
        walk(root, ())
    return LineMap(lines)


def issues_from_validation(exc: ValidationError, lines: LineMap) -> list[SpecIssue]:
    """One SpecIssue per pydantic error, with our wording for the common ones."""
    errors = exc.errors()
    paths = [tuple(error["loc"]) for error in errors]
    issues = []
    for error in errors:
        path: Path = tuple(error["loc"])
        if error["type"] == "too_short" and any(
            len(other) > len(path) and other[: len(path)] == path for other in paths
        ):
            continue  # a follow-on of an error inside the list, already reported
        message = MESSAGES.get(error["type"], error["msg"])
        if error["type"].startswith("value_error"):
            message = message.removeprefix("Value error, ")
        issues.append(lines.issue(path, message))
    return issues


def yaml_issue(exc: yaml.YAMLError) -> SpecIssue:
    """A YAML syntax error as an issue at its line."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    return SpecIssue("<yaml>", f"not valid YAML: {problem}", line)
