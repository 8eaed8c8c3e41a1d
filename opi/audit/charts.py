"""Inline SVG charts of an audit, drawn with matplotlib (imported lazily).

Deterministic: a fixed svg.hashsalt, text kept as text, no date in the metadata, so
two reports of the same results are byte-identical."""

from __future__ import annotations

import hashlib
import io
import json
import threading
from collections.abc import Callable
from importlib.metadata import version
from typing import Any, Protocol

COLOURS = {
    "met": "#2e7d32",
    "partial": "#f9a825",
    "missing": "#c62828",
    "conflict": "#6a1b9a",
    "compliant": "#2e7d32",
    "non_compliant": "#c62828",
    "error": "#616161",
}
STYLE: Any = {  # matplotlib types the keys as literals
    "svg.hashsalt": "opi-audit",
    "svg.fonttype": "none",
    "font.size": 9,
    "font.family": "DejaVu Sans",
}


# matplotlib's rcParams are global: one drawing at a time (see warm_up).
_DRAWING = threading.Lock()


class SvgCache(Protocol):
    """Where drawn charts are kept, so that an unchanged audit skips matplotlib."""

    def get_svg(self, key: str) -> str | None: ...

    def put_svg(self, key: str, svg: str) -> None: ...


def cached(
    cache: SvgCache | None, kind: str, data: Any, draw: Callable[[], str]
) -> str:
    """The chart of `kind` over `data` from the cache, else drawn and kept."""
    if cache is None:
        return draw()
    key = hashlib.sha256(
        json.dumps([kind, data, version("matplotlib")], sort_keys=True).encode()
    ).hexdigest()
    svg = cache.get_svg(key)
    if svg is None:
        svg = draw()
        cache.put_svg(key, svg)
    return svg


def warm_up() -> None:
    """Import matplotlib and load its fonts (about a second), so that the charts
    after a batch do not wait for it; run in a thread while the workers start."""
    status_chart({"compliant": 1}, {"compliant": "-"})


def status_chart(overall: dict[str, int], labels: dict[str, str]) -> str:
    """Bars of compliant, non-compliant and unreadable documents."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with _DRAWING, matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(5, 1.8))
        ax = fig.subplots()
        names = list(overall)
        ax.barh(
            [labels[n] for n in names],
            [overall[n] for n in names],
            color=[COLOURS[n] for n in names],
        )
        for y, name in enumerate(names):
            ax.text(overall[name], y, f" {overall[name]}", va="center")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.invert_yaxis()
        _tidy(ax)
        return _svg(fig)


def coverage_chart(
    requirements: dict[str, dict[str, int]], titles: dict[str, str]
) -> str:
    """Per requirement, the share of readable documents in each status."""
    import matplotlib
    from matplotlib.figure import Figure

    with _DRAWING, matplotlib.rc_context(STYLE):
        height = 0.6 + 0.45 * max(len(requirements), 1)
        fig = Figure(figsize=(7, height))
        ax = fig.subplots()
        names = [titles.get(r, r) for r in requirements]
        left = [0.0] * len(requirements)
        for status in ("met", "partial", "missing", "conflict"):
            shares = [
                100 * c[status] / (sum(c.values()) or 1) for c in requirements.values()
            ]
            ax.barh(names, shares, left=left, color=COLOURS[status], label=status)
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_xlim(0, 100)
        ax.set_xlabel("% av läsbara avtal / % of readable agreements")
        ax.invert_yaxis()
        ax.legend(ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
        _tidy(ax)
        return _svg(fig)


def _tidy(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _svg(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]
