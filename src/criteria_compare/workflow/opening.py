"""Opening a comparison for reviewing: who else has it open, then open the file and read both programs once, cancellable."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from criteria_compare.errors import Cancelled
from criteria_compare.model import LockHolder
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project import Project
from criteria_compare.project.lock import describe, is_stale, read_holder
from criteria_compare.project.lock import foreign_holder as _foreign

__all__ = ["GUI_APP", "InUse", "in_use_by", "open_project"]

#: How the review screen names itself in a project's lock.
GUI_APP = "criteria-compare-gui"


@dataclass(frozen=True)
class InUse:
    """Another program's hold on a project: who, and whether that program is gone (a stale lock)."""

    holder: LockHolder
    stale: bool

    @property
    def who(self) -> str:
        """Who, where and since when, e.g. ``alice on ws-12 since 2026-12-03 12:40 UTC (…)``."""
        return describe(self.holder)


def in_use_by(path: Path) -> InUse | None:
    """Who else has ``path`` open for writing (``stale``: a killed program's lock), or None when
    nobody does (or this program itself does)."""
    path = Path(path)
    holder = _foreign(path)
    if holder is not None:
        return InUse(holder, stale=False)
    holder = read_holder(path) if path.exists() else None
    if holder is not None and is_stale(holder):
        return InUse(holder, stale=True)
    return None


def open_project(
    path: Path,
    progress: ProgressCallback,
    cancel: CancelCheck,
    *,
    read_only: bool = False,
    take_over_stale: bool = False,
) -> Project:
    """Open a project file for reviewing (its connection may be used from the GUI thread).

    For writing unless ``read_only``; a stale lock is taken over only with
    ``take_over_stale`` (the user agreed), else ProjectInUse says whose it was.
    """
    progress(0, 1, f"Opening {Path(path).name}…")
    project = Project.open(
        Path(path), read_only=read_only, take_over_stale=take_over_stale, app=GUI_APP
    )
    try:
        # Touch the programs once so the first paint does not wait for them.
        _ = project.reference.criteria, project.partner.criteria
    except BaseException:
        project.close()
        raise
    if cancel():
        project.close()
        raise Cancelled("Opening was cancelled.")
    progress(1, 1, f"Opened {Path(path).name}.")
    return project
