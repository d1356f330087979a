"""Page layout of the PDF: portrait and landscape templates, header and footer, watermark, outline.

Headings are :class:`Heading` paragraphs; after one is placed the template
adds a bookmark, an outline entry and a table-of-contents entry for it.
The document is laid out once: "Page x of y" and the contents' page numbers
are PDF forms placed during layout and filled in when the page count and the
headings' pages are known, just before the file is saved.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.paragraph import ParagraphStyle

from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.fonts import BODY_FONT, BOLD_FONT, FontChooser, font_runs
from criteria_compare.report.pdf_styles import DRAFT_RED, GRID, MUTED

__all__ = [
    "MARGIN",
    "ContentsLine",
    "Heading",
    "ReportDocTemplate",
    "contents_form",
    "fit_runs",
    "page_size",
    "report_canvas",
    "shortened",
    "shortened_names",
]

MARGIN = 18 * mm
_HEADER_Y = 10 * mm  # distance of header/footer baselines from the page edge


def page_size(name: str) -> tuple[float, float]:
    """Portrait page size for "A4" or "letter"."""
    size: tuple[float, float] = letter if name.lower() == "letter" else A4
    return size


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
        self.toc_markup = markup_text if markup_text is not None else escaped_markup(text)
        super().__init__(self.toc_markup, style)
        self.outline_text = text
        self.outline_level = level
        self.outline_key = key
        self.in_toc = toc

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Never split: a heading that does not fit moves whole to the next page (headings
        are kept short enough to fit one; reportlab would rebuild the halves as Headings
        with Paragraph's own arguments, which this class does not take)."""
        return []


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
        footer_left: RunningLine,
        header: RunningLine | None = None,
        author: str = "",
        subject: str = "",
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
        fonts: FontChooser | None = None,
        lang: str = "en",
        draft_word: str = "DRAFT",
        page_label: str = "Page {page} of {total}",
        keywords: str = "",
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
            keywords=keywords,
            lang=lang,
            initialFontName=BODY_FONT,
            initialFontSize=9,
        )
        self.header: RunningLine = header if header is not None else title
        self.marking = marking
        self.draft = draft
        self.footer_left = footer_left
        self.fonts = fonts or FontChooser()  # picks a font per run of the running marks
        self.draft_word = draft_word
        self.page_label = page_label
        self._progress = progress
        self._cancel = cancel
        self._story_length = 1
        self._placed = 0
        self._keys: set[str] = set()
        self._heading_pages: dict[str, int] = {}
        self._contents_forms: dict[str, tuple[str, float, Any]] = {}
        self.page_count = 0
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
        fonts = self.fonts
        mark: list[tuple[str, str]] = []
        if self.marking:
            mark = fit_runs(self.marking, width / 3, BOLD_FONT, 8.5, fonts)
            room -= _runs_width(mark, 8.5) / 2
        canvas.setFillColor(MUTED)
        _draw_runs(canvas, MARGIN, top, _line_runs(self.header, room, fonts), 7.5)
        _draw_runs(canvas, MARGIN, bottom, _line_runs(self.footer_left, room, fonts), 7.5)
        if self.draft:
            canvas.setFillColor(DRAFT_RED)
            canvas.setFont(BOLD_FONT, 7.5)
            canvas.drawRightString(width - MARGIN, top, self.draft_word)
        if mark:
            canvas.setFillColor(DRAFT_RED)
            start = width / 2 - _runs_width(mark, 8.5) / 2
            _draw_runs(canvas, start, top, mark, 8.5)
            _draw_runs(canvas, start, bottom, mark, 8.5)
        # "Page x of y": y is known only at the end, so the text is a form filled in then.
        canvas.saveState()
        canvas.translate(width - MARGIN, bottom)
        canvas.doForm(_page_form(canvas.getPageNumber()))
        canvas.restoreState()
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
        # As large as 120 pt, but the whole word stays on the page along its 35° slant.
        room = 0.85 * min(width / math.cos(math.radians(35)), height / math.sin(math.radians(35)))
        size = min(120.0, room / max(1.0, _word_em(self.draft_word)))
        canvas.setFont(BOLD_FONT, size)
        canvas.drawCentredString(0, -size / 3, self.draft_word)
        canvas.restoreState()

    # -- outline, contents, progress -------------------------------------------------------

    def build_report(self, story: list[Flowable], canvasmaker: Callable[..., Canvas]) -> None:
        """Lay out ``story`` in one pass; page numbers that depend on the end are forms."""
        self._story_length = max(1, len(story))
        self.build(story, canvasmaker=canvasmaker)

    def handle_documentBegin(self) -> None:
        self._placed = 0
        self._keys.clear()
        self._heading_pages.clear()
        super().handle_documentBegin()
        self.canv.showOutline()  # open with the bookmarks panel visible
        self.canv.before_save = self._define_forms

    def _define_forms(self, canvas: Canvas) -> None:
        """Fill in the forms placed during layout: "Page x of y" and the contents' page numbers."""
        total = canvas.getPageNumber() - 1
        for number in range(1, total + 1):
            label = self.page_label.format(page=number, total=total)
            _right_aligned_form(canvas, _page_form(number), label, 7.5, MUTED)
        for key, (font, size, colour) in self._contents_forms.items():
            page = self._heading_pages.get(key)
            _right_aligned_form(
                canvas, contents_form(key), str(page) if page else "–", size, colour, font
            )
        self.page_count = total

    def register_contents_form(self, key: str, font: str, size: float, colour: Any) -> None:
        """A contents line will show the page of the heading ``key`` (filled in at the end)."""
        self._contents_forms[key] = (font, size, colour)

    def afterFlowable(self, flowable: Flowable) -> None:
        self._placed += 1
        if self._placed % 20 == 0:
            check_cancel(self._cancel)
            if self._progress is not None:
                total = self._story_length
                self._progress(min(total - 1, self._placed), total, "Laying out pages")
        if isinstance(flowable, Heading) and flowable.outline_key not in self._keys:
            self._keys.add(flowable.outline_key)
            self._heading_pages[flowable.outline_key] = self.page
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(
                flowable.outline_text,
                flowable.outline_key,
                level=flowable.outline_level,
                closed=flowable.outline_level > 0,
            )


def _runs_width(runs: list[tuple[str, str]], size: float) -> float:
    return float(sum(stringWidth(chunk, font, size) for chunk, font in runs))


def _word_em(word: str) -> float:
    """Width of ``word`` in the bold font at size 1 (for sizing the watermark to the page)."""
    return float(stringWidth(word, BOLD_FONT, 1))


def shortened(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` made to fit one line by rule, never cutting a word.

    In turn: the text as it is; without parenthesised asides; the part before
    the first colon (a title's main clause); then whole words from the start
    with an ellipsis. Only a single word longer than the line is cut inside.
    """
    text = " ".join(text.split())
    if fits(text):
        return text
    candidates = []
    plain = " ".join(re.sub(r"\s*\([^()]*\)|\s+[–—]\s+[^:/]*", "", text).split())
    if plain and plain != text:
        candidates.append(plain)
    for base in (plain or text, text):
        if ":" in base:
            head = base.split(":", 1)[0].strip()
            if head:
                candidates.append(head)
    for candidate in candidates:
        if fits(candidate):
            return candidate
    words = (plain or text).split(" ")
    for count in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:count]).rstrip(" ,;:–—-/·") + "…"
        if fits(candidate):
            return candidate
    word = words[0]
    while len(word) > 1 and not fits(word + "…"):
        word = word[:-1]
    return word + "…"


def shortened_names(prefix: str, names: tuple[str, str], fits: Callable[[str], bool]) -> str:
    """``prefix`` + "A / B" made to fit by rule, keeping both names and never cutting a word.

    Each name first loses its asides (parentheses, a dash clause); then the
    longer name loses words from its end (marked "…") until the line fits.
    """

    def line(a: str, b: str) -> str:
        return f"{prefix}{a} / {b}"

    a, b = (" ".join(n.split()) for n in names)
    if fits(line(a, b)):
        return line(a, b)
    a, b = (" ".join(re.sub(r"\s*\([^()]*\)|\s+[–—-]\s+.*", "", n).split()) or n for n in (a, b))
    wa, wb = a.split(" "), b.split(" ")
    ca, cb = len(wa), len(wb)
    while True:
        sa = " ".join(wa[:ca]) + ("…" if ca < len(wa) else "")
        sb = " ".join(wb[:cb]) + ("…" if cb < len(wb) else "")
        if fits(line(sa, sb)) or (ca == 1 and cb == 1):
            return line(sa, sb)
        if (ca >= cb and ca > 1) or cb == 1:
            ca -= 1
        else:
            cb -= 1


#: A running line: plain text, or a prefix and the two program names (shortened together).
RunningLine = str | tuple[str, tuple[str, str]]


def _line_runs(line: RunningLine, room: float, fonts: FontChooser) -> list[tuple[str, str]]:
    if isinstance(line, str):
        return fit_runs(line, room, BODY_FONT, 7.5, fonts)
    prefix, names = line

    def fits(candidate: str) -> bool:
        return _runs_width(font_runs(candidate, BODY_FONT, fonts), 7.5) <= room

    return font_runs(shortened_names(prefix, names, fits), BODY_FONT, fonts)


def fit_runs(
    text: str, room: float, latin: str, size: float, fonts: FontChooser | None = None
) -> list[tuple[str, str]]:
    """``text`` on one line as font runs, shortened by :func:`shortened` to fit ``room``."""
    chooser = fonts or FontChooser()

    def fits(candidate: str) -> bool:
        return _runs_width(font_runs(candidate, latin, chooser), size) <= room

    return font_runs(shortened(text, fits), latin, chooser)


def _draw_runs(
    canvas: Canvas, x: float, y: float, runs: list[tuple[str, str]], size: float
) -> None:
    for chunk, font in runs:
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += stringWidth(chunk, font, size)


def _form_name(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text)


def _page_form(number: int) -> str:
    return f"pageof{number}"


def contents_form(key: str) -> str:
    """Name of the form that shows the page number of heading ``key``."""
    return f"toc_{_form_name(key)}"


def _right_aligned_form(
    canvas: Canvas, name: str, text: str, size: float, colour: Any, font: str = BODY_FONT
) -> None:
    width = stringWidth(text, font, size)
    canvas.beginForm(name, lowerx=-width - 2, lowery=-size, upperx=2, uppery=size * 1.5)
    canvas.setFont(font, size)
    canvas.setFillColor(colour)
    canvas.drawRightString(0, 0, text)
    canvas.endForm()


def report_canvas(font: str = BODY_FONT) -> type[Canvas]:
    """A canvas class that starts every page in the embedded font (no unembedded Helvetica use)."""

    class ReportCanvas(Canvas):
        before_save: Callable[[Canvas], None] | None = None

        def save(self) -> None:
            if self.before_save is not None:
                self.before_save(self)
            super().save()

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not kwargs.get("initialFontName"):
                kwargs["initialFontName"] = font
            if not kwargs.get("initialFontSize"):
                kwargs["initialFontSize"] = 9
            super().__init__(*args, **kwargs)

    return ReportCanvas


class ContentsLine(Flowable):
    """One line of the table of contents: the heading, a dotted leader, and its page number."""

    _NUMBER_ROOM = 30.0

    def __init__(self, markup_text: str, plain: str, style: ParagraphStyle, key: str) -> None:
        super().__init__()
        self.paragraph = Paragraph(markup_text, style)
        self.plain = " ".join(plain.split())
        self.style = style
        self.key = key

    def getSpaceBefore(self) -> float:
        return float(self.style.spaceBefore)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        _, self.height = self.paragraph.wrap(availWidth - self._NUMBER_ROOM, availHeight)
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        doc = getattr(canvas, "_doctemplate", None)
        style = self.style
        self.paragraph.drawOn(canvas, 0, 0)
        lines = self.paragraph.blPara.lines if hasattr(self.paragraph, "blPara") else []
        baseline = self.height - style.fontSize * 0.95 - (max(1, len(lines)) - 1) * style.leading
        if len(lines) <= 1:
            start = style.leftIndent + stringWidth(self.plain, style.fontName, style.fontSize) + 4
            end = self.width - self._NUMBER_ROOM + 2
            if end > start:
                canvas.saveState()
                canvas.setStrokeColor(GRID)
                canvas.setLineWidth(0.8)
                canvas.setDash(0.8, 2.6)
                canvas.line(start, baseline + 1, end, baseline + 1)
                canvas.restoreState()
        if doc is not None:
            doc.register_contents_form(self.key, style.fontName, style.fontSize, style.textColor)
        canvas.saveState()
        canvas.translate(self.width, baseline)
        canvas.doForm(contents_form(self.key))
        canvas.restoreState()
