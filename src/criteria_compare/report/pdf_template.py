"""Page layout of the PDF: portrait and landscape templates, header and footer, watermark, outline.

Headings are :class:`Heading` paragraphs; after one is placed the template
adds a bookmark, an outline entry and a table-of-contents entry for it.
"Page x of y" uses the page count of the previous layout pass; the document
is laid out again until the contents and the page count no longer change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.escape import markup
from criteria_compare.report.fonts import BODY_FONT, BOLD_FONT
from criteria_compare.report.pdf_styles import DRAFT_RED, GRID, MUTED

__all__ = ["MARGIN", "Heading", "ReportDocTemplate", "page_size", "report_canvas"]

MARGIN = 18 * mm
_HEADER_Y = 10 * mm  # distance of header/footer baselines from the page edge


def page_size(name: str) -> tuple[float, float]:
    """Portrait page size for "A4" or "letter"."""
    return letter if name.lower() == "letter" else A4


class Heading(Paragraph):
    """A heading that becomes a bookmark, an outline entry and (optionally) a contents line."""

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        *,
        level: int,
        key: str,
        toc: bool = True,
        markup_text: str | None = None,
    ) -> None:
        self.toc_markup = markup_text if markup_text is not None else markup(text)
        super().__init__(self.toc_markup, style)
        self.outline_text = text
        self.outline_level = level
        self.outline_key = key
        self.in_toc = toc


class ReportDocTemplate(BaseDocTemplate):
    """The report's document: portrait and landscape page templates with the running marks."""

    def __init__(
        self,
        filename: str,
        *,
        size: tuple[float, float],
        title: str,
        marking: str,
        draft: bool,
        footer_left: str,
        author: str = "",
        subject: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> None:
        super().__init__(
            filename,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN + 2 * mm,
            title=title,
            author=author,
            subject=subject,
            creator="criteria-compare",
            initialFontName=BODY_FONT,
            initialFontSize=9,
        )
        self.report_title = title
        self.marking = marking
        self.draft = draft
        self.footer_left = footer_left
        self._progress = progress
        self._cancel = cancel
        self._story_length = 1
        self._pass = 0
        self._placed = 0
        self._keys: set[str] = set()
        self._page_totals: list[int] = []
        portrait = size
        wide = landscape(size)
        self.addPageTemplates(
            [
                self._template("portrait", portrait),
                self._template("landscape", wide),
            ]
        )

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        width, height = size
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            width - self.leftMargin - self.rightMargin,
            height - self.topMargin - self.bottomMargin,
            id=f"{name}-frame",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return PageTemplate(
            id=name,
            frames=[frame],
            onPage=self._draw_running_marks,
            onPageEnd=self._draw_watermark,
            pagesize=size,
        )

    # -- running marks ------------------------------------------------------------------------

    def _draw_running_marks(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = canvas._pagesize
        canvas.saveState()
        top = height - _HEADER_Y - 2 * mm
        bottom = _HEADER_Y
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2.5 * mm, width - MARGIN, top - 2.5 * mm)
        canvas.line(MARGIN, bottom + 4 * mm, width - MARGIN, bottom + 4 * mm)
        room = width / 2 - MARGIN - 12
        if self.marking:
            room -= min(stringWidth(self.marking, BOLD_FONT, 8.5), width / 3) / 2
        canvas.setFillColor(MUTED)
        canvas.setFont(BODY_FONT, 7.5)
        canvas.drawString(MARGIN, top, _fit(self.report_title, room))
        canvas.drawString(MARGIN, bottom, _fit(self.footer_left, room))
        if self.draft:
            canvas.setFillColor(DRAFT_RED)
            canvas.setFont(BOLD_FONT, 7.5)
            canvas.drawRightString(width - MARGIN, top, "DRAFT")
        if self.marking:
            canvas.setFillColor(DRAFT_RED)
            canvas.setFont(BOLD_FONT, 8.5)
            mark = _fit(self.marking, width / 3, BOLD_FONT, 8.5)
            canvas.drawCentredString(width / 2, top, mark)
            canvas.drawCentredString(width / 2, bottom, mark)
        canvas.setFillColor(MUTED)
        canvas.setFont(BODY_FONT, 7.5)
        number = canvas.getPageNumber()
        total = self._page_totals[-1] if self._page_totals else None
        canvas.drawRightString(
            width - MARGIN, bottom, f"Page {number} of {total}" if total else f"Page {number}"
        )
        canvas.restoreState()

    def _draw_watermark(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if not self.draft:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillColor(DRAFT_RED)
        canvas.setFillAlpha(0.09)
        canvas.setFont(BOLD_FONT, 120)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(35)
        canvas.drawCentredString(0, -40, "DRAFT")
        canvas.restoreState()

    # -- outline, contents, progress -------------------------------------------------------

    def build_report(self, story: list[Flowable], canvasmaker: Callable[..., Canvas]) -> None:
        """Lay out ``story`` (as many passes as the contents need), reporting progress."""
        self._story_length = max(1, len(story))
        self.multiBuild(story, canvasmaker=canvasmaker, maxPasses=6)

    def _endBuild(self) -> None:
        super()._endBuild()
        self._page_totals.append(self.canv.getPageNumber() - 1)

    def _allSatisfied(self) -> bool:
        """Done when the contents are resolved and the page count matches the previous pass."""
        stable = len(self._page_totals) >= 2 and self._page_totals[-1] == self._page_totals[-2]
        return bool(super()._allSatisfied()) and stable

    @property
    def page_count(self) -> int:
        """Pages of the last layout pass."""
        return self._page_totals[-1] if self._page_totals else 0

    def handle_documentBegin(self) -> None:
        self._pass += 1
        self._placed = 0
        self._keys.clear()
        super().handle_documentBegin()

    def afterFlowable(self, flowable: Flowable) -> None:
        self._placed += 1
        if self._placed % 20 == 0:
            check_cancel(self._cancel)
            if self._progress is not None:
                total = 2 * self._story_length
                done = min(total - 1, (min(self._pass, 2) - 1) * self._story_length + self._placed)
                self._progress(done, total, "Laying out pages")
        if isinstance(flowable, Heading) and flowable.outline_key not in self._keys:
            self._keys.add(flowable.outline_key)
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(
                flowable.outline_text,
                flowable.outline_key,
                level=flowable.outline_level,
                closed=flowable.outline_level > 0,
            )
            if flowable.in_toc:
                self.notify(
                    "TOCEntry",
                    (
                        flowable.outline_level,
                        flowable.outline_text,
                        self.page,
                        flowable.outline_key,
                    ),
                )


def _fit(text: str, room: float, font: str = BODY_FONT, size: float = 7.5) -> str:
    """``text`` on one line, cut with an ellipsis to fit ``room`` points."""
    text = " ".join(text.split())
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def report_canvas(font: str = BODY_FONT) -> type[Canvas]:
    """A canvas class that starts every page in the embedded font (no unembedded Helvetica use)."""

    class ReportCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = font
            if not kwargs.get("initialFontSize"):
                kwargs["initialFontSize"] = 9
            super().__init__(*args, **kwargs)

    return ReportCanvas
