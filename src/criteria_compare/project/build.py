"""Building a complete new project atomically: write both programs, align, then rename into place."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project.staging import staged_new_file
from criteria_compare.project.store import Project

if TYPE_CHECKING:
    from criteria_compare.align import AlignerSettings, AlignmentResult

__all__ = ["build_project"]


def build_project(
    path: str | os.PathLike[str],
    reference: Any,
    partner: Any,
    *,
    reference_name: str | None = None,
    partner_name: str | None = None,
    reference_version: str = "",
    partner_version: str = "",
    settings: AlignerSettings | None = None,
    reviewer: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[Project, AlignmentResult]:
    """Create a project with its first suggestions and open it; all or nothing.

    The file is written and aligned under a temporary name in the target
    folder and only renamed to ``path`` once complete, so an error, a cancel
    or a crash never leaves a half-built project or damages the one it would
    replace (``force``).
    """
    target = Path(path)
    with (
        staged_new_file(
            target,
            reference,
            partner,
            force=force,
            reference_name=reference_name,
            partner_name=partner_name,
            reference_version=reference_version,
            partner_version=partner_version,
            settings=settings,
            reviewer=reviewer,
        ) as tmp,
        Project.open(tmp) as building,
    ):
        result = building.realign(progress=progress, cancel=cancel, reviewer=reviewer)
    return Project.open(target), result
