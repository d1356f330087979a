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
import math
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from criteria_compare.errors import (
    CriteriaCompareError,
    NotAProject,
    ProjectCorrupt,
    ProjectDiskError,
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
)
from criteria_compare.paths import resolve_path

__all__ = [
    "BUSY_TIMEOUT",
    "CHECKPOINT_DELAY",
    "SQLITE_MAGIC",
    "Transaction",
    "close_connection",
    "connect",
    "enable_wal",
    "harden",
    "is_sqlite_file",
    "not_folded",
    "read_only_error",
    "recover",
    "side_files",
    "translate",
    "writable",
    "writing_advice",
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
    uri = resolve_path(path).as_uri() + ("?mode=ro" if read_only else "?mode=rw")
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
        harden(conn)
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


def harden(conn: sqlite3.Connection) -> None:
    """Let SQL stored in the file (views, triggers, index expressions) call only harmless functions."""
    conn.execute("PRAGMA trusted_schema = OFF")


def enable_wal(conn: sqlite3.Connection) -> str:
    """Switch a checked project to WAL where SQLite allows it; return the journal mode in use.

    Called only after the file is known to be ours, so a foreign file is never changed.
    """
    # Each PRAGMA is read to its end: a statement left mid-result keeps the connection busy, so
    # closing could not fold the log back into the file and left -wal/-shm beside it.
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
    return str(conn.execute("PRAGMA journal_mode").fetchall()[0][0]).lower()


def close_connection(conn: sqlite3.Connection, path: Path, *, writer: bool) -> None:
    """Fold the write-ahead log into the file, return to the rollback journal, and close.

    If another connection still has the project open the switch is skipped
    (that connection does it when it closes) and closing does not wait. If the
    log cannot be folded in (a full disk, a size limit), the connection is
    closed all the same, the ``-wal``/``-shm`` files (which hold the committed
    changes) are left alone, and ProjectDiskError says what to do.
    """
    failure: sqlite3.Error | None = None
    if writer:
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            # A connection that switched to WAL and has not read since gets SQLITE_LOCKED from the
            # checkpoint (seen with SQLite 3.40), which would leave -wal/-shm behind: read first.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()[0][0]
            if not busy:
                conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as exc:
            if not _is_busy(exc):
                failure = exc
    conn.close()
    if failure is not None and side_files(path, journal=False):
        raise not_folded(path, failure)


def side_files(path: Path, *, journal: bool = True) -> list[Path]:
    """The non-empty ``-wal`` (and, with ``journal``, ``-journal``) files beside ``path``.

    They hold changes that are not in the file itself yet: committed ones (the
    log) or an interrupted transaction (the journal); the file is only whole
    together with them.
    """
    found = []
    for suffix in ("-wal", "-journal") if journal else ("-wal",):
        side = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if side.stat().st_size > 0:
                found.append(side)
    return found


def recover(path: Path, busy_timeout: float = BUSY_TIMEOUT) -> None:
    """Finish what a crashed program left beside ``path``: roll back an interrupted transaction
    (hot ``-journal``) and fold the log (``-wal``) into the file, by opening it for writing once."""
    conn = connect(path, read_only=False, busy_timeout=busy_timeout)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from None
    close_connection(conn, path, writer=True)


def not_folded(path: Path, exc: sqlite3.Error) -> ProjectDiskError:
    """The error for changes that are committed in the ``-wal`` file but could not be folded into the file."""
    name = path.name
    reason, remedy = _disk_reason(path, exc)
    return ProjectDiskError(
        f"{name}: the changes are saved, but they could not be folded into the file because "
        f"{reason}; keep {name}-wal and {name}-shm beside it, {remedy} and open it again "
        "before copying or sending it."
    )


def _is_busy(exc: sqlite3.Error) -> bool:
    msg = str(exc).lower()
    return "locked" in msg or "busy" in msg


def _error_name(exc: sqlite3.Error) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def _disk_reason(path: Path, exc: sqlite3.Error) -> tuple[str, str]:
    """(why the disk refused a write, as far as can be told from here; what to do about it)."""
    full = ("the disk is full", "free some space")
    if _error_name(exc) == "SQLITE_FULL" or "disk is full" in str(exc).lower():
        return full
    sizes = [0]
    for suffix in ("", "-wal", "-journal"):
        with contextlib.suppress(OSError):
            sizes.append(path.with_name(path.name + suffix).stat().st_size)
    if _file_size_limit() <= max(sizes) + _NEARLY:
        return (
            "the file reached the size limit set for this session (ulimit -f)",
            "raise that limit",
        )
    with contextlib.suppress(OSError, CriteriaCompareError):
        if shutil.disk_usage(resolve_path(path).parent).free < _NEARLY:
            return full
    return (
        "the disk refused the write (a storage quota, a failing disk or a lost network folder)",
        "check the disk, your quota or the network connection",
    )


#: Within this many bytes of a limit (or of a full disk) a refused write is put down to it.
_NEARLY = 1 << 20


def _file_size_limit() -> float:
    """The soft RLIMIT_FSIZE in bytes (infinite where there is none)."""
    try:
        import resource
    except ImportError:  # not on Windows
        return math.inf
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return math.inf if soft == resource.RLIM_INFINITY else float(soft)


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def translate(exc: sqlite3.Error, path: Path, *, writing: bool = False) -> Exception:
    """One clear sentence for a SQLite failure on ``path``."""
    msg = str(exc).lower()
    code = _error_name(exc)
    name = path.name
    if _is_busy(exc):
        return ProjectLocked(
            f"{name} is in use by another program that is writing to it; "
            "wait for it to finish or close the project there, then try again."
        )
    if "readonly" in msg or "read-only" in msg or "attempt to write" in msg:
        return read_only_error(path)
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
    if "malformed" in msg or "corrupt" in msg:
        return ProjectCorrupt(
            f"{name} is damaged ({_one_line(exc)}); restore it from a backup or an earlier copy."
        )
    if code in ("SQLITE_IOERR_READ", "SQLITE_IOERR_SHORT_READ") or "short read" in msg:
        if code == "SQLITE_IOERR_READ":
            return ProjectDiskError(
                f"{name} could not be read: the disk reported an input/output error; check the "
                "disk or network folder and try again."
            )
        return ProjectCorrupt(
            f"{name} is damaged (it is shorter than it should be); restore it from a backup or "
            "an earlier copy."
        )
    if (
        code == "SQLITE_FULL"
        or code.startswith("SQLITE_IOERR")
        or "disk i/o" in msg
        or "disk is full" in msg
    ):
        reason, remedy = _disk_reason(path, exc)
        return ProjectDiskError(
            f"{name} could not be written: {reason}; {remedy} and try again (the change was "
            "not saved)."
        )
    if "unable to open" in msg:
        if not path.exists():
            return ProjectError(
                f"{name} does not exist in {path.absolute().parent}; check the path."
            )
        return ProjectError(
            f"{name} could not be opened ({_one_line(exc)}); check that it is a file you may read."
        )
    return ProjectError(
        f"{name} could not be {'written' if writing else 'read'} ({_one_line(exc)})."
    )


def read_only_error(path: Path) -> ProjectReadOnly:
    """Writing is refused: say why, and never advise copying a file whose changes sit beside it."""
    name = path.name
    if side_files(path):
        return ProjectReadOnly(
            f"{name} was not closed cleanly and cannot be finished here because the file or its "
            f"folder is read-only; {writing_advice(path)}."
        )
    return ProjectReadOnly(
        f"{name} can only be read (no write permission on the file or its folder); "
        "copy it somewhere writable to record decisions."
    )


def writing_advice(path: Path) -> str:
    """What to do to write to a project that is open read-only (never "copy it" while changes
    of it sit beside it in a ``-wal`` or ``-journal`` file)."""
    pending = side_files(path)
    if pending:
        return (
            f"{pending[0].name} beside it holds changes that belong to it, so open it once where "
            f"it may be written with {pending[0].name} kept beside it (a copy of {path.name} "
            "alone would be incomplete or damaged)"
        )
    return "copy the file somewhere writable or reopen it for editing"


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
