"""Undo commands write through the project: snapshot, act, restore; refused actions never reach the stack."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from criteria_compare.errors import VerdictRuleError
from criteria_compare.gui.undo import (
    ChangeNotifier,
    apply_command,
    decide_command,
    decision_command,
    note_command,
    push,
    relation_command,
)
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision, Project
from tests.gui.review_fixtures import make_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = make_project(tmp_path / "undo.ccproj")
    yield p
    p.close()


def test_link_and_verdict_undo_redo(project: Project) -> None:
    """Undo restores the exact earlier state of the criterion; redo brings the change back."""
    stack = QUndoStack()
    assert push(
        stack,
        decision_command(
            project,
            Decision("3.1", status=Status.ALIGNED, link=(("M-3", Relation.EQUAL),)),
            "Confirm 3.1 → M-3",
        ),
    )
    assert project.assessment("3.1").status is Status.ALIGNED
    stack.undo()
    assert project.links("3.1") == ()
    assert project.assessment("3.1").status is Status.UNREVIEWED
    stack.redo()
    assert [lk.partner_ref for lk in project.links("3.1")] == ["M-3"]
    assert project.assessment("3.1").status is Status.ALIGNED
    assert stack.undoText() == "Confirm 3.1 → M-3"
    assert {h.action for h in project.history("3.1")} >= {"undo", "redo"}


def test_refused_action_is_not_pushed(project: Project) -> None:
    """A verdict the rules refuse raises and leaves the stack and the project unchanged."""
    stack = QUndoStack()
    with pytest.raises(VerdictRuleError):
        push(stack, decide_command(project, "1.1", "Aligned", status=Status.ALIGNED))
    assert stack.count() == 0
    assert project.assessment("1.1").status is Status.UNREVIEWED


def test_no_change_is_not_pushed(project: Project) -> None:
    """Setting the flag it already has adds no undo step."""
    stack = QUndoStack()
    assert not push(stack, decide_command(project, "1.1", "Unflag", discussion=False))
    assert stack.count() == 0


def test_consecutive_note_edits_merge(project: Project) -> None:
    """Autosaved note edits of one criterion are one undo step; another criterion is a new step."""
    stack = QUndoStack()
    push(stack, note_command(project, "1.1", "first"))
    push(stack, note_command(project, "1.1", "first and more"))
    assert stack.count() == 1
    push(stack, note_command(project, "1.2", "other"))
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert project.assessment("1.1").note == ""
    stack.redo()
    assert project.assessment("1.1").note == "first and more"


def test_bulk_apply_is_one_step_for_many_criteria(project: Project) -> None:
    """apply() of several decisions is one undo step that restores every criterion."""
    stack = QUndoStack()
    notifier = ChangeNotifier()
    seen: list[list[str]] = []
    notifier.changed.connect(seen.append)
    decisions = [
        Decision("3.1", status=Status.ALIGNED, link=(("M-3", Relation.EQUAL),)),
        Decision("6.2", status=Status.ALIGNED, link=(("M-4", Relation.EQUAL),)),
    ]
    push(stack, apply_command(project, decisions, "Bulk", notifier=notifier))
    assert seen == [["3.1", "6.2"]]
    stack.undo()
    assert project.assessment("3.1").status is Status.UNREVIEWED
    assert project.links("6.2") == ()
    assert seen[-1] == ["3.1", "6.2"]


def test_relation_change_undo(project: Project) -> None:
    """Changing a link's relation is undone back to the earlier relation."""
    stack = QUndoStack()
    push(stack, decision_command(project, Decision("1.1", link=(("M-1", Relation.EQUAL),)), "Link"))
    push(stack, relation_command(project, "1.1", "M-1", Relation.INTERSECTS_WITH))
    assert project.links("1.1")[0].relation is Relation.INTERSECTS_WITH
    stack.undo()
    assert project.links("1.1")[0].relation is Relation.EQUAL


class _WriteCounter:
    """Wraps a Project and counts the write calls undo/redo make (each one is one transaction)."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self.writes: list[str] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._project, name)

    def restore(self, *args: object, **kwargs: object) -> None:
        self.writes.append("restore")
        self._project.restore(*args, **kwargs)  # type: ignore[arg-type]

    def restore_many(self, *args: object, **kwargs: object) -> None:
        self.writes.append("restore_many")
        self._project.restore_many(*args, **kwargs)  # type: ignore[arg-type]


def test_bulk_undo_and_redo_are_one_transaction_each(project: Project) -> None:
    """Undoing and redoing "Confirm clear winners" writes all criteria at once, recorded as bulk."""
    counter = _WriteCounter(project)
    stack = QUndoStack()
    decisions = [
        Decision("3.1", status=Status.ALIGNED, link=(("M-3", Relation.EQUAL),)),
        Decision("6.2", status=Status.ALIGNED, link=(("M-4", Relation.EQUAL),)),
        Decision("1.1", status=Status.ALIGNED, link=(("M-1", Relation.EQUAL),)),
    ]
    push(stack, apply_command(counter, decisions, "Confirm 3 clear winners", bulk=True))
    stack.undo()
    assert counter.writes == ["restore_many"]
    undo_rows = project.history(limit=3)
    assert [(h.action, h.bulk) for h in undo_rows] == [("undo", True)] * 3
    assert len({h.timestamp for h in undo_rows}) == 1
    assert project.links() == ()
    stack.redo()
    assert counter.writes == ["restore_many", "restore_many"]
    assert [(h.action, h.bulk) for h in project.history(limit=3)] == [("redo", True)] * 3
    assert {lk.partner_ref for lk in project.links()} == {"M-1", "M-3", "M-4"}


def test_multi_select_verdict_undo_is_one_transaction_not_bulk(project: Project) -> None:
    """A verdict set on several selected rows undoes in one write, not marked as a bulk confirm."""
    counter = _WriteCounter(project)
    stack = QUndoStack()
    decisions = [Decision("1.1", status=Status.GAP), Decision("1.2", status=Status.GAP)]
    push(stack, apply_command(counter, decisions, "2 criteria: Gap", bulk=False))
    stack.undo()
    assert counter.writes == ["restore_many"]
    assert [(h.action, h.bulk) for h in project.history(limit=2)] == [("undo", False)] * 2
    assert project.assessment("1.2").status is Status.UNREVIEWED
