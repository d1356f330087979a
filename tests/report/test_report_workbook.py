"""The workbook export reopens with the same content, and crafted text never becomes a formula."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, export_workbook, render_workbook
from criteria_compare.report.synthetic import synthetic_report_data
from criteria_compare.report.workbook import SHEETS
from tests.report.report_helpers import MARKUP_NOTE


@pytest.fixture(scope="module")
def sample_xlsx(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "report.xlsx"
    with Project.open(sample_project, read_only=True) as project:
        export_workbook(project, out, ReportOptions(marking="RESTRICTED"))
    return out


def test_sheets_and_side_by_side_rows(sample_project: Path, sample_xlsx: Path) -> None:
    """All six sheets are there and Side by side has one row per reference criterion."""
    wb = openpyxl.load_workbook(sample_xlsx)
    assert wb.sheetnames == list(SHEETS)
    with Project.open(sample_project, read_only=True) as project:
        refs = [c.ref for c in project.reference.criteria]
        partner_only = project.summary()["partner"]["partner_only"]
    ws = wb["Side by side"]
    assert [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)] == refs
    assert wb["Partner-only"].max_row - 1 == partner_only


def test_tables_have_frozen_filtered_headers(sample_xlsx: Path) -> None:
    """Every table sheet freezes its header row and filters over all its columns."""
    wb = openpyxl.load_workbook(sample_xlsx)
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes == "A2", name
        assert ws.auto_filter.ref, name
        assert ws.auto_filter.ref.startswith("A1:"), name
        assert ws.cell(row=1, column=1).font.bold, name
        assert ws.column_dimensions["A"].width > 4, name


def test_summary_sheet_counts_and_marking(sample_project: Path, sample_xlsx: Path) -> None:
    """The summary names the status, the marking and the count of each assessment."""
    ws = openpyxl.load_workbook(sample_xlsx)["Summary"]
    values = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value
        for r in range(1, ws.max_row + 1)
    }
    with Project.open(sample_project, read_only=True) as project:
        ref = project.summary()["reference"]
    assert values["Status"] == "Complete — all 106 criteria reviewed"
    assert values["Handling"] == "RESTRICTED"
    assert values["Aligned"] == ref["aligned"]
    assert values["Gap"] == ref["gap"]


def test_note_with_markup_and_formula_stays_literal(sample_xlsx: Path) -> None:
    """The note with markup and '=SUM' reads back exactly as typed."""
    ws = openpyxl.load_workbook(sample_xlsx)["Side by side"]
    notes = [ws.cell(row=r, column=9).value for r in range(2, ws.max_row + 1)]
    assert MARKUP_NOTE in notes


@pytest.mark.parametrize(
    "crafted",
    ['=HYPERLINK("http://example.invalid","click")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_like_text_is_written_as_text(tmp_path: Path, crafted: str) -> None:
    """A criterion or note starting with = + - @ tab or CR is a text cell holding those characters."""
    base = synthetic_report_data(12, 6)
    row = replace(base.rows[0], note=crafted)
    crit = replace(base.rows[1].criterion, text=crafted)
    data = replace(base, rows=(row, replace(base.rows[1], criterion=crit), *base.rows[2:]))
    out = render_workbook(data, tmp_path / "crafted.xlsx")
    ws = openpyxl.load_workbook(out)["Side by side"]
    note, text = ws.cell(row=2, column=9), ws.cell(row=3, column=4)
    for cell in (note, text):
        # Python's XML parser turns a bare carriage return into a line feed on reading;
        # openpyxl on lxml (installed with python-docx) keeps it; either way the text is kept.
        assert cell.value in (crafted, crafted.replace("\r", "\n"))
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert not any(
        c.data_type == "f"
        for sheet in openpyxl.load_workbook(out)
        for r in sheet.iter_rows()
        for c in r
    )


def test_ordinary_text_is_not_quote_prefixed(sample_xlsx: Path) -> None:
    """Only formula-like cells get the text guard; plain criteria stay plain."""
    ws = openpyxl.load_workbook(sample_xlsx)["Side by side"]
    assert not ws.cell(row=3, column=4).quotePrefix


def test_printed_sheets_repeat_headers_and_carry_the_marking(sample_xlsx: Path) -> None:
    """Printing a table sheet repeats its header row and puts the marking in header and footer."""
    wb = openpyxl.load_workbook(sample_xlsx)
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.oddHeader.center.text == "RESTRICTED", name
        assert ws.oddFooter.center.text == "RESTRICTED", name
        assert ws.page_setup.orientation == "landscape", name
    assert wb["Side by side"].print_title_rows == "$1:$1"
