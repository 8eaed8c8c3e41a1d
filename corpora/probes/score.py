"""Score probe sets on the requirement each probe is about, by form:
M met (the probe alone meets it), P partial, X missing (a distractor),
C conflict (added to an agreement that otherwise meets it), N met (a near-miss
added: it looks like a conflict and is not).

    .venv/bin/python corpora/probes/score.py a            # the table
    .venv/bin/python corpora/probes/score.py a --list     # and every miss

`opi eval corpora/probes/a` gives the usual figures over all four requirements
(the three the probe leaves alone are labeled met).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from make_probes import slug  # noqa: E402

import checkers  # noqa: E402

FORMS = "MPXCN"


def main(argv: list[str]) -> int:
    name, show = argv[0], "--list" in argv
    probes = []
    for path in sorted((HERE / "sets" / name).glob("*.yaml")):
        probes += yaml.safe_load(path.read_text(encoding="utf-8"))
    table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    for probe in probes:
        report = checkers.check(HERE / name / f"{slug(probe['id'])}.txt")
        got = report.finding(probe["requirement"]).status
        cell = table[(probe["requirement"], probe["id"].split("-")[2])]
        cell[1] += 1
        if got == probe["expected"]:
            cell[0] += 1
        else:
            misses.append(f"{probe['id']}: expected {probe['expected']}, got {got}")
    right = sum(c[0] for c in table.values())
    total = sum(c[1] for c in table.values())
    print(f"{name}: {right}/{total} = {right / total:.3f} on the probed requirement")
    print("requirement".ljust(20) + "".join(f.rjust(8) for f in FORMS))
    for requirement in sorted({r for r, _ in table}):
        cells = [table.get((requirement, f)) for f in FORMS]
        print(
            requirement.ljust(20)
            + "".join((f"{c[0]}/{c[1]}" if c else "-").rjust(8) for c in cells)
        )
    if show:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
