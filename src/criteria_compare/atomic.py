"""Write a file atomically: under a unique temporary name in the target's folder, then rename.

The one place that replaces a file on disk (reports, workbooks, new projects, copies).
Whoever writes gets a temporary path; when the ``with`` block ends normally the
file is flushed to disk, renamed over the target in one step and the rename made
durable. On any failure (an exception, a cancel, a rename that fails) the
temporary file is removed and whatever was at the target stays untouched.
Failures surface as ``OSError``; each caller words them for its user.

A process killed while writing cannot remove its temporary file, so the name
carries the writer's process id; :func:`remove_abandoned` clears those of the
same target whose process is gone, at the start of the next write.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from criteria_compare.processes import process_gone

__all__ = ["STALE_AFTER", "atomic_path", "fsync_dir", "remove_abandoned", "replace_durably"]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_ATTEMPTS = 100

#: A temporary file this many seconds old is abandoned even if its process id is in use
#: (ids are reused) or it has none (names from before ids were recorded).
STALE_AFTER = 12 * 3600


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable where the system supports it (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the rename itself is still atomic
    finally:
        os.close(fd)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | _NOFOLLOW | _BINARY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_durably(tmp: Path, target: Path) -> None:
    """Flush ``tmp`` to disk, rename it over ``target`` in one step, and sync the folder."""
    _fsync_file(tmp)
    tmp.replace(target)
    fsync_dir(target.parent)


def _create_unique(folder: Path, prefix: str, suffix: str) -> Path:
    """Create a new empty file with a random name in ``folder`` (never an existing one or a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY
    for _ in range(_ATTEMPTS):
        path = folder / f"{prefix}{os.getpid()}-{secrets.token_hex(4)}{suffix}"
        try:
            fd = os.open(path, flags, 0o666)  # the umask decides, as for any file the user saves
        except FileExistsError:
            continue
        os.close(fd)
        return path
    raise FileExistsError(f"no unused temporary name in {folder}")


def _default_prefix(target: Path) -> str:
    return f".{target.name}."


def remove_abandoned(
    target: str | os.PathLike[str],
    *,
    prefix: str | None = None,
    suffix: str = ".part",
    side_files: Sequence[str] = (),
    older_than: float | None = None,
    now: float | None = None,
) -> list[Path]:
    """Remove the temporary files (and side files) that killed writes of ``target`` left behind.

    A temporary file is abandoned when the process named in it no longer runs,
    or (with ``older_than``, also for names without a process id) when it was
    last changed more than ``older_than`` seconds ago. ``prefix``, ``suffix``
    and ``side_files`` are those given to :func:`atomic_path`. Returns what was
    removed; a file that cannot be removed is left alone.
    """
    final = Path(target)
    start = _default_prefix(final) if prefix is None else prefix
    sides = "|".join(re.escape(side) for side in side_files)
    pattern = re.compile(
        re.escape(start) + r"(?:(\d+)-)?[A-Za-z0-9_]+" + re.escape(suffix) + f"(?:{sides})?"
    )
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(final.parent))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None:
            continue
        try:
            stale = match.group(1) is not None and process_gone(int(match.group(1)))
            if not stale and older_than is not None:
                stale = now - entry.stat(follow_symlinks=False).st_mtime > older_than
            if stale:
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
        except OSError:  # gone meanwhile, or not ours to remove
            continue
    return removed


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


@contextlib.contextmanager
def atomic_path(
    target: str | os.PathLike[str],
    *,
    prefix: str | None = None,
    suffix: str = ".part",
    side_files: Sequence[str] = (),
) -> Iterator[Path]:
    """Yield a fresh temporary file next to ``target``; on success it becomes ``target``.

    The temporary file exists (empty) when yielded, named ``prefix`` + process
    id + ``-`` + random + ``suffix`` (``prefix`` defaults to ``"." + target's name + "."``, a hidden
    name). ``side_files`` are suffixes of files a writer may leave beside the
    temporary file (e.g. SQLite's ``-journal``); they are removed on failure.
    """
    final = Path(target)
    folder = final.parent
    tmp = _create_unique(folder, _default_prefix(final) if prefix is None else prefix, suffix)
    leftovers = [tmp, *(tmp.with_name(tmp.name + s) for s in side_files)]
    try:
        yield tmp
        replace_durably(tmp, final)
    except BaseException:
        _remove(leftovers)
        raise
