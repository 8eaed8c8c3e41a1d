"""Build probe agreements: one short agreement per probe, made from the base
agreement of its language (base_sv.yaml, base_en.yaml, base_da.yaml, where every
requirement is met) and the probe's own sentences, with a labels.json that
`opi eval` reads. Deterministic.

    .venv/bin/python corpora/probes/make_probes.py          # every set in sets/
    .venv/bin/opi eval corpora/probes/a                     # one set

A probe (sets/<set>/*.yaml, a list) is one wording of one form:

    - id: sv-proc-conflict-01
      language: sv
      requirement: procurement_access
      expected: conflict
      mode: add            # add: the base keeps its clause on the requirement
                           # replace: the base section of the requirement is removed
      heading: "5. Upphandling"   # replace only: the heading the probe's own section gets
      form: direct award promised
      sentences:
        - {section: procurement, text: "..."}
      evidence: ["exact substring of a sentence"]   # [] when expected is missing

`section` is a key of the base agreement (roles, results, procurement, value,
other, term, appendix, background). Every other requirement keeps its base
clause and is expected met.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REQUIREMENTS = (
    "role_allocation",
    "result_ownership",
    "procurement_access",
    "added_value",
)
SECTION_OF = {
    "role_allocation": "roles",
    "result_ownership": "results",
    "procurement_access": "procurement",
    "added_value": "value",
}
STATUSES = {"met", "partial", "missing", "conflict"}


class ProbeError(ValueError):
    pass


def load_base(language: str) -> dict:
    return yaml.safe_load((HERE / f"base_{language}.yaml").read_text(encoding="utf-8"))


def check_probe(probe: dict, base: dict, where: str) -> None:
    keys = {s["key"] for s in base["sections"]}
    for field in (
        "id",
        "language",
        "requirement",
        "expected",
        "mode",
        "sentences",
        "evidence",
    ):
        if field not in probe:
            raise ProbeError(f"{where}: probe {probe.get('id', '?')} has no '{field}'")
    if probe["requirement"] not in REQUIREMENTS:
        raise ProbeError(
            f"{where}: {probe['id']}: unknown requirement {probe['requirement']!r}"
        )
    if probe["expected"] not in STATUSES:
        raise ProbeError(
            f"{where}: {probe['id']}: unknown status {probe['expected']!r}"
        )
    if probe["mode"] not in ("add", "replace"):
        raise ProbeError(f"{where}: {probe['id']}: mode must be add or replace")
    for sentence in probe["sentences"]:
        if sentence.get("section") not in keys:
            raise ProbeError(
                f"{where}: {probe['id']}: unknown section {sentence.get('section')!r}"
            )
        if "\n" in sentence["text"]:
            raise ProbeError(f"{where}: {probe['id']}: a sentence holds a line break")
    texts = [s["text"] for s in probe["sentences"]]
    for quote in probe["evidence"]:
        if not any(quote in t for t in texts):
            raise ProbeError(
                f"{where}: {probe['id']}: evidence not in its sentences: {quote[:60]!r}"
            )
    if (probe["expected"] == "missing") != (not probe["evidence"]):
        raise ProbeError(
            f"{where}: {probe['id']}: evidence must be [] exactly when expected is missing"
        )


def render(probe: dict, base: dict) -> str:
    own = SECTION_OF[probe["requirement"]]
    lines = [base["title"], ""]
    for section in base["sections"]:
        key = section["key"]
        replaced = probe["mode"] == "replace" and key == own
        added = [s["text"] for s in probe["sentences"] if s["section"] == key]
        if replaced and not added:
            continue
        heading = (
            probe.get("heading", section["heading"]) if replaced else section["heading"]
        )
        body = ([] if replaced else list(section["paragraphs"])) + added
        lines += [heading, ""]
        for paragraph in body:
            lines += [paragraph, ""]
    return "\n".join(lines)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def build_set(folder: Path) -> int:
    probes = []
    for path in sorted(folder.glob("*.yaml")):
        for probe in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            probes.append((path.name, probe))
    out = HERE / folder.name
    out.mkdir(exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    labels, seen = [], set()
    bases: dict[str, dict] = {}
    for where, probe in probes:
        base = bases.setdefault(probe["language"], load_base(probe["language"]))
        check_probe(probe, base, where)
        name = f"{slug(probe['id'])}.txt"
        if name in seen:
            raise ProbeError(f"{where}: duplicate probe id {probe['id']}")
        seen.add(name)
        (out / name).write_text(render(probe, base), encoding="utf-8")
        requirements = {}
        for rid in REQUIREMENTS:
            if rid == probe["requirement"]:
                requirements[rid] = {
                    "status": probe["expected"],
                    "evidence": probe["evidence"],
                }
            else:
                section = next(
                    s for s in base["sections"] if s["key"] == SECTION_OF[rid]
                )
                requirements[rid] = {
                    "status": "met",
                    "evidence": section["paragraphs"][:1],
                }
        labels.append(
            {
                "file": name,
                "language": probe["language"],
                "expected_error": None,
                "requirements": requirements,
                "note": f"{probe['mode']}: {probe.get('form', '')}",
            }
        )
    (out / "labels.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return len(labels)


def main(argv: list[str]) -> int:
    sets = [HERE / "sets" / name for name in argv] or sorted(
        p for p in (HERE / "sets").iterdir() if p.is_dir()
    )
    for folder in sets:
        try:
            n = build_set(folder)
        except (ProbeError, KeyError, yaml.YAMLError) as exc:
            print(f"{folder}: {exc}", file=sys.stderr)
            return 1
        print(f"{folder.name}: {n} probes -> {HERE / folder.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
