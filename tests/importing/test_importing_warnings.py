"""Row problems are collected as warnings with file, sheet, row and column; levels are normalised."""

from __future__ import annotations

import pytest

from criteria_compare.importing import ImportWarning, parse_level, read_criteria  # noqa: A004
from criteria_compare.model import Level
from tests.importing.import_fixtures import WorkbookFactory


def _texts(result_warnings: tuple[ImportWarning, ...]) -> list[str]:
    return [str(w) for w in result_warnings]


def test_warning_text_locates_the_problem() -> None:
    """str(warning) reads "file, sheet 'X', row N, column C: message"."""
    w = ImportWarning("something is odd.", "a.xlsx", "MSC", 12, "C")
    assert str(w) == "a.xlsx, sheet 'MSC', row 12, column C: something is odd."
    assert str(ImportWarning("odd.", "b.csv", None, 3, None)) == "b.csv, row 3: odd."


def test_empty_text_is_imported_and_warned(make_workbook: WorkbookFactory) -> None:
    """A criterion without text is kept (its ref exists) and reported at its text cell."""
    rows = [["1.1", "", "Some guidance only.", "Must"], ["1.2", "Gates lock.", "", "Must"]]
    result = read_criteria(make_workbook(rows))
    assert [c.ref for c in result.criteria] == ["1.1", "1.2"]
    assert _texts(result.warnings) == [
        "criteria.xlsx, sheet 'Criteria', row 2, column B: criterion '1.1' has no text; it was "
        "imported with empty text."
    ]


def test_duplicate_refs_keep_the_first_and_name_its_row(make_workbook: WorkbookFactory) -> None:
    """The second row with the same ref is skipped, and the warning says where the first is."""
    rows = [
        ["4.1", "First wording.", "", "Must"],
        ["4.2", "Other rule.", "", "Must"],
        ["4.1", "Second wording.", "", "Should"],
    ]
    result = read_criteria(make_workbook(rows))
    assert [(c.ref, c.text) for c in result.criteria] == [
        ("4.1", "First wording."),
        ("4.2", "Other rule."),
    ]
    (warning,) = result.warnings
    assert (warning.row, warning.column) == (4, "A")
    assert "already appears in row 2" in warning.message


def test_rows_without_ref_are_reported_not_imported(make_workbook: WorkbookFactory) -> None:
    """Text without an ID cannot be linked later, so it is reported and left out."""
    rows = [
        ["5.1", "Trucks are inspected before loading.", "", "Must"],
        ["", "The seven-point inspection covers the whole trailer, inside and out.", "", "Must"],
        ["", "", "Only a note here", "Should"],
    ]
    result = read_criteria(make_workbook(rows))
    assert [c.ref for c in result.criteria] == ["5.1"]
    texts = _texts(result.warnings)
    assert any("row 3, column A" in t and "no ref" in t for t in texts)
    assert any("row 4" in t and "neither a ref nor criteria text" in t for t in texts)


def test_unknown_level_values_are_reported(make_workbook: WorkbookFactory) -> None:
    """A level that is neither Must nor Should is left blank and reported at its cell."""
    rows = [["1.1", "Gates lock.", "", "Sometimes"], ["1.2", "Fences stand.", "", ""]]
    result = read_criteria(make_workbook(rows))
    assert [c.level for c in result.criteria] == [None, None]
    (warning,) = result.warnings
    assert (warning.row, warning.column) == (2, "D")
    assert "'Sometimes'" in warning.message
    assert result.levels == {"none": 2}


@pytest.mark.parametrize(
    "word", ["Must", "MUST", "must.", "Mandatory", "Required", "Shall", "Obligatorio", "Must (M)"]
)
def test_must_words(word: str) -> None:
    """Mandatory wordings read as Must."""
    assert parse_level(word) == (Level.MUST, True)


@pytest.mark.parametrize(
    "word", ["Should", "should", "Recommended", "Optional", "Recomendado", "recommandé"]
)
def test_should_words(word: str) -> None:
    """Recommended wordings read as Should."""
    assert parse_level(word) == (Level.SHOULD, True)


def test_blank_level_is_no_level_without_complaint() -> None:
    """An empty level cell is simply no level."""
    assert parse_level("  ") == (None, True)
    assert parse_level("Perhaps") == (None, False)


def test_excel_error_values_read_as_empty_with_a_warning(make_workbook: WorkbookFactory) -> None:
    """A cell showing #REF! or #N/A is not taken as text; the warning names the error."""
    rows = [["1.1", "#REF!", "", "Must"], ["1.2", "Item #5 is checked.", "", "#N/A"]]
    result = read_criteria(make_workbook(rows))
    assert [c.text for c in result.criteria] == ["", "Item #5 is checked."]
    texts = _texts(result.warnings)
    assert any("row 2, column B" in t and "Excel error #REF!" in t for t in texts)
    assert any("row 3, column D" in t and "Excel error #N/A" in t for t in texts)


def test_invisible_characters_around_refs_are_dropped(make_workbook: WorkbookFactory) -> None:
    """A ref pasted with a zero-width space or soft hyphen is the ref the user sees."""
    rows = [["\u200b7.1", "Seals are logged.", "", "Must"], ["7.1\ufeff", "Again.", "", "Must"]]
    result = read_criteria(make_workbook(rows))
    assert [c.ref for c in result.criteria] == ["7.1"]
    assert "already appears in row 2" in result.warnings[0].message


def test_a_lone_note_right_of_the_table_is_not_a_section(make_workbook: WorkbookFactory) -> None:
    """A stray value in an unmapped column does not rename the section of the rows below."""
    rows = [
        ["1. Policy"],
        ["1.1", "Gates lock.", "", "Must"],
        ["", "", "", "", "", "ask Ana"],
        ["1.2", "Fences stand.", "", "Must"],
    ]
    result = read_criteria(make_workbook(rows))
    assert [c.section for c in result.criteria] == ["1. Policy", "1. Policy"]
    assert [w.row for w in result.warnings] == [4]
