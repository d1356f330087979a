"""Review → Re-align and Re-fit: recompute the suggestions or the aligner's weights in a worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from criteria_compare.gui.errors_dialog import user_message
from criteria_compare.gui.views.review_data import ReviewData, prepare_review
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback, scaled

if TYPE_CHECKING:  # the aligner is loaded by the first job, not at start-up
    from criteria_compare.align import AlignerSettings, AlignmentResult
    from criteria_compare.align.refit import RefitResult
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.gui.views.refit_dialog import RefitDialog

__all__ = ["AlignerMenu"]


class AlignerMenu(QObject):
    """Re-align and re-fit the project open in ``window``; every decision is kept."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.refit_dialog: RefitDialog | None = None

    def realign(self) -> Worker | None:
        """Recompute the suggestions in a worker, keeping every decision, then refresh the view."""
        project = self._window.project
        if project is None:
            return None
        self._window.flush_review()

        def job(
            progress: ProgressCallback, cancel: CancelCheck
        ) -> tuple[AlignmentResult, ReviewData]:
            from criteria_compare.workflow.realign import realign

            result = realign(project, progress=scaled(progress, 0, 90), cancel=cancel)
            # The new suggestions are stored: from here on the job is not cancellable.
            return result, prepare_review(project, progress, lambda: False, lo=90, hi=100)

        return self._window.jobs.run(
            job, "Re-aligning suggestions", self._realigned, name="alignment", pool=project_pool()
        )

    def _realigned(self, outcome: tuple[AlignmentResult, ReviewData]) -> None:
        result, prepared = outcome
        window = self._window
        if window.review is not None:
            window.review.reload(prepared)
        notices = "; ".join(result.notices)
        message = "Suggestions re-aligned; every decision was kept."
        window.statusBar().showMessage(f"{message} {notices}".strip(), 10000)

    def refit(self) -> Worker | None:
        """Re-fit the aligner from the confirmed links in a worker, then show what it found."""
        project = self._window.project
        if project is None:
            return None
        self._window.flush_review()

        def job(progress: ProgressCallback, cancel: CancelCheck) -> RefitResult:
            from criteria_compare.workflow.realign import refit_project

            return refit_project(project, progress=progress, cancel=cancel)

        return self._window.jobs.run(
            job,
            "Re-fitting from confirmed links",
            self._refitted,
            name="refit",
            pool=project_pool(),
        )

    def _refitted(self, result: RefitResult) -> None:
        project = self._window.project
        if project is None:
            return
        from criteria_compare.gui.views.refit_dialog import RefitDialog
        from criteria_compare.workflow.realign import aligner_settings

        dialog = RefitDialog(
            result, aligner_settings(project), read_only=project.read_only, parent=self._window
        )
        dialog.settingsChosen.connect(self._use_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refit_dialog = dialog
        dialog.open()

    def _use_settings(self, settings: AlignerSettings) -> None:
        """Store new aligner settings (recorded in the history) and re-align with them."""
        window = self._window
        project = window.project
        if project is None:
            return
        try:
            project.set_settings(settings, reviewer=window.settings.reviewer_name() or None)
        except Exception as exc:  # a locked or read-only file: say so, change nothing  # noqa: BLE001
            window.show_failure(user_message(exc))
            return
        self.realign()
