"""Opening the SQLite file safely and turning SQLite's failures into one clear sentence.

Journal mode: **DELETE** (the classic rollback journal), with
``PRAGMA synchronous=FULL``. Reasons:

- A closed project is exactly one file, which users copy, e-mail and put on
  shared drives. WAL would leave ``-wal``/``-shm`` files next to it while it is
  open (and after a crash), and a copy of the ``.ccproj`` alone taken at that
  moment misses the latest decisions.
- WAL needs shared memory and does not work on network file systems, where
  these projects often live; the rollback journal does.
- With synchronous FULL, a COMMIT returns only after the journal and the
  database are on disk, so a committed decision survives a crash, SIGKILL or
  power cut, and a half-written transaction is rolled back from the journal
  the next time the file is opened.
- The cost is one more fsync per commit than WAL; a decision still commits
  well within the 20 ms budget (see benchmarks/bench_project.py).

Every write runs in ``BEGIN IMMEDIATE`` so a second writer is detected at the
start of its transaction, after a short busy timeout, and reported as
:class:`~criteria_compare.errors.ProjectLocked` instead of "database is locked".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from criteria_compare.errors import (
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
)

__all__ = [
    "BUSY_TIMEOUT",
    "SQLITE_MAGIC",
    "Transaction",
    "connect",
    "is_sqlite_file",
    "translate",
    "writable",
]

#: Seconds a writer waits for another process's transaction before "in use".
BUSY_TIMEOUT = 2.0

SQLITE_MAGIC = b"SQLite format 3\x00"


def is_sqlite_file(path: Path) -> bool:
    """True if the file starts with the SQLite header."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def connect(
    path: Path, *, read_only: bool, busy_timeout: float = BUSY_TIMEOUT
) -> sqlite3.Connection:
    """Open ``path`` in autocommit mode with the project's pragmas."""
    uri = "file:" + quote(str(path.resolve())) + ("?mode=ro" if read_only else "?mode=rw")
    try:
        conn = sqlite3.connect(
            uri,
            uri=True,
            timeout=busy_timeout,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise translate(exc, path) from None
    try:
        conn.execute("PRAGMA synchronous = FULL")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise ProjectError(
                    f"{path.name} could not be switched to a rollback journal (it is in {mode} mode); "
                    "close other programs using it and try again."
                )
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return conn


def translate(exc: sqlite3.Error, path: Path, *, writing: bool = False) -> Exception:
    """One clear sentence for a SQLite failure on ``path``."""
    msg = str(exc).lower()
    name = path.name
    if "locked" in msg or "busy" in msg:
        return ProjectLocked(
            f"{name} is in use by another program that is writing to it; "
            "wait for it to finish or close the project there, then try again."
        )
    if "readonly" in msg or "read-only" in msg or "attempt to write" in msg:
        return ProjectReadOnly(
            f"{name} can only be read (no write permission on the file or its folder); "
            "copy it somewhere writable to record decisions."
        )
    if "not a database" in msg or "file is encrypted" in msg:
        if is_sqlite_file(path):
            return ProjectCorrupt(
                f"{name} is damaged (its database header is unreadable); "
                f"restore it from a backup such as {name}.v1.bak or a copy."
            )
        return NotAProject(
            f"{name} is not a criteria-compare project; open a .ccproj file made with "
            "'criteria-compare new' or the app."
        )
    if "malformed" in msg or "corrupt" in msg or "disk i/o" in msg or "short read" in msg:
        return ProjectCorrupt(
            f"{name} is damaged ({exc}); restore it from a backup or an earlier copy."
        )
    if "unable to open" in msg:
        if not path.exists():
            return ProjectError(f"{name} does not exist in {path.parent}; check the path.")
        return ProjectError(
            f"{name} could not be opened ({exc}); check that it is a file you may read."
        )
    if "disk is full" in msg or "database or disk is full" in msg:
        return ProjectError(
            f"{name} could not be saved because the disk is full; free some space and try again."
        )
    return ProjectError(f"{name} could not be {'written' if writing else 'read'} ({exc}).")


def writable(path: Path) -> bool:
    """True if the file and its folder (for the rollback journal) are writable."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


class Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` on one connection, nesting with savepoints."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._depth = 0

    @property
    def active(self) -> bool:
        return self._depth > 0

    @contextlib.contextmanager
    def __call__(self) -> Iterator[sqlite3.Connection]:
        conn = self._conn
        if self._depth:
            name = f"sp{self._depth}"
            conn.execute(f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield conn
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            finally:
                self._depth -= 1
            conn.execute(f"RELEASE {name}")
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise translate(exc, self._path, writing=True) from None
        self._depth = 1
        try:
            yield conn
        except sqlite3.Error as exc:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise translate(exc, self._path, writing=True) from None
        except BaseException:
            self._depth = 0
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise translate(exc, self._path, writing=True) from None
