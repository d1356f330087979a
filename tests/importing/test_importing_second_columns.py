"""A second column named like one already used (two "Criteria" columns) is reported, not ignored."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.importing import read_criteria


def test_second_text_column_with_data_is_reported(tmp_path: Path) -> None:
    """When two columns are both headed "Criteria", the one not imported is named in a warning
    (by column letter) so its text is not lost unnoticed."""
    path = tmp_path / "two_text.csv"
    path.write_text(
        "ID,Criteria,Criteria,Notes\n1.1,First part of the text,Second part of the text,n\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert result.column_letters["text"] == "B"
    (warning,) = [w for w in result.warnings if w.column == "C"]
    assert "Criteria" in warning.message
    assert "column B" in warning.message


def test_unrelated_extra_columns_stay_quiet(tmp_path: Path) -> None:
    """Columns whose headers name no role (Owner, Last updated) give no warning."""
    path = tmp_path / "extra.csv"
    path.write_text("ID,Criteria,Owner,Last updated\n1.1,Seal every container.,Ana,2024\n")
    assert not read_criteria(path).warnings
