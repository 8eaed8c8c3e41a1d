"""Measure checker verdicts against a labeled corpus (labels.json, see corpora/README).

Figures: per requirement and status precision/recall/F1, a confusion matrix, the
exact-status accuracy, the met/not-met accuracy, conflict recall, the share of
verdicts whose evidence overlaps the labeled evidence, and error-code accuracy for
files that must not be read.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checkers.document import Document
from checkers.errors import CheckError, ReadError
from checkers.readers import read_document
from checkers.report import STATUSES, Report, Status


class LabelError(CheckError):
    """A labels.json that does not have the documented shape."""


@dataclass(frozen=True, slots=True)
class Label:
    status: Status
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabeledFile:
    path: Path
    language: str
    expected_error: str | None
    requirements: dict[str, Label]
    note: str = ""


def load_labels(path: Path) -> list[LabeledFile]:
    """Every labeled file in a labels.json, or in every labels.json below a folder."""
    files = sorted(path.rglob("labels.json")) if path.is_dir() else [path]
    if not files:
        raise LabelError(f"no labels.json in {path}")
    return [item for labels in files for item in _load_one(labels)]


def _load_one(labels: Path) -> list[LabeledFile]:
    try:
        data = json.loads(labels.read_text(encoding="utf-8"))
        out = []
        for entry in data:
            reqs = {
                rid: Label(status=v["status"], evidence=tuple(v["evidence"]))
                for rid, v in entry["requirements"].items()
            }
            for rid, label in reqs.items():
                if label.status not in STATUSES:
                    raise LabelError(f"{labels}: {entry['file']}: {rid}: bad status")
            out.append(
                LabeledFile(
                    path=labels.parent / entry["file"],
                    language=entry["language"],
                    expected_error=entry["expected_error"],
                    requirements=reqs,
                    note=entry.get("note", ""),
                )
            )
        return out
    except (KeyError, TypeError, ValueError) as exc:
        raise LabelError(f"{labels}: not in the labels.json shape ({exc})") from exc


@dataclass(slots=True)
class Evaluation:
    """Counts gathered over a corpus; the figures are derived from them."""

    confusion: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    overlap_hits: int = 0
    overlap_total: int = 0
    errors_right: int = 0
    errors_total: int = 0
    mistakes: list[str] = field(default_factory=list)

    def add(self, requirement: str, expected: str, predicted: str) -> None:
        self.confusion.setdefault(requirement, Counter())[(expected, predicted)] += 1

    def _pairs(self) -> Iterable[tuple[str, str, int]]:
        for counts in self.confusion.values():
            for (exp, pred), n in counts.items():
                yield exp, pred, n

    @property
    def verdicts(self) -> int:
        return sum(n for _, _, n in self._pairs())

    @property
    def exact_accuracy(self) -> float:
        return _ratio(sum(n for e, p, n in self._pairs() if e == p), self.verdicts)

    @property
    def met_accuracy(self) -> float:
        right = sum(n for e, p, n in self._pairs() if (e == "met") == (p == "met"))
        return _ratio(right, self.verdicts)

    @property
    def conflicts_labelled(self) -> int:
        """How many verdicts are labelled conflict (conflict recall means nothing
        without them)."""
        return sum(n for e, _, n in self._pairs() if e == "conflict")

    @property
    def conflict_recall(self) -> float:
        conflicts = [(p, n) for e, p, n in self._pairs() if e == "conflict"]
        return _ratio(
            sum(n for p, n in conflicts if p == "conflict"),
            sum(n for _, n in conflicts),
        )

    @property
    def evidence_overlap(self) -> float:
        return _ratio(self.overlap_hits, self.overlap_total)

    def per_status(self, requirement: str) -> dict[str, dict[str, float]]:
        counts = self.confusion.get(requirement, Counter())
        out: dict[str, dict[str, float]] = {}
        for status in STATUSES:
            tp = counts[(status, status)]
            predicted = sum(n for (_, p), n in counts.items() if p == status)
            actual = sum(n for (e, _), n in counts.items() if e == status)
            precision, recall = _ratio(tp, predicted), _ratio(tp, actual)
            f1 = _ratio(2 * precision * recall, precision + recall)
            out[status] = {
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "n": actual,
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdicts": self.verdicts,
            "exact_accuracy": round(self.exact_accuracy, 4),
            "met_accuracy": round(self.met_accuracy, 4),
            "conflict_recall": round(self.conflict_recall, 4),
            "conflicts_labelled": self.conflicts_labelled,
            "evidence_overlap": round(self.evidence_overlap, 4),
            "error_files": {"right": self.errors_right, "total": self.errors_total},
            "requirements": {
                rid: {
                    "per_status": self.per_status(rid),
                    "confusion": {
                        f"{e}->{p}": n
                        for (e, p), n in sorted(self.confusion[rid].items())
                    },
                }
                for rid in sorted(self.confusion)
            },
        }


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    spans = []
    for needle in needles:
        at = text.find(needle)
        if at >= 0:
            spans.append((at, at + len(needle)))
    return spans


def evaluate(
    labeled: Iterable[LabeledFile], check: Callable[[Document], Report]
) -> Evaluation:
    """Read and check each labeled file; compare verdicts and evidence to labels."""
    result = Evaluation()
    for item in labeled:
        try:
            doc = read_document(item.path)
        except ReadError as exc:
            if item.expected_error is not None:
                result.errors_total += 1
                result.errors_right += exc.code == item.expected_error
            else:
                result.mistakes.append(f"{item.path.name}: unreadable ({exc.code})")
            continue
        if item.expected_error is not None:
            result.errors_total += 1
            result.mistakes.append(
                f"{item.path.name}: read, expected {item.expected_error}"
            )
            continue
        report = check(doc)
        for rid, label in sorted(item.requirements.items()):
            finding = next((f for f in report.findings if f.requirement == rid), None)
            predicted = finding.status if finding else "missing"
            result.add(rid, label.status, predicted)
            if predicted != label.status:
                result.mistakes.append(
                    f"{item.path.name}: {rid} expected {label.status}, got {predicted}"
                )
            if finding and label.status != "missing" and predicted != "missing":
                gold = _spans(doc.text, label.evidence)
                result.overlap_total += 1
                result.overlap_hits += any(
                    e.start < g_end and g_start < e.end
                    for e in finding.evidence
                    for g_start, g_end in gold
                )
    return result
