"""Error reporting in the GUI: one-sentence dialogs, never a traceback; crashes go to a log file."""

from __future__ import annotations

import datetime
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from criteria_compare.errors import CriteriaCompareError

__all__ = [
    "CrashReporter",
    "install_excepthook",
    "log_dir",
    "log_exception",
    "log_file",
    "show_error",
    "user_message",
]

_lock = threading.Lock()


def log_dir() -> Path:
    """The folder holding the application's log files (created on demand)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    path = Path(base or Path.home() / ".criteria-compare") / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """The log file that unexpected errors are appended to."""
    return log_dir() / "criteria-compare.log"


def log_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path:
    """Append the traceback with a timestamp to the log file and return the file's path."""
    path = log_file()
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    try:
        with _lock, path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {stamp} ---\n{text}\n")
    except OSError:
        pass
    return path


def user_message(exc: BaseException) -> str:
    """The one sentence to show for ``exc``: the error's own text, or a pointer to the log."""
    if isinstance(exc, CriteriaCompareError):
        return str(exc)
    path = log_exception(type(exc), exc, exc.__traceback__)
    return (
        f"Something unexpected went wrong ({type(exc).__name__}); "
        f"the details were written to {path}."
    )


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
                f"are saved, and the details were written to {path}."
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
