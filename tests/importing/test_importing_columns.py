"""Header recognition in many spellings, columns in any order, and the user's explicit mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.errors import ColumnMappingError, ImportFailed
from criteria_compare.importing import HeaderNotFound, match_header, read_criteria
from tests.importing.import_fixtures import WorkbookFactory

SPELLINGS = {
    "ref": ["ID", "Criteria ID", "Ref.", "REF", "No.", "Número", "criterion  id", "#"],
    "text": [
        "Criteria",
        "Requirement",
        "Requirement text",
        "Description",
        "Requisito",
        "Requirment",
    ],
    "section": ["Category", "Section", "Chapter", "Sección", "CHAPTER:"],
    "level": ["Must/Should", "Must / Should", "Level", "Priority", "must-should"],
    "guidance": [
        "Implementation Guidance",
        "Guidance",
        "Notes",
        "Explanatory notes",
        "Notas explicativas",
        "Implementation guidence",
    ],
}


@pytest.mark.parametrize(
    ("role", "header"), [(role, h) for role, names in SPELLINGS.items() for h in names]
)
def test_header_spellings_name_their_role(role: str, header: str) -> None:
    """Each documented spelling (and near misses) maps to its role."""
    match = match_header(header)
    assert match is not None
    assert match.role == role


@pytest.mark.parametrize("header", ["Page", "Owner", "Date reviewed", "Yes/No", ""])
def test_unrelated_headers_name_no_role(header: str) -> None:
    """Headers that name none of the roles are left alone."""
    assert match_header(header) is None


def test_columns_in_any_order(make_workbook: WorkbookFactory) -> None:
    """A partner layout (Section, text, ref, notes, level) is mapped by name, not position."""
    header = ["Section", "Requirement text", "Ref.", "Explanatory notes", "Level"]
    rows = [
        ["Premises", "Premises have fences and lit perimeters.", "6.1.1", "See annex", "Mandatory"]
    ]
    result = read_criteria(make_workbook(rows, header=header))
    assert result.columns == {
        "ref": "Ref.",
        "text": "Requirement text",
        "section": "Section",
        "level": "Level",
        "guidance": "Explanatory notes",
    }
    assert result.column_letters == {
        "ref": "C",
        "text": "B",
        "section": "A",
        "level": "E",
        "guidance": "D",
    }
    c = result.criteria[0]
    assert (c.ref, c.section, c.guidance, c.level.value if c.level else None) == (
        "6.1.1",
        "Premises",
        "See annex",
        "Must",
    )


def test_explicit_mapping_by_header_text_overrides_detection(
    make_workbook: WorkbookFactory,
) -> None:
    """Naming the text column picks it even when another header looks more like text."""
    header = ["ID", "Description", "Full wording"]
    rows = [["1.1", "short", "The full wording of the rule."]]
    path = make_workbook(rows, header=header)
    assert read_criteria(path).criteria[0].text == "short"
    result = read_criteria(path, columns={"text": "full wording"})
    assert result.criteria[0].text == "The full wording of the rule."
    assert result.columns["text"] == "Full wording"


def test_explicit_mapping_by_letter_for_unrecognisable_headers(
    make_workbook: WorkbookFactory,
) -> None:
    """Column letters work where headers mean nothing to the importer."""
    header = ["Code", "Wording", "Kind"]
    rows = [
        ["Q1", "Seals are kept locked away.", "Obligatorio"],
        ["Q2", "Staff wear badges.", "Recomendado"],
    ]
    result = read_criteria(
        make_workbook(rows, header=header), columns={"ref": "A", "text": "b", "level": "C"}
    )
    assert [(c.ref, c.level.value if c.level else None) for c in result.criteria] == [
        ("Q1", "Must"),
        ("Q2", "Should"),
    ]
    assert result.header_row == 1


def test_no_header_row_says_what_was_found_and_suggests_columns(
    make_workbook: WorkbookFactory,
) -> None:
    """Without recognisable headers the error lists the headers found and suggests --columns."""
    path = make_workbook([["x", "y"]], header=["Alpha", "Beta", "Gamma"])
    with pytest.raises(HeaderNotFound) as err:
        read_criteria(path)
    assert isinstance(err.value, ImportFailed)
    assert isinstance(err.value, ColumnMappingError)
    message = str(err.value)
    assert "criteria.xlsx, sheet 'Criteria'" in message
    assert "'Alpha', 'Beta', 'Gamma'" in message
    assert "--columns" in message
    assert "\n" not in message


def test_missing_ref_column_is_named(make_workbook: WorkbookFactory) -> None:
    """A header with text and level but no ID column says the ref column is missing."""
    path = make_workbook([["Rule.", "Must"]], header=["Requirement", "Level"])
    with pytest.raises(ColumnMappingError, match=r"no ID \(ref\) column in header row 1"):
        read_criteria(path)


def test_mapping_to_a_missing_header_lists_the_headers(make_workbook: WorkbookFactory) -> None:
    """Naming a column that is not in the header row says which headers exist."""
    with pytest.raises(
        ColumnMappingError, match=r"'Wording' given for text is not in the header row"
    ):
        read_criteria(make_workbook(), columns={"text": "Wording"})


def test_mapping_with_unknown_role_is_refused(make_workbook: WorkbookFactory) -> None:
    """Only ref, text, section, level and guidance can be mapped."""
    with pytest.raises(ColumnMappingError, match=r"unknown column role 'owner'"):
        read_criteria(make_workbook(), columns={"owner": "A"})


def test_mapping_one_column_to_two_roles_is_refused(make_workbook: WorkbookFactory) -> None:
    """One column cannot be both the ref and the text."""
    with pytest.raises(ColumnMappingError, match="several roles"):
        read_criteria(make_workbook(), columns={"ref": "A", "text": "A"})


def test_named_columns_guide_the_sheet_choice(make_workbook: WorkbookFactory) -> None:
    """Without --sheet, the sheet holding the headers the user named is chosen."""
    partner = [["Code", "Wording"], ["Q1", "Staff wear badges."]]
    path = make_workbook(after=[("Partner", partner)])
    assert read_criteria(path).sheet == "Criteria"
    result = read_criteria(path, columns={"ref": "Code", "text": "Wording"})
    assert result.sheet == "Partner"
    assert [c.ref for c in result.criteria] == ["Q1"]


def test_file_without_header_row_mapped_by_letters(tmp_path: Path) -> None:
    """With letters only and a first row that is already a criterion, nothing is lost."""
    path = tmp_path / "no_header.csv"
    path.write_text(
        "7.1,Containers are inspected before they are loaded.\n"
        "7.2,Seal numbers are checked against the papers.\n",
        encoding="utf-8",
    )
    result = read_criteria(path, columns={"ref": "A", "text": "B"})
    assert result.header_row == 0
    assert result.columns == {"ref": "A", "text": "B"}
    assert [c.ref for c in result.criteria] == ["7.1", "7.2"]
    assert result.criteria[0].provenance is not None
    assert result.criteria[0].provenance.row == 1
