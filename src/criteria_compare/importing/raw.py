"""What every format reader hands to the common pipeline: rows of cell text and sheet facts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn, Protocol

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.cells import column_letter
from criteria_compare.progress import CancelCheck

__all__ = [
    "HEAD_SCAN_LIMIT",
    "RawRow",
    "RawSheet",
    "SheetReader",
    "check_width",
    "refuse_width",
    "take_head",
]

HEAD_SCAN_LIMIT = 5_000
"""How far down a sheet head() looks for non-blank rows (tables rarely start lower)."""

RawRow = tuple[int, tuple[str, ...]]
"""``(row_number, cells)``: 1-based row as Excel shows it, cell texts from column A."""


@dataclass(frozen=True)
class RawSheet:
    """The non-blank rows of one sheet as text, plus what the user cannot see in the cells.

    Columns in the sets are 1-based (A = 1). ``error_cells`` holds Excel error
    values (``#REF!``) that were blanked. ``last_row`` is the last row present
    in the file, blank or not, so trailing blank rows can be reported.

    A Word or PDF document is one sheet without a name whose tables follow one another:
    ``places`` maps a row number to where the row is in the document (``("page 3, table 2",
    4)``: the fourth row of that table; ``None`` for a heading between tables),
    ``section_rows`` are the headings found between tables (always section rows), and
    ``tables``/``pages`` count what the document holds.
    """

    name: str | None
    rows: tuple[RawRow, ...]
    last_row: int = 0
    hidden: bool = False
    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()
    date_cells: frozenset[tuple[int, int]] = frozenset()
    error_cells: Mapping[tuple[int, int], str] = field(default_factory=dict)
    notes: tuple[str, ...] = field(default=())
    places: Mapping[int, tuple[str, int | None]] = field(default_factory=dict)
    section_rows: frozenset[int] = frozenset()
    tables: int | None = None
    pages: int | None = None
    outline_levels: Mapping[int, int] = field(default_factory=dict)
    """Row -> Excel outline (grouping) level, for the rows grouped under others."""
    document_title: str | None = None
    """The document's own title (workbook properties, PDF or Word title), when it has one."""
    document_version: str | None = None
    """The document's own version label (an OSCAL catalog's metadata), when it has one."""


class SheetReader(Protocol):
    """One opened input file; the xlsx, csv, docx and pdf readers implement it (see registry)."""

    encoding: str | None
    delimiter: str | None

    def sheet_names(self) -> tuple[str, ...]:
        """Worksheet names in workbook order (empty for a CSV file)."""
        ...

    def is_hidden(self, sheet: str | None) -> bool:
        """Whether the sheet is hidden in Excel."""
        ...

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        """The first max_rows non-blank rows (looking no further than HEAD_SCAN_LIMIT rows)."""
        ...

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        """Every row of the sheet, within the limits."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...


def check_width(row: Sequence[Any], max_columns: int, where: str, number: int) -> None:
    """Refuse a row with data beyond the column limit (empty formatted cells are fine)."""
    for column, cell in enumerate(row[max_columns:], start=max_columns + 1):
        value = getattr(cell, "value", cell)
        if value is not None and value != "":
            refuse_width(where, number, column, max_columns)


def refuse_width(where: str, number: int, column: int, max_columns: int) -> NoReturn:
    """The sentence for data in a 1-based column beyond the column limit."""
    raise ImportFailed(
        f"{where}, row {number} has data in column {column_letter(column)}, beyond the "
        f"import limit of {max_columns} columns; delete unused columns or copy the "
        "criteria to a new workbook."
    )


def take_head(rows: Iterator[tuple[int, tuple[str, ...] | None]], count: int) -> tuple[RawRow, ...]:
    """The first ``count`` non-blank rows of a reader's row stream, closing the stream."""
    found: list[RawRow] = []
    try:
        for number, cells in rows:
            if cells is not None:
                found.append((number, cells))
                if len(found) >= count:
                    break
    finally:
        close = getattr(rows, "close", None)
        if close is not None:
            close()
    return tuple(found)
