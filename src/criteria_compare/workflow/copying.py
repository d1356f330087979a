"""Save a copy of an open comparison: a consistent snapshot written next to the target, then renamed."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from criteria_compare.errors import ProjectError
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = ["save_copy"]


def _partial_path(target: Path) -> Path:
    return target.with_name(f".{target.stem}.partial{target.suffix or '.ccproj'}")


def _discard(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        with contextlib.suppress(OSError):
            p.unlink()


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
