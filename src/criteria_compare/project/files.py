"""File-system steps of writing a new project safely: temp name next to the target, rename, fsync."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from criteria_compare.errors import ProjectError, ProjectExists

__all__ = ["check_target", "fsync_dir", "temp_next_to"]


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_next_to(path: Path) -> Path:
    """A fresh, unused hidden file name in the same folder as ``path`` (same file system for rename)."""
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".ccproj.tmp", dir=path.parent)
    os.close(fd)
    os.unlink(name)
    return Path(name)


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
    if not path.parent.is_dir():
        raise ProjectError(f"The folder {path.resolve().parent} does not exist; create it first.")
