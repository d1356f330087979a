"""A level column full of other words (a "Status" column) gives a few warnings and a summary."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.importing import read_criteria


def test_many_unknown_levels_are_summarised(tmp_path: Path) -> None:
    """Forty rows whose level reads 'Implemented' or 'Pending' give the first few row warnings
    and then one summary with the count, the column and what to do, not forty warnings."""
    rows = "".join(
        f"{i}.1,Criterion number {i} is met.,{'Implemented' if i % 2 else 'Pending'}\n"
        for i in range(1, 41)
    )
    path = tmp_path / "tracker.csv"
    path.write_text("ID,Criteria,Status\n" + rows, encoding="utf-8")
    result = read_criteria(path)
    assert len(result.criteria) == 40
    assert all(c.level is None for c in result.criteria)
    level_warnings = [w for w in result.warnings if w.column == "C"]
    assert 2 <= len(level_warnings) <= 6
    summary = level_warnings[-1].message
    assert "40 rows" in summary
    assert "Status" in summary
    assert "'Implemented'" in summary
    assert "'Pending'" in summary


def test_a_few_unknown_levels_keep_their_row_warnings(tmp_path: Path) -> None:
    """Two odd level values among good ones are each reported by row, with no summary."""
    path = tmp_path / "few.csv"
    path.write_text(
        "ID,Criteria,Level\n1.1,One.,Must\n1.2,Two.,High\n1.3,Three.,Should\n1.4,Four.,Low\n",
        encoding="utf-8",
    )
    rows = [w.row for w in read_criteria(path).warnings]
    assert rows == [3, 5]
