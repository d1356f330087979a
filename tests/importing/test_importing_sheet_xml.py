"""The worksheet XML pass: hidden rows and columns, formulas without a saved value, odd writers."""

from __future__ import annotations

from criteria_compare.importing.sheet_xml import scan_sheet_xml


def test_hidden_rows_columns_and_uncached_formulas() -> None:
    """Hidden rows and column ranges are read; a formula with <v> is fine, one without is not."""
    xml = (
        b'<worksheet><cols><col min="2" max="3" hidden="1" width="0"/><col min="5" max="5"/></cols>'
        b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
        b'<row r="4" hidden="1" spans="1:3"><c r="A4"><f>1+1</f><v>2</v></c>'
        b'<c r="B4" t="str"><f>A1&amp;"x"</f></c><c r="C4" s="1"/></row>'
        b'<row r="9" hidden="true"><c r="AB9"><f>SUM(A1:A3)</f><v></v></c></row></sheetData></worksheet>'
    )
    facts = scan_sheet_xml(xml)
    assert facts.hidden_rows == {4, 9}
    assert facts.hidden_columns == {2, 3}
    assert facts.formulas_without_value == {(4, 2), (9, 28)}


def test_rows_without_r_attribute_are_counted() -> None:
    """Some writers leave out r="..." on rows; hidden rows are then found by counting."""
    xml = (
        b"<x:worksheet><x:sheetData><x:row><x:c/></x:row><x:row/>"
        b'<x:row hidden="1"/><x:row r="7" hidden="1"/></x:sheetData></x:worksheet>'
    )
    assert scan_sheet_xml(xml).hidden_rows == {3, 7}


def test_outline_levels_of_rows_without_r_attribute_are_counted_the_same_way() -> None:
    """Grouped rows without r="..." get their level on the row found by counting, as hidden ones do."""
    xml = (
        b'<worksheet><sheetData><row/><row outlineLevel="1"/><row r="5" outlineLevel="2"/>'
        b'<row outlineLevel="1" hidden="1"/></sheetData></worksheet>'
    )
    facts = scan_sheet_xml(xml)
    assert facts.outline_levels == {2: 1, 5: 2, 6: 1}
    assert facts.hidden_rows == {6}


def test_nothing_hidden_nothing_reported() -> None:
    """A plain sheet gives empty facts."""
    xml = b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'
    facts = scan_sheet_xml(xml)
    assert not facts.hidden_rows
    assert not facts.hidden_columns
    assert not facts.formulas_without_value
