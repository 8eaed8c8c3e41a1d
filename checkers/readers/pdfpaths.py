"""A pdfplumber page whose characters come from pdfium and whose vector paths
pdfminer interprets without its text, for pages that may hold a ruled table.

pdfplumber's table finder works on the page's `objects`: lines, rectangles and
curves give the edges, characters the cells' text. Here pdfminer runs the page's
content stream with a device that draws no text (the costly part: a Python object
per character), so the paths are pdfminer's own, made into pdfplumber's
dictionaries by pdfplumber itself, and the characters are pdfium's
(`checkers.readers.pdfium`), already checked to be the same as pdfminer's."""

from __future__ import annotations

from typing import Any

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfplumber.page import Page, PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException


class _PathsOnly(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, drawing no text."""

    def render_string(
        self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any
    ) -> None:
        return None


class PdfiumCharsPage(Page):
    """`page` with `chars` (pdfium's, pdfplumber-shaped) and pdfminer's paths."""

    def __init__(self, page: Page, chars: list[dict[str, Any]]) -> None:
        super().__init__(
            page.pdf,
            page.page_obj,
            page_number=page.page_number,
            initial_doctop=page.initial_doctop,
        )
        self._pdfium_chars = chars

    @property
    def layout(self) -> Any:
        if not hasattr(self, "_paths_layout"):
            device = _PathsOnly(self.pdf.rsrcmgr, pageno=self.page_number)
            interpreter = PDFPageInterpreter(self.pdf.rsrcmgr, device)
            try:
                interpreter.process_page(self.page_obj)
            except Exception as exc:  # noqa: BLE001 - as pdfplumber's own layout
                raise PdfminerException(exc) from exc
            self._paths_layout = device.get_result()
        return self._paths_layout

    @property
    def objects(self) -> dict[str, list[dict[str, Any]]]:
        if not hasattr(self, "_with_chars"):
            found: dict[str, list[dict[str, Any]]] = dict(self.parse_objects())
            found["char"] = self._pdfium_chars
            self._with_chars = found
        return self._with_chars
