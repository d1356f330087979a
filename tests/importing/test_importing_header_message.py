"""The "no header row" message describes the row it quotes truthfully."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.importing import HeaderNotFound, read_criteria


def test_single_filled_row_is_not_called_a_row_with_several_cells(tmp_path: Path) -> None:
    """When no row has two filled cells, the message quotes the first filled row without
    claiming it holds several cells."""
    path = tmp_path / "one.csv"
    path.write_text("Security criteria\nSeal every container\n", encoding="utf-8")
    with pytest.raises(HeaderNotFound) as exc:
        read_criteria(path)
    message = str(exc.value)
    assert "several filled cells" not in message
    assert "row 1" in message
    assert "'Security criteria'" in message
