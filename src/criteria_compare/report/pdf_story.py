"""The PDF report's content as platypus flowables: the builder the report's sections share.

:class:`StoryBuilder` holds what every section needs (the data, options,
styles, translator and fonts, and the paragraph, table and heading helpers)
and puts the sections together in order; each section is a function of the
builder in its own module (``pdf_cover``, ``pdf_findings``, ``pdf_summary``,
``pdf_register``, ``pdf_consensus``, ``pdf_side_by_side``, ``pdf_partner_only``,
``pdf_method``, ``pdf_changes``, ``pdf_annex``).

Every word the report prints comes from the language's catalogue (``self.t``);
criteria, notes and guidance print as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import ParagraphStyle

from criteria_compare.model import Criterion, Status
from criteria_compare.report.data import ReferenceRow, ReportData
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.fonts import BODY_FONT, FontChooser, has_cjk
from criteria_compare.report.i18n import Translator, translator
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_annex import technical_annex
from criteria_compare.report.pdf_changes import changes_appendix
from criteria_compare.report.pdf_consensus import consensus_section
from criteria_compare.report.pdf_cover import cover_page
from criteria_compare.report.pdf_findings import key_findings
from criteria_compare.report.pdf_method import method_section
from criteria_compare.report.pdf_partner_only import partner_only_section
from criteria_compare.report.pdf_register import discussion_points, gap_register
from criteria_compare.report.pdf_side_by_side import side_by_side
from criteria_compare.report.pdf_styles import (
    GRID,
    HEADER_BG,
    KEEP_WHOLE_ROWS,
    ORPHAN_ROWS,
    ZEBRA,
    Styles,
    kept_rows,
)
from criteria_compare.report.pdf_summary import executive_summary
from criteria_compare.report.pdf_template import MARGIN, ContentsLine, Heading

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "StoryBuilder", "section_titles"]

#: Long tables are cut into blocks of this many rows (see StoryBuilder.chunked_table).
_CHUNK_ROWS = 400

#: A table row may split across pages, but each part keeps at least this height (points).
_MIN_SPLIT = 24
#: ... and the part carried over to the next page at least this height (about three lines).
_MIN_REST = 32

#: Top-level sections, in order (the outline and the contents list these); catalogue keys.
SECTION_KEYS = (
    "section.summary",
    "section.discussion",
    "section.register",
    "section.side_by_side",
    "section.partner_only",
    "section.method",
)


def section_titles(language: str = "en") -> tuple[str, ...]:
    """The top-level section titles in ``language``, in order."""
    t = translator(language)
    return tuple(t(key) for key in SECTION_KEYS)


#: The top-level section titles in English.
SECTION_TITLES = section_titles("en")


class StoryBuilder:
    """Turns a :class:`ReportData` into the list of flowables of the whole report."""

    def __init__(
        self, data: ReportData, options: ReportOptions, styles: Styles, size: tuple[float, float]
    ) -> None:
        self.data = data
        self.options = options
        self.s = styles
        self.t: Translator = translator(options.language)
        self.fonts = FontChooser()
        self.width = size[0] - 2 * MARGIN
        self.wide = size[1] - 2 * MARGIN
        self._cjk_styles: dict[str, ParagraphStyle] = {}

    # -- helpers ------------------------------------------------------------------------------

    def escaped_paragraph(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user-supplied text: tidied, escaped, each run in a font that has it."""
        style = style or self.s.body
        marked = self.fonts.escaped_markup(text)
        if "<font face=" in marked and has_cjk(text):
            style = self._cjk(style)
        return CachedParagraph(marked, style)

    def markup_paragraph(self, marked: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of our own markup (user strings inside must already be escaped)."""
        return CachedParagraph(marked, style or self.s.body)

    def escaped_markup(self, text: str) -> str:
        """``text`` escaped into paragraph markup, each run in a font that has its glyphs."""
        return self.fonts.escaped_markup(text)

    def _cjk(self, style: ParagraphStyle) -> ParagraphStyle:
        cached = self._cjk_styles.get(style.name)
        if cached is None:
            cached = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
            self._cjk_styles[style.name] = cached
        return cached

    def heading(
        self, key: str, style: ParagraphStyle, *, level: int, toc: bool = True, **fields: object
    ) -> Heading:
        """A heading whose words come from the catalogue (``fields`` are plain text)."""
        text = self.t(key, **fields)
        return Heading(text, style, level=level, key=key, toc=toc)

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        zebra: bool = True,
        extra: Sequence[tuple[Any, ...]] = (),
        header_rows: int = 1,
        keep: bool = False,
    ) -> Table:
        """A report table with its header repeated on every page it runs onto.

        A tall row may be cut across a page break; with ``keep`` the table splits
        only between rows and follows the orphan and widow rule of :func:`kept_rows`
        (a short table stays whole).
        """
        table = _SplittingTable(
            rows,
            colWidths=list(widths),
            repeatRows=header_rows,
            splitByRow=1 if keep else 0,
            splitInRow=0 if keep else _MIN_SPLIT,
            hAlign="LEFT",
        )
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), BODY_FONT, 8),  # tables default to (unembedded) Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
        if zebra and len(rows) > header_rows:
            commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
        commands.extend(extra)
        if keep:
            commands.extend(kept_rows(len(rows) - header_rows, header_rows))
        table.setStyle(TableStyle(commands))
        return table

    def kept_block(self, heading: Heading, table: Table, header_rows: int = 1) -> list[Flowable]:
        """A heading and its kept table (see :meth:`table`), moved on together when the page
        has no room for the heading and the table's first part (all of a short table, else
        the header and the first rows the orphan rule asks for)."""
        _, height = heading.wrap(self.width, self.wide)
        height += heading.getSpaceBefore() + heading.getSpaceAfter()
        table.wrap(self.width, self.wide)
        if max(table._rowHeights) > 0.5 * self.wide:
            table.splitInRow = _MIN_SPLIT  # a row this tall could never be printed whole
        body = len(table._rowHeights) - header_rows
        first = body if body <= KEEP_WHOLE_ROWS else ORPHAN_ROWS
        need = height + sum(table._rowHeights[: header_rows + first]) + 4
        # A part that could never fit a page leaves the table to split where it must.
        return [CondPageBreak(need if need < 0.8 * self.wide else 100), heading, table]

    def h2(self, heading: Heading) -> list[Flowable]:
        """A sub-heading that never ends a page: it moves on when less than ~7 lines are left."""
        return [CondPageBreak(100), heading]

    def chunked_table(
        self, rows: list[list[Any]], widths: Sequence[float], extra: Sequence[tuple[Any, ...]]
    ) -> list[Table]:
        """One table per block of rows (each with the header), so very long lists stay fast.

        reportlab re-measures the rest of a table at every page break; blocks of
        ``_CHUNK_ROWS`` keep that linear. ``extra`` holds per-row commands on row
        indexes of ``rows`` (header = 0).
        """
        header, body = rows[0], rows[1:]
        if len(body) <= _CHUNK_ROWS:
            return [self.table(rows, widths, extra=extra)]
        tables = []
        for start in range(0, len(body), _CHUNK_ROWS):
            stop = min(len(body), start + _CHUNK_ROWS)
            shifted = [
                (cmd[0], (cmd[1][0], cmd[1][1] - start), (cmd[2][0], cmd[2][1] - start), *cmd[3:])
                for cmd in extra
                if start < cmd[1][1] <= stop
            ]
            tables.append(self.table([header, *body[start:stop]], widths, extra=shifted))
        return tables

    def head(self, *titles: str) -> list[Paragraph]:
        """Header cells: catalogue words or user text (program names), escaped."""
        return [self.markup_paragraph(self.escaped_markup(t), self.s.head) for t in titles]

    def ref_paragraph(self, ref: str, style: ParagraphStyle) -> Paragraph:
        """The ref cell's paragraph; it tells a split row's second half which criterion continues."""
        paragraph = self.escaped_paragraph(ref, style)
        paragraph.continued = self.markup_paragraph(
            self.t("cell.continued", ref=self.escaped_markup(ref)), self.s.cell_muted
        )
        return paragraph

    def cols(self, total: float, *fractions: float) -> list[float]:
        return [total * f for f in fractions]

    def status_cell(self, row: ReferenceRow) -> list[Flowable]:
        t = self.t
        cell: list[Flowable] = [
            self.markup_paragraph(f"<b>{escaped_markup(t.status(row.status))}</b>", self.s.cell)
        ]
        if row.discussion:
            cell.append(self.markup_paragraph(t("cell.discussion_point"), self.s.cell_muted))
        if row.suspect:
            cell.append(self.markup_paragraph(t("cell.text_changed"), self.s.cell_muted))
        return cell

    def guidance(self, criterion: Criterion) -> list[Flowable]:
        """The partner's own guidance under its criterion, in smaller type (when asked for)."""
        text = criterion.guidance.strip()
        if not text or not self.options.guidance:
            return []
        label = escaped_markup(self.t("cell.guidance"))
        return [
            self.markup_paragraph(
                f"<i>{label}</i> {self.escaped_markup(text)}",
                self._cjk(self.s.guidance) if has_cjk(text) else self.s.guidance,
            )
        ]

    def partner_cell(self, row: ReferenceRow, *, with_guidance: bool = True) -> list[Flowable]:
        """The linked partner criteria of ``row``: ref, relation, text and (optionally) guidance."""
        s, t = self.s, self.t
        cell: list[Flowable] = []
        for link in row.links:
            cell.append(
                self.markup_paragraph(
                    f"<b>{self.escaped_markup(link.criterion.ref)}</b>  "
                    f"<font color='#5B6573'>{escaped_markup(t.relation(link.relation))}</font>",
                    s.cell,
                )
            )
            cell.append(self.escaped_paragraph(link.criterion.text, s.cell))
            if with_guidance:
                cell += self.guidance(link.criterion)
            cell.append(Spacer(1, 4))
        if cell:
            cell.pop()
        else:
            key = "cell.not_linked_yet" if row.status is Status.UNREVIEWED else "cell.no_link"
            cell.append(self.markup_paragraph(escaped_markup(t(key)), s.cell_muted))
        return cell

    # -- the story -----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += cover_page(self)
        story += key_findings(self)
        story += self.contents()
        story += executive_summary(self)
        story += discussion_points(self)
        story += consensus_section(self)
        story += gap_register(self)
        story += side_by_side(self)
        story += partner_only_section(self)
        story += method_section(self)
        story += changes_appendix(self)
        if self.options.annex:
            story += technical_annex(self)
        # The contents lists every heading; their page numbers are filled in after layout.
        at = next(i for i, f in enumerate(story) if isinstance(f, _ContentsPlaceholder))
        story[at : at + 1] = self.contents_lines(story)
        return story

    def box(self, markup: str, tint: Any, edge: Any, style: ParagraphStyle | None = None) -> Table:
        """A tinted box with a coloured edge (the cover's status, the findings' draft note)."""
        box = Table(
            [[self.markup_paragraph(markup, style or self.s.status_box)]],
            colWidths=[self.width],
            hAlign="LEFT",
        )
        box.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), BODY_FONT, 8),
                    ("BACKGROUND", (0, 0), (-1, -1), tint),
                    ("LINEBEFORE", (0, 0), (0, -1), 4, edge),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 9),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        return box

    def contents(self) -> list[Flowable]:
        return [
            Heading(self.t("section.contents"), self.s.h1, level=0, key="contents", toc=False),
            _ContentsPlaceholder(),
            PageBreak(),
        ]

    def contents_lines(self, story: Sequence[Flowable]) -> list[Flowable]:
        """One line per heading that belongs in the contents, in story order."""
        styles = [self.s.toc1, self.s.toc2]
        return [
            ContentsLine(
                h.toc_markup, h.outline_text, styles[min(h.outline_level, 1)], h.outline_key
            )
            for h in story
            if isinstance(h, Heading) and h.in_toc
        ]


class _ContentsPlaceholder(Spacer):
    """Marks where the contents lines go once every heading is known."""

    def __init__(self) -> None:
        super().__init__(0, 0)


class CachedParagraph(Paragraph):
    """A paragraph that remembers its line breaks per width.

    A long table is re-measured every time it is split across a page, and the
    document is laid out twice; line breaking depends only on the width, so
    measuring each cell once per width keeps big reports fast.
    """

    _wrap_cache: tuple[float, Any, float, list[float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrap_cache
        if cached is not None and cached[0] == availWidth:
            _, self.blPara, self.height, self._wrapWidths = cached
            self.width = availWidth
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if width == availWidth:
            self._wrap_cache = (availWidth, self.blPara, self.height, self._wrapWidths)
        return width, height


class _SplittingTable(Table):
    """A table whose rows split across pages, without leaving an empty sliver of a row behind."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            rest = parts[1]
            skip = rest.repeatRows if isinstance(rest.repeatRows, int) else len(rest.repeatRows)
            values = rest._cellvalues
            heights = getattr(rest, "_argH", None) or []
            sliver = len(heights) > skip and heights[skip] is not None and heights[skip] < _MIN_REST
            if len(values) > skip and (sliver or all(_empty(cell) for cell in values[skip])):
                # A row cut so that only a line or two (or nothing) goes over: move it whole.
                by_row: list[Flowable] = self._splitRows(availHeight, doInRowSplit=False)
                if by_row:
                    return by_row
            _label_continuation(parts[0], rest, skip)
        return parts


def _label_continuation(first: Table, rest: Table, skip: int) -> None:
    """If a row was split and its first cell stayed behind, name the criterion on the new page."""
    values = rest._cellvalues
    if len(values) <= skip or not _empty(values[skip][0]) or not first._cellvalues:
        return
    cell = first._cellvalues[-1][0]
    flowables = cell if isinstance(cell, (list, tuple)) else [cell]
    label = next(
        (getattr(f, "continued", None) for f in flowables if hasattr(f, "continued")), None
    )
    if label is not None:
        values[skip][0] = [label]


def _empty(cell: object) -> bool:
    if cell is None or cell == "":
        return True
    if isinstance(cell, (list, tuple)):
        return all(_empty(c) for c in cell)
    return False
