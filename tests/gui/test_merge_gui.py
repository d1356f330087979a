"""File → Merge a reviewer's copy…, the side-by-side conflict view and the "Merge conflicts" filter, by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.merge_conflicts import MergeConflictsDialog, value_words
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.project.elements import Field
from tests.gui.review_fixtures import open_in
from tests.workflow.merge_fixtures import Copies, make_copies

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _copies(folder: Path) -> Copies:
    return make_copies(
        folder,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),)),
        lambda p: (
            p.decide("7.10", note="Ours.", status="gap"),
            p.set_relation("6.1", "P-4", "subset_of"),
            p.decide("1.1", note="Only ours."),
        ),
        lambda p: (
            p.decide("7.10", note="Theirs.", status="conflict"),
            p.unlink("6.1", "P-4"),
            p.decide("3.1", discussion=True),
        ),
    )


def _merge_by_keyboard(qtbot, window: MainWindow, copies: Copies) -> MergeConflictsDialog:
    open_in(qtbot, window, copies.ours)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = window.merge_menu.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.merge_button.isEnabled()  # nothing chosen yet
    qtbot.keyClicks(dialog.theirs, str(copies.theirs))
    qtbot.keyClicks(dialog.base, str(copies.base))
    dialog.out.clear()
    qtbot.keyClicks(dialog.out, str(copies.out))
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        qtbot.keyClick(dialog.out, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.merge_menu.conflicts_dialog is not None)
    conflicts = window.merge_menu.conflicts_dialog
    assert conflicts is not None
    qtbot.waitUntil(conflicts.isVisible)
    return conflicts


def test_merging_opens_the_merged_file_and_lists_the_conflicts(qtbot, window: MainWindow, tmp_path: Path) -> None:  # fmt: skip
    """The merged project (a new file) replaces ours in the window; ours keeps its decisions."""
    copies = _copies(tmp_path)
    conflicts = _merge_by_keyboard(qtbot, window, copies)
    assert window.project is not None
    assert window.project.path == copies.out
    with Project.open(copies.ours, read_only=True) as ours:
        assert ours.assessment("3.1").discussion is False
        assert ours.merge_conflicts() == ()
        assert "merged" not in {e.action for e in ours.history()}
    titles = [conflicts.list.item(i).text() for i in range(conflicts.list.count())]
    assert titles == ["6.1 · link to P-4", "7.10 · verdict", "7.10 · note"]
    assert conflicts.ours_text.toPlainText() == "linked (subset)"
    assert conflicts.theirs_text.toPlainText() == "not linked"
    assert window.project.assessment("3.1").discussion is True  # theirs' one-sided change
    assert "0 from ours" not in window.statusBar().currentMessage()
    conflicts.close()


def test_conflicts_are_resolved_with_o_t_e_and_undone_with_ctrl_z(qtbot, window: MainWindow, tmp_path: Path) -> None:  # fmt: skip
    """O keeps ours, T takes theirs, E writes a note (Ctrl+Enter), Ctrl+Z brings a conflict back."""
    conflicts = _merge_by_keyboard(qtbot, window, _copies(tmp_path))
    project = window.project
    assert project is not None
    conflicts.list.setFocus()
    conflicts.list.setCurrentRow(1)  # 7.10 verdict
    qtbot.keyClick(conflicts.list, Qt.Key.Key_T)
    assert project.assessment("7.10").status is Status.CONFLICT
    assert conflicts.list.count() == 2
    qtbot.keyClick(conflicts.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert project.assessment("7.10").status is Status.GAP
    assert conflicts.list.count() == 3

    conflicts.list.setCurrentRow(2)  # 7.10 note
    qtbot.keyClick(conflicts.list, Qt.Key.Key_E)
    assert conflicts.editor.isVisible()
    assert QApplication.focusWidget() is conflicts.editor
    qtbot.keyClicks(conflicts.editor, "Both: see the minutes.")
    qtbot.keyClick(conflicts.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert project.assessment("7.10").note == "Both: see the minutes."
    assert not conflicts.editor.isVisible()

    conflicts.list.setCurrentRow(0)  # 6.1 link
    qtbot.keyClick(conflicts.list, Qt.Key.Key_O)
    assert [lk.relation.value for lk in project.links("6.1")] == ["subset_of"]
    assert [c.field for c in project.merge_conflicts()] == [Field.STATUS]
    with Project.open(project.path, read_only=True) as again:
        assert len(again.merge_conflicts()) == 1
    conflicts.close()


def test_a_choice_that_breaks_a_rule_is_refused_inline(qtbot, window: MainWindow, tmp_path: Path) -> None:  # fmt: skip
    """Taking theirs' unlink under ours' Aligned verdict says why in the dialog; nothing changes."""
    copies = make_copies(
        tmp_path,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),)),
        lambda p: p.decide("6.1", status="aligned", link=(("P-4", "subset_of"),)),
        lambda p: p.unlink("6.1", "P-4"),
    )
    conflicts = _merge_by_keyboard(qtbot, window, copies)
    qtbot.keyClick(conflicts.list, Qt.Key.Key_T)
    assert "Aligned" in conflicts.message.text()
    assert conflicts.list.count() == 1
    assert window.project is not None
    assert window.project.assessment("6.1").status is Status.ALIGNED
    conflicts.close()


def test_the_queue_filter_shows_only_criteria_with_merge_conflicts(qtbot, window: MainWindow, tmp_path: Path) -> None:  # fmt: skip
    """ "⇄ Merge conflicts" in the status filter keeps 6.1 and 7.10; a resolved one loses its ⇄ mark."""
    conflicts = _merge_by_keyboard(qtbot, window, _copies(tmp_path))
    conflicts.close()
    with qtbot.waitActive(window):  # as the desktop does when a dialog closes
        window.activateWindow()
    review = window.review
    assert review is not None
    queue = review.queue
    combo = queue._status
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert combo.currentText() == "⇄ Merge conflicts"
    assert queue.visible_refs() == ["6.1", "7.10"]
    entry = queue.model.entry_for("6.1")
    assert entry is not None
    assert "⇄" in entry.marks
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    dialog = window.merge_menu.conflicts_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_O)
    entry = queue.model.entry_for("6.1")
    assert entry is not None
    assert "⇄" not in entry.marks
    dialog.close()


def test_value_words() -> None:
    """Each element value reads as the reviewer would say it."""
    assert value_words(Field.STATUS, "gap") == "✖ Gap"
    assert value_words(Field.NOTE, "") == "(no note)"
    assert value_words(Field.DISCUSSION, True) == "⚑ flagged for discussion"
    assert value_words(Field.REJECTION, False) == "not rejected"
    assert value_words(Field.PIN, True) == "pinned"
    assert value_words(Field.EXCLUSION, True) == "excluded"


def test_changes_of_theirs_on_a_criterion_ours_excluded_are_listed_after_the_merge(qtbot, window: MainWindow, tmp_path: Path) -> None:  # fmt: skip
    """A decision of theirs that the merge cannot take is said in a box, not dropped silently."""
    copies = make_copies(
        tmp_path,
        None,
        lambda p: p.exclude("reference", "7.10", reason="A footer row."),
        lambda p: p.decide("7.10", status="gap", note="No counterpart."),
    )
    open_in(qtbot, window, copies.ours)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    dialog = window.merge_menu.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.theirs, str(copies.theirs))
    qtbot.keyClicks(dialog.base, str(copies.base))
    dialog.out.clear()
    qtbot.keyClicks(dialog.out, str(copies.out))
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        qtbot.keyClick(dialog.out, Qt.Key.Key_Return)
    box = window.merge_menu.left_out_box
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "reference criterion 7.10 were not taken: ours excluded it" in box.text()
    qtbot.waitUntil(lambda: "not taken" in window.statusBar().currentMessage())
    box.accept()
