"""Excluding a criterion a reviewer says is not a requirement (a footer, note or duplicate row), and restoring it.

An excluded criterion stays in the file (``criteria`` and ``exclusions``) but
is left out of every read of the store: the programs, the counts, the aligner's
inputs, the report and the review queue. Its machine suggestions are removed
(the next alignment leaves it out); rejections and pins naming it stay in the
file, unseen, and are seen again once it is restored. A criterion that carries
a reviewer decision (a confirmed link, a verdict, a note, a discussion flag) is
refused: those decisions would otherwise vanish from the report without a trace.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from criteria_compare.errors import InvalidValue, UnknownRef
from criteria_compare.model import Exclusion, Side
from criteria_compare.project.codec import check_text, criterion_from_row
from criteria_compare.project.history import record

__all__ = ["MAX_REASON", "exclude", "read_exclusions", "restore", "write_merged"]

MAX_REASON = 2_000

_COLS = "c.ref, c.section, c.text, c.guidance, c.level, c.prov_file, c.prov_sha256, c.prov_sheet, c.prov_row"


def _label(side: Side) -> str:
    return "Reference" if side is Side.REFERENCE else "Partner"


def _exists(conn: sqlite3.Connection, side: Side, ref: str) -> None:
    row = conn.execute(
        "SELECT 1 FROM criteria WHERE side = ? AND ref = ?", (side.value, ref)
    ).fetchone()
    if row is None:
        raise UnknownRef(
            f"There is no {side.value} criterion {ref!r} in this project; check the ref "
            "(refs are text: '7.10' is not '7.1')."
        )


def _is_excluded(conn: sqlite3.Connection, side: Side, ref: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM exclusions WHERE side = ? AND ref = ?", (side.value, ref)
    ).fetchone()
    return row is not None


def _decisions_on(conn: sqlite3.Connection, side: Side, ref: str) -> str:
    """What reviewer decisions name the criterion, as a phrase ('' if none)."""
    column = "reference_ref" if side is Side.REFERENCE else "partner_ref"
    links = int(
        conn.execute(f"SELECT COUNT(*) FROM links WHERE {column} = ?", (ref,)).fetchone()[0]
    )
    parts = []
    if links:
        parts.append(f"{links} confirmed link{'s' if links != 1 else ''}")
    if side is Side.REFERENCE:
        row = conn.execute(
            "SELECT status, note, discussion FROM assessments WHERE reference_ref = ?", (ref,)
        ).fetchone()
        if row is not None:
            if row[0] != "unreviewed":
                parts.append(f"the verdict {row[0]}")
            if row[1]:
                parts.append("a note")
            if row[2]:
                parts.append("a discussion flag")
    return ", ".join(parts)


def exclude(
    conn: sqlite3.Connection, side: Side, ref: str, reason: str, who: str, stamp: str
) -> None:
    """Take one criterion out of the comparison (inside the caller's transaction)."""
    _exists(conn, side, ref)
    if _is_excluded(conn, side, ref):
        raise InvalidValue(f"{_label(side)} criterion {ref} is already excluded.")
    reason = check_text(reason, f"reason for excluding {ref}").strip()
    if len(reason) > MAX_REASON:
        raise InvalidValue(
            f"The reason for excluding {ref} is {len(reason)} characters long; use at most "
            f"{MAX_REASON}."
        )
    held = _decisions_on(conn, side, ref)
    if held:
        raise InvalidValue(
            f"{_label(side)} criterion {ref} carries reviewer decisions ({held}); remove them "
            "first, then exclude it, so no decision disappears from the report unseen."
        )
    shown = int(
        conn.execute(
            "SELECT COUNT(*) FROM criteria c WHERE side = ? AND NOT EXISTS (SELECT 1 FROM "
            "exclusions e WHERE e.side = c.side AND e.ref = c.ref)",
            (side.value,),
        ).fetchone()[0]
    )
    if shown <= 1:
        raise InvalidValue(
            f"{_label(side)} criterion {ref} is the last one of its program; a comparison needs "
            "at least one criterion on each side."
        )
    _take_out(conn, side, ref, who, stamp, reason)
    _record(conn, side, ref, who, stamp, "exclude", side.value, reason or "excluded")


def _record(
    conn: sqlite3.Connection,
    side: Side,
    ref: str,
    who: str,
    stamp: str,
    action: str,
    old: str,
    new: str,
) -> None:
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action=action,
        reference_ref=ref if side is Side.REFERENCE else None,
        partner_ref=ref if side is Side.PARTNER else None,
        old_value=old,
        new_value=new,
    )


def _take_out(
    conn: sqlite3.Connection, side: Side, ref: str, who: str, stamp: str, reason: str
) -> None:
    """The exclusion row, and the criterion's machine suggestions gone (no history row)."""
    conn.execute(
        "INSERT INTO exclusions (side, ref, reviewer, timestamp, reason) VALUES (?, ?, ?, ?, ?)",
        (side.value, ref, who, stamp, reason),
    )
    source, target = ("forward", "backward") if side is Side.REFERENCE else ("backward", "forward")
    conn.execute(
        "DELETE FROM suggestions WHERE (direction = ? AND source_ref = ?) "
        "OR (direction = ? AND target_ref = ?)",
        (source, ref, target, ref),
    )


def write_merged(
    conn: sqlite3.Connection, add: Sequence[Exclusion], remove: Sequence[tuple[Side, str]]
) -> None:
    """A merge's exclusions and restorations, as theirs made them (who, when, why).

    No history row is written here: theirs' own ``exclude`` and ``unexclude`` rows
    come into the merged file with the rest of theirs' history.
    """
    for side, ref in remove:
        conn.execute("DELETE FROM exclusions WHERE side = ? AND ref = ?", (side.value, ref))
    for e in add:
        if not _is_excluded(conn, e.side, e.criterion.ref):
            _take_out(conn, e.side, e.criterion.ref, e.reviewer, e.timestamp, e.reason)


def restore(conn: sqlite3.Connection, side: Side, ref: str, who: str, stamp: str) -> None:
    """Bring an excluded criterion back (inside the caller's transaction)."""
    _exists(conn, side, ref)
    if not _is_excluded(conn, side, ref):
        raise InvalidValue(f"{_label(side)} criterion {ref} is not excluded; nothing to restore.")
    conn.execute("DELETE FROM exclusions WHERE side = ? AND ref = ?", (side.value, ref))
    _record(conn, side, ref, who, stamp, "unexclude", "excluded", side.value)


def read_exclusions(conn: sqlite3.Connection, side: Side | None = None) -> tuple[Exclusion, ...]:
    """The excluded criteria (of one side, or both: reference first), in program order."""
    sql = (
        f"SELECT e.side, e.reviewer, e.timestamp, e.reason, {_COLS} FROM exclusions e "
        "JOIN criteria c ON c.side = e.side AND c.ref = e.ref"
    )
    params: tuple[str, ...] = ()
    if side is not None:
        sql += " WHERE e.side = ?"
        params = (side.value,)
    sql += " ORDER BY e.side = 'partner', c.position"
    return tuple(
        Exclusion(
            side=Side(row[0]),
            criterion=criterion_from_row(row[4:]),
            reviewer=str(row[1]),
            timestamp=str(row[2]),
            reason=str(row[3]),
        )
        for row in conn.execute(sql, params)
    )
