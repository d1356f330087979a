"""Text-only rows that are neither criteria nor headings of anything are reported, not dropped."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.importing import read_criteria


def test_text_rows_without_ref_and_without_criteria_below_are_warned(tmp_path: Path) -> None:
    """Criteria whose ref was forgotten, one after another, are each reported by row (they read
    like headings of empty sections), so none disappears silently."""
    path = tmp_path / "forgot_refs.csv"
    path.write_text(
        "id,text\nP-1,Sealed containers only.\n,Seal every trailer after loading\n,Log every seal number\n"
        ",Check seals on arrival\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["P-1"]
    rows = sorted(w.row for w in result.warnings if w.row is not None)
    assert rows == [3, 4, 5]
    text = " ".join(str(w) for w in result.warnings)
    assert "Seal every trailer after loading" in text
    assert "Log every seal number" in text


def test_heading_rows_in_the_ref_column_followed_by_headings_stay_quiet(tmp_path: Path) -> None:
    """A focus-area row followed by a category row (both in the first column, as in CTPAT
    workbooks) is ordinary layout: no warning, and the category names the section."""
    path = tmp_path / "areas.csv"
    path.write_text(
        "ID,Criteria,Level\nCorporate Security,,\n1. Security Vision,,\n"
        "1.1,Management supports the programme in writing.,Must\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert [(c.ref, c.section) for c in result.criteria] == [("1.1", "1. Security Vision")]
    assert not result.warnings


def test_short_headings_in_a_text_first_layout_stay_quiet(tmp_path: Path) -> None:
    """When the criteria text is the first column, a two-word focus-area row followed by a
    category row is layout, not a forgotten ref: no warning."""
    path = tmp_path / "text_first.csv"
    path.write_text(
        "Criteria,ID,Level\nCorporate Security,,\n1. Security Vision,,\n"
        "Management supports the programme in writing.,1.1,Must\n",
        encoding="utf-8",
    )
    result = read_criteria(path)
    assert [(c.ref, c.section) for c in result.criteria] == [("1.1", "1. Security Vision")]
    assert not result.warnings
