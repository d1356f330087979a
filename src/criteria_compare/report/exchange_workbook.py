"""The exchange workbook: our assessment of each reference criterion, sent to the partner administration
for its position, written atomically.

Sheets: "Instructions" (what to do, in plain words), "Positions" (one row per
reference criterion: our columns locked, "Their position" with a drop-down and
"Their comment" open for them) and a very hidden sheet naming the comparison
and the round. Every text cell goes through the workbook guard
(``report.workbook.put_cell``), so a criterion or note starting with ``=``
stays text.

**Row checks.** A hidden column holds, per row, an HMAC-SHA256 of the row's
locked content (ref, category, criterion, links, assessment, note) together
with the comparison's id and the round, keyed with a secret that is generated
when the project file is made and never leaves it. Sheet protection only stops
accidental edits (any spreadsheet program can lift it without a password). A
bare hash would catch accidental edits too, but anyone who changed a cell could
recompute it, since the method is public; the keyed check cannot be recomputed
without the project file, and because the id and round are inside it, a row
copied from another comparison's or another round's workbook fails as well.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from criteria_compare.model import Stance
from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, check_cancel
from criteria_compare.report.atomic import atomic_target
from criteria_compare.report.workbook import cell_value, put_cell

__all__ = [
    "CHECK_HEADER",
    "COMMENT_HEADER",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "LOCKED_HEADERS",
    "META_SHEET",
    "POSITIONS_SHEET",
    "POSITION_HEADER",
    "ExchangeRow",
    "ExchangeWorkbook",
    "canonical",
    "meta_check",
    "render_exchange_workbook",
    "row_check",
]

POSITIONS_SHEET = "Positions"
INSTRUCTIONS_SHEET = "Instructions"
META_SHEET = "criteria-compare"
FORMAT_NAME = "criteria-compare exchange workbook"
FORMAT_VERSION = "1"

#: Our columns, in order; their content is covered by the row check.
LOCKED_HEADERS = (
    "Ref",
    "Category",
    "Reference criterion",
    "Our linked partner criteria",
    "Our assessment",
    "Our note",
)
POSITION_HEADER = "Their position"
COMMENT_HEADER = "Their comment"
CHECK_HEADER = "Row check (do not change)"
_WIDTHS = (9, 22, 60, 24, 18, 44, 18, 48, 12)

_HEAD_FONT = Font(bold=True, color="FFFFFF")
_OURS_FILL = PatternFill("solid", fgColor="1F3A5F")
_THEIRS_FILL = PatternFill("solid", fgColor="7A4A00")
_OPEN_FILL = PatternFill("solid", fgColor="FFF7E0")
_TITLE_FONT = Font(bold=True, size=14, color="1F3A5F")
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)


@dataclass(frozen=True)
class ExchangeRow:
    """One reference criterion as the partner sees it, with their last position if any."""

    ref: str
    category: str
    text: str
    links: str
    assessment: str
    note: str
    stance: Stance = Stance.BLANK
    comment: str = ""

    @property
    def locked(self) -> tuple[str, ...]:
        return (self.ref, self.category, self.text, self.links, self.assessment, self.note)


@dataclass(frozen=True)
class ExchangeWorkbook:
    """What goes into one exchange workbook."""

    comparison_id: str
    round: int
    exported_at: str
    reference_name: str
    partner_name: str
    rows: tuple[ExchangeRow, ...]
    prepared_by: str = ""


def canonical(value: object) -> str:
    """A cell's text as the row check sees it: NFC, whitespace collapsed, so that a spreadsheet
    program's line-ending or spacing changes on saving do not count as edits."""
    text = "" if value is None else str(value)
    return " ".join(unicodedata.normalize("NFC", text).split())


def _mac(secret: bytes, parts: Sequence[str]) -> str:
    message = "\x1f".join(canonical(p) for p in parts).encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def row_check(secret: bytes, comparison_id: str, round_: int, locked: Sequence[object]) -> str:
    """The keyed check of one row's locked cells, as they stand in the sheet."""
    return _mac(secret, ("row", comparison_id, str(round_), *(canonical(v) for v in locked)))


def meta_check(secret: bytes, comparison_id: str, round_: int, exported_at: str) -> str:
    """The keyed check of the hidden sheet's identification (comparison, round, date)."""
    return _mac(secret, ("meta", FORMAT_VERSION, comparison_id, str(round_), exported_at))


def _instructions(ws: Worksheet, book: ExchangeWorkbook) -> None:
    ws.column_dimensions["A"].width = 110
    later = book.round > 1
    lines = [
        f"Positions on our comparison of {book.reference_name} with {book.partner_name}",
        f"Round {book.round}, prepared {book.exported_at[:10]}"
        + (f" by {book.prepared_by}" if book.prepared_by else "")
        + ".",
        "",
        f"The sheet {POSITIONS_SHEET} lists every criterion of {book.reference_name} with our "
        f"assessment of how {book.partner_name} covers it: the partner criteria we linked to it, "
        "how they relate, our verdict and our note.",
        f'For each row, please choose your position in the column "{POSITION_HEADER}":',
        "    Agree: you accept our assessment as it stands.",
        "    Disagree: you see it differently; please say why in your comment.",
        "    Needs discussion: you would like to talk it over when the delegations meet.",
        "Leave the cell empty if you have no position on a criterion yet.",
        f'Write anything you want us to know in "{COMMENT_HEADER}".',
        "",
        "Please leave the other columns as they are. They are protected, and each row carries a "
        "check of its content in a hidden column: if a row's content is changed, that row is set "
        "aside when the workbook comes back and its position is not taken. Do not add, rename or "
        "remove sheets. You may filter the rows and widen the columns.",
        "Save the workbook as .xlsx (any file name) and send it back to us.",
    ]
    if later:
        lines.insert(
            3,
            "Your positions and comments from the previous round are already filled in; change "
            "them wherever your view has changed.",
        )
    for row, text in enumerate(lines, start=1):
        cell = put_cell(ws, row, 1, text)
        cell.alignment = _WRAP
    ws.cell(row=1, column=1).font = _TITLE_FONT
    ws.protection.sheet = True


def _positions(ws: Worksheet, book: ExchangeWorkbook, secret: bytes) -> None:
    headers = (*LOCKED_HEADERS, POSITION_HEADER, COMMENT_HEADER, CHECK_HEADER)
    theirs = {len(LOCKED_HEADERS) + 1, len(LOCKED_HEADERS) + 2}
    for col, (title, width) in enumerate(zip(headers, _WIDTHS, strict=True), start=1):
        cell = put_cell(ws, 1, col, title)
        cell.font = _HEAD_FONT
        cell.fill = _THEIRS_FILL if col in theirs else _OURS_FILL
        cell.alignment = _WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    position_col = len(LOCKED_HEADERS) + 1
    for r, row in enumerate(book.rows, start=2):
        for col, value in enumerate(row.locked, start=1):
            put_cell(ws, r, col, value).alignment = _WRAP
        for col, value in ((position_col, row.stance.label), (position_col + 1, row.comment)):
            cell = put_cell(ws, r, col, value)
            cell.alignment = _WRAP
            cell.protection = _UNLOCKED
            cell.fill = _OPEN_FILL
        written = [cell_value(v) for v in row.locked]
        put_cell(
            ws, r, position_col + 2, row_check(secret, book.comparison_id, book.round, written)
        )
    last = len(book.rows) + 1
    check_letter = get_column_letter(position_col + 2)
    ws.column_dimensions[check_letter].hidden = True
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(position_col + 1)}{max(1, last)}"
    choice = DataValidation(
        type="list",
        formula1='"' + ",".join(s.label for s in Stance if s is not Stance.BLANK) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Their position",
        error="Choose Agree, Disagree or Needs discussion from the list, or leave the cell empty.",
        showInputMessage=True,
        promptTitle="Your position",
        prompt="Agree, Disagree or Needs discussion",
    )
    if book.rows:
        letter = get_column_letter(position_col)
        choice.add(f"{letter}2:{letter}{last}")
    ws.add_data_validation(choice)
    protection = ws.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.formatColumns = False
    protection.formatRows = False
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _meta(ws: Worksheet, book: ExchangeWorkbook, secret: bytes) -> None:
    for row, (key, value) in enumerate(
        (
            ("format", FORMAT_NAME),
            ("version", FORMAT_VERSION),
            ("comparison", book.comparison_id),
            ("round", str(book.round)),
            ("exported", book.exported_at),
            ("rows", str(len(book.rows))),
            ("check", meta_check(secret, book.comparison_id, book.round, book.exported_at)),
        ),
        start=1,
    ):
        put_cell(ws, row, 1, key)
        put_cell(ws, row, 2, value)
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def render_exchange_workbook(
    book: ExchangeWorkbook,
    secret: bytes,
    path: str | os.PathLike[str],
    *,
    cancel: CancelCheck | None = None,
) -> Path:
    """Write ``book`` to ``path`` atomically (nothing half-written on failure) and return the path."""
    wb = Workbook()
    instructions = wb.active
    instructions.title = INSTRUCTIONS_SHEET
    _instructions(instructions, book)
    check_cancel(cancel)
    _positions(wb.create_sheet(POSITIONS_SHEET), book, secret)
    check_cancel(cancel)
    _meta(wb.create_sheet(META_SHEET), book, secret)
    wb.security = WorkbookProtection(lockStructure=True)
    wb.properties.title = f"Positions: {book.reference_name} and {book.partner_name}"
    wb.properties.creator = book.prepared_by or "criteria-compare"
    with atomic_target(path) as tmp:
        wb.save(tmp)
        check_cancel(cancel)
    return resolve_path(path)
