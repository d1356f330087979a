"""Project.restore_many(): several criteria written back in one transaction, for a bulk undo/redo."""

from __future__ import annotations

import dataclasses

import pytest

from criteria_compare.errors import InvalidValue, ProjectReadOnly, UnknownRef
from criteria_compare.model import Status
from criteria_compare.project import Decision, Project


def _bulk_confirm(project: Project) -> None:
    project.apply(
        [
            Decision("1.1", status="aligned", link=[("P-1", "equal")]),
            Decision("2.1", status="aligned", link=[("P-2", "equal")]),
            Decision("6.1", status="aligned", link=[("P-4", "equal")]),
        ],
        bulk=True,
    )


def test_restore_many_undoes_a_bulk_step_with_bulk_history_rows(new_project) -> None:
    """Undoing three criteria at once restores each exactly; the history rows are bulk, one stamp."""
    project = new_project()
    refs = ("1.1", "2.1", "6.1")
    before = [project.snapshot(r) for r in refs]
    _bulk_confirm(project)
    after = [project.snapshot(r) for r in refs]

    project.restore_many(before, action="undo")
    assert [project.snapshot(r) for r in refs] == before
    assert project.links() == ()
    undo_rows = project.history(limit=3)
    assert [e.action for e in undo_rows] == ["undo"] * 3
    assert all(e.bulk for e in undo_rows)
    assert len({e.timestamp for e in undo_rows}) == 1

    project.restore_many(after, action="redo")
    assert [project.snapshot(r) for r in refs] == after
    assert {a.status for r, a in project.assessments().items() if r in refs} == {Status.ALIGNED}
    assert all(e.bulk and e.action == "redo" for e in project.history(limit=3))


def test_restore_many_is_all_or_nothing(new_project) -> None:
    """A state that cannot be written (unknown criterion) leaves every other criterion untouched."""
    project = new_project()
    before = project.snapshot("1.1")
    _bulk_confirm(project)
    linked = project.links()
    broken = dataclasses.replace(project.snapshot("2.1"), ref="9.9")
    with pytest.raises(UnknownRef):
        project.restore_many([before, broken], action="undo")
    assert project.links() == linked
    assert project.assessment("1.1").status is Status.ALIGNED


def test_restore_many_checks_action_and_read_only(new_project) -> None:
    """An unknown action name is refused; a read-only project refuses the write with one sentence."""
    project = new_project()
    state = project.snapshot("1.1")
    with pytest.raises(InvalidValue, match="Unknown history action"):
        project.restore_many([state], action="bogus")
    history = project.history()
    project.restore_many([], action="undo")  # nothing to do, nothing recorded
    assert project.history() == history
    path = project.path
    project.close()
    with Project.open(path, read_only=True) as ro, pytest.raises(ProjectReadOnly):
        ro.restore_many([state], action="undo")
