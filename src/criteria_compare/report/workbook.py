"""The workbook export: the report's content as filterable sheets, written atomically.

Sheets: Summary, Side by side, Gaps, Partner-only, Discussion points, History, and
Consensus once the partner administration's positions were imported.
Every table sheet has a frozen, filtered header row, wrapped text and set
widths. Strings a spreadsheet could read as a formula are stored as text.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from criteria_compare.importing.result import split_warning
from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.atomic import atomic_target
from criteria_compare.report.collect import from_project
from criteria_compare.report.consensus import is_agreed, is_open_point
from criteria_compare.report.data import STATUS_ORDER, Counts, ReferenceRow, ReportData
from criteria_compare.report.escape import clean_cell_text, is_formula_like
from criteria_compare.report.options import ReportOptions

__all__ = [
    "CONSENSUS_SHEET",
    "SHEETS",
    "cell_value",
    "export_workbook",
    "put_cell",
    "render_workbook",
]

SHEETS = (
    "Summary",
    "Side by side",
    "Gaps",
    "Partner-only",
    "Discussion points",
    "History",
    "Import warnings",
)
#: The sheet added once the partner's positions were imported.
CONSENSUS_SHEET = "Consensus"

_MAX_CELL = 32_000  # Excel refuses cells longer than 32,767 characters
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="1F3A5F")
_TITLE_FONT = Font(bold=True, size=14, color="1F3A5F")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_STATUS_FILL = {
    "aligned": "DCEFD8",
    "partial": "FCEFC7",
    "gap": "F6D4D2",
    "conflict": "E8D6F0",
    "not_applicable": "E4E6EA",
}


def cell_value(value: object) -> object:
    """What a cell holds for ``value``: text without control characters XML cannot hold, cut to
    what a spreadsheet cell holds; other values unchanged."""
    if isinstance(value, str):
        value = clean_cell_text(value)
        if len(value) > _MAX_CELL:
            value = value[:_MAX_CELL] + " … [cut: longer than a spreadsheet cell holds]"
    return value


def put_cell(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one cell (through :func:`cell_value`); formula-like strings stay literal text
    (quote-prefixed). Every workbook writer goes through this guard."""
    value = cell_value(value)
    cell = ws.cell(row=row, column=column, value=value)
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _table(
    ws: Worksheet,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Sequence[Sequence[object]],
    *,
    status_column: int | None = None,
) -> None:
    """Header row 1 (frozen, filtered), then ``rows``, all wrapped and top-aligned."""
    for col, (title, width) in enumerate(zip(headers, widths, strict=True), start=1):
        put_cell(ws, 1, col, title)
        cell = ws.cell(row=1, column=col)
        cell.font = _HEAD_FONT
        cell.fill = _HEAD_FILL
        cell.alignment = _WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, values in enumerate(rows, start=2):
        for col, value in enumerate(values, start=1):
            put_cell(ws, r, col, value)
            ws.cell(row=r, column=col).alignment = _WRAP
        if status_column is not None:
            key = rows[r - 2][status_column - 1]
            fill = _STATUS_FILL.get(str(key).lower().replace("n/a", "not_applicable"))
            if fill:
                ws.cell(row=r, column=status_column).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"


#: Spreadsheet programs refuse a printed header or footer longer than this (codes included).
_HEADER_LIMIT = 255


def _print_setup(ws: Worksheet, options: ReportOptions, *, landscape: bool) -> None:
    """Printed pages: header row repeated, fit to the page width, marking in header and footer."""

    def code(text: str, room: int = _HEADER_LIMIT) -> str:
        """``text`` with "&" doubled (it starts a code), cut with "…" to ``room`` characters."""
        text = " ".join(text.split())
        coded = text.replace("&", "&&")
        while len(coded) > room and text:
            text = text[:-1].rstrip()
            coded = text.replace("&", "&&") + "…"
        return coded

    if ws.max_row > 1 and ws.freeze_panes == "A2":
        ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = (
        ws.PAPERSIZE_LETTER if options.page_size == "letter" else ws.PAPERSIZE_A4
    )
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Each printed header or footer ("&L...&C...&R...") may hold at most 255 characters:
    # the marking is kept (up to a third), the title and date share what is left.
    marking = code(options.marking, _HEADER_LIMIT // 3) if options.marking else ""
    codes = 6  # "&L", "&C", "&R"
    page = "Page &P of &N"
    ws.oddHeader.left.text = code(options.title, _HEADER_LIMIT - codes - len(marking))
    ws.oddFooter.right.text = page
    ws.oddFooter.left.text = code(
        f"{ws.title} · {options.date}", _HEADER_LIMIT - codes - len(marking) - len(page)
    )
    if marking:
        ws.oddHeader.center.text = marking
        ws.oddFooter.center.text = marking


def _summary(ws: Worksheet, data: ReportData, options: ReportOptions) -> None:
    ws.column_dimensions["A"].width = 36
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 13
    line = 1

    def put_row(*values: object, bold: bool = False, head: bool = False) -> None:
        nonlocal line
        for col, value in enumerate(values, start=1):
            put_cell(ws, line, col, value)
            cell = ws.cell(row=line, column=col)
            cell.alignment = _WRAP
            if bold:
                cell.font = _BOLD
            if head:
                cell.font = _HEAD_FONT
                cell.fill = _HEAD_FILL
        line += 1

    put_cell(ws, 1, 1, options.title)
    ws.cell(row=1, column=1).font = _TITLE_FONT
    line = 3
    put_row("", "Reference program", "Partner program", head=True)
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 30
    put_row("Program", data.reference.name, data.partner.name)
    put_row("Version / date", data.reference.version, data.partner.version)
    put_row("Criteria", len(data.rows), data.partner.criteria_count)
    put_row("Source file", data.reference.source_file, data.partner.source_file)
    put_row("SHA-256", data.reference.sha256, data.partner.sha256)
    line += 1
    put_row("Date", options.date)
    put_row("Prepared by", options.prepared_by)
    if options.marking:
        put_row("Handling", options.marking)
    put_row("Status", data.status_line, bold=True)
    put_row("Partner-only criteria", len(data.partner_only))
    put_row("Confirmed links", data.link_count)
    put_row("Discussion points", len(data.discussion_rows()))
    line += 1

    def counts_block(label: str, groups: dict[str, Counts]) -> None:
        put_row(label, *[s.label for s in STATUS_ORDER], "Total", head=True)
        for name, counts in groups.items():
            put_row(name, *[counts.count(s) for s in STATUS_ORDER], counts.total)

    counts = data.counts
    put_row("Assessment", "Criteria", "Share", head=True)
    for status in STATUS_ORDER:
        put_row(status.label, counts.count(status), round(counts.percent(status) / 100, 4))
        ws.cell(row=line - 1, column=3).number_format = "0.0%"
    put_row("Total", counts.total, 1 if counts.total else 0, bold=True)
    ws.cell(row=line - 1, column=3).number_format = "0.0%"
    line += 1
    counts_block("Level", data.counts_by_level())
    line += 1
    counts_block("Category", data.counts_by_section())


def _partner_cells(row: ReferenceRow) -> tuple[str, str, str]:
    refs = "\n".join(link.criterion.ref for link in row.links)
    relations = "\n".join(link.relation.label for link in row.links)
    texts = "\n\n".join(f"{link.criterion.ref}: {link.criterion.text}" for link in row.links)
    return refs, relations, texts


def _consensus(ws: Worksheet, data: ReportData) -> None:
    """One row per criterion: our assessment and note beside their position and comment."""

    def outcome(row: ReferenceRow) -> str:
        if is_open_point(row):
            return "To be resolved"
        return "Agreed" if is_agreed(row) else "No answer yet"

    _table(
        ws,
        (
            "Category",
            "Ref",
            "Reference criterion",
            "Our assessment",
            "Our note",
            "Our discussion flag",
            "Their position",
            "Their comment",
            "Round",
            "Outcome",
        ),
        (24, 9, 55, 13, 40, 11, 16, 40, 8, 15),
        [
            [
                row.section,
                row.ref,
                row.criterion.text,
                row.status.label,
                row.note,
                "yes" if row.discussion else "",
                row.position.stance.label if row.position else "",
                row.position.comment if row.position else "",
                row.position.round if row.position else "",
                outcome(row),
            ]
            for row in data.rows
        ],
        status_column=4,
    )


def render_workbook(
    data: ReportData,
    path: str | os.PathLike[str],
    options: ReportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> Path:
    """Write the workbook for ``data`` to ``path`` (atomically) and return the final path."""
    options = options or ReportOptions()
    total = len(SHEETS) + 1
    step = 0

    def advance(message: str) -> None:
        nonlocal step
        check_cancel(cancel)
        if progress is not None:
            progress(step, total, message)
        step += 1

    wb = Workbook()
    advance("Writing the summary sheet")
    summary = wb.active
    summary.title = SHEETS[0]
    _summary(summary, data, options)

    advance("Writing the side-by-side sheet")
    rows = []
    for row in data.rows:
        refs, relations, texts = _partner_cells(row)
        rows.append(
            [
                row.section,
                row.ref,
                row.level,
                row.criterion.text,
                refs,
                relations,
                texts or "No linked partner criterion",
                row.status.label,
                row.note,
                "yes" if row.discussion else "",
                "yes" if row.suspect else "",
                row.reviewer,
                row.timestamp,
            ]
        )
    _table(
        wb.create_sheet(SHEETS[1]),
        (
            "Category",
            "Ref",
            "Level",
            "Reference criterion",
            "Partner refs",
            "Relations",
            "Partner criteria",
            "Assessment",
            "Note",
            "Discussion",
            "Text changed",
            "Reviewer",
            "Decided at",
        ),
        (24, 9, 9, 60, 12, 12, 60, 13, 40, 11, 11, 16, 20),
        rows,
        status_column=8,
    )

    advance("Writing the gap register")
    _table(
        wb.create_sheet(SHEETS[2]),
        (
            "Level",
            "Ref",
            "Category",
            "Assessment",
            "Reference criterion",
            "Linked partner",
            "Note",
            "Stricter side",
        ),
        (9, 9, 24, 13, 60, 18, 50, 13),
        [
            [
                row.level,
                row.ref,
                row.section,
                row.status.label,
                row.criterion.text,
                ", ".join(f"{k.criterion.ref} ({k.relation.label})" for k in row.links),
                row.note,
                row.stricter_side if row.status.value == "partial" else "",
            ]
            for row in data.register_rows()
        ],
        status_column=4,
    )

    advance("Writing the partner-only sheet")
    _table(
        wb.create_sheet(SHEETS[3]),
        ("Section", "Ref", "Level", "Criterion"),
        (28, 12, 9, 90),
        [[c.section, c.ref, c.level.value if c.level else "", c.text] for c in data.partner_only],
    )

    advance("Writing the discussion points")
    _table(
        wb.create_sheet(SHEETS[4]),
        (
            "#",
            "Ref",
            "Category",
            "Level",
            "Assessment",
            "Reference criterion",
            "Partner criteria",
            "Note",
        ),
        (5, 9, 24, 9, 13, 55, 55, 45),
        [
            [
                n,
                row.ref,
                row.section,
                row.level,
                row.status.label,
                row.criterion.text,
                _partner_cells(row)[2] or "No linked partner criterion",
                row.note,
            ]
            for n, row in enumerate(data.discussion_rows(), start=1)
        ],
        status_column=5,
    )

    advance("Writing the history")
    _table(
        wb.create_sheet(SHEETS[5]),
        (
            "When",
            "Reviewer",
            "Change",
            "Reference ref",
            "Partner ref",
            "Old value",
            "New value",
            "Bulk",
        ),
        (22, 16, 14, 13, 13, 30, 30, 7),
        [
            [
                h.timestamp,
                h.reviewer,
                h.action,
                h.reference_ref or "",
                h.partner_ref or "",
                h.old_value or "",
                h.new_value or "",
                "yes" if h.bulk else "",
            ]
            for h in data.history
        ],
    )
    _table(
        wb.create_sheet(SHEETS[6]),
        ("Program", "Where", "Warning"),
        (28, 40, 100),
        [
            [program.name, *split_warning(sentence)]
            for program in (data.reference, data.partner)
            for sentence in program.import_warnings
        ],
    )
    if data.has_positions:
        _consensus(wb.create_sheet(CONSENSUS_SHEET), data)
    for sheet in wb.worksheets:
        _print_setup(sheet, options, landscape=sheet.title != SHEETS[0])
    wb.properties.title = options.title
    wb.properties.creator = options.prepared_by or "criteria-compare"

    advance("Saving the workbook")
    with atomic_target(path) as tmp:
        wb.save(tmp)
        check_cancel(cancel)
    if progress is not None:
        progress(total, total, "Workbook written")
    return resolve_path(path)


#: Gather the report's content from a project and write the workbook to ``path``.
export_workbook = from_project(render_workbook)
