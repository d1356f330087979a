"""File-system steps of writing a new project safely: temp name next to the target, rename, fsync."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

from criteria_compare.errors import ProjectError, ProjectExists, ProjectLocked

__all__ = [
    "STALE_TEMP_SECONDS",
    "check_target",
    "fsync_dir",
    "move_into_place",
    "remove_stale_temps",
    "temp_next_to",
]


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems do not sync folders; the rename itself is atomic
    finally:
        os.close(fd)


def temp_next_to(path: Path) -> Path:
    """A fresh, unused hidden file name in the same folder as ``path`` (same file system for rename)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".ccproj.tmp", dir=path.parent)
    except OSError as exc:
        raise ProjectError(
            f"Cannot write in the folder {path.resolve().parent} ({exc.strerror}); choose a "
            "folder where you may create files."
        ) from None
    os.close(fd)
    os.unlink(name)
    return Path(name)


#: A hidden temporary project left this long ago is a leftover of a killed run, not work in progress.
STALE_TEMP_SECONDS = 12 * 3600


def remove_stale_temps(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files (and SQLite side files) that a killed run of creating ``path``
    left in its folder, if older than STALE_TEMP_SECONDS; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    for leftover in path.parent.glob(f".{glob.escape(path.stem)}-*.ccproj.tmp*"):
        try:
            if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()
                removed.append(leftover)
        except OSError:  # gone meanwhile, or not ours to remove: leave it
            continue
    return removed


def check_target(path: Path, force: bool) -> None:
    """Refuse to create a project over an existing file (unless ``force``) or in a missing folder."""
    if path.is_dir():
        raise ProjectExists(
            f"{path} is a folder; give a file name such as {path / 'review.ccproj'}."
        )
    if path.exists() and not force:
        raise ProjectExists(
            f"{path.name} already exists in {path.resolve().parent}; choose another name or use --force "
            "to overwrite it."
        )
    if path.exists() and any(
        path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal")
    ):
        raise ProjectLocked(
            f"{path.name} is open in another program, or was not closed cleanly; close it there "
            "(or open and close it once) before overwriting it."
        )
    if not path.parent.is_dir():
        raise ProjectError(f"The folder {path.resolve().parent} does not exist; create it first.")


def move_into_place(tmp: Path, target: Path) -> None:
    """Rename a finished temp file onto ``target`` atomically and make the rename durable."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        raise ProjectError(
            f"{target.name} could not be replaced ({exc.strerror}); close it in other programs "
            "and try again."
        ) from None
    fsync_dir(target.parent)
