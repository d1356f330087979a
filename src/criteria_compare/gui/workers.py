"""Run core functions ``fn(progress, cancel)`` off the GUI thread and report back on it.

A :class:`Worker` is a QRunnable for a QThreadPool. Its ``signals`` object
lives on the GUI thread: the pool thread posts to it with queued
connections, and it re-emits ``progress(done, total, message)``,
``finished(result)``, ``failed(message)`` or ``cancelled()`` there, so slots
connected to them may touch widgets. ``cancel()`` sets a flag that the core's
cancel check reads between blocks (the core then raises ``Cancelled``).

Jobs that write the project file go through :func:`project_pool`, a pool with
one thread, so two writes never overlap.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

from criteria_compare.crashlog import log_exception, logged_to
from criteria_compare.errors import Cancelled, CriteriaCompareError
from criteria_compare.progress import CancelCheck, ProgressCallback

__all__ = ["Job", "Worker", "WorkerSignals", "project_pool"]

log = logging.getLogger(__name__)

Job = Callable[[ProgressCallback, CancelCheck], object]

_MIN_PROGRESS_INTERVAL = 0.04  # seconds between progress updates sent to the GUI


class WorkerSignals(QObject):
    """What a worker reports, always emitted on the thread this object lives on (the GUI's)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    # The pool thread emits these; queued connections carry them to the relay slots.
    _post_progress = Signal(int, int, str)
    _post_done = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outcome: str | None = None  # "finished", "failed" or "cancelled" once done
        self._post_progress.connect(self._relay_progress)
        self._post_done.connect(self._relay_done)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, message: str) -> None:
        if self.outcome is None:
            self.progress.emit(done, total, message)

    @Slot(str, object)
    def _relay_done(self, outcome: str, payload: object) -> None:
        self.outcome = outcome
        if outcome == "finished":
            self.finished.emit(payload)
        elif outcome == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(str(payload))


class Worker(QRunnable):
    """Runs ``fn(progress, cancel)`` in a thread pool; see the module docstring."""

    def __init__(self, fn: Job, *, name: str = "task") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the object; Qt must not delete it under us
        self.fn = fn
        self.name = name
        self.signals = WorkerSignals()
        self._cancel = threading.Event()
        self._last_progress = 0.0

    # -- called from the GUI thread -------------------------------------------------
    def start(self, pool: QThreadPool | None = None) -> Worker:
        """Queue the job on ``pool`` (the global pool by default) and return self."""
        _running.add(self)
        self.signals.finished.connect(self._forget)
        self.signals.failed.connect(self._forget)
        self.signals.cancelled.connect(self._forget)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next cancel check."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def _forget(self, *_args: object) -> None:
        _running.discard(self)

    # -- called on the pool thread ----------------------------------------------------
    def _progress(self, done: int, total: int, message: str) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < _MIN_PROGRESS_INTERVAL:
            return
        self._last_progress = now
        self._post(self.signals._post_progress, int(done), int(total), str(message))

    @staticmethod
    def _post(signal: SignalInstance, *args: object) -> None:
        """Emit to the GUI thread; if the window that asked has gone (app closing), drop it."""
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)

    def _cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        """Run the job and post exactly one outcome."""
        try:
            result = self.fn(self._progress, self._cancelled)
        except Cancelled:
            self._post(self.signals._post_done, "cancelled", None)
        except CriteriaCompareError as exc:
            self._post(self.signals._post_done, "failed", str(exc))
        except Exception as exc:  # logged with its traceback; a worker never dies silently  # noqa: BLE001
            path = log_exception(type(exc), exc, exc.__traceback__)
            self._post(
                self.signals._post_done,
                "failed",
                f"The {self.name} stopped on an internal error ({type(exc).__name__}); "
                f"{logged_to(path)}.",
            )
        else:
            # The job ran to its end: its work is done even if Cancel came too late.
            self._post(self.signals._post_done, "finished", result)


# Workers in flight, so Python does not collect them while the pool runs them.
_running: set[Worker] = set()

_project_pool: QThreadPool | None = None


def project_pool() -> QThreadPool:
    """The single-thread pool for jobs that write the project file (one write at a time)."""
    global _project_pool
    if _project_pool is None:
        _project_pool = QThreadPool()
        _project_pool.setMaxThreadCount(1)
        _project_pool.setObjectName("project-writes")
    return _project_pool
