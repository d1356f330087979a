"""Helpers for the importer tests: small workbooks written in code, in our own words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl

HEADER = ["ID", "Criteria", "Implementation Guidance", "Must/Should"]

ROWS: list[list[Any]] = [
    ["1. Company security policy"],
    ["1.1", "Management names one person who answers for supply-chain security.", "", "Must"],
    ["1.2", "The security policy is reviewed every year.", "Keep the signed copy.", "Should"],
    ["2. Sealing of containers"],
    ["2.1", "Loaded containers are sealed with a tamper-evident seal.", "", "Must"],
]
"""Section rows and criteria in the layout of a user's own CTPAT copy."""

WorkbookFactory = Callable[..., Path]


def write_workbook(
    path: Path,
    rows: Sequence[Sequence[Any]],
    *,
    sheet: str = "Criteria",
    title_rows: Sequence[Sequence[Any]] = (),
    header: Sequence[Any] | None = HEADER,
    before: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
    after: Sequence[tuple[str, Sequence[Sequence[Any]]]] = (),
    formats: dict[str, str] | None = None,
    hidden_rows: Sequence[int] = (),
    hidden_columns: Sequence[str] = (),
    merge: Sequence[str] = (),
) -> Path:
    """Write a workbook: optional sheets before/after, title rows, header, rows, formats by cell."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, other in before:
        ws_other = wb.create_sheet(name)
        for row in other:
            ws_other.append(list(row))
    ws = wb.create_sheet(sheet)
    for row in title_rows:
        ws.append(list(row))
    if header is not None:
        ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    for cell, fmt in (formats or {}).items():
        ws[cell].number_format = fmt
    for number in hidden_rows:
        ws.row_dimensions[number].hidden = True
    for letter in hidden_columns:
        ws.column_dimensions[letter].hidden = True
    for span in merge:
        ws.merge_cells(span)
    for name, other in after:
        ws_other = wb.create_sheet(name)
        for row in other:
            ws_other.append(list(row))
    wb.save(path)
    return path
