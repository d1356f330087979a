"""Write a new project (from two programs, or from a copy of another project) under a temporary name
next to its target, and rename it into place only when complete."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.atomic import atomic_path
from criteria_compare.errors import ProjectError
from criteria_compare.paths import resolve_path
from criteria_compare.project.connection import connect, harden, translate
from criteria_compare.project.files import (
    SIDE_FILES,
    TEMP_SUFFIX,
    check_target,
    remove_stale_temps,
    temp_prefix,
)
from criteria_compare.project.lock import acquire
from criteria_compare.project.migrations import migrate
from criteria_compare.project.newfile import NewFileDetails, write_new_file
from criteria_compare.project.store import Project

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["staged_copy", "staged_new_file"]


@contextlib.contextmanager
def staged_new_file(
    target: Path, reference: Any, partner: Any, *, force: bool, **details: Unpack[NewFileDetails]
) -> Iterator[Path]:
    """Yield a freshly written project file under a temporary name; on success rename it to ``target``.

    The caller may finish the file inside the ``with`` block (e.g. align it).
    An error, a cancel or a crash never leaves a half-built project under
    ``target`` nor damages the file it would replace (``force``); the
    temporary file and its SQLite side files are removed.
    """
    with _staged(target, force) as tmp:
        write_new_file(tmp, reference, partner, **details)
        yield tmp


def _copy_into(source: Path, tmp: Path) -> None:
    """Copy the project ``source`` (consistently, with SQLite's backup API) into ``tmp`` and bring
    the copy to the current schema; ``source`` is never written."""
    src = connect(source, read_only=True)
    try:
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            harden(dst)
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            migrate(dst)
        finally:
            dst.close()
    finally:
        src.close()


@contextlib.contextmanager
def staged_copy(source: Path, target: Path, *, force: bool = False) -> Iterator[Project]:
    """Yield a copy of the project ``source``, open for writing, under a temporary name next to
    ``target`` (at the current schema); it is closed and, on success, renamed to ``target``, as
    :func:`staged_new_file` does. ``source`` must be a project that was opened (so checked)."""
    with _staged(target, force) as tmp:
        _copy_into(source, tmp)
        # Our own copy of a checked file: opened without checking it a second time.
        with Project(tmp, connect(tmp, read_only=False), read_only=False) as project:
            yield project


@contextlib.contextmanager
def _staged(target: Path, force: bool) -> Iterator[Path]:
    check_target(target, force)
    remove_stale_temps(target)
    stage = "create"
    # Hold the target's lock while it is built and replaced, so no other program opens it
    # for writing in between (and an open one is never replaced under it).
    held = acquire(target)
    try:
        with atomic_path(
            target, prefix=temp_prefix(target), suffix=TEMP_SUFFIX, side_files=SIDE_FILES
        ) as tmp:
            stage = "write"
            yield tmp
            check_target(target, force)  # someone may have created it meanwhile
            stage = "replace"
    except sqlite3.Error as exc:
        raise translate(exc, target, writing=True) from None
    except OSError as exc:
        if stage == "create":
            raise ProjectError(
                f"Cannot write in the folder {resolve_path(target).parent} ({exc.strerror}); choose a "
                "folder where you may create files."
            ) from None
        if stage == "replace":
            raise ProjectError(
                f"{target.name} could not be replaced ({exc.strerror}); close it in other "
                "programs and try again."
            ) from None
        raise
    finally:
        held.release()
