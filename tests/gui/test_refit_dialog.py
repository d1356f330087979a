"""Review → Re-fit from confirmed links…: held-out numbers first, then apply (and re-align) or not."""

from __future__ import annotations

import csv
from pathlib import Path

from criteria_compare.align import AlignerSettings
from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.refit_dialog import RefitDialog
from criteria_compare.resources import sample_path
from criteria_compare.workflow.realign import aligner_settings
from tests.gui.review_fixtures import open_in


def _refit_dialog(qtbot, window: MainWindow) -> RefitDialog:
    worker = window.aligner_menu.refit()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=60000):
        pass
    qtbot.waitUntil(
        lambda: (
            window.aligner_menu.refit_dialog is not None
            and window.aligner_menu.refit_dialog.isVisible()
        )
    )
    dialog = window.aligner_menu.refit_dialog
    assert isinstance(dialog, RefitDialog)
    return dialog


def _confirm_gold_links(window: MainWindow) -> int:
    project = window.project
    assert project is not None
    with sample_path("reference_mapping.csv").open(encoding="utf-8") as f:
        pairs = [(row["source_id"], row["target_id"]) for row in csv.DictReader(f)]
    for ref, partner_ref in pairs:
        project.link(ref, partner_ref)
    return len(pairs)


def test_too_few_links_says_how_many_are_needed_and_changes_nothing(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """With a handful of confirmed links the dialog explains why and offers nothing to apply."""
    open_in(qtbot, window, sample_project)
    project = window.project
    first = project.reference.criteria[0].ref
    top = project.suggestions(first)[0].target_ref
    project.link(first, top)
    before = aligner_settings(project)
    dialog = _refit_dialog(qtbot, window)
    assert "20" in dialog.message.text()
    assert not dialog.refit_result.adopted
    assert not dialog.apply_button.isEnabled()
    assert not dialog.restore_button.isVisible()
    dialog.reject()
    assert aligner_settings(project) == before


def test_adopted_refit_is_applied_recorded_and_realigned_then_can_be_undone(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Every gold link confirmed: the re-fit ranks held-out links better, Apply stores the
    weights (in the history) and re-aligns; "Restore shipped weights" goes back."""
    open_in(qtbot, window, sample_project)
    n_links = _confirm_gold_links(window)
    project = window.project
    dialog = _refit_dialog(qtbot, window)
    result = dialog.refit_result
    assert result.n_links == n_links
    assert result.adopted, result.message
    assert result.after is not None
    assert result.before is not None
    assert result.after.mrr > result.before.mrr
    # The numbers the reviewer reads are the result's own.
    shown = [label.text() for label in dialog.cells.values()]
    n = result.before.n
    assert f"{round(result.before.top1 * n)} of {n}" in shown
    assert f"{round(result.after.top1 * n)} of {n}" in shown
    assert not any(
        j in " ".join(shown) + dialog.message.text() for j in ("MRR", "Top-1", "held-out")
    )
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert window.jobs.active_worker is not None  # re-aligning
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=60000)
    assert aligner_settings(project) == result.settings
    assert aligner_settings(project) != AlignerSettings()
    assert any(entry.action == "settings" for entry in project.history(limit=20))
    # Suggestions were recomputed with the new weights: the evidence lists the affinity channel
    # when it was adopted with a weight.
    if result.settings.weight_affinity > 0:
        ref = next(c.ref for c in project.reference.criteria if project.suggestions(c.ref))
        assert "affinity" in project.suggestions(ref)[0].evidence.channels

    again = _refit_dialog(qtbot, window)
    assert again.restore_button.isVisible()
    assert again.restore_button.isEnabled()
    again.restore_button.click()
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=60000)
    restored = aligner_settings(project)
    shipped = AlignerSettings()
    assert restored.weights_for(cross_language=False) == shipped.weights_for(cross_language=False)
    assert restored.weight_affinity == shipped.weight_affinity


def test_twenty_new_links_refit_in_the_background_and_one_key_applies_it(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """After 20 or more newly confirmed links the app re-fits unasked; an adopted re-fit is
    offered in a notice (plain words, no jargon) and Ctrl+Shift+T uses it."""
    from PySide6.QtCore import Qt

    open_in(qtbot, window, sample_project)
    project = window.project
    review = window.review
    assert project is not None
    assert review is not None
    before = aligner_settings(project)
    with qtbot.waitSignal(review.refitDue, timeout=5000):
        _confirm_gold_links(window)
        review.show_outside_changes()  # the screen learns of the links as of any change
    worker = window.aligner_menu.background
    assert worker is not None
    assert window.jobs.active_worker is None  # no progress window: the reviewer goes on
    qtbot.waitUntil(lambda: window.aligner_menu.background is None, timeout=60000)
    notice = review.notice_text()
    assert "would have put" in notice
    assert "first place" in notice
    assert not any(j in notice for j in ("MRR", "Top-1", "held-out", "weights"))
    assert aligner_settings(project) == before  # nothing changes until asked
    review.queue.focus_queue()
    qtbot.keyClick(
        review.queue.view,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert review.notice_text() == ""
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=60000)
    assert aligner_settings(project) != before
    assert any(entry.action == "settings" for entry in project.history(limit=20))
