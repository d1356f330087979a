"""Report files are written atomically (criteria_compare.atomic); failures are worded for an export."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

from criteria_compare.atomic import STALE_AFTER, atomic_path, remove_abandoned
from criteria_compare.errors import CriteriaCompareError
from criteria_compare.paths import resolve_path

__all__ = ["ReportWriteError", "atomic_target"]


class ReportWriteError(CriteriaCompareError):
    """The report file could not be written where asked."""


def _write_failed(final: Path, folder: Path, exc: OSError) -> ReportWriteError:
    """One sentence for a write that failed part-way (a full disk, a lost network folder)."""
    if exc.errno == errno.ENOSPC:
        return ReportWriteError(
            f"Cannot write {final.name}: the disk is full; free some space in {folder} or "
            "choose another folder, and export again."
        )
    return ReportWriteError(
        f"Cannot write {final.name} in {folder} ({exc.strerror or exc}); check the folder and "
        "export again."
    )


@contextlib.contextmanager
def atomic_target(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success move it to ``path``, else delete it.

    An export that fails or is cancelled half-way leaves whatever was at
    ``path`` before untouched and no stray temporary file behind.
    """
    final = resolve_path(path)
    folder = final.parent
    if final.is_dir():
        raise ReportWriteError(
            f"{final} is a folder; give the report a file name, for example one inside it."
        )
    if not folder.is_dir():
        raise ReportWriteError(
            f"Cannot write {final.name}: the folder {folder} does not exist; choose an existing folder."
        )
    remove_abandoned(final, older_than=STALE_AFTER)
    stage = "create"
    try:
        with atomic_path(final) as tmp:
            stage = "write"
            yield tmp
            stage = "replace"
    except OSError as exc:
        if stage == "create":
            raise ReportWriteError(
                f"Cannot write in {folder} ({exc.strerror}); choose a folder you can write to."
            ) from exc
        if stage == "write" or exc.errno == errno.ENOSPC:
            raise _write_failed(final, folder, exc) from exc
        raise ReportWriteError(
            f"Cannot replace {final} ({exc.strerror}); close it if another program has it open "
            "and export again."
        ) from exc
