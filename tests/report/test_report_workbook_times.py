"""Workbook times are date-time cells in UTC with a readable format, so they sort as dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, collect, render_workbook
from criteria_compare.report.i18n import translator
from criteria_compare.report.synthetic import synthetic_report_data
from criteria_compare.report.times import stamp_value
from criteria_compare.report.workbook import DATETIME_FORMAT, sheet_names


def _column(ws: Worksheet, header: str) -> list[openpyxl.cell.cell.Cell]:
    """The cells under ``header`` in row 1."""
    col = next(c.column for c in ws[1] if c.value == header)
    return [ws.cell(row=r, column=col) for r in range(2, ws.max_row + 1)]


def _utc(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).astimezone(dt.timezone.utc).replace(tzinfo=None)


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_decided_history_and_imported_times_are_date_time_cells(
    language: str, draft_project: Path, tmp_path: Path
) -> None:
    """In every report language the decided, history and imported columns hold naive UTC
    date-times shown as yyyy-mm-dd hh:mm, equal to the project's stored times; a criterion
    not yet decided has an empty cell."""
    t = translator(language)
    with Project.open(draft_project, read_only=True) as project:
        data = collect(project)
    out = render_workbook(data, tmp_path / f"{language}.xlsx", ReportOptions(language=language))
    wb = openpyxl.load_workbook(out)
    names = sheet_names(language)
    side, history, editions = wb[names[1]], wb[names[5]], wb[names[7]]

    decided = _column(side, t("wb.decided_at"))
    stamps = [row.timestamp for row in data.rows]
    assert "" in stamps
    assert any("." in s for s in stamps)
    for cell, stamp in zip(decided, stamps, strict=True):
        if not stamp:
            assert cell.value is None
            continue
        assert isinstance(cell.value, dt.datetime)
        assert cell.number_format == DATETIME_FORMAT
        assert abs(cell.value - _utc(stamp)) < dt.timedelta(milliseconds=1)
    for cell in [*_column(history, t("annex.when")), *_column(editions, t("editions.imported"))]:
        assert isinstance(cell.value, dt.datetime), cell.value
        assert cell.value.tzinfo is None
        assert cell.number_format == DATETIME_FORMAT


def test_a_time_that_is_not_iso_stays_text_and_formula_safe(tmp_path: Path) -> None:
    """A stored time that does not parse stays as written, as text (never a formula), and a
    time with an offset is written in UTC."""
    base = synthetic_report_data(4, 3)
    odd = ("yesterday", "=1+1", "2026-12-04T21:15:03.123+01:00", "")
    rows = tuple(replace(row, timestamp=s) for row, s in zip(base.rows, odd, strict=True))
    out = render_workbook(replace(base, rows=rows), tmp_path / "odd.xlsx")
    cells = _column(
        openpyxl.load_workbook(out)[sheet_names()[1]], translator("en")("wb.decided_at")
    )
    assert [c.value for c in cells[:2]] == ["yesterday", "=1+1"]
    assert cells[1].data_type == "s"
    assert cells[1].quotePrefix
    assert abs(cells[2].value - dt.datetime(2026, 12, 4, 20, 15, 3, 123000)) < dt.timedelta(
        milliseconds=1
    )
    assert cells[3].value is None
    assert stamp_value("2026-11-01") == dt.date(2026, 11, 1)


def test_the_pdf_prints_a_stored_time_in_utc_as_the_workbook_holds_it() -> None:
    """The PDF's "When (UTC)" text and the workbook's cell come from one reading: a time
    stored with another offset is printed in UTC, a day alone and other text as they are."""
    from criteria_compare.report.times import short_time

    assert short_time("2026-11-23T12:54:02.123Z") == "2026-11-23 12:54"
    assert short_time("2026-11-23T14:54:02+02:00") == "2026-11-23 12:54"
    assert short_time("2026-11-23") == "2026-11-23"
    assert short_time("last Tuesday") == "last Tuesday"
    assert short_time("") == ""
