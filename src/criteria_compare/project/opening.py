"""Checks made when a project file is opened: ours, not newer, not damaged; older schemas upgraded after a backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from criteria_compare.errors import NotAProject, ProjectCorrupt, ProjectError, ProjectTooNew
from criteria_compare.project.connection import is_sqlite_file
from criteria_compare.project.migrations import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    backup_path,
    migrate,
)

__all__ = ["check_and_migrate", "precheck"]


def precheck(path: Path) -> None:
    """Refuse folders, missing, empty and non-SQLite files before SQLite touches them."""
    if path.is_dir():
        raise NotAProject(f"{path} is a folder, not a criteria-compare project file.")
    if not path.exists():
        raise ProjectError(
            f"{path.name} does not exist in {path.absolute().parent}; check the path."
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"{path.name} could not be read ({exc.strerror}).") from None
    if size == 0:
        raise NotAProject(
            f"{path.name} is empty, not a criteria-compare project; create one with "
            "'criteria-compare new'."
        )
    if not is_sqlite_file(path):
        raise NotAProject(
            f"{path.name} is not a criteria-compare project; open a .ccproj file made "
            "with 'criteria-compare new' or the app."
        )


def check_and_migrate(conn: sqlite3.Connection, path: Path, read_only: bool) -> sqlite3.Connection:
    """Refuse foreign, newer or damaged files; migrate older ones (after a backup copy)."""
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
    check = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if check != ["ok"]:
        raise ProjectCorrupt(
            f"{path.name} is damaged ({check[0]}); restore it from a backup or an earlier copy."
        )
    if version == SCHEMA_VERSION:
        return conn
    if read_only:
        # Upgrade an in-memory copy so a read-only old file can still be read.
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        conn.backup(memory)
        conn.close()
        migrate(memory)
        return memory
    backup = backup_path(path, version)
    try:
        target = sqlite3.connect(str(backup))
        try:
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
    except Exception as exc:
        reached = int(conn.execute("PRAGMA user_version").fetchone()[0])
        raise ProjectError(
            f"{path.name} could not be upgraded from schema {reached} to {SCHEMA_VERSION} ({exc}); "
            f"it is left at schema {reached}, and the original is kept in {backup.name}."
        ) from None
    return conn
