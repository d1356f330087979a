"""A notice above the panes says what a bulk confirm, an undo or a redo just did."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from criteria_compare.gui.main_window import MainWindow
from tests.gui.review_fixtures import open_in

CTRL = Qt.KeyboardModifier.ControlModifier


def test_undo_and_redo_say_what_they_did(qtbot, window: MainWindow, sample_project: Path) -> None:
    open_in(qtbot, window, sample_project)
    review = window.review
    assert review is not None
    review.queue.focus_queue()
    ref = review.current_ref()
    qtbot.keyClick(review.queue.view, Qt.Key.Key_1)
    partner = window.project.links(ref)[0].partner_ref
    assert review.notice_text() == ""
    qtbot.keyClick(review.queue.view, Qt.Key.Key_Z, CTRL)
    assert window.project.links(ref) == ()
    assert review.notice_text().startswith(f"Undone: Confirm {ref} → {partner}.")
    assert "Ctrl+Shift+Z" in review.notice_text()
    qtbot.keyClick(review.queue.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert review.notice_text().startswith(f"Done again: Confirm {ref} → {partner}.")
    review._header._notice_close.click()
    assert review.notice_text() == ""


def test_a_bulk_confirm_says_how_many_and_how_to_take_it_back(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    open_in(qtbot, window, sample_project)
    review = window.review
    assert review is not None
    dialog = review.open_bulk_confirm()
    qtbot.waitUntil(dialog.isVisible)
    decisions = dialog.decisions()
    assert decisions
    dialog.accept()
    n = len(decisions)
    assert f"for {n} criteri" in review.notice_text()
    assert "Ctrl+Z" in review.notice_text()
    qtbot.keyClick(review.queue.view, Qt.Key.Key_Z, CTRL)
    assert review.notice_text().startswith("Undone: Confirm ")
