"""Helpers for the exchange tests: fill in a returned workbook with openpyxl, as the partner would."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from criteria_compare.report.exchange_workbook import POSITIONS_SHEET


def columns(ws: Worksheet) -> dict[str, int]:
    """Header text -> 1-based column of the Positions sheet."""
    return {str(c.value): c.column for c in ws[1] if c.value}


def rows_by_ref(ws: Worksheet) -> dict[str, int]:
    """Ref -> row number of the Positions sheet."""
    col = columns(ws)["Ref"]
    return {
        str(ws.cell(r, col).value): r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value
    }


def fill(path: Path, answers: Mapping[str, tuple[str, str]], out: Path | None = None) -> Path:
    """Write ``answers`` (ref -> (position word, comment)) into their two columns and save."""
    wb = load_workbook(path)
    ws = wb[POSITIONS_SHEET]
    cols = columns(ws)
    where = rows_by_ref(ws)
    for ref, (position, comment) in answers.items():
        ws.cell(where[ref], cols["Their position"]).value = position or None
        ws.cell(where[ref], cols["Their comment"]).value = comment or None
    target = out or path
    wb.save(target)
    return target


def edit(path: Path, ref: str, header: str, value: object) -> None:
    """Change one cell of a row (as someone lifting the sheet protection would)."""
    wb = load_workbook(path)
    ws = wb[POSITIONS_SHEET]
    ws.cell(rows_by_ref(ws)[ref], columns(ws)[header]).value = value
    wb.save(path)
