"""The append-only audit trail: one row per change, who, when, old and new value; read newest first.

Actions written: ``create``, ``align``, ``settings``, ``reviewer``, ``link``,
``unlink``, ``relation``, ``reject``, ``unreject``, ``pin``, ``unpin``,
``status``, ``note``, ``discussion``, ``confirm_unchanged`` (a decision kept for
changed texts, :mod:`criteria_compare.project.stamps`), ``position`` (the partner
administration's answer, written under its name, values as JSON with round and file
SHA-256), ``exchange_export``/``exchange_import`` (which exchange workbook went out or
came back, who, the file's SHA-256), and ``restore``/``undo``/``redo`` (whose
old and new values describe the whole state of the criterion). Triggers in the
schema refuse UPDATE and DELETE on the table.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from criteria_compare.model import HistoryEntry

__all__ = ["mentions", "read_history", "record"]


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
) -> None:
    """Append one history row (the fields of :class:`HistoryEntry` but its id)."""
    conn.execute(
        "INSERT INTO history (timestamp, reviewer, action, reference_ref, partner_ref, "
        "old_value, new_value, bulk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (timestamp, reviewer, action, reference_ref, partner_ref, old_value, new_value, int(bulk)),
    )


def read_history(
    conn: sqlite3.Connection, reference_ref: str | None = None, limit: int | None = None
) -> tuple[HistoryEntry, ...]:
    """History rows, newest first; only those about ``reference_ref`` when given."""
    sql = (
        "SELECT id, timestamp, reviewer, action, reference_ref, partner_ref, old_value, "
        "new_value, bulk FROM history"
    )
    params: list[Any] = []
    if reference_ref is not None:
        sql += " WHERE reference_ref = ?"
        params.append(reference_ref)
    sql += " ORDER BY id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(0, int(limit)))
    return tuple(
        HistoryEntry(
            id=row[0],
            timestamp=row[1],
            reviewer=row[2],
            action=row[3],
            reference_ref=row[4],
            partner_ref=row[5],
            old_value=row[6],
            new_value=row[7],
            bulk=bool(row[8]),
        )
        for row in conn.execute(sql, params)
    )


def mentions(conn: sqlite3.Connection, reference_ref: str) -> bool:
    """True if any history row is about ``reference_ref`` (it may be gone from a newer import)."""
    row = conn.execute(
        "SELECT 1 FROM history WHERE reference_ref = ? LIMIT 1", (reference_ref,)
    ).fetchone()
    return row is not None
