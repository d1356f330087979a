"""A reader for documents laid out in memory as sheets (OSCAL catalogs, CISO Assistant libraries).

Their readers turn the parsed document into rows of cell text under a header row the
common pipeline recognises (columns, sections, hierarchy, translations), so that an
OSCAL catalog or a framework library imports with the same rules, warnings and limits
as a workbook.
"""

from __future__ import annotations

from collections.abc import Mapping

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.cells import clean_text
from criteria_compare.importing.raw import RawRow, RawSheet
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["TabledReader", "cell", "check_rows"]


def cell(value: object) -> str:
    """A document value as cell text: strings cleaned, numbers and booleans written out,
    anything else (a list, a mapping) blank."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return clean_text(value)
    return ""


def check_rows(count: int, limit: int, name: str, what: str) -> None:
    """Refuse a document with more entries than the row limit."""
    if count > limit:
        raise ImportFailed(
            f"{name} holds more than {limit:,} {what}, over the import limit; split the "
            "document or import only the part you compare."
        )


class TabledReader:
    """Sheets built in memory; ``sheets`` keeps them in order (``None`` names the only one)."""

    encoding: str | None = None
    delimiter: str | None = None

    def __init__(self, sheets: Mapping[str | None, RawSheet]) -> None:
        self._sheets = dict(sheets)

    def sheet_names(self) -> tuple[str, ...]:
        return tuple(name for name in self._sheets if name is not None)

    def is_hidden(self, sheet: str | None) -> bool:
        return False

    def _sheet(self, sheet: str | None) -> RawSheet:
        found = self._sheets.get(sheet)
        return found if found is not None else next(iter(self._sheets.values()))

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        return self._sheet(sheet).rows[:max_rows]

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        check_cancel(cancel)
        return self._sheet(sheet)

    def close(self) -> None:
        self._sheets = {}
