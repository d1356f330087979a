"""Workbooks as users keep them: title rows, section rows, numeric refs, several sheets, hidden parts."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import openpyxl
import pytest

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing import list_sheets, preview, read_criteria
from criteria_compare.model import Level
from tests.importing.import_fixtures import HEADER, ROWS, WorkbookFactory


def test_reads_refs_text_levels_and_guidance(make_workbook: WorkbookFactory) -> None:
    """Each criterion row becomes a Criterion with its ref, text, guidance and level."""
    result = read_criteria(make_workbook())
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "2.1"]
    second = result.criteria[1]
    assert second.text == "The security policy is reviewed every year."
    assert second.guidance == "Keep the signed copy."
    assert second.level is Level.SHOULD
    assert result.levels == {"Must": 2, "Should": 1}
    assert result.warnings == ()


def test_header_below_title_and_blank_rows(make_workbook: WorkbookFactory) -> None:
    """A title and blank rows above the header are skipped; the header row is reported 1-based."""
    path = make_workbook(
        title_rows=[["Our copy of the security criteria"], [], ["Updated May"], []]
    )
    result = read_criteria(path)
    assert result.header_row == 5
    assert len(result.criteria) == 3
    assert result.criteria[0].provenance is not None
    assert result.criteria[0].provenance.row == 7


def test_section_rows_set_the_section_even_when_merged(make_workbook: WorkbookFactory) -> None:
    """A row holding only a heading (merged across the table) is the section of the rows below."""
    path = make_workbook(merge=["A2:D2", "A5:D5"])
    result = read_criteria(path)
    assert [c.section for c in result.criteria] == [
        "1. Company security policy",
        "1. Company security policy",
        "2. Sealing of containers",
    ]
    assert result.sections == {"1. Company security policy": 2, "2. Sealing of containers": 1}


def test_numbered_heading_in_ref_and_text_columns_is_a_section(
    make_workbook: WorkbookFactory,
) -> None:
    """``3 | Business Partners`` followed by 3.1, 3.2 is a heading, not a criterion with ref 3."""
    rows = [
        ["3", "Business Partners"],
        ["3.1", "Partners are screened before contracts are signed.", "", "Must"],
        ["3.4", "Partners confirm their own security measures in writing.", "", "Should"],
    ]
    result = read_criteria(make_workbook(rows))
    assert [c.ref for c in result.criteria] == ["3.1", "3.4"]
    assert {c.section for c in result.criteria} == {"3 Business Partners"}


def test_section_column_wins_over_section_rows(make_workbook: WorkbookFactory) -> None:
    """When a Category column is filled it gives the section; empty cells carry the one above."""
    header = ["Category", "ID", "Criteria", "Must/Should"]
    rows = [
        ["Heading row that is ignored for sections"],
        ["Seals", "6.1", "Seals meet the ISO 17712 standard for high security.", "Must"],
        ["", "6.2", "Seal numbers are written on the shipping papers.", "Must"],
        ["Access", "10.1", "Visitors show a photo ID at the gate.", "Must"],
    ]
    result = read_criteria(make_workbook(rows, header=header))
    assert [c.section for c in result.criteria] == ["Seals", "Seals", "Access"]


def test_numeric_refs_keep_the_text_excel_shows(make_workbook: WorkbookFactory) -> None:
    """7.1 formatted 0.00 reads "7.10" (not "7.1"); a whole number stays "3", not "3.0"."""
    rows = [
        [7.1, "A numeric ref shown with two decimals.", "", "Must"],
        [7.2, "A numeric ref in General format.", "", "Must"],
        [3, "An integer ref.", "", "Should"],
        [4.0, "A float that is a whole number.", "", "Should"],
    ]
    result = read_criteria(make_workbook(rows, formats={"A2": "0.00"}))
    assert [c.ref for c in result.criteria] == ["7.10", "7.2", "3", "4"]


def test_line_breaks_inside_cells_are_kept(make_workbook: WorkbookFactory) -> None:
    """Wrapped text keeps its line breaks (Windows line ends become \\n)."""
    rows = [
        ["1.1", "First line of the rule.\r\nSecond line of the rule.", "Step one\nStep two", "Must"]
    ]
    criterion = read_criteria(make_workbook(rows)).criteria[0]
    assert criterion.text == "First line of the rule.\nSecond line of the rule."
    assert criterion.guidance == "Step one\nStep two"


def test_provenance_names_file_hash_sheet_and_row(make_workbook: WorkbookFactory) -> None:
    """Every criterion records file name, SHA-256 of the file, sheet and the row Excel shows."""
    path = make_workbook(sheet="MSC")
    result = read_criteria(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.sha256 == digest
    origins = [c.provenance for c in result.criteria]
    assert all(
        o is not None and (o.file, o.sha256, o.sheet) == ("criteria.xlsx", digest, "MSC")
        for o in origins
    )
    assert [o.row for o in origins if o is not None] == [3, 4, 6]


def test_xlsm_workbooks_are_read(make_workbook: WorkbookFactory) -> None:
    """A macro-enabled .xlsm file is read like .xlsx (macros are never run)."""
    result = read_criteria(make_workbook(name="criteria.xlsm"))
    assert len(result.criteria) == 3


def test_picks_the_sheet_that_looks_like_criteria(make_workbook: WorkbookFactory) -> None:
    """With a 'Read me' sheet first, the criteria sheet is chosen, and all sheets are listed."""
    readme = [["About this workbook"], ["Written by the compliance team"], ["Version", "3"]]
    path = make_workbook(
        sheet="MSC Importers", before=[("Read me", readme)], after=[("Notes", [["x", "y"]])]
    )
    result = read_criteria(path)
    assert result.sheet == "MSC Importers"
    assert result.sheets == ("Read me", "MSC Importers", "Notes")
    assert list_sheets(path) == ("Read me", "MSC Importers", "Notes")


def test_explicit_sheet_overrides_the_choice(make_workbook: WorkbookFactory) -> None:
    """--sheet reads the named sheet even when another looks more like criteria."""
    other = [HEADER, ["9.1", "Doors and windows lock.", "", "Must"]]
    path = make_workbook(after=[("Old version", other)])
    result = read_criteria(path, sheet="Old version")
    assert result.sheet == "Old version"
    assert [c.ref for c in result.criteria] == ["9.1"]
    assert read_criteria(path, sheet="old VERSION").sheet == "Old version"


def test_a_second_criteria_like_sheet_is_mentioned(make_workbook: WorkbookFactory) -> None:
    """When two sheets look like criteria tables, the one not chosen is named in a warning."""
    draft = [HEADER, ["1.1", "Draft wording.", "", "Must"]]
    result = read_criteria(make_workbook(after=[("Draft 2026", draft)]))
    assert result.sheet == "Criteria"
    assert "'Draft 2026' also looks like a criteria table" in str(result.warnings[0])
    assert (
        read_criteria(make_workbook(after=[("Draft 2026", draft)]), sheet="Criteria").warnings == ()
    )


def test_unknown_sheet_names_the_sheets_that_exist(make_workbook: WorkbookFactory) -> None:
    """Asking for a sheet that is not there says which sheets there are."""
    path = make_workbook(after=[("Notes", [["a"]])])
    with pytest.raises(ColumnMappingError) as err:
        read_criteria(path, sheet="Criterios")
    assert "'Criterios'" in str(err.value)
    assert "'Criteria', 'Notes'" in str(err.value)


def test_hidden_rows_and_columns_are_reported(make_workbook: WorkbookFactory) -> None:
    """Hidden rows that hold criteria and hidden columns that hold data come with warnings."""
    header = [*HEADER, "Internal remark"]
    rows = [[*r, "draft"] if len(r) > 1 else r for r in ROWS]
    path = make_workbook(rows, header=header, hidden_rows=[4], hidden_columns=["C", "E"])
    result = read_criteria(path)
    assert len(result.criteria) == 3
    texts = [str(w) for w in result.warnings]
    assert any("row 4" in t and "hidden" in t for t in texts)
    assert any("column C" in t and "imported as guidance" in t for t in texts)
    assert any("column E" in t and "not imported" in t for t in texts)


def test_totals_and_trailing_rows_are_reported_not_imported(make_workbook: WorkbookFactory) -> None:
    """A 'Total' line and a lone note under the table are warned about and not imported."""
    rows = [*ROWS, ["Total", "3 criteria"], ["Source: our own summary, May"]]
    result = read_criteria(make_workbook(rows))
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "2.1"]
    texts = [str(w) for w in result.warnings]
    assert any("row 7" in t and "totals" in t for t in texts)
    assert any("row 8" in t and "Source: our own summary" in t for t in texts)


def test_trailing_blank_formatted_rows_are_reported(tmp_path: Path) -> None:
    """Formatted but empty rows below the table are reported as skipped."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(["1.1", "Gates are locked at night.", "", "Must"])
    ws.cell(5, 2).value = ""
    ws.cell(5, 2).number_format = "@"
    path = tmp_path / "blank_rows.xlsx"
    wb.save(path)
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1"]
    assert any("blank at the end" in str(w) for w in result.warnings)


def test_formula_without_cached_value_is_reported(make_workbook: WorkbookFactory) -> None:
    """A formula never calculated in Excel has no saved value: warned, never evaluated."""
    rows = [["1.1", '=CONCAT("Doors ","lock")', "", "Must"], ["1.2", "Windows lock.", "", "Must"]]
    result = read_criteria(make_workbook(rows))
    texts = [str(w) for w in result.warnings]
    assert any("row 2, column B" in t and "formula" in t for t in texts)
    assert result.criteria[0].text == ""


def test_a_ref_excel_turned_into_a_date_is_reported(make_workbook: WorkbookFactory) -> None:
    """A ref cell holding a date (7.10 typed into a date-happy locale) is flagged."""
    rows = [[dt.datetime(2026, 7, 10), "Seals are logged.", "", "Must"]]
    result = read_criteria(make_workbook(rows))
    assert any("date" in str(w) and "column A" in str(w) for w in result.warnings)


def test_hidden_sheet_chosen_explicitly_is_reported(tmp_path: Path) -> None:
    """Reading a hidden sheet works but says the sheet is hidden."""
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Nothing here"])
    ws = wb.create_sheet("Archive")
    ws.append(HEADER)
    ws.append(["1.1", "Gates are locked at night.", "", "Must"])
    ws.sheet_state = "hidden"
    wb.save(path)
    result = read_criteria(path, sheet="Archive")
    assert any("sheet is hidden" in str(w) for w in result.warnings)


def test_preview_shows_top_rows_and_roles(make_workbook: WorkbookFactory) -> None:
    """preview() gives the first rows as text, the header row and the role of each column."""
    path = make_workbook(title_rows=[["My criteria"]])
    shown = preview(path, max_rows=2)
    assert shown.header_row == 2
    assert shown.headers == tuple(HEADER)
    assert shown.roles == {0: "ref", 1: "text", 2: "guidance", 3: "level"}
    assert [n for n, _ in shown.rows] == [1, 2, 3, 4]


def test_preview_without_header_still_shows_rows(make_workbook: WorkbookFactory) -> None:
    """With no recognisable header, preview still returns rows so the user can map columns."""
    path = make_workbook([["a", "b"], ["c", "d"]], header=["Alpha", "Beta"])
    shown = preview(path)
    assert shown.header_row is None
    assert shown.roles == {}
    assert shown.rows[0] == (1, ("Alpha", "Beta"))


def test_preview_finds_a_table_far_down_the_sheet(tmp_path: Path) -> None:
    """Blank rows above the table do not hide it from the preview."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.cell(300, 1).value = "ID"
    ws.cell(300, 2).value = "Criteria"
    for i in range(1, 30):
        ws.cell(300 + i, 1).value = f"1.{i}"
        ws.cell(300 + i, 2).value = f"Rule {i} is followed."
    path = tmp_path / "far.xlsx"
    wb.save(path)
    shown = preview(path, max_rows=5)
    assert shown.header_row == 300
    assert [n for n, _ in shown.rows] == [300, 301, 302, 303, 304, 305]


def test_preview_with_a_partial_mapping_falls_back_to_detection(
    make_workbook: WorkbookFactory,
) -> None:
    """A wizard half-way through naming columns still gets a preview."""
    path = make_workbook([["Q1", "Staff wear badges."]], header=["Code", "Wording"])
    shown = preview(path, columns={"ref": "Code"})
    assert shown.header_row is None
    assert shown.rows[0] == (1, ("Code", "Wording"))
    full = preview(path, columns={"ref": "Code", "text": "Wording"})
    assert (full.header_row, full.roles) == (1, {0: "ref", 1: "text"})
