"""Settings: recent projects, folders, reviewer name and versioned window state survive a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from criteria_compare.gui.settings import MAX_RECENT, STATE_VERSION, Settings


def _touch(path: Path) -> Path:
    path.write_bytes(b"x")
    return path


def test_recent_files_newest_first_capped_and_deduplicated(tmp_path: Path) -> None:
    """Opening a project puts it first; the list holds at most ten distinct files."""
    settings = Settings()
    files = [_touch(tmp_path / f"p{i}.ccproj") for i in range(12)]
    for f in files:
        settings.add_recent(f)
    settings.add_recent(files[3])
    recent = Settings().recent_files()
    assert len(recent) == MAX_RECENT
    assert recent[0] == files[3].resolve()
    assert recent[1] == files[11].resolve()
    assert len(set(recent)) == len(recent)


def test_missing_recent_files_are_pruned(tmp_path: Path) -> None:
    """A project deleted since last time disappears from the list."""
    settings = Settings()
    keep = _touch(tmp_path / "keep.ccproj")
    gone = _touch(tmp_path / "gone.ccproj")
    settings.add_recent(keep)
    settings.add_recent(gone)
    gone.unlink()
    assert settings.recent_files() == [keep.resolve()]


def test_recent_counts_are_remembered(tmp_path: Path) -> None:
    """The start screen can say "37/152 reviewed" without opening the project."""
    settings = Settings()
    f = _touch(tmp_path / "a.ccproj")
    settings.add_recent(f, reviewed=3, total=10, title="Meridia vs CTPAT")
    settings.update_recent_counts(f, 37, 152)
    (entry,) = Settings().recent_projects()
    assert entry.counts_text == "37/152 reviewed"
    assert entry.title == "Meridia vs CTPAT"
    settings.add_recent(f)  # re-opening keeps the counts
    assert Settings().recent_projects()[0].counts_text == "37/152 reviewed"


def test_reviewer_and_folders(tmp_path: Path) -> None:
    """The reviewer name and last folders are there after a restart."""
    settings = Settings()
    assert settings.reviewer_name() is None
    settings.set_reviewer_name("  A. Specialist ")
    settings.set_last_folder("spreadsheet", tmp_path / "file.xlsx")
    again = Settings()
    assert again.reviewer_name() == "A. Specialist"
    assert again.last_folder("spreadsheet") == str(tmp_path)
    assert again.last_folder("never-used") == str(Path.home())


def test_window_geometry_round_trip_and_version_guard(qtbot) -> None:
    """Window size comes back; state stored by another layout version is ignored."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.resize(700, 480)
    settings = Settings()
    settings.save_window(window)
    settings.save_state("review/splitter", QByteArray(b"abc"))
    other = QMainWindow()
    qtbot.addWidget(other)
    assert Settings().restore_window(other)
    assert other.size() == window.size()
    assert bytes(Settings().restore_state("review/splitter").data()) == b"abc"
    QSettings().setValue("state/review/splitter/version", STATE_VERSION + 1)
    assert Settings().restore_state("review/splitter") is None
