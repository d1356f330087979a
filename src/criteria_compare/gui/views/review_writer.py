"""How the review screen writes: every change is an undoable command, refused inline, big bulk steps in a worker."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.gui.undo import ProjectCommand, push
from criteria_compare.gui.views.focus_pane import FocusPane
from criteria_compare.gui.views.progress_dialog import ProgressDialog
from criteria_compare.gui.views.rule_messages import refusal_message
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = ["ReviewWriter", "WriteGate"]

#: gate(proceed) -> True when the write must wait (the gate calls ``proceed`` later).
WriteGate = Callable[[Callable[[], object]], bool]


class ReviewWriter(QObject):
    """Pushes commands onto the undo stack and says inline why one was refused."""

    def __init__(
        self, stack: QUndoStack, focus: FocusPane, *, read_only: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._stack = stack
        self._focus = focus
        self._dialog_parent = parent
        self._read_only = read_only
        self.gate: WriteGate | None = None
        self.detached = False  # the project was closed: a finishing bulk step only lands on disk
        self._bulk_worker: Worker | None = None
        self._bulk_command: ProjectCommand | None = None

    @property
    def busy(self) -> bool:
        """True while a big bulk step is being written (other writes are refused meanwhile)."""
        return self._bulk_worker is not None

    def wait_for_bulk(self, msecs: int = 30000) -> bool:
        """Block until a bulk step written in the worker is done (closing, tests)."""
        return project_pool().waitForDone(msecs)

    def run(self, command: ProjectCommand, notice: str = "") -> bool:
        """Push ``command``; a refused action shows its one sentence inline (a broken verdict rule in keys)."""
        if self._read_only:
            self._focus.show_message("The project is open read-only; nothing was changed.")
            return False
        if self.busy:
            self._focus.show_message("A bulk step is still being written; try again in a moment.")
            return False
        gate = self.gate
        if gate is not None and gate(functools.partial(self.run, command, notice)):
            return False  # runs once the gate says so (e.g. the reviewer's name was given)
        try:
            push(self._stack, command)
        except CriteriaCompareError as exc:
            self._focus.show_message(refusal_message(exc))
            return False
        if notice:
            self._focus.show_message(notice)
        else:
            self._focus.clear_message()
        return True

    def run_in_worker(self, command: ProjectCommand) -> bool:
        """Write ``command`` in the project's worker with progress; its undo step is added when done."""
        if self._read_only or self.busy:
            return self.run(command)  # says why nothing happens
        gate = self.gate
        if gate is not None and gate(functools.partial(self.run_in_worker, command)):
            return False
        n = len(command.refs)

        def job(progress: ProgressCallback, cancel: CancelCheck) -> None:
            progress(0, 1, f"Writing {n} decisions in one step…")
            check_cancel(cancel)
            command.execute()
            progress(1, 1, "Done.")

        worker = Worker(job, name="bulk confirmation")
        worker.signals.finished.connect(self._bulk_finished)
        worker.signals.failed.connect(self._bulk_failed)
        worker.signals.cancelled.connect(self._bulk_failed)
        self._bulk_worker, self._bulk_command = worker, command
        ProgressDialog(worker, command.text(), self._dialog_parent)
        worker.start(project_pool())
        return True

    def _bulk_finished(self, _result: object) -> None:
        command = self._bulk_command
        self._bulk_worker = self._bulk_command = None
        if self.detached:
            return
        if command is not None and command.changed_anything:
            self._stack.push(command)  # already written: the first redo only repaints
        self._focus.clear_message()

    def _bulk_failed(self, message: object = None) -> None:
        self._bulk_worker = self._bulk_command = None
        text = message if isinstance(message, str) else "The bulk step was cancelled."
        self._focus.show_message(f"{text} Nothing was changed.")
