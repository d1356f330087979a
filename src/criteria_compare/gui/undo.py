"""Reviewer edits as thin QUndoCommands: snapshot the touched criteria, act through the project, restore on undo."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from criteria_compare.model import Relation, Side, Status
from criteria_compare.project import Project
from criteria_compare.project.conflicts import MergeConflict
from criteria_compare.project.stamps import Stamps
from criteria_compare.project.state import CriterionState, Decision
from criteria_compare.workflow import exclusion, merge_resolve
from criteria_compare.workflow.merge_resolve import Choice, Resolution

__all__ = [
    "NOTE_COMMAND_ID",
    "ChangeNotifier",
    "ProjectCommand",
    "ResolveConflictCommand",
    "StillHoldsCommand",
    "apply_command",
    "decide_command",
    "decision_command",
    "note_command",
    "push",
    "relation_command",
    "resolve_conflict",
]

NOTE_COMMAND_ID = 1061  # consecutive note edits of one criterion merge into one undo step


class ChangeNotifier(QObject):
    """Tells the views which reference criteria a command (or its undo/redo) changed."""

    changed = Signal(list)  # list[str] of reference refs (after do, undo and redo)
    restored = Signal(list)  # the same refs, after an undo or redo only


class ProjectCommand(QUndoCommand):
    """One reviewer action on one or more reference criteria.

    The action runs once, before the command is pushed (so a refused action,
    e.g. a VerdictRuleError, never reaches the stack); the snapshots taken
    before and after are what undo and redo restore. A command over several
    criteria restores them all in one transaction (``Project.restore_many``),
    its history rows marked ``bulk`` when the action itself was a bulk step.
    """

    def __init__(
        self,
        project: Project,
        refs: Sequence[str],
        text: str,
        action: Callable[[], object],
        notifier: ChangeNotifier | None = None,
        command_id: int = -1,
        *,
        bulk: bool = False,
    ) -> None:
        super().__init__(text)
        self._project = project
        self._refs = tuple(dict.fromkeys(refs))
        self._action = action
        self._notifier = notifier
        self._id = command_id
        self._bulk = bulk
        self._before: tuple[CriterionState, ...] = ()
        self._after: tuple[CriterionState, ...] = ()
        self._done = False

    @property
    def refs(self) -> tuple[str, ...]:
        return self._refs

    def execute(self) -> None:
        """Snapshot, act, snapshot again; errors from the project propagate and nothing is kept."""
        self._before = tuple(self._project.snapshot(r) for r in self._refs)
        self._action()
        self._after = tuple(self._project.snapshot(r) for r in self._refs)
        self._done = True

    @property
    def changed_anything(self) -> bool:
        return self._before != self._after

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, ProjectCommand)
            or other.id() != self._id
            or other.refs != self.refs
        ):
            return False
        self._after = other._after
        return True

    def redo(self) -> None:
        if self._done:  # first push: the action already ran in execute()
            self._done = False
        else:
            self._restore(self._after, "redo")
            self._notify(restored=True)
            return
        self._notify()

    def undo(self) -> None:
        self._restore(self._before, "undo")
        self._notify(restored=True)

    def _restore(self, states: Sequence[CriterionState], action: str) -> None:
        if len(states) == 1:
            self._project.restore(states[0], action=action)
        elif states:
            self._project.restore_many(states, action=action, bulk=self._bulk)

    def _notify(self, *, restored: bool = False) -> None:
        if self._notifier is not None:
            self._notifier.changed.emit(list(self._refs))
            if restored:
                self._notifier.restored.emit(list(self._refs))


def push(stack: QUndoStack, command: ProjectCommand) -> bool:
    """Run ``command`` and put it on ``stack``; False (and nothing pushed) if it changed nothing.

    Errors the user can fix (VerdictRuleError, ...) propagate to the caller,
    which shows them inline.
    """
    command.execute()
    if not command.changed_anything:
        return False
    stack.push(command)
    return True


def decide_command(
    project: Project,
    ref: str,
    text: str,
    notifier: ChangeNotifier | None = None,
    *,
    status: Status | None = None,
    note: str | None = None,
    discussion: bool | None = None,
) -> ProjectCommand:
    """``project.decide(ref, status=, note=, discussion=)`` as an undoable command."""
    return ProjectCommand(
        project,
        [ref],
        text,
        lambda: project.decide(ref, status=status, note=note, discussion=discussion),
        notifier,
    )


def decision_command(
    project: Project, decision: Decision, text: str, notifier: ChangeNotifier | None = None
) -> ProjectCommand:
    """One ``Decision`` (already planned by ``workflow.review.plan``) as an undoable command."""
    return ProjectCommand(
        project, [decision.ref], text, lambda: project.apply((decision,), bulk=False), notifier
    )


def note_command(
    project: Project, ref: str, note: str, notifier: ChangeNotifier | None = None
) -> ProjectCommand:
    """Set the note of ``ref``; consecutive note edits of the same criterion merge."""
    return ProjectCommand(
        project,
        [ref],
        f"Edit note of {ref}",
        lambda: project.decide(ref, note=note),
        notifier,
        command_id=NOTE_COMMAND_ID,
    )


def relation_command(
    project: Project,
    ref: str,
    partner_ref: str,
    relation: Relation,
    notifier: ChangeNotifier | None = None,
) -> ProjectCommand:
    """Change the relation of an existing link."""
    return ProjectCommand(
        project,
        [ref],
        f"Relation {ref} → {partner_ref}: {relation.label}",
        lambda: project.set_relation(ref, partner_ref, relation),
        notifier,
    )


def apply_command(
    project: Project,
    decisions: Sequence[Decision],
    text: str,
    *,
    bulk: bool = True,
    notifier: ChangeNotifier | None = None,
) -> ProjectCommand:
    """Many decisions in one project transaction and one undo step."""
    return ProjectCommand(
        project,
        [d.ref for d in decisions],
        text,
        lambda: project.apply(decisions, bulk=bulk),
        notifier,
        bulk=bulk,
    )


class StillHoldsCommand(ProjectCommand):
    """ "The decision still holds" on one criterion: new fingerprints on redo, the old ones on undo.

    Its verdict and links do not change, so it keeps the fingerprints itself instead of the
    criterion's state.
    """

    def __init__(self, project: Project, ref: str, notifier: ChangeNotifier | None = None) -> None:
        super().__init__(project, [ref], f"{ref}: decision still holds", lambda: None, notifier)
        self._stamps: Stamps | None = None
        self._first = True

    def execute(self) -> None:
        """Confirm now (nothing is pushed when nothing had changed)."""
        self._stamps = self._project.confirm_unchanged(self.refs[0])

    @property
    def changed_anything(self) -> bool:
        return self._stamps is not None

    def redo(self) -> None:
        first, self._first = self._first, False
        if not first:
            self._project.confirm_unchanged(self.refs[0])
        self._notify(restored=not first)

    def undo(self) -> None:
        if self._stamps is not None:
            self._project.restore_stamps(self._stamps)
        self._notify(restored=True)


class ExclusionCommand(ProjectCommand):
    """Excluding the reference criterion ``ref`` (``workflow.exclusion``), or bringing it back
    (``restore``): undo does the opposite.

    The queue loses (or regains) a row, so ``after(ref, excluded)`` rebuilds the screen
    instead of the notifier's per-criterion refresh.
    """

    def __init__(
        self,
        project: Project,
        ref: str,
        after: Callable[[str, bool], object],
        *,
        restore: bool = False,
    ) -> None:
        text = f"Bring {ref} back into the comparison" if restore else f"Exclude {ref}"
        super().__init__(project, [ref], text, lambda: None, None)
        self._then = after
        self._excludes = not restore  # what the command does (undo does the opposite)
        self._first = True

    def _step(self, exclude: bool) -> None:
        if exclude:
            exclusion.exclude(self._project, Side.REFERENCE, self.refs[0])
        else:
            exclusion.restore(self._project, Side.REFERENCE, self.refs[0])

    def execute(self) -> None:
        self._step(self._excludes)

    @property
    def changed_anything(self) -> bool:
        return True

    def redo(self) -> None:
        first, self._first = self._first, False
        if not first:
            self._step(self._excludes)
        self._then(self.refs[0], self._excludes)

    def undo(self) -> None:
        self._step(not self._excludes)
        self._then(self.refs[0], not self._excludes)


class ResolveConflictCommand(QUndoCommand):
    """Resolving one merge conflict (``workflow.merge_resolve``): undo lists it again as it was."""

    def __init__(
        self,
        project: Project,
        conflict: MergeConflict,
        choice: Choice,
        note: str | None = None,
        notifier: ChangeNotifier | None = None,
    ) -> None:
        what = conflict.field.value + (f" {conflict.partner}" if conflict.field.paired else "")
        super().__init__(f"Resolve {what} of {conflict.ref}: {choice.value}")
        self._project = project
        self._conflict = conflict
        self._choice = choice
        self._note = note
        self._notifier = notifier
        self._resolution: Resolution | None = None
        self._done = False

    def execute(self) -> None:
        """Resolve now (errors propagate and nothing is kept); the first redo only repaints."""
        self._resolution = merge_resolve.resolve(
            self._project, self._conflict, self._choice, self._note
        )
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            self._notify(restored=False)
            return
        assert self._resolution is not None
        merge_resolve.redo(self._project, self._resolution)
        self._notify(restored=True)

    def undo(self) -> None:
        assert self._resolution is not None
        merge_resolve.undo(self._project, self._resolution)
        self._notify(restored=True)

    def _notify(self, *, restored: bool) -> None:
        if self._notifier is not None:
            self._notifier.changed.emit([self._conflict.ref])
            if restored:
                self._notifier.restored.emit([self._conflict.ref])


def resolve_conflict(stack: QUndoStack, command: ResolveConflictCommand) -> None:
    """Resolve and put the step on ``stack``; a refused choice (VerdictRuleError...) propagates."""
    command.execute()
    stack.push(command)
