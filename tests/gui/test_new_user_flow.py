"""A new user's first session, end to end: wizard, keyboard review, bulk, re-align, export, reopen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
from criteria_compare.model import Status

K = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _key(qtbot, window: MainWindow, key: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:
    if QApplication.focusWidget() is None:  # offscreen: a closed dialog does not reactivate
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key, mod)


def test_first_session_from_wizard_to_reopening(qtbot, partner_xlsx: Path, tmp_path: Path) -> None:
    """Everything a first session does lands in the file and is there again after reopening."""
    window = MainWindow(ask_reviewer=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    # Wizard on the two samples.
    wizard = window.file_menu.new_comparison()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    qtbot.waitUntil(lambda: wizard.reference_page.check is not None, timeout=20000)
    wizard.next()
    wizard.partner_page.set_path(partner_xlsx)
    qtbot.waitUntil(lambda: wizard.partner_page.isComplete(), timeout=20000)
    wizard.next()
    target = tmp_path / "first.ccproj"
    wizard.save_page.path_edit.setText(str(target))
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        wizard.accept()
    review = window.review
    first = review.current_ref()
    assert first == window.project.reference.criteria[0].ref

    # First decision: the name is asked once, then the decision is made under it.
    _key(qtbot, window, K.Key_1)
    qtbot.waitUntil(lambda: window.reviewer_gate.dialog is not None)
    window.reviewer_gate.dialog.setTextValue("N. Newcomer")
    window.reviewer_gate.dialog.accept()
    qtbot.waitUntil(lambda: len(window.project.links(first)) == 1)
    _key(qtbot, window, K.Key_A)
    assert window.project.assessment(first).status is Status.ALIGNED

    # Nine more by keyboard: gaps, a flag, a note with Partial, an undo and a redo.
    _key(qtbot, window, K.Key_J)
    second = review.current_ref()
    _key(qtbot, window, K.Key_1)
    _key(qtbot, window, K.Key_E)
    qtbot.keyClicks(QApplication.focusWidget(), "Partner names no deputy.")
    _key(qtbot, window, K.Key_Escape)
    _key(qtbot, window, K.Key_P)
    assert window.project.assessment(second).status is Status.PARTIAL
    for _ in range(7):
        _key(qtbot, window, K.Key_BracketRight)  # next unreviewed
        _key(qtbot, window, K.Key_G)
    _key(qtbot, window, K.Key_F)
    flagged = review.current_ref()
    _key(qtbot, window, K.Key_Z, CTRL)
    assert not window.project.assessment(flagged).discussion
    _key(qtbot, window, K.Key_Z, CTRL | SHIFT)
    assert window.project.assessment(flagged).discussion
    assert review.header_text().startswith(f"Reviewed 9/{len(window.project.reference.criteria)}")

    # Bulk confirm, one step.
    window.actions_by_name["bulk_confirm"].trigger()
    bulk = window.findChild(BulkConfirmDialog)
    assert bulk is not None
    model = bulk.model
    for row in range(model.rowCount()):  # the reviewer chooses Aligned for each row
        model.setData(model.index(row, model.VERDICT), Status.ALIGNED.label)
    n = len(bulk.decisions())
    assert all(d.status is Status.ALIGNED for d in bulk.decisions())
    bulk.accept()
    qtbot.waitUntil(lambda: review.header_text().startswith(f"Reviewed {9 + n}/"))

    # Re-align keeps every decision.
    worker = window.aligner_menu.realign()
    with qtbot.waitSignal(worker.signals.finished, timeout=60000):
        pass
    assert window.project.assessment(second).note == "Partner names no deputy."

    # Export dialog opens on the project and closes.
    dialog = window.file_menu.export_report()
    assert dialog is not None
    dialog.reject()

    # Close and reopen: the same state, the counts in the recent list.
    header = review.header_text().rsplit(" · next", 1)[0]  # "next unreviewed" follows the current
    window.close_project()
    assert Settings().recent_projects()[0].reviewed == 9 + n
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.file_menu.open_path(target)
    assert window.review.header_text().startswith(header)
    assert window.project.assessment(window.review.current_ref()).status is Status.UNREVIEWED
    assert window.project.history(first)[-1].reviewer == "N. Newcomer"
    assert window.reviewer_gate.dialog is None
    window.close_project()


def test_keys_reach_the_review_after_the_name_question(
    qtbot, tmp_path: Path, sample_project: Path
) -> None:
    """After the first-run name question, the next keys move in the queue (none are lost)."""
    window = MainWindow(ask_reviewer=True)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.file_menu.open_path(sample_project)
    review = window.review
    first = review.current_ref()
    _key(qtbot, window, K.Key_1)
    qtbot.waitUntil(lambda: window.reviewer_gate.dialog is not None)
    dialog = window.reviewer_gate.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # offscreen does not activate a window-modal dialog by itself
    qtbot.waitUntil(lambda: getattr(QApplication.focusWidget(), "window", lambda: None)() is dialog)
    edit = QApplication.focusWidget()
    edit.selectAll()
    qtbot.keyClicks(edit, "N. Newcomer")
    qtbot.keyClick(edit, K.Key_Return)
    qtbot.waitUntil(lambda: len(window.project.links(first)) == 1)
    assert window.reviewer_gate.dialog is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.queue.view)
    qtbot.keyClick(QApplication.focusWidget(), K.Key_J)
    assert review.current_ref() != first
    assert window.project.history(first)[0].reviewer == "N. Newcomer"
