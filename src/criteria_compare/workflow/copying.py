"""Save a copy of an open comparison: a consistent snapshot, written atomically beside the target."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from criteria_compare.atomic import atomic_path
from criteria_compare.errors import ProjectError
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = ["save_copy"]


def save_copy(source: Path, target: Path, progress: ProgressCallback, cancel: CancelCheck) -> Path:
    """Copy an open project file consistently with SQLite's backup API; the copy appears when complete."""
    source, target = Path(source), Path(target)
    if source.resolve() == target.resolve():
        raise ProjectError(
            f"{target.name} is the open project itself; choose another name or folder for the copy."
        )
    try:
        with atomic_path(
            target, prefix=f".{target.stem}.", suffix=".partial", side_files=("-journal",)
        ) as part:
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
