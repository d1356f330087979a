"""Checks before writing a new project, and clean-up of what a killed creation left behind."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.atomic import STALE_AFTER, remove_abandoned
from criteria_compare.errors import ProjectError, ProjectExists, ProjectLocked
from criteria_compare.paths import resolve_path
from criteria_compare.project.lock import LOCK_SUFFIX, foreign_holder, in_use

__all__ = [
    "SIDE_FILES",
    "TEMP_SUFFIX",
    "check_target",
    "remove_stale_temps",
    "temp_prefix",
]


#: The ending of a project being created (the name is hidden: a dot, the target's stem, random).
TEMP_SUFFIX = ".ccproj.tmp"

#: The files SQLite (and the project's lock) may keep beside a project being written.
SIDE_FILES = ("-journal", "-wal", "-shm", LOCK_SUFFIX)


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files (and SQLite side files) that a killed run of creating ``path``
    left in its folder: those whose process is gone, or older than ``atomic.STALE_AFTER``;
    returns what was removed."""
    return remove_abandoned(
        path,
        prefix=temp_prefix(path),
        suffix=TEMP_SUFFIX,
        side_files=SIDE_FILES,
        older_than=STALE_AFTER,
    )


def temp_prefix(path: Path) -> str:
    """The start of the hidden name a project is created under (``.`` + the target's stem + ``-``)."""
    return f".{path.stem}-"


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
    holder = foreign_holder(path) if path.exists() else None
    if holder is not None:
        raise in_use(path, holder)
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
