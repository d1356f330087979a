"""Write a new project under a temporary name next to its target, and rename it into place only when complete."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from criteria_compare.project.connection import translate
from criteria_compare.project.files import (
    check_target,
    move_into_place,
    remove_stale_temps,
    temp_next_to,
)
from criteria_compare.project.newfile import write_new_file

__all__ = ["staged_new_file"]

_SIDE_FILES = ("-journal", "-wal", "-shm")


@contextlib.contextmanager
def staged_new_file(
    target: Path, reference: Any, partner: Any, *, force: bool, **new_file_options: Any
) -> Iterator[Path]:
    """Yield a freshly written project file under a temporary name; on success rename it to ``target``.

    The caller may finish the file inside the ``with`` block (e.g. align it).
    An error, a cancel or a crash never leaves a half-built project under
    ``target`` nor damages the file it would replace (``force``); the
    temporary file and its SQLite side files are removed.
    """
    check_target(target, force)
    remove_stale_temps(target)
    tmp = temp_next_to(target)
    try:
        write_new_file(tmp, reference, partner, **new_file_options)
        yield tmp
        check_target(target, force)  # someone may have created it meanwhile
        move_into_place(tmp, target)
    except BaseException as exc:
        for leftover in [tmp, *(tmp.with_name(tmp.name + s) for s in _SIDE_FILES)]:
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, sqlite3.Error):
            raise translate(exc, target, writing=True) from None
        raise
