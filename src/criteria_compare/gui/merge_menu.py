"""File → Merge a reviewer's copy… and Review → Resolve merge conflicts…: the merge runs in a worker,
writes a new file and opens it; its conflicts are then resolved side by side.

Why a new file and not the open project: ours is never changed by a merge (as in
the CLI, where OUT may not be an input), so a merge that went wrong is simply
closed, and the reviewer's own copy stays exactly as it was to compare with or
to merge again. The merged project opens in this window at once, so the
reviewer goes on working in it; nothing needs a backup because nothing is
overwritten.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from criteria_compare.gui.views.merge_conflicts import MergeConflictsDialog
from criteria_compare.gui.views.merge_dialog import MergeChoice, MergeDialog
from criteria_compare.gui.workers import Worker
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project import Project

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.workflow.merge import MergeResult

__all__ = ["MergeMenu", "run_merge"]


def run_merge(
    choice: MergeChoice, reviewer: str, progress: ProgressCallback, cancel: CancelCheck
) -> MergeResult:
    """The worker's job: ``workflow.merge.merge`` of the chosen files."""
    from criteria_compare.workflow.merge import merge

    return merge(
        choice.base,
        choice.ours,
        choice.theirs,
        choice.out,
        reviewer=reviewer,
        progress=progress,
        cancel=cancel,
    )


class MergeMenu(QObject):
    """The merge commands of ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._show_conflicts_of: Path | None = None
        self.dialog: MergeDialog | None = None
        self.conflicts_dialog: MergeConflictsDialog | None = None
        self.left_out_box: QMessageBox | None = None
        self._announce: MergeResult | None = None
        window.projectOpened.connect(self._opened)
        window.projectClosed.connect(self._drop_conflicts_dialog)

    def merge_copy(self) -> MergeDialog | None:
        """Ask for their copy, the base and the new file (non-blocking)."""
        w = self._window
        if w.project is None:
            return None
        dialog = MergeDialog(w.project.path, str(w.project.path.parent), w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(functools.partial(self._accepted, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _accepted(self, dialog: MergeDialog) -> None:
        self.start(dialog.choice())

    def start(self, choice: MergeChoice) -> Worker | None:
        """Merge in a worker with progress; the merged file opens when it is written."""
        w = self._window
        if w.project is None:
            return None
        w.flush_review()
        return w.jobs.run(
            functools.partial(run_merge, choice, w.reviewer_gate.name),
            f"Merging {choice.theirs.name}",
            self._merged,
            name="merge",
        )

    def _merged(self, result: MergeResult) -> None:
        self._window.statusBar().showMessage(result.message, 15000)
        self._show_conflicts_of = result.out if result.conflicts else None
        self._announce = result
        self._window.file_menu.open_path(result.out)
        if result.not_taken:
            self.left_out_box = QMessageBox(
                QMessageBox.Icon.Information,
                "Changes not taken",
                "Some of theirs' changes name criteria excluded in the merged project and were "
                "not taken:\n\n" + "\n".join(f"• {s}" for s in result.not_taken),
                QMessageBox.StandardButton.Ok,
                self._window,
            )
            self.left_out_box.open()

    def _opened(self, project: Project) -> None:
        self._drop_conflicts_dialog()
        result, self._announce = self._announce, None
        if result is not None and project.path.resolve() == result.out.resolve():
            # After the window's own "Opened …" notice, which would hide the merge's summary.
            QTimer.singleShot(
                0, functools.partial(self._window.statusBar().showMessage, result.message, 15000)
            )
        pending, self._show_conflicts_of = self._show_conflicts_of, None
        if pending is not None and project.path.resolve() == pending.resolve():
            self.show_conflicts()

    def show_conflicts(self) -> MergeConflictsDialog | None:
        """Show the open project's merge conflicts side by side (says so when there are none)."""
        w = self._window
        if w.project is None or w.review is None or w.undo.stack is None:
            return None
        if not w.project.merge_conflicts():
            w.statusBar().showMessage("This project has no merge conflicts to resolve.", 8000)
            return None
        dialog = self.conflicts_dialog
        if dialog is None:  # one per open project, kept while it is open
            dialog = MergeConflictsDialog(w.project, w.undo.stack, w.review.notifier, w)
            self.conflicts_dialog = dialog
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _drop_conflicts_dialog(self) -> None:
        dialog, self.conflicts_dialog = self.conflicts_dialog, None
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
