"""Facts openpyxl's read-only mode does not give: hidden rows and columns, outline levels, formulas
with no saved value.

A single regular-expression pass over the worksheet XML bytes; it never
expands entities (openpyxl, which parses the same XML, refuses them through
defusedxml) and costs a few milliseconds for a 10,000-row sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

__all__ = ["SheetFacts", "scan_sheet_xml"]

# Attribute runs stop at the next "<" as well as ">", and a cell's body at the next cell tag, so
# every match attempt ends where the next one can start: each pass is linear in the XML's size
# whatever a hostile file repeats (an unclosed tag, a thousand hidden=" in one text).
_ROW = re.compile(rb"<(?:\w+:)?row\b([^<>]*)>")
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b([^<>]*?\bhidden="(?:1|true)"[^<>]*)>')
_COL = re.compile(rb"<(?:\w+:)?col\b([^<>]*)>")
_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(
    rb"<(?:\w+:)?c\s([^<>]*)(?<!/)>([^<]*(?:<(?!/?(?:\w+:)?c[\s>/])[^<]*)*)</(?:\w+:)?c>"
)
_VALUE = re.compile(rb"<(?:\w+:)?(?:v>[^<]|is\b)")
_ATTR_R = re.compile(rb'\br="([^"]*)"')
_ATTR_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_ATTR_MIN = re.compile(rb'\bmin="(\d+)"')
_ATTR_MAX = re.compile(rb'\bmax="(\d+)"')
_CELL_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
_ATTR_OUTLINE = re.compile(rb'\boutlineLevel="(\d{1,2})"')


@dataclass(frozen=True)
class SheetFacts:
    """Hidden rows (1-based), hidden columns (1-based), (row, column) of formulas with no value,
    and the Excel outline level (grouping depth, 1-7) of the rows that have one."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    formulas_without_value: frozenset[tuple[int, int]] = frozenset()
    outline_levels: Mapping[int, int] = field(default_factory=dict)


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _hidden_rows(xml: bytes) -> set[int]:
    """Row numbers of hidden rows, from one regular-expression pass over the hidden row tags.

    If a hidden row has no r="..." attribute (some writers leave it out) the
    rows are counted instead.
    """
    found: set[int] = set()
    for match in _HIDDEN_ROW.finditer(xml):
        r = _ATTR_R.search(match.group(1))
        if r is None:
            return _hidden_rows_counted(xml)
        found.add(int(r.group(1)))
    return found


def _row_tags(xml: bytes) -> Iterator[tuple[int, bytes]]:
    """(row number, attributes) of each row tag; a row without ``r=`` is the one after the last."""
    row_number = 0
    for match in _ROW.finditer(xml):
        attrs = match.group(1)
        r = _ATTR_R.search(attrs)
        row_number = int(r.group(1)) if r else row_number + 1
        yield row_number, attrs


def _hidden_rows_counted(xml: bytes) -> set[int]:
    return {
        number
        for number, attrs in _row_tags(xml)
        if b"hidden" in attrs and _ATTR_HIDDEN.search(attrs)
    }


def scan_sheet_xml(xml: bytes, max_columns: int = 16384) -> SheetFacts:
    """Read hidden flags and uncached formulas from one worksheet's XML."""
    has_hidden = b"hidden=" in xml
    hidden_rows = _hidden_rows(xml) if has_hidden else set()

    hidden_columns: set[int] = set()
    head_end = xml.find(b"sheetData")
    cols = _COL.finditer(xml, 0, head_end if head_end >= 0 else len(xml)) if has_hidden else ()
    for match in cols:
        attrs = match.group(1)
        if not _ATTR_HIDDEN.search(attrs):
            continue
        lo, hi = _ATTR_MIN.search(attrs), _ATTR_MAX.search(attrs)
        if lo is None:
            continue
        first = int(lo.group(1))
        last = int(hi.group(1)) if hi else first
        hidden_columns.update(range(first, min(last, max_columns) + 1))

    missing: set[tuple[int, int]] = set()
    # every formula element ends in "f>" (</f>, </x:f>); a cheap guard before the real search
    if b"f>" in xml and _ANY_FORMULA.search(xml):
        for match in _CELL.finditer(xml):
            body = match.group(2)
            if not _ANY_FORMULA.search(body) or _VALUE.search(body):
                continue
            ref = _ATTR_R.search(match.group(1))
            cell = _CELL_REF.fullmatch(ref.group(1)) if ref else None
            if cell is not None:
                missing.add((int(cell.group(2)), _column_number(cell.group(1))))

    return SheetFacts(
        frozenset(hidden_rows),
        frozenset(hidden_columns),
        frozenset(missing),
        _outline_levels(xml) if b"outlineLevel=" in xml else {},
    )


def _outline_levels(xml: bytes) -> dict[int, int]:
    """Row number -> outline level of the row tags that carry one (rows counted when unnumbered)."""
    found: dict[int, int] = {}
    for number, attrs in _row_tags(xml):
        level = _ATTR_OUTLINE.search(attrs) if b"outlineLevel" in attrs else None
        if level is not None and int(level.group(1)) > 0:
            found[number] = int(level.group(1))
    return found
