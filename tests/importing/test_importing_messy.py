"""One hand-kept workbook with every usual blemish, read end to end as a user would see it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from criteria_compare.importing import read_criteria


@pytest.fixture
def messy_workbook(tmp_path: Path) -> Path:
    """A 'Read me' sheet, then a team copy with titles, merged headings, blemishes and a total."""
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "Read me"
    readme.append(["This workbook is our own working copy."])
    ws = wb.create_sheet("MSC 2019")
    ws.append(["Minimum security criteria – importers (team copy)"])
    ws.append(["Last reviewed: 3 March"])
    ws.append([])
    ws.append(
        ["Criteria\nID", "Requirement *", "Implementation\nGuidance", "Must / Should", "Owner"]
    )
    ws.append(["CORPORATE SECURITY"])
    ws.append(["1. Security Vision & Responsibility"])
    ws.merge_cells("A6:E6")
    ws.append(
        [
            1.1,
            "Management backs the security programme in writing.",
            "Signed\nstatement.",
            "Must",
            "Ana",
        ]
    )
    ws.append([1.1, "A second row with the same ref by mistake.", "", "Must", "Ana"])
    ws.append([1.2, "Security duties are shared across departments.", "", "should", "Ben"])
    ws.append(["2. Risk Assessment"])
    ws.merge_cells("A10:E10")
    ws.append([2.1, "Supply-chain risks are assessed every year.", "", "Mandatory", "Ana"])
    ws.append(["", "A line someone forgot to number.", "", "Must", ""])
    ws.append(["2.4", "Threat scenarios include cargo theft.", "", "Sometimes", ""])
    ws.row_dimensions[13].hidden = True
    ws.append(["2.5", "=B11", "", "Should", ""])
    ws.append(["Total", 6])
    for cell in ("A7", "A9"):
        ws[cell].number_format = "0.0"
    ws["A11"].number_format = "0.00"
    ws.column_dimensions["E"].hidden = True
    path = tmp_path / "team_copy.xlsx"
    wb.save(path)
    return path


def test_messy_workbook_reads_as_the_user_sees_it(messy_workbook: Path) -> None:
    """Right sheet, header row 4, refs as shown, last heading wins, every blemish located."""
    result = read_criteria(messy_workbook)
    assert (result.sheet, result.header_row) == ("MSC 2019", 4)
    assert result.columns == {
        "ref": "Criteria ID",
        "text": "Requirement *",
        "level": "Must / Should",
        "guidance": "Implementation Guidance",
    }
    assert [(c.ref, c.section[:2]) for c in result.criteria] == [
        ("1.1", "1."),
        ("1.2", "1."),
        ("2.10", "2."),
        ("2.4", "2."),
        ("2.5", "2."),
    ]
    assert result.criteria[0].guidance == "Signed\nstatement."
    located = [(w.row, w.column, w.message.split(" ")[0]) for w in result.warnings]
    assert located == [
        (8, "A", "ref"),  # duplicate 1.1
        (12, "A", "this"),  # text without a ref
        (13, "D", "level"),  # 'Sometimes'
        (13, None, "this"),  # hidden row
        (14, "B", "this"),  # formula without a saved value
        (14, "B", "criterion"),  # ...so the text is empty
        (15, None, "'Total"),  # totals row ('Total | 6')
        (None, "E", "this"),  # hidden 'Owner' column with data
    ]


def test_sheet_with_header_only_warns_no_criteria(tmp_path: Path) -> None:
    """A sheet with a header and nothing below it says no criteria were found."""
    path = tmp_path / "empty_table.csv"
    path.write_text("ID,Criteria,Level\n", encoding="utf-8")
    result = read_criteria(path)
    assert result.criteria == ()
    assert [str(w) for w in result.warnings] == [
        "empty_table.csv: no criteria were found below the header row (row 1); check the sheet "
        "and the column mapping."
    ]
