"""Opening the SQLite file safely and turning SQLite's failures into one clear sentence.

Journal mode: **WAL while a project is open for writing, the rollback journal
(DELETE) once it is closed**, always with ``PRAGMA synchronous=FULL``.

- Durability: with synchronous FULL, a COMMIT returns only after the decision
  is on disk (in WAL mode: the write-ahead log is fsynced at every commit), so
  a committed decision survives a crash, SIGKILL or power cut; an unfinished
  transaction is never seen, and the log is replayed the next time the file
  is opened.
- Speed: WAL needs one fsync per commit where the rollback journal needs three
  or four (journal twice, database, folder entries). Measured on this machine
  with other jobs loading the disk: median 0.5-4 ms and p95 7-12 ms per
  decision in WAL against 1-16 ms and 20-30 ms with the rollback journal; the
  budget is 20 ms at the 95th percentile (benchmarks/bench_project.py).
- One file when closed: users copy, e-mail and archive ``.ccproj`` files. On
  close the log is checkpointed into the database and the file is switched
  back to the rollback journal, so the ``-wal``/``-shm`` files disappear and
  the closed project is a single, self-contained file. While it is open, a
  write that ends two seconds or more after the last checkpoint folds the log
  into the file before it returns (no timer thread), so a copy taken while the
  app is open misses at most the changes made within two seconds of the latest.
  After a crash the ``-wal`` file holds committed decisions: it must stay next
  to the project and is folded in on the next open.
- Where SQLite cannot use WAL (it refuses, e.g. on some network file systems,
  or another program holds the file), the project simply stays in rollback
  journal mode, which is just as safe, only slower. As with any SQLite file,
  a project should not be written from two computers at once over a network
  share.

Every write runs in ``BEGIN IMMEDIATE`` so a second writer is detected at the
start of its transaction, after a short busy timeout, and reported as
:class:`~criteria_compare.errors.ProjectLocked` instead of "database is locked".
Readers never block the writer and see only committed decisions.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from criteria_compare.errors import (
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
)

__all__ = [
    "BUSY_TIMEOUT",
    "CHECKPOINT_DELAY",
    "SQLITE_MAGIC",
    "Transaction",
    "close_connection",
    "connect",
    "enable_wal",
    "is_sqlite_file",
    "translate",
    "writable",
]

#: Seconds a writer waits for another process's transaction before "in use".
BUSY_TIMEOUT = 2.0

#: A write ending this many seconds after the last checkpoint folds the write-ahead log into the file.
CHECKPOINT_DELAY = 2.0

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
    # as_uri() percent-encodes spaces, '?', '#' and '%' and gives file:///C:/... on Windows.
    uri = path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")
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
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    except BaseException:
        conn.close()
        raise
    return conn


def enable_wal(conn: sqlite3.Connection) -> str:
    """Switch a checked project to WAL where SQLite allows it; return the journal mode in use.

    Called only after the file is known to be ours, so a foreign file is never changed.
    """
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL")
    return str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower()


def close_connection(conn: sqlite3.Connection, *, writer: bool) -> None:
    """Fold the write-ahead log into the file, return to the rollback journal, and close.

    If another connection still has the project open the switch is skipped
    (that connection does it when it closes); closing never waits or fails.
    """
    if writer:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("PRAGMA busy_timeout = 0")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


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
                "restore it from a backup or an earlier copy."
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
            return ProjectError(
                f"{name} does not exist in {path.absolute().parent}; check the path."
            )
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
