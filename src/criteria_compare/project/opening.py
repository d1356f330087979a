"""Checks made when a project file is opened: ours, not newer, not damaged, not tampered with; older schemas
upgraded after a backup; an interrupted change left by a crash finished first."""

from __future__ import annotations

import errno
import sqlite3
import stat
from pathlib import Path

from criteria_compare.crashlog import log_exception, logged_to
from criteria_compare.errors import (
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectTampered,
    ProjectTooNew,
)
from criteria_compare.paths import symlink_loop
from criteria_compare.project.connection import (
    SQLITE_MAGIC,
    harden,
    recover,
    side_files,
    writable,
)
from criteria_compare.project.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    backup_path,
    known_schema,
    migrate,
    schema_of,
)

__all__ = ["check_and_migrate", "check_schema", "finish_interrupted", "precheck"]

#: Tables SQLite adds by itself (``ANALYZE`` statistics); they hold no code and no decisions.
_SQLITE_STATISTICS = ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")


def precheck(path: Path) -> None:
    """Refuse folders, missing, unreadable, empty and non-SQLite files before SQLite touches them."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ProjectError(
            f"{name} does not exist in {path.absolute().parent}; check the path."
        ) from None
    except PermissionError:
        raise ProjectError(
            f"{name} cannot be read: you have no permission to open the folder "
            f"{path.absolute().parent}; ask its owner for access."
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise symlink_loop(path) from None
        raise ProjectError(f"{name} could not be read ({exc.strerror}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotAProject(f"{path} is a folder, not a criteria-compare project file.")
    if not stat.S_ISREG(info.st_mode):
        raise NotAProject(
            f"{name} is not a regular file (a device, pipe or socket), so it is not a "
            "criteria-compare project; open a .ccproj file."
        )
    if info.st_size == 0:
        raise NotAProject(
            f"{name} is empty, not a criteria-compare project; create one with "
            "'criteria-compare new'."
        )
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except PermissionError:
        raise ProjectError(
            f"{name} cannot be read: you have no permission to read it; ask its owner for "
            "access or for a copy."
        ) from None
    except OSError as exc:
        raise ProjectError(f"{name} could not be read ({exc.strerror}).") from None
    if header != SQLITE_MAGIC:
        raise NotAProject(
            f"{name} is not a criteria-compare project; open a .ccproj file made "
            "with 'criteria-compare new' or the app."
        )


def finish_interrupted(path: Path, *, read_only: bool) -> None:
    """Before a read-only open, finish what a crash left beside the file (a hot ``-journal``
    rolled back, a ``-wal`` folded in) if the file may be written; SQLite itself does this for
    a writer, but a reader cannot, and would call the file read-only."""
    if read_only and side_files(path) and writable(path):
        recover(path)


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file whose tables, indexes, triggers or views differ from the ones this version creates.

    A trigger or view slipped into a received file would run inside our own
    writes (and could rewrite decisions while the history shows the reviewer's).
    """
    found = {obj for obj in schema_of(conn) if obj[1] not in _SQLITE_STATISTICS}
    known = known_schema(version)
    known_names = {(kind, name) for kind, name, _, _ in known}
    extra = sorted(found - known, key=lambda obj: (obj[0] != "trigger", obj[0], obj[1]))
    if extra:
        kind, name, _, _ = extra[0]
        what = f"{kind} {name}" + (", changed" if (kind, name) in known_names else "")
        more = f" and {len(extra) - 1} more" if len(extra) > 1 else ""
        raise ProjectTampered(
            f"{path.name} contains database objects criteria-compare did not create "
            f"({what}{more}); it may have been tampered with, so it was not opened; ask its "
            "sender for a new copy or restore it from a backup."
        )
    missing = sorted(known - found)
    if missing:
        kind, name, _, _ = missing[0]
        raise ProjectTampered(
            f"{path.name} lacks the {kind} {name} that criteria-compare creates; it may have "
            "been tampered with, so it was not opened; ask its sender for a new copy or restore "
            "it from a backup."
        )


def check_and_migrate(conn: sqlite3.Connection, path: Path, read_only: bool) -> sqlite3.Connection:
    """Refuse foreign, newer, damaged or tampered files; migrate older ones (after a backup copy)."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise NotAProject(
            f"{path.name} is an SQLite database but not a criteria-compare project; open a "
            ".ccproj file made with 'criteria-compare new' or the app."
        )
    if version > SCHEMA_VERSION:
        raise ProjectTooNew(
            f"{path.name} was written by a newer version of criteria-compare (schema {version}, "
            f"this version reads up to {SCHEMA_VERSION}); update the tool to open it."
        )
    if version < 1:
        raise ProjectCorrupt(
            f"{path.name} has no schema version; it was not finished when it was written. "
            "Create the project again."
        )
    check = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
    if check != ["ok"]:
        lines = [line for row in check for line in row.splitlines() if line.strip()]
        problems = max(1, len([line for line in lines if not line.startswith("***")]))
        details = ProjectCorrupt(f"integrity check of {path}:\n" + "\n".join(check))
        log = log_exception(ProjectCorrupt, details, None)
        raise ProjectCorrupt(
            f"{path.name} is damaged (SQLite's integrity check found {problems} "
            f"problem{'s' if problems != 1 else ''}; {logged_to(log)}); restore it from a backup "
            "or an earlier copy."
        )
    check_schema(conn, path, version)
    if version == SCHEMA_VERSION:
        return conn
    if read_only:
        # Upgrade an in-memory copy so a read-only old file can still be read.
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        harden(memory)
        conn.backup(memory)
        conn.close()
        migrate(memory)
        return memory
    backup = backup_path(path, version)
    try:
        target = sqlite3.connect(str(backup))
        try:
            harden(target)
            conn.backup(target)
        finally:
            target.close()
    except (OSError, sqlite3.Error) as exc:
        raise ProjectError(
            f"{path.name} needs upgrading from schema {version} to {SCHEMA_VERSION}, but the "
            f"backup copy {backup.name} could not be written ({exc}); free some space or check "
            "the folder's permissions. The project was not changed."
        ) from None
    try:
        migrate(conn)
    except Exception as exc:  # any migration failure is one sentence; the backup copy is kept  # noqa: BLE001
        reached = int(conn.execute("PRAGMA user_version").fetchone()[0])
        raise ProjectError(
            f"{path.name} could not be upgraded from schema {reached} to {SCHEMA_VERSION} ({exc}); "
            f"it is left at schema {reached}, and the original is kept in {backup.name}."
        ) from None
    return conn
