"""A window's long jobs: each in a Worker with a progress dialog; failures and Cancel reported."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtWidgets import QMainWindow

from criteria_compare.gui.views.progress_dialog import ProgressDialog
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback

__all__ = ["JobRunner"]

T = TypeVar("T")


class JobRunner(QObject):
    """Starts jobs for one window; ``active_worker`` is the latest one still running."""

    def __init__(self, window: QMainWindow, fail: Callable[[str], object]) -> None:
        super().__init__(window)
        self._window = window
        self._fail = fail
        self.active_worker: Worker | None = None

    def run(
        self,
        job: Callable[[ProgressCallback, CancelCheck], T],
        title: str,
        on_done: Callable[[T], object],
        *,
        name: str,
        pool: QThreadPool | None = None,
    ) -> Worker:
        """Run ``job`` in ``pool`` (the global pool by default); ``on_done`` gets its result."""
        worker = Worker(job, name=name)
        ProgressDialog(worker, title, self._window)  # the window owns it; it closes itself
        self.active_worker = worker
        worker.signals.finished.connect(on_done)
        worker.signals.failed.connect(self._fail)
        worker.signals.cancelled.connect(self._cancelled)
        # Bound methods only: Qt drops them if the window is gone before the job ends.
        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(self._ended)
        worker.start(pool)
        return worker

    def stop_all(self) -> None:
        """Stop every job of the window (open, re-align, a wizard's creation) and wait for them.

        They stop at their next cancel check; waiting means no thread writes a
        file after the window is gone.
        """
        from criteria_compare.gui.views.import_wizard import NewComparisonWizard
        from criteria_compare.gui.views.update_wizard import UpdateWizard

        if self.active_worker is not None:
            self.active_worker.cancel()
        wizards: list[NewComparisonWizard | UpdateWizard] = [
            *self._window.findChildren(NewComparisonWizard),
            *self._window.findChildren(UpdateWizard),
        ]
        for wizard in wizards:
            if wizard.worker is not None:
                wizard.worker.cancel()
        project_pool().waitForDone(15000)
        QThreadPool.globalInstance().waitForDone(15000)

    def _ended(self, *_: object) -> None:
        worker = self.active_worker
        if worker is not None and self.sender() is worker.signals:
            self.active_worker = None

    def _cancelled(self) -> None:
        self._window.statusBar().showMessage("Cancelled; nothing was changed.", 5000)
