"""Review → Re-align and Re-fit: recompute the suggestions or the aligner's weights in a worker.

Besides the menu's re-fit, the review screen asks for one after every
``workflow.refit_words.REFIT_EVERY`` newly confirmed links: it runs quietly in the
project's worker pool, and when it would be adopted a notice above the panes
offers it (Ctrl+Shift+T or its button applies it; nothing changes otherwise).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from criteria_compare.gui.errors_dialog import user_message
from criteria_compare.gui.views.review_data import ReviewData, prepare_review
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback, scaled
from criteria_compare.project import Project

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
        self.background: Worker | None = None  # the re-fit running unasked, if any
        self.offer: RefitResult | None = None  # an adopted re-fit found in the background
        self._offer_project: Project | None = None

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

    def background_refit(self) -> Worker | None:
        """Re-fit quietly (no progress window); an adopted result is offered in a notice."""
        project = self._window.project
        if project is None or project.read_only or self.background is not None:
            return None

        def job(progress: ProgressCallback, cancel: CancelCheck) -> RefitResult:
            from criteria_compare.workflow.realign import refit_project

            return refit_project(project, cancel=cancel)

        worker = Worker(job, name="background re-fit")
        worker.signals.finished.connect(lambda result: self._offer_refit(project, result))
        for signal in (worker.signals.failed, worker.signals.cancelled):
            signal.connect(self._background_ended)
        self.background = worker
        return worker.start(project_pool())

    def stop_background(self) -> None:
        """Stop a background re-fit and wait for it (before the project is closed)."""
        worker, self.background = self.background, None
        self.offer = None
        if worker is not None:
            worker.cancel()
            project_pool().waitForDone(15000)

    def _background_ended(self, *_: object) -> None:
        self.background = None

    def _offer_refit(self, project: Project, result: RefitResult) -> None:
        self.background = None
        review = self._window.review
        if not result.adopted or project is not self._window.project or review is None:
            return
        from criteria_compare.workflow.refit_words import refit_words

        self.offer, self._offer_project = result, project
        review.show_notice(
            f"Re-fitted in the background from your latest confirmed links. "
            f"{refit_words(result).headline}",
            "Use the re-fit (Ctrl+Shift+T)",
        )

    def apply_offer(self) -> None:
        """Use the re-fit on offer (the notice's button, Ctrl+Shift+T)."""
        window = self._window
        offer, self.offer = self.offer, None
        if offer is None or self._offer_project is not window.project:
            window.statusBar().showMessage(
                "No re-fit is on offer; Review → Re-fit from confirmed links… checks now.", 8000
            )
            return
        if window.review is not None:
            window.review.clear_notice()
        self._use_settings(offer.settings)

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
