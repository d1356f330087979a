"""The append-only audit trail: one row per change, who, when, old and new value; read newest first.

Actions written: ``create``, ``align``, ``settings``, ``reviewer``, ``link``,
``unlink``, ``relation``, ``reject``, ``unreject``, ``pin``, ``unpin``,
``status``, ``note``, ``discussion``, ``confirm_unchanged`` (a decision kept for
changed texts, :mod:`criteria_compare.project.stamps`), ``position`` (the partner
administration's answer, written under its name, values as JSON with round and file
SHA-256), ``exchange_export``/``exchange_import`` (which exchange workbook went out or
came back, who, the file's SHA-256), ``restore``/``undo``/``redo``/``merge``/``resolve``
(whose old and new values describe the whole state of the criterion), ``merged``
(one row per merge of a reviewer's copy: which copies, what was taken); ``exclude`` and
``unexclude`` (a criterion taken out and restored; ``partner_ref`` names a
partner one); ``edition`` (an update to a new edition), ``carry`` (a decision
moved to a new criterion by it) and ``drop`` (a decision on a criterion the new
edition no longer has). Rows a merge copied from the other reviewer's file keep
their reviewer, time and action and carry ``origin`` ("merged from NAME"). Triggers in the
schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from criteria_compare.model import HistoryEntry

__all__ = ["first_entry", "mentions", "read_after", "read_history", "record"]


def record(
    conn: sqlite3.Connection,
    *,
    timestamp: str,
    reviewer: str,
    action: str,
    reference_ref: str | None = None,
    partner_ref: str | None = None,
    old_value: str | None = None,
    new_value: str | None = None,
    bulk: bool = False,
    origin: str = "",
) -> None:
    """Append one history row (the fields of :class:`HistoryEntry` but its id).

    ``origin`` (schema 3) is written only when given, so files of older schemas
    (written by tests and migrations) take rows too.
    """
    values = [
        timestamp,
        reviewer,
        action,
        reference_ref,
        partner_ref,
        old_value,
        new_value,
        int(bulk),
    ]
    columns = "timestamp, reviewer, action, reference_ref, partner_ref, old_value, new_value, bulk"
    if origin:
        columns += ", origin"
        values.append(origin)
    marks = ", ".join("?" * len(values))
    conn.execute(f"INSERT INTO history ({columns}) VALUES ({marks})", values)


_COLS = (
    "id, timestamp, reviewer, action, reference_ref, partner_ref, old_value, new_value, bulk, "
    "origin"
)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    return HistoryEntry(
        id=row[0],
        timestamp=row[1],
        reviewer=row[2],
        action=row[3],
        reference_ref=row[4],
        partner_ref=row[5],
        old_value=row[6],
        new_value=row[7],
        bulk=bool(row[8]),
        origin=str(row[9]),
    )


def first_entry(conn: sqlite3.Connection) -> HistoryEntry | None:
    """The oldest history row (a project's ``create`` row), or None for an empty history."""
    row = conn.execute(f"SELECT {_COLS} FROM history ORDER BY id LIMIT 1").fetchone()
    return None if row is None else _entry(row)


def read_after(conn: sqlite3.Connection, entry_id: int) -> tuple[HistoryEntry, ...]:
    """History rows with an id above ``entry_id``, oldest first."""
    rows = conn.execute(f"SELECT {_COLS} FROM history WHERE id > ? ORDER BY id", (int(entry_id),))
    return tuple(_entry(row) for row in rows)


def read_history(
    conn: sqlite3.Connection, reference_ref: str | None = None, limit: int | None = None
) -> tuple[HistoryEntry, ...]:
    """History rows, newest first; only those about ``reference_ref`` when given."""
    sql = f"SELECT {_COLS} FROM history"
    params: list[Any] = []
    if reference_ref is not None:
        sql += " WHERE reference_ref = ?"
        params.append(reference_ref)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return tuple(_entry(row) for row in conn.execute(sql, params))


def mentions(conn: sqlite3.Connection, reference_ref: str) -> bool:
    """True if any history row is about ``reference_ref`` (it may be gone from a newer import)."""
    row = conn.execute(
        "SELECT 1 FROM history WHERE reference_ref = ? LIMIT 1", (reference_ref,)
    ).fetchone()
    return row is not None
