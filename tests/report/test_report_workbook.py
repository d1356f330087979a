"""The workbook export reopens with the same content, and crafted text never becomes a formula."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, export_workbook, render_workbook
from criteria_compare.report.synthetic import synthetic_report_data
from criteria_compare.report.workbook import SHEETS, sheet_names
from tests.report.report_helpers import MARKUP_NOTE, draft_with_positions


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


def _english_only_words(language: str) -> set[str]:
    """The English labels, assessment names and headers (no markup, no fields) that the other
    language words differently."""
    from criteria_compare.report.catalogue import CATALOGUES

    english, other = CATALOGUES["en"], CATALOGUES[language]
    return {
        value
        for key, value in english.items()
        if other[key] != value and "{" not in value and "<" not in value and len(value) < 60
    }


def _cell_texts(path: Path) -> set[str]:
    """Every string cell of every sheet, whole and in its parts (lines, list items)."""
    seen: set[str] = set()
    for ws in openpyxl.load_workbook(path):
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    seen.add(value)
                    seen.update(p.strip() for p in re.split(r"[\n,;()]", value) if p.strip())
    return seen


@pytest.mark.parametrize("language", ["es", "fr"])
def test_a_spanish_or_french_workbook_holds_no_english_label(
    language: str, tmp_path: Path, draft_project: Path
) -> None:
    """Sheet names, headers, assessments, relations, levels, stances, yes/no and history words
    are in the report's language, for a draft with the partner's positions and for the sample
    project (its real audit trail and editions); criteria are as written."""
    from criteria_compare.model import Stance, Status
    from criteria_compare.report.i18n import translator

    t = translator(language)
    data = draft_with_positions()
    options = ReportOptions(language=language, marking="RESTRICTED")
    synthetic = render_workbook(data, tmp_path / "synthetic.xlsx", options)
    with Project.open(draft_project, read_only=True) as project:
        sample = export_workbook(project, tmp_path / "sample.xlsx", options)
    english = _english_only_words(language)
    for path in (synthetic, sample):
        wb = openpyxl.load_workbook(path)
        expected = [*sheet_names(language)]
        if path == synthetic:
            expected.append(t("wb.sheet.consensus"))
        assert wb.sheetnames == expected
        assert all(len(name) <= 31 for name in wb.sheetnames)  # Excel's limit
        seen = _cell_texts(path)
        assert sorted(seen & english) == []
        assert t.status(Status.ALIGNED) in seen
        side = wb[sheet_names(language)[1]]
        assert side.oddFooter.right.text == t("mark.page", page="&P", total="&N")
        assert side.cell(row=1, column=8).value == t("col.assessment")
    assert wb.properties.language == language
    assert t.stance(Stance.DISAGREE) in _cell_texts(synthetic)
    assert data.rows[0].criterion.text in _cell_texts(synthetic)  # criteria as written


def test_editions_sheet_lists_each_programs_import(sample_project: Path, sample_xlsx: Path) -> None:
    """The Editions sheet names each program's edition with its file, SHA-256, import time,
    importer and number of criteria, as the PDF's provenance does."""
    ws = openpyxl.load_workbook(sample_xlsx)["Editions"]
    header = [c.value for c in ws[1]]
    assert header[:9] == [
        "Program",
        "Side",
        "Edition",
        "Version label",
        "Source file",
        "SHA-256",
        "Imported (UTC)",
        "Imported by",
        "Criteria",
    ]
    lines = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    with Project.open(sample_project, read_only=True) as project:
        programs = (project.reference, project.partner)
        expected = [
            [p.name, side, 1, p.source_file, p.sha256, len(p.criteria)]
            for p, side in zip(programs, ("Reference program", "Partner program"), strict=True)
        ]
    assert [[x[0], x[1], x[2], x[4], x[5], x[8]] for x in lines] == expected
    assert all(x[6] and x[7] for x in lines)  # when and by whom


def test_editions_sheet_after_an_update_says_what_changed(tmp_path: Path) -> None:
    """Two editions of the partner: both listed, the last with its changes by kind."""
    from criteria_compare.model import Edition, Side
    from criteria_compare.report.data import ChangeRow, EditionsInfo

    base = synthetic_report_data(12, 6)
    editions = tuple(
        Edition(Side.PARTNER, n, f"v{n}", f"p{n}.xlsx", str(n) * 64, f"2026-1{n}-01", "K. T", 6)
        for n in (1, 2)
    )
    changes = (
        ChangeRow("reworded", "P-1.1", "P-1.1"),
        ChangeRow("reworded", "P-1.2", "P-1.2"),
        ChangeRow("added", None, "P-1.7"),
    )
    info = EditionsInfo("partner", base.partner.name, editions, changes)
    out = render_workbook(replace(base, editions=(info,)), tmp_path / "e.xlsx")
    ws = openpyxl.load_workbook(out)["Editions"]
    lines = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert [x[2] for x in lines] == [1, 1, 2]  # reference as imported, then partner 1 and 2
    assert lines[1][9] in ("", None)
    assert lines[2][9] == "Added: 1; Reworded: 2"
    assert lines[2][4] == "p2.xlsx"
    assert lines[2][7] == "K. T"
