"""Checks before writing a new project, and clean-up of what a killed creation left behind."""

from __future__ import annotations

import glob
import time
from pathlib import Path

from criteria_compare.errors import ProjectError, ProjectExists, ProjectLocked
from criteria_compare.paths import resolve_path

__all__ = [
    "STALE_TEMP_SECONDS",
    "TEMP_SUFFIX",
    "check_target",
    "remove_stale_temps",
]


#: The ending of a project being created (the name is hidden: a dot, the target's stem, random).
TEMP_SUFFIX = ".ccproj.tmp"

#: A hidden temporary project left this long ago is a leftover of a killed run, not work in progress.
STALE_TEMP_SECONDS = 12 * 3600


def remove_stale_temps(path: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files (and SQLite side files) that a killed run of creating ``path``
    left in its folder, if older than STALE_TEMP_SECONDS; returns what was removed."""
    now = time.time() if now is None else now
    removed = []
    for leftover in path.parent.glob(f".{glob.escape(path.stem)}-*{TEMP_SUFFIX}*"):
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
            f"{path.name} already exists in {resolve_path(path).parent}; choose another name or use --force "
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
        raise ProjectError(
            f"The folder {resolve_path(path).parent} does not exist; create it first."
        )
