"""Creating a comparison: import both programs, write the project file and align it, all or nothing.

The importer and the aligner are imported inside the functions, so a window
that only needs the request types does not pay for them at start-up.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from criteria_compare.model import Program
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel, scaled
from criteria_compare.project import Project
from criteria_compare.project.newfile import NewFileDetails
from criteria_compare.project.staging import staged_new_file

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from criteria_compare.align import AlignmentResult
    from criteria_compare.importing import ImportResult

__all__ = ["ComparisonRequest", "SourceChoice", "build_project", "create_comparison"]


@dataclass(frozen=True)
class SourceChoice:
    """One program to import: the file, its sheet and the user's column choices (role -> letter)."""

    path: Path
    name: str
    version: str = ""
    sheet: str | None = None
    columns: Mapping[str, str | None] | None = None  # role -> letter; None: no column
    imported: ImportResult | None = field(default=None, compare=False)  # reused if already read


@dataclass(frozen=True)
class ComparisonRequest:
    """Everything the new-comparison wizard collected."""

    reference: SourceChoice
    partner: SourceChoice
    target: Path
    reviewer: str | None = None


def build_project(
    path: str | os.PathLike[str],
    reference: ImportResult | Program,
    partner: ImportResult | Program,
    *,
    force: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    **details: Unpack[NewFileDetails],
) -> tuple[Project, AlignmentResult]:
    """Create a project with its first suggestions and open it; all or nothing.

    The file is written and aligned under a temporary name in the target
    folder and only renamed to ``path`` once complete, so an error, a cancel
    or a crash never leaves a half-built project or damages the one it would
    replace (``force``).
    """
    from criteria_compare.workflow.realign import realign

    target = Path(path)
    with (
        staged_new_file(target, reference, partner, force=force, **details) as tmp,
        Project.open(tmp) as building,
    ):
        result = realign(
            building, progress=progress, cancel=cancel, reviewer=details.get("reviewer")
        )
    return Project.open(target), result


def _read(
    choice: SourceChoice, progress: ProgressCallback, cancel: CancelCheck, lo: int, hi: int
) -> ImportResult:
    from criteria_compare.importing import read_criteria

    progress(lo, 100, f"Reading {choice.path.name}…")
    if choice.imported is not None:
        return choice.imported
    result = read_criteria(choice.path, sheet=choice.sheet, columns=choice.columns, cancel=cancel)
    progress(hi, 100, f"Read {len(result.criteria)} criteria from {choice.path.name}.")
    return result


def create_comparison(
    request: ComparisonRequest, progress: ProgressCallback, cancel: CancelCheck
) -> Path:
    """Import both programs, create the project and align it; the target appears only when done."""
    reference = _read(request.reference, progress, cancel, 0, 8)
    check_cancel(cancel)
    partner = _read(request.partner, progress, cancel, 8, 16)
    check_cancel(cancel)
    target = Path(request.target)
    target.parent.mkdir(parents=True, exist_ok=True)
    progress(18, 100, "Creating the project file…")
    project, _result = build_project(
        target,
        reference,
        partner,
        reference_name=request.reference.name,
        partner_name=request.partner.name,
        reference_version=request.reference.version,
        partner_version=request.partner.version,
        force=True,
        reviewer=request.reviewer,
        progress=scaled(progress, 22, 99),
        cancel=cancel,
    )
    project.close()
    progress(100, 100, f"Saved {target.name}.")
    return target
