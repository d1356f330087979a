"""Undoing an applied update, and doing it again: the project file swapped with its copies.

``apply_update`` writes a backup of the project before it changes anything. To
undo, the updated state is first kept in a copy of its own beside the project
(so the update can be redone without importing the file again), then the
backup's content is restored into the open project (``Project.restore_backup``,
one consistent change). Redo restores that copy. Both add a history row, so the
audit trail says what happened; both front ends call these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from criteria_compare.errors import ProjectError
from criteria_compare.project import Project
from criteria_compare.workflow.update import UpdateResult

__all__ = ["UpdateUndo", "redo_update", "undo_update"]


@dataclass(frozen=True)
class UpdateUndo:
    """What undoing one update needs: the copy from before it and where the updated state goes."""

    backup: Path  # the project as it was before the update (written by apply_update)
    updated: Path  # the project as the update left it (written on undo)
    what: str  # "the partner program's update to edition 2", for messages and history

    @classmethod
    def of(cls, result: UpdateResult) -> UpdateUndo:
        preview = result.preview
        what = f"the {preview.side.value} program's update to edition {preview.number}"
        updated = result.backup.with_name(result.backup.name.replace(".before-", ".after-"))
        return cls(result.backup, updated, what)


def _check(path: Path, what: str) -> None:
    if not path.is_file():
        raise ProjectError(
            f"{path.name} is gone, so {what} cannot be taken back from it; restore that file from "
            "your backups, or update again."
        )


def undo_update(project: Project, undo: UpdateUndo, *, reviewer: str | None = None) -> str:
    """Put the project back as it was before the update; returns the sentence to show."""
    _check(undo.backup, undo.what)
    undo.updated.unlink(missing_ok=True)  # an earlier undo's copy: the redo it served is gone
    project.write_backup(undo.updated)
    project.restore_backup(undo.backup, reviewer=reviewer, note=f"undid {undo.what}")
    return f"Undid {undo.what}; the project is as it was before it."


def redo_update(project: Project, undo: UpdateUndo, *, reviewer: str | None = None) -> str:
    """Apply an undone update again, from the copy :func:`undo_update` kept."""
    _check(undo.updated, undo.what)
    project.restore_backup(undo.updated, reviewer=reviewer, note=f"redid {undo.what}")
    return f"Redid {undo.what}."
