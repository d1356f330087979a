"""A project opened read-only says so plainly and switches off every control that writes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from criteria_compare.gui.actions import WRITE_ACTIONS
from criteria_compare.gui.main_window import MainWindow
from criteria_compare.model import Status
from criteria_compare.project import Project


def _window(qtbot) -> MainWindow:
    window = MainWindow(ask_reviewer=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_read_only_project_shows_a_banner_and_disables_writing(qtbot, sample_project: Path) -> None:
    """Title, banner and status say read-only; verdicts, note, flag, confirm and write actions are off."""
    window = _window(qtbot)
    window.show_project(Project.open(sample_project, read_only=True))
    review = window.review
    assert review is not None
    assert review.read_only
    assert "[read-only]" in window.windowTitle()
    assert "Read-only" in review.read_only_banner_text()
    assert review.findChild(QLabel, "readOnlyBanner").isVisibleTo(window)
    assert window.status.saved_label.text() == "Read-only"
    focus = review.focus
    assert not any(
        focus.verdict_button(s).isEnabled() for s in Status if s is not Status.UNREVIEWED
    )
    assert focus.note_edit.isReadOnly()
    assert not focus._flag.isEnabled()
    cards = focus.candidate_cards()
    assert cards
    assert not any(c._confirm.isEnabled() or c._reject.isEnabled() for c in cards)
    assert not review.partners._link_button.isEnabled()
    for name in WRITE_ACTIONS:
        assert not window.actions_by_name[name].isEnabled(), name
    # Navigation still works, by keyboard.
    first = review.current_ref()
    review.queue.focus_queue()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_J)
    assert review.current_ref() != first
    assert window.actions_by_name["export_report"].isEnabled()
    assert window.actions_by_name["save_copy"].isEnabled()
    # Nothing was written: the file still has no decision.
    window.close_project()
    with Project.open(sample_project) as project:
        assert all(a.status is Status.UNREVIEWED for a in project.assessments().values())


def test_writable_project_after_a_read_only_one_has_its_controls_back(
    qtbot, sample_project: Path, tmp_path: Path
) -> None:
    """Closing a read-only project and opening a writable one re-enables every writing action."""
    window = _window(qtbot)
    window.show_project(Project.open(sample_project, read_only=True))
    window.close_project()
    window.show_project(Project.open(sample_project))
    review = window.review
    assert not review.read_only
    assert review.read_only_banner_text() == ""
    assert "[read-only]" not in window.windowTitle()
    for name in WRITE_ACTIONS:
        assert window.actions_by_name[name].isEnabled(), name
    assert review.focus.verdict_button(Status.GAP).isEnabled()
    assert not review.focus.note_edit.isReadOnly()
    window.close_project()
