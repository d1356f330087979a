"""The long jobs the shell runs in Workers: create a comparison, build the sample, open, copy.

Each job has the core's shape ``job(progress, cancel)`` once its arguments are
bound (functools.partial), takes no Qt and can be called from a test. Core
modules are imported inside the jobs so the window appears before the
aligner's heavier imports are paid for.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.errors import (
    Cancelled,
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectTooNew,
)
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.resources import sample_path

if TYPE_CHECKING:
    from criteria_compare.importing.result import ImportResult

__all__ = [
    "SAMPLE_PARTNER",
    "SAMPLE_REFERENCE",
    "ComparisonRequest",
    "SourceChoice",
    "build_sample",
    "create_comparison",
    "open_project",
    "open_sample",
    "sample_project_path",
    "save_copy",
    "scaled",
]

SAMPLE_REFERENCE = "ctpat_msc_importer.xlsx"
SAMPLE_PARTNER = "partner_aeo_meridia.xlsx"


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


def scaled(progress: ProgressCallback, lo: int, hi: int) -> ProgressCallback:
    """A progress callback mapping a sub-job's done/total onto lo..hi of 100, never going back.

    Sub-jobs may report several phases that each count from zero; the bar keeps
    the furthest point reached and only the message changes.
    """
    furthest = lo

    def report(done: int, total: int, message: str) -> None:
        nonlocal furthest
        frac = done / total if total > 0 else 0.0
        furthest = max(furthest, lo + round((hi - lo) * min(max(frac, 0.0), 1.0)))
        progress(furthest, 100, message)

    return report


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


def _partial_path(target: Path) -> Path:
    return target.with_name(f".{target.stem}.partial{target.suffix or '.ccproj'}")


def _discard(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            p.unlink()


def create_comparison(
    request: ComparisonRequest, progress: ProgressCallback, cancel: CancelCheck
) -> Path:
    """Import both programs, create the project and align it; the target appears only when done."""
    from criteria_compare.project.build import build_project

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


def _sample_fingerprint() -> str:
    """Changes with the sample files and with the aligner's code (default settings included).

    So an upgrade that ranks differently builds a fresh sample instead of showing
    suggestions an older aligner made. The aligner's files are read, not imported
    (this runs on the GUI thread and must stay a millisecond affair).
    """
    digest = hashlib.sha256()
    for name in (SAMPLE_REFERENCE, SAMPLE_PARTNER):
        digest.update(sample_path(name).read_bytes())
    spec = importlib.util.find_spec("criteria_compare.align")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        for source in sorted(Path(folder).glob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:10]


def sample_project_path(data_dir: Path) -> Path:
    """Where the bundled sample comparison lives; a new name whenever the sample files or aligner change."""
    return (
        Path(data_dir) / "sample" / _sample_fingerprint() / "Meridia AEO vs CTPAT (sample).ccproj"
    )


def build_sample(target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Path:
    """Create the sample comparison (CTPAT importers vs fictional Meridia AEO) at ``target``."""
    request = ComparisonRequest(
        reference=SourceChoice(sample_path(SAMPLE_REFERENCE), "CTPAT MSC (Importers)", "2019"),
        partner=SourceChoice(sample_path(SAMPLE_PARTNER), "Meridia AEO", "sample"),
        target=target,
    )
    return create_comparison(request, progress, cancel)


def open_sample(target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Any:
    """Open the sample comparison at ``target``, building it first if it is missing or unusable.

    Only the sample is ever rebuilt this way (it holds nothing but what the user tried
    out on it); a damaged file is moved aside as ``<name>.damaged`` first.
    """
    if target.is_file():
        try:
            return open_project(target, progress, cancel)
        except (NotAProject, ProjectCorrupt, ProjectTooNew):
            os.replace(target, target.with_name(target.name + ".damaged"))
    build_sample(target, progress, cancel)
    return open_project(target, progress, cancel)


def open_project(path: Path, progress: ProgressCallback, cancel: CancelCheck) -> Any:
    """Open a project file for reviewing (its connection may be used from the GUI thread)."""
    from criteria_compare.project import Project

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


def save_copy(source: Path, target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Path:
    """Copy an open project file consistently with SQLite's backup API; the copy appears when complete."""
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise ProjectError(
            f"{target.name} is the open project itself; choose another name or folder for the copy."
        )
    part = _partial_path(target)
    _discard(part)
    try:
        src = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(part)
            try:

                def step(_status: int, remaining: int, total: int) -> None:
                    progress(total - remaining, total, f"Copying to {target.name}…")
                    check_cancel(cancel)

                src.backup(dst, pages=256, progress=step)
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(part, target)
    except sqlite3.Error as exc:
        _discard(part)
        raise ProjectError(
            f"Could not write a copy to {target} ({exc}); choose a folder you can write to."
        ) from None
    except BaseException:
        _discard(part)
        raise
    return target
