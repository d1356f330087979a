"""What every format reader hands to the common pipeline: rows of cell text and sheet facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from criteria_compare.progress import CancelCheck

__all__ = ["RawRow", "RawSheet", "SheetReader"]

RawRow = tuple[int, tuple[str, ...]]
"""``(row_number, cells)``: 1-based row as Excel shows it, cell texts from column A."""


@dataclass(frozen=True)
class RawSheet:
    """The non-blank rows of one sheet as text, plus what the user cannot see in the cells.

    Columns in the sets are 1-based (A = 1). ``error_cells`` holds Excel error
    values (``#REF!``) that were blanked. ``last_row`` is the last row present
    in the file, blank or not, so trailing blank rows can be reported.
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


class SheetReader(Protocol):
    """One opened input file; xlsx and csv readers implement it (see registry)."""

    encoding: str | None
    delimiter: str | None

    def sheet_names(self) -> tuple[str, ...]:
        """Worksheet names in workbook order (empty for a CSV file)."""
        ...

    def is_hidden(self, sheet: str | None) -> bool:
        """Whether the sheet is hidden in Excel."""
        ...

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        """The non-blank rows among the first max_rows rows, cheaply."""
        ...

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        """Every row of the sheet, within the limits."""
        ...

    def close(self) -> None:
        """Release the file."""
        ...
