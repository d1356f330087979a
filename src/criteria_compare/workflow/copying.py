"""Save a copy of an open comparison: a consistent snapshot, written atomically beside the target, checked before it counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from criteria_compare.atomic import atomic_path
from criteria_compare.errors import CriteriaCompareError, ProjectError
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.project import Project
from criteria_compare.project.connection import connect

__all__ = ["save_copy"]


def _check_copy(part: Path, target: Path) -> None:
    """Refuse a copy that does not open as a project with both programs (nothing is saved then)."""
    try:
        with Project.open(part, read_only=True) as copy:
            if not copy.reference.criteria or not copy.partner.criteria:
                raise ProjectError(f"{copy.path.name} holds no criteria")
    except CriteriaCompareError as exc:
        raise ProjectError(
            f"The copy written to {target} could not be read back as a project ({exc}); nothing "
            "was saved. Try again, or choose another folder."
        ) from None


def save_copy(source: Path, target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Path:
    """Copy an open project file consistently with SQLite's backup API; the copy appears when complete.

    The source is opened through the store's own connection (a ``Path.as_uri()``
    URI, so ``#``, ``?`` and ``%`` in folder or file names are part of the
    name); the copy is written under a temporary name in the target folder
    (``criteria_compare.atomic``: fsync, rename) only after it opened as a
    project.
    """
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise ProjectError(
            f"{target.name} is the open project itself; choose another name or folder for the copy."
        )
    try:
        with atomic_path(
            target, prefix=f".{target.stem}.", suffix=".partial", side_files=("-journal",)
        ) as part:
            src = connect(source, read_only=True)
            try:
                dst = sqlite3.connect(part)
                try:

                    def step(_status: int, remaining: int, total: int) -> None:
                        progress(total - remaining, total, f"Copying to {target.name}…")
                        check_cancel(cancel)

                    src.backup(dst, pages=256, progress=step)
                    dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                finally:
                    dst.close()
            finally:
                src.close()
            _check_copy(part, target)
    except sqlite3.Error as exc:
        raise ProjectError(
            f"Could not write a copy to {target} ({exc}); choose a folder you can write to."
        ) from None
    except OSError as exc:
        raise ProjectError(
            f"Could not write a copy to {target} ({exc.strerror or exc}); choose a folder you can "
            "write to."
        ) from None
    return target
