"""The data folder is one criteria-compare folder; an earlier nested one is moved up quietly."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.gui import data_folder as df


def test_the_folder_is_not_nested_twice() -> None:
    folder = df.data_folder()
    assert folder.name == "criteria-compare"
    assert folder.parent.name != "criteria-compare"


def test_an_earlier_nested_folder_moves_up(tmp_path: Path) -> None:
    folder = tmp_path / "criteria-compare"
    nested = folder / "criteria-compare"
    (nested / "sample" / "abc").mkdir(parents=True)
    (nested / "sample" / "abc" / "s.ccproj").write_bytes(b"x")
    (nested / "notes.txt").write_text("old", encoding="utf-8")
    (folder).mkdir(exist_ok=True)
    (folder / "notes.txt").write_text("new", encoding="utf-8")  # already above: stays
    df.unnest(folder)
    assert (folder / "sample" / "abc" / "s.ccproj").read_bytes() == b"x"
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "new"
    assert (nested / "notes.txt").read_text(encoding="utf-8") == "old"  # kept, not lost
    assert not (nested / "sample").exists()
    (nested / "notes.txt").unlink()
    df.unnest(folder)
    assert not nested.exists()


def test_nothing_to_move_is_quiet(tmp_path: Path) -> None:
    df.unnest(tmp_path / "criteria-compare")  # no folder at all
    assert not (tmp_path / "criteria-compare").exists()
