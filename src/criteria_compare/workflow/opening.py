"""Opening a comparison for reviewing: open the file and read both programs once, cancellable."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.errors import Cancelled
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project import Project

__all__ = ["open_project"]


def open_project(path: Path, progress: ProgressCallback, cancel: CancelCheck) -> Project:
    """Open a project file for reviewing (its connection may be used from the GUI thread)."""
    progress(0, 1, f"Opening {Path(path).name}…")
    project = Project.open(Path(path))
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
