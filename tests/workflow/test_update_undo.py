"""Undoing an applied update puts the project back as it was; redo applies it again."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.errors import ProjectError
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.workflow.update import apply_update, plan_update
from criteria_compare.workflow.update_undo import UpdateUndo, redo_update, undo_update
from tests.workflow.test_update import SPLIT, _partner_edition
from tests.workflow.update_fixtures import read, reviewed_project


def _state(project: Project) -> tuple[object, ...]:
    return (
        [c.ref for c in project.partner.criteria],
        project.partner.version,
        [(lk.reference_ref, lk.partner_ref, lk.relation) for lk in project.links()],
        {ref: (a.status, a.suspect) for ref, a in project.stored_assessments().items()},
        len(project.editions("partner")),
    )


def test_undo_puts_every_criterion_and_decision_back_and_redo_applies_it_again(tmp_path: Path) -> None:  # fmt: skip
    with reviewed_project(tmp_path / "review.ccproj") as project:
        before = _state(project)
        preview = plan_update(project, "partner", read(_partner_edition(tmp_path)), matcher=SPLIT)
        undo = UpdateUndo.of(apply_update(project, preview, reviewer="bob"))
        after = _state(project)
        assert after != before

        message = undo_update(project, undo, reviewer="bob")
        assert message == (
            "Undid the partner program's update to edition 2; the project is as it was before it."
        )
        assert _state(project) == before
        assert project.assessment("3.1").status is not Status.UNREVIEWED
        assert project.history()[0].action == "restore"
        assert project.history()[0].new_value == "undid the partner program's update to edition 2"

        redo_update(project, undo, reviewer="bob")
        assert _state(project) == after
        assert project.history()[0].new_value == "redid the partner program's update to edition 2"

    with Project.open(tmp_path / "review.ccproj", read_only=True) as reopened:
        assert _state(reopened) == after  # written to the file, not only to this session


def test_a_missing_backup_is_said_in_one_sentence_and_nothing_changes(tmp_path: Path) -> None:
    with reviewed_project(tmp_path / "review.ccproj") as project:
        preview = plan_update(project, "partner", read(_partner_edition(tmp_path)), matcher=SPLIT)
        undo = UpdateUndo.of(apply_update(project, preview))
        after = _state(project)
        undo.backup.unlink()
        with pytest.raises(ProjectError, match="is gone, so the partner program's update"):
            undo_update(project, undo)
        assert _state(project) == after


def test_a_file_of_another_project_is_never_restored(tmp_path: Path) -> None:
    other = reviewed_project(tmp_path / "other.ccproj")
    other.close()
    with reviewed_project(tmp_path / "review.ccproj") as project:
        before = _state(project)
        with pytest.raises(ProjectError, match=r"is not a copy of review\.ccproj"):
            project.restore_backup(tmp_path / "other.ccproj", note="x")
        assert _state(project) == before
