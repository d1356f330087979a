"""A small window-modal dialog showing a Worker's progress with a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.workers import Worker

__all__ = ["ProgressDialog"]

_SHOW_DELAY_MS = 250  # jobs shorter than this never flash a dialog


class ProgressDialog(QDialog):
    """Follows one worker: message, bar, Cancel; closes itself when the worker is done."""

    def __init__(
        self,
        worker: Worker,
        title: str,
        parent: QWidget | None = None,
        *,
        delay_ms: int = _SHOW_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.setAccessibleName(title)

        self.label = QLabel("Starting…")
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.bar.setAccessibleName("Progress")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")

        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)

        self.buttons.rejected.connect(self.request_cancel)
        worker.signals.progress.connect(self.on_progress)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._done)
        worker.signals.cancelled.connect(self._done)
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self._show_if_running)
        self._timer.start()

    def on_progress(self, done: int, total: int, message: str) -> None:
        """Show one progress report."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if message:
            self.label.setText(message)

    def request_cancel(self) -> None:
        """Ask the worker to stop; the dialog closes when it has."""
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText("Cancelling…")

    def reject(self) -> None:  # Esc and the window's close button cancel the job
        """Cancel instead of hiding while the job runs."""
        if self.worker.signals.outcome is None:
            self.request_cancel()
        else:
            super().reject()

    def _show_if_running(self) -> None:
        if self.worker.signals.outcome is None:
            self.show()

    def _done(self, *_: object) -> None:
        self._timer.stop()
        self.done(QDialog.DialogCode.Accepted)
        self.deleteLater()
