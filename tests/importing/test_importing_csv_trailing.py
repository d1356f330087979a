"""Trailing rows of separators in a CSV file are described as the file's, not a sheet's."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.importing import read_criteria


def test_trailing_separator_rows_in_csv_are_worded_for_a_text_file(tmp_path: Path) -> None:
    """Rows holding only commas at the end of a CSV are reported as blank rows at the end of
    the file (CSV files have no sheets and no formatting)."""
    path = tmp_path / "export.csv"
    path.write_text("ID,Criteria,,\n1.1,Seals are checked,,\n,,,\n,,,\n", encoding="utf-8")
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1"]
    (warning,) = [str(w) for w in result.warnings if "blank" in w.message]
    assert "end of the file" in warning
    assert "sheet" not in warning
    assert "formatted" not in warning
