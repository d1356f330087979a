"""A CSV quote that is never closed swallows the rows after it; the import says so."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.importing import read_criteria


def test_unclosed_quote_is_reported_with_its_row(tmp_path: Path) -> None:
    """Rows read into one cell because of an unclosed quote are reported (row and rows lost),
    instead of vanishing silently."""
    path = tmp_path / "quote.csv"
    path.write_text(
        'ID,Criteria\n1.1,"Unclosed quote text here\n1.2,Second criterion\n1.3,Third one\n',
        encoding="utf-8",
    )
    result = read_criteria(path)
    messages = [str(w) for w in result.warnings]
    assert any("row 2" in m and "quote" in m and "2 more rows" in m for m in messages), messages


def test_multi_line_cells_with_numbered_steps_are_not_reported(tmp_path: Path) -> None:
    """A properly quoted cell with numbered lines (1. front wall, 2. left side) is ordinary."""
    path = tmp_path / "steps.csv"
    path.write_text(
        'ID,Criteria\n5.3,"Inspect the container:\n1. front wall, inside\n2. left side"\n'
        "5.4,Next criterion\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["5.3", "5.4"]
    assert not result.warnings


def test_guidance_listing_other_refs_is_not_taken_for_a_torn_row(tmp_path: Path) -> None:
    """A quoted note whose second line lists refs with commas ("3.1, 3.4 and 3.5") in a
    four-column file is ordinary text, not rows swallowed by an open quote."""
    path = tmp_path / "related.csv"
    path.write_text(
        'ID,Criteria,Level,Notes\n3.2,Screen partners.,Must,"Related:\n3.1, 3.4 and 3.5"\n'
        "3.3,Check partners yearly.,Should,\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["3.2", "3.3"]
    assert not result.warnings
