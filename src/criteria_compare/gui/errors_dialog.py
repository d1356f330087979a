"""Error reporting in the GUI: one-sentence dialogs, never a traceback; crashes go to a log file."""

from __future__ import annotations

import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from criteria_compare.crashlog import log_exception, logged_to
from criteria_compare.errors import CriteriaCompareError

__all__ = [
    "CrashReporter",
    "install_excepthook",
    "show_error",
    "user_message",
]


def user_message(exc: BaseException) -> str:
    """The one sentence to show for ``exc``: the error's own text, or a pointer to the log."""
    if isinstance(exc, CriteriaCompareError):
        return str(exc)
    path = log_exception(type(exc), exc, exc.__traceback__)
    return f"Something unexpected went wrong ({type(exc).__name__}); {logged_to(path)}."


def show_error(parent: QWidget | None, title: str, message: str) -> QMessageBox:
    """Show a one-sentence error, window-modal and non-blocking; returns the box."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAccessibleName(title)
    box.show()
    return box


class CrashReporter(QObject):
    """Logs uncaught exceptions and shows one sentence with the log's location."""

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._showing = False
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def hook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        """A sys.excepthook: log, then show the sentence on the GUI thread."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if isinstance(exc, CriteriaCompareError):
            message = str(exc)
        else:
            path = log_exception(exc_type, exc, tb)
            message = (
                f"criteria-compare hit an unexpected error ({exc_type.__name__}); your decisions "
                f"are saved, and {logged_to(path)}."
            )
        print(message, file=sys.stderr)
        self.crashed.emit(message)

    def _show(self, message: str) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        parent = QApplication.activeWindow()
        box = show_error(parent, "Unexpected error", message)
        box.finished.connect(self._reset)

    def _reset(self, *_: object) -> None:
        QTimer.singleShot(0, lambda: setattr(self, "_showing", False))


def install_excepthook(app: QApplication) -> CrashReporter:
    """Route uncaught exceptions (GUI thread and others) through a CrashReporter."""
    reporter = CrashReporter(app)
    sys.excepthook = reporter.hook
    threading.excepthook = lambda args: reporter.hook(
        args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback
    )
    return reporter
