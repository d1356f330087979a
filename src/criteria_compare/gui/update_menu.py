"""File → Update reference / partner program…: the update wizard over the open project, then a fresh review screen.

The dry run and the update itself are the ``workflow.update`` functions (the
CLI's ``update`` command calls the same ones); this module only turns their
results into what the wizard's preview shows.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QUndoCommand

from criteria_compare.errors import (
    CriteriaCompareError,
    InvalidValue,
    UpdateRefusal,
    UpdateRefused,
)
from criteria_compare.gui.errors_dialog import show_error
from criteria_compare.gui.views.update_preview import UpdatePreview
from criteria_compare.gui.views.update_wizard import UpdateWizard
from criteria_compare.model import Side
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.workflow.create import SourceChoice
from criteria_compare.workflow.update import UpdatePreview as WorkflowPreview
from criteria_compare.workflow.update import (
    UpdateResult,
    apply_update,
    plan_update,
    word_refusal,
)
from criteria_compare.workflow.update_undo import UpdateUndo, redo_update, undo_update

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.project import Project

__all__ = ["UpdateCommand", "UpdateMenu"]


class UpdateCommand(QUndoCommand):
    """An applied update on the undo stack (``workflow.update_undo``): undo restores the copy
    from before it, redo the updated state; ``done`` gets the sentence to show after each."""

    def __init__(
        self,
        project: Project,
        undo: UpdateUndo,
        reviewer: str | None,
        done: Callable[[str], None],
        failed: Callable[[str], None],
    ) -> None:
        super().__init__(undo.what[:1].upper() + undo.what[1:])
        self._project, self._undo, self._reviewer = project, undo, reviewer
        self._done, self._failed = done, failed
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushed after the update was written
            self._first = False
            return
        self._run(redo_update)

    def undo(self) -> None:
        self._run(undo_update)

    def _run(self, step: Callable[..., str]) -> None:
        try:
            message = step(self._project, self._undo, reviewer=self._reviewer)
        except CriteriaCompareError as exc:
            self.setObsolete(True)  # Qt drops it from the stack: nothing left to take back
            self._failed(str(exc))
            return
        self._done(message)


class UpdateMenu(QObject):
    """Opens the update wizard for one side of the project shown in ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.wizard: UpdateWizard | None = None

    def update_program(self, side: Side) -> UpdateWizard | None:
        """Start the wizard (non-blocking); the review screen is rebuilt when the update is written."""
        w = self._window
        project = w.project
        if project is None:
            return None
        w.flush_review()
        program = project.reference if side is Side.REFERENCE else project.partner
        reviewer = w.settings.reviewer_name() or None

        plan = functools.partial(preview_update, project, side)
        apply = functools.partial(run_update, project, side, reviewer)
        editions = project.editions(side)
        current = editions[-1] if editions else None
        wizard = UpdateWizard(side, program, plan, apply, w.settings, w, current)
        wizard.updated.connect(lambda result: self._updated(project, reviewer, result))
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.open()
        return wizard

    def _updated(self, project: Project, reviewer: str | None, result: object) -> None:
        w = self._window
        self._reload()
        if isinstance(result, UpdateResult) and w.undo.stack is not None:
            w.undo.stack.push(
                UpdateCommand(
                    project, UpdateUndo.of(result), reviewer, self._undone, self._undo_failed
                )
            )
        w.statusBar().showMessage(
            "Program updated; every decision moved with its criterion. "
            'Tick "! Changed" to review the ones whose texts changed; Ctrl+Z takes the '
            "update back.",
            10000,
        )

    def _reload(self) -> None:
        if self._window.review is not None:
            self._window.review.reload()

    def _undone(self, message: str) -> None:
        self._reload()
        self._window.statusBar().showMessage(message, 10000)

    def _undo_failed(self, message: str) -> None:
        self._reload()
        show_error(self._window, "The update cannot be taken back", message)


def _plan(
    project: Project,
    side: Side,
    choice: SourceChoice,
    settled: Mapping[str, str | None],
    progress: ProgressCallback,
    cancel: CancelCheck,
) -> WorkflowPreview:
    """``workflow.update.plan_update`` on the file the wizard read (read again if it was not)."""
    from criteria_compare.importing import read_criteria

    check_cancel(cancel)
    source = choice.imported
    if source is None:
        source = read_criteria(
            choice.path, sheet=choice.sheet, columns=choice.columns, cancel=cancel
        )
    check_cancel(cancel)
    return plan_update(
        project, side, source, label=choice.version or None, settled=settled, progress=progress
    )


#: The update wizard's words for each refusal: what to do on its pages, not command-line options.
GUI_REFUSALS: Mapping[UpdateRefusal, str] = {
    UpdateRefusal.OTHER_SIDE_FILE: (
        "{file} is the {other} program's file of this project; go Back and choose the new "
        "edition of the {side} program."
    ),
    UpdateRefusal.POOR_MATCH: (
        "{file} matches only {found} of the {total} criteria of the current {side} edition, so "
        "it looks like another program or the wrong sheet; go Back and check the file and the "
        "sheet."
    ),
    UpdateRefusal.UNSETTLED: (
        "Old criterion {old} could be any of {candidates} in the new edition{more}; choose "
        "what it became (or that it was removed) in the list above."
    ),
}


@contextlib.contextmanager
def _gui_words() -> Iterator[None]:
    """A refusal raised inside reaches the wizard in its own words."""
    try:
        yield
    except UpdateRefused as exc:
        raise InvalidValue(word_refusal(exc, GUI_REFUSALS)) from exc


def preview_update(
    project: Project,
    side: Side,
    choice: SourceChoice,
    settled: Mapping[str, str | None],
    progress: ProgressCallback,
    cancel: CancelCheck,
) -> UpdatePreview:
    """The dry run of ``workflow.update`` as the preview page shows it."""
    with _gui_words():
        planned = _plan(project, side, choice, settled, progress, cancel)
    return UpdatePreview(
        planned.match,
        old={c.ref: c for c in planned.old},
        new={c.ref: c for c in planned.new},
        decisions=planned.decision_words(),
        summary=planned.summary[:1].upper() + planned.summary[1:],
    )


def run_update(
    project: Project,
    side: Side,
    reviewer: str | None,
    choice: SourceChoice,
    settled: Mapping[str, str | None],
    progress: ProgressCallback,
    cancel: CancelCheck,
) -> UpdateResult:
    """``workflow.update`` itself, in the project's worker: the dry run again with the reviewer's
    choices, then ``apply_update`` (backup copy first, one transaction)."""
    with _gui_words():
        planned = _plan(project, side, choice, settled, progress, cancel)
        return apply_update(project, planned, reviewer=reviewer, progress=progress, cancel=cancel)
