"""Building a complete new project atomically: write both programs, align, then rename into place."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project.connection import translate
from criteria_compare.project.files import check_target, move_into_place, temp_next_to
from criteria_compare.project.newfile import write_new_file
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
    check_target(target, force)
    tmp = temp_next_to(target)
    try:
        write_new_file(
            tmp,
            reference,
            partner,
            reference_name=reference_name,
            partner_name=partner_name,
            reference_version=reference_version,
            partner_version=partner_version,
            settings=settings,
            reviewer=reviewer,
        )
        with Project.open(tmp) as building:
            result = building.realign(progress=progress, cancel=cancel, reviewer=reviewer)
        check_target(target, force)  # someone may have created it meanwhile
        move_into_place(tmp, target)
    except BaseException as exc:
        for leftover in [tmp] + [tmp.with_name(tmp.name + x) for x in ("-journal", "-wal", "-shm")]:
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, sqlite3.Error):
            raise translate(exc, target, writing=True) from None
        raise
    return Project.open(target), result
