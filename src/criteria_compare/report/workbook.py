"""The workbook export: the report's content as filterable sheets, written atomically.

Sheets: Summary, Side by side, Gaps, Partner-only, Discussion points, History,
Import warnings, Editions, and Consensus once the partner administration's
positions were imported. Sheet names, headers and our words (assessments,
relations, levels, stances) are in the report's language (the catalogue's
``wb.`` ids and the PDF's labels); criteria and notes are as written.
Every table sheet has a frozen, filtered header row, wrapped text and set
widths. Strings a spreadsheet could read as a formula are stored as text.
Times (decided, history, imported) are date-time cells in UTC, as the PDF
prints them and the headers say, so they sort and filter as dates.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from pathlib import Path
from typing import Generic, TypeVar

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from criteria_compare.importing.result import split_warning
from criteria_compare.model import PARTNER_ADMINISTRATION, Criterion, HistoryEntry, Status
from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.atomic import atomic_target
from criteria_compare.report.collect import from_project
from criteria_compare.report.consensus import is_agreed, is_open_point
from criteria_compare.report.data import (
    STATUS_ORDER,
    Counts,
    EditionsInfo,
    ReferenceRow,
    ReportData,
    level_label,
)
from criteria_compare.report.escape import clean_cell_text, is_formula_like
from criteria_compare.report.i18n import Translator, translator
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.times import stamp_value

__all__ = [
    "CONSENSUS_SHEET",
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "SHEETS",
    "cell_value",
    "export_workbook",
    "put_cell",
    "render_workbook",
    "sheet_names",
]

#: The catalogue ids of the sheets, in workbook order (the consensus sheet comes last, if any).
_SHEET_KEYS = (
    "wb.sheet.summary",
    "wb.sheet.side_by_side",
    "wb.sheet.gaps",
    "wb.sheet.partner_only",
    "wb.sheet.discussion",
    "wb.sheet.history",
    "wb.sheet.warnings",
    "wb.sheet.editions",
)
_CONSENSUS_KEY = "wb.sheet.consensus"


def sheet_names(language: str = "en") -> tuple[str, ...]:
    """The sheet names in ``language``, in workbook order (without the consensus sheet)."""
    t = translator(language)
    return tuple(t(key) for key in _SHEET_KEYS)


#: The sheets of an English workbook, in order.
SHEETS = sheet_names("en")
#: The sheet added once the partner's positions were imported (English name).
CONSENSUS_SHEET = translator("en")(_CONSENSUS_KEY)

#: How a date-time cell shows (the PDF's "2026-11-23 12:54"); a date alone shows its day.
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"

_MAX_CELL = 32_000  # Excel refuses cells longer than 32,767 characters
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="1F3A5F")
_TITLE_FONT = Font(bold=True, size=14, color="1F3A5F")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_STATUS_FILL = {
    Status.ALIGNED: "DCEFD8",
    Status.PARTIAL: "FCEFC7",
    Status.GAP: "F6D4D2",
    Status.CONFLICT: "E8D6F0",
    Status.NOT_APPLICABLE: "E4E6EA",
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
    (quote-prefixed), dates and times get a readable number format. Every workbook writer
    goes through this guard."""
    value = cell_value(value)
    cell = ws.cell(row=row, column=column, value=value)
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    elif isinstance(value, _dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, _dt.date):
        cell.number_format = DATE_FORMAT
    return cell


def _put_row(
    ws: Worksheet, line: int, values: Sequence[object], *, font: Font | None = None
) -> None:
    """One row of wrapped, top-aligned cells from column A; the header style when ``font`` is
    the header font."""
    for col, value in enumerate(values, start=1):
        cell = put_cell(ws, line, col, value)
        cell.alignment = _WRAP
        if font is not None:
            cell.font = font
            if font is _HEAD_FONT:
                cell.fill = _HEAD_FILL


_Item = TypeVar("_Item")


@dataclass(frozen=True)
class _Column(Generic[_Item]):
    """One column of a table sheet: its header's catalogue id, width and value per item;
    ``status`` marks the column coloured by the item's assessment."""

    key: str
    width: float
    value: Callable[[_Item], object]
    status: Callable[[_Item], Status] | None = None


def _table(
    ws: Worksheet, t: Translator, columns: Sequence[_Column[_Item]], items: Sequence[_Item]
) -> None:
    """Header row 1 (frozen, filtered), then one row per item, all wrapped and top-aligned."""
    _put_row(ws, 1, [t(c.key) if "." in c.key else c.key for c in columns], font=_HEAD_FONT)
    for col, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(col)].width = column.width
    for line, item in enumerate(items, start=2):
        _put_row(ws, line, [c.value(item) for c in columns])
        for col, column in enumerate(columns, start=1):
            fill = _STATUS_FILL.get(column.status(item)) if column.status else None
            if fill:
                ws.cell(row=line, column=col).fill = PatternFill("solid", fgColor=fill)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(items) + 1)}"


#: Spreadsheet programs refuse a printed header or footer longer than this (codes included).
_HEADER_LIMIT = 255


def _print_setup(ws: Worksheet, options: ReportOptions, t: Translator, *, landscape: bool) -> None:
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
    page = t("mark.page", page="&P", total="&N")
    ws.oddHeader.left.text = code(options.title, _HEADER_LIMIT - codes - len(marking))
    ws.oddFooter.right.text = page
    ws.oddFooter.left.text = code(
        f"{ws.title} · {options.date}", _HEADER_LIMIT - codes - len(marking) - len(page)
    )
    if marking:
        ws.oddHeader.center.text = marking
        ws.oddFooter.center.text = marking


def _summary(ws: Worksheet, data: ReportData, options: ReportOptions, t: Translator) -> None:
    ws.column_dimensions["A"].width = 36
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 13
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 30
    line = 1

    def put_row(*values: object, font: Font | None = None) -> None:
        nonlocal line
        _put_row(ws, line, values, font=font)
        line += 1

    put_cell(ws, 1, 1, options.title).font = _TITLE_FONT
    line = 3
    not_stated, not_recorded = t("cover.not_stated"), t("cover.not_recorded")
    put_row("", t("cover.reference"), t("cover.partner"), font=_HEAD_FONT)
    put_row(t("cover.program"), data.reference.name, data.partner.name)
    put_row(
        t("cover.version"),
        data.reference.version or not_stated,
        data.partner.version or not_stated,
    )
    put_row(t("cover.criteria"), len(data.rows), data.partner.criteria_count)
    put_row(
        t("cover.source_file"),
        data.reference.source_file or not_recorded,
        data.partner.source_file or not_recorded,
    )
    put_row("SHA-256", data.reference.sha256 or not_recorded, data.partner.sha256 or not_recorded)
    line += 1
    put_row(t("cover.date"), options.date)
    put_row(t("cover.prepared_by"), options.prepared_by or t("cover.author_not_stated"))
    if options.marking:
        put_row(t("cover.handling"), options.marking)
    put_row(t("wb.status"), data.status_words(t), font=_BOLD)
    put_row(t("wb.partner_only_count"), len(data.confirmed_partner_only))
    if data.is_draft:
        put_row(t("wb.not_yet_linked_count"), len(data.not_yet_linked))
    put_row(t("wb.links"), data.link_count)
    put_row(t("section.discussion"), len(data.discussion_rows()))
    line += 1

    statuses = [t.status(s) for s in STATUS_ORDER]

    def counts_block(label: str, groups: dict[str, Counts], name: Callable[[str], str]) -> None:
        put_row(label, *statuses, t("summary.total"), font=_HEAD_FONT)
        for key, counts in groups.items():
            put_row(name(key), *[counts.count(s) for s in STATUS_ORDER], counts.total)

    # While the review is incomplete, shares are of the reviewed criteria (as in the PDF).
    counts = data.counts
    draft = data.is_draft
    share_head = t("summary.share_reviewed") if draft else t("summary.share")
    put_row(t("summary.assessment"), t("summary.criteria"), share_head, font=_HEAD_FONT)
    for status in STATUS_ORDER:
        if draft and status is Status.UNREVIEWED:
            put_row(t.status(status), counts.count(status), "")
            continue
        share = counts.share(status) if draft else counts.percent(status)
        put_row(t.status(status), counts.count(status), round(share / 100, 4))
        ws.cell(row=line - 1, column=3).number_format = "0.0%"
    whole = counts.reviewed if draft else counts.total
    put_row(t("summary.total"), counts.total, 1 if whole else 0, font=_BOLD)
    ws.cell(row=line - 1, column=3).number_format = "0.0%"
    line += 1
    counts_block(t("summary.level"), data.counts_by_level(), t.level)
    line += 1
    counts_block(t("summary.category"), data.counts_by_section(), str)


def _yes(t: Translator, flag: bool) -> str:
    return t("wb.yes") if flag else ""


def _partner_texts(row: ReferenceRow, t: Translator, guidance: bool) -> str:
    """Each linked partner criterion as "REF: text", with its guidance when asked for."""
    parts = []
    for link in row.links:
        text = f"{link.criterion.ref}: {link.criterion.text}"
        if guidance and link.criterion.guidance:
            text += f"\n{t('wb.guidance')}: {link.criterion.guidance}"
        parts.append(text)
    return "\n\n".join(parts) or t("cell.no_link")


def _row_columns(t: Translator) -> dict[str, _Column[ReferenceRow]]:
    """The columns several sheets show of a reference criterion, by name."""
    return {
        "section": _Column("summary.category", 24, lambda r: r.section),
        "ref": _Column("col.ref", 9, lambda r: r.ref),
        "level": _Column("summary.level", 11, lambda r: t.level(r.level)),
        "criterion": _Column("col.reference_criterion", 60, lambda r: r.criterion.text),
        "status": _Column("col.assessment", 14, lambda r: t.status(r.status), lambda r: r.status),
        "note": _Column("col.note", 40, lambda r: r.note),
    }


def _side_by_side(ws: Worksheet, data: ReportData, options: ReportOptions, t: Translator) -> None:
    c = _row_columns(t)
    _table(
        ws,
        t,
        [
            c["section"],
            c["ref"],
            c["level"],
            c["criterion"],
            _Column("wb.partner_refs", 12, lambda r: "\n".join(k.criterion.ref for k in r.links)),
            _Column(
                "wb.relations", 12, lambda r: "\n".join(t.relation(k.relation) for k in r.links)
            ),
            _Column("wb.partner_criteria", 60, lambda r: _partner_texts(r, t, options.guidance)),
            c["status"],
            c["note"],
            _Column("cell.discussion_point", 11, lambda r: _yes(t, r.discussion)),
            _Column("wb.text_changed", 11, lambda r: _yes(t, r.suspect)),
            _Column("col.reviewer", 16, lambda r: r.reviewer),
            _Column("wb.decided_at", 20, lambda r: stamp_value(r.timestamp)),
        ],
        data.rows,
    )


def _gaps(ws: Worksheet, data: ReportData, t: Translator) -> None:
    c = _row_columns(t)

    def linked(row: ReferenceRow) -> str:
        return ", ".join(f"{k.criterion.ref} ({t.relation(k.relation)})" for k in row.links)

    def stricter(row: ReferenceRow) -> str:
        return t.stricter(row.stricter_side) if row.status is Status.PARTIAL else ""

    _table(
        ws,
        t,
        [
            c["level"],
            c["ref"],
            c["section"],
            c["status"],
            c["criterion"],
            _Column("wb.linked", 18, linked),
            replace(c["note"], width=50),
            _Column("col.stricter", 13, stricter),
        ],
        data.register_rows(),
    )


def _partner_only(ws: Worksheet, data: ReportData, options: ReportOptions, t: Translator) -> None:
    """Every unlinked partner criterion; in a draft, those a reference criterion still to be
    reviewed may claim say "not yet linked"."""
    pending = {c.ref for c in data.not_yet_linked}

    def listed(criterion: Criterion) -> str:
        return t("cell.not_linked_yet") if criterion.ref in pending else t("wb.partner_only")

    columns: list[_Column[Criterion]] = [
        _Column("wb.partner_section", 28, lambda c: c.section),
        _Column("col.ref", 12, lambda c: c.ref),
        _Column("summary.level", 11, lambda c: t.level(level_label(c.level)) if c.level else ""),
        _Column("col.criterion", 90, lambda c: c.text),
    ]
    if options.guidance:
        columns.append(_Column("wb.guidance", 50, lambda c: c.guidance))
    if data.is_draft:
        columns.append(_Column("wb.status", 18, listed))
    _table(ws, t, columns, data.partner_only)


def _discussion(ws: Worksheet, data: ReportData, options: ReportOptions, t: Translator) -> None:
    c = _row_columns(t)
    numbered = list(enumerate(data.discussion_rows(), start=1))

    def of(column: _Column[ReferenceRow]) -> _Column[tuple[int, ReferenceRow]]:
        status = column.status
        return _Column(
            column.key,
            column.width,
            lambda item: column.value(item[1]),
            (lambda item: status(item[1])) if status else None,
        )

    _table(
        ws,
        t,
        [
            _Column("#", 5, lambda item: item[0]),
            of(c["ref"]),
            of(c["section"]),
            of(c["level"]),
            of(c["status"]),
            of(replace(c["criterion"], width=55)),
            _Column("wb.partner_criteria", 55, lambda i: _partner_texts(i[1], t, options.guidance)),
            of(replace(c["note"], width=45)),
        ],
        numbered,
    )


def _history(ws: Worksheet, data: ReportData, t: Translator) -> None:
    """The whole audit trail, newest first, our words in the report's language."""

    def who(entry: HistoryEntry) -> str:
        if entry.reviewer == PARTNER_ADMINISTRATION:
            return t("wb.partner_administration")
        return entry.reviewer

    _table(
        ws,
        t,
        [
            _Column("annex.when", 22, lambda h: stamp_value(h.timestamp)),
            _Column("col.reviewer", 16, who),
            _Column("annex.change", 18, lambda h: t.action(h.action)),
            _Column("wb.reference_ref", 13, lambda h: h.reference_ref or ""),
            _Column("wb.partner_ref", 13, lambda h: h.partner_ref or ""),
            _Column("annex.before", 30, lambda h: t.history_value(h.action, h.old_value or "")),
            _Column("annex.after", 30, lambda h: t.history_value(h.action, h.new_value or "")),
            _Column("wb.bulk", 9, lambda h: _yes(t, h.bulk)),
        ],
        data.history,
    )


def _warnings(ws: Worksheet, data: ReportData, t: Translator) -> None:
    warnings = [
        (program.name, *split_warning(sentence))
        for program in (data.reference, data.partner)
        for sentence in program.import_warnings
    ]
    _table(
        ws,
        t,
        [
            _Column("col.program", 28, lambda w: w[0]),
            _Column("annex.where", 40, lambda w: w[1]),
            _Column("annex.warning", 100, lambda w: w[2]),
        ],
        warnings,
    )


def _editions(ws: Worksheet, data: ReportData, t: Translator) -> None:
    """Each program's editions, oldest first, as the PDF's provenance lists them; the last
    edition of an updated program says what its update changed."""
    infos = {info.side: info for info in data.editions}
    lines: list[tuple[object, ...]] = []
    for side, program in (("reference", data.reference), ("partner", data.partner)):
        info = infos.get(side) or EditionsInfo(side, program.name)
        named = (info.program or program.name, t(f"cover.{side}"))
        if not info.editions:  # data built in code: the program as imported
            lines.append(
                (
                    *named,
                    1,
                    program.version,
                    program.source_file,
                    program.sha256,
                    "",
                    "",
                    program.criteria_count,
                    "",
                )
            )
        for e in info.editions:
            changes = ""
            if len(info.editions) > 1 and e is info.editions[-1]:
                counts = [f"{t('changes.kind.' + k)}: {n}" for k, n in info.counts().items() if n]
                changes = "; ".join(counts) or t("changes.nothing")
            lines.append(
                (
                    *named,
                    e.number,
                    e.label,
                    e.source_file,
                    e.sha256,
                    stamp_value(e.imported_at),
                    e.imported_by,
                    e.criteria,
                    changes,
                )
            )
    headers = (
        ("col.program", 26),
        ("wb.side", 22),
        ("editions.edition", 9),
        ("wb.version_label", 18),
        ("cover.source_file", 30),
        ("SHA-256", 30),
        ("editions.imported", 20),
        ("wb.imported_by", 16),
        ("cover.criteria", 10),
        ("wb.changes", 40),
    )
    _table(
        ws, t, [_Column(key, width, itemgetter(i)) for i, (key, width) in enumerate(headers)], lines
    )


def _consensus(ws: Worksheet, data: ReportData, t: Translator) -> None:
    """One row per criterion: our assessment and note beside their position and comment."""
    c = _row_columns(t)

    def outcome(row: ReferenceRow) -> str:
        if is_open_point(row):
            return t("wb.outcome.open")
        return t("wb.outcome.agreed") if is_agreed(row) else t("wb.outcome.unanswered")

    _table(
        ws,
        t,
        [
            c["section"],
            c["ref"],
            replace(c["criterion"], width=55),
            replace(c["status"], key="wb.our_assessment"),
            replace(c["note"], key="wb.our_note"),
            _Column("wb.our_flag", 11, lambda r: _yes(t, r.discussion)),
            _Column(
                "wb.their_position", 16, lambda r: t.stance(r.position.stance) if r.position else ""
            ),
            _Column("wb.their_comment", 40, lambda r: r.position.comment if r.position else ""),
            _Column("wb.round", 8, lambda r: r.position.round if r.position else ""),
            _Column("wb.outcome", 15, outcome),
        ],
        data.rows,
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
    t = translator(options.language)
    data = data.with_unsectioned(t("cell.unsectioned"))
    names = sheet_names(options.language)
    writers: list[tuple[str, Callable[[Worksheet], None]]] = [
        ("Writing the summary sheet", lambda ws: _summary(ws, data, options, t)),
        ("Writing the side-by-side sheet", lambda ws: _side_by_side(ws, data, options, t)),
        ("Writing the gap register", lambda ws: _gaps(ws, data, t)),
        ("Writing the partner-only sheet", lambda ws: _partner_only(ws, data, options, t)),
        ("Writing the discussion points", lambda ws: _discussion(ws, data, options, t)),
        ("Writing the history", lambda ws: _history(ws, data, t)),
        ("Writing the import warnings", lambda ws: _warnings(ws, data, t)),
        ("Writing the editions", lambda ws: _editions(ws, data, t)),
    ]
    sheets = list(zip(names, writers, strict=True))
    if data.has_positions:
        sheets.append(
            (t(_CONSENSUS_KEY), ("Writing the consensus", lambda ws: _consensus(ws, data, t)))
        )
    total = len(sheets) + 1

    wb = Workbook()
    wb.remove(wb.active)
    for step, (name, (message, write)) in enumerate(sheets):
        check_cancel(cancel)
        if progress is not None:
            progress(step, total, message)
        write(wb.create_sheet(name))
    for sheet in wb.worksheets:
        _print_setup(sheet, options, t, landscape=sheet.title != names[0])
    wb.properties.title = options.title
    wb.properties.creator = options.prepared_by or "criteria-compare"
    wb.properties.language = options.language

    check_cancel(cancel)
    if progress is not None:
        progress(total - 1, total, "Saving the workbook")
    with atomic_target(path) as tmp:
        wb.save(tmp)
        check_cancel(cancel)
    if progress is not None:
        progress(total, total, "Workbook written")
    return resolve_path(path)


#: Gather the report's content from a project and write the workbook to ``path``.
export_workbook = from_project(render_workbook)
