"""Editions on record and the write of an update: one side's criteria replaced, decisions carried, in one transaction.

The store only writes what :mod:`criteria_compare.workflow.update` worked out
(new criteria, carried decision rows from :mod:`criteria_compare.project.carry`,
the change list and the new suggestions); it never runs the matcher or the aligner.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from criteria_compare.errors import ProjectError
from criteria_compare.model import Criterion, Edition, EditionChange, Side
from criteria_compare.project.carry import (
    AssessmentRow,
    Carried,
    DecisionRows,
    Dropped,
    LinkRow,
    PairRow,
)
from criteria_compare.project.codec import INSERT_CRITERION, criterion_row, dumps
from criteria_compare.project.history import record

__all__ = [
    "EditionWrite",
    "read_changes",
    "read_decision_rows",
    "read_editions",
    "write_edition",
]

_LINK_COLS = (
    "reference_ref, partner_ref, relation, origin, score, reviewer, timestamp, "
    "reference_fingerprint, partner_fingerprint"
)
_ASSESS_COLS = "reference_ref, status, note, discussion, reviewer, timestamp, fingerprint"
_PAIR_COLS = "reference_ref, partner_ref, reviewer, timestamp"
_CHANGE_COLS = "side, edition, change, old_ref, new_ref, old_text, new_text, decision"


@dataclass(frozen=True)
class EditionWrite:
    """Everything one update writes; ``number`` is the edition it creates (refused if taken meanwhile)."""

    side: Side
    number: int
    label: str
    source_file: str
    sha256: str
    criteria: tuple[Criterion, ...]
    decisions: DecisionRows
    exclusions: tuple[tuple[str, str, str, str], ...]  # (ref, reviewer, timestamp, reason)
    changes: tuple[EditionChange, ...]
    carried: tuple[Carried, ...]
    dropped: tuple[Dropped, ...]
    suggestion_rows: tuple[
        tuple[Any, ...], ...
    ]  # (direction, source, target, rank, score, band, evidence)
    alignment: Mapping[str, Any]
    summary: str
    import_settings: Mapping[str, Any] = field(default_factory=dict)
    import_warnings: tuple[str, ...] = ()


def read_editions(conn: sqlite3.Connection, side: Side) -> tuple[Edition, ...]:
    """The editions of one side, oldest first."""
    return tuple(
        Edition(
            side=side,
            number=int(row[0]),
            label=str(row[1]),
            source_file=str(row[2]),
            sha256=str(row[3]),
            imported_at=str(row[4]),
            imported_by=str(row[5]),
            criteria=int(row[6]),
        )
        for row in conn.execute(
            "SELECT number, label, source_file, sha256, imported_at, imported_by, criteria "
            "FROM editions WHERE side = ? ORDER BY number",
            (side.value,),
        )
    )


def read_changes(
    conn: sqlite3.Connection, side: Side | None = None, edition: int | None = None
) -> tuple[EditionChange, ...]:
    """Recorded changes of updates (of one side and edition when given), in the order written."""
    sql = f"SELECT {_CHANGE_COLS} FROM edition_changes"
    where, params = [], []
    if side is not None:
        where.append("side = ?")
        params.append(side.value)
    if edition is not None:
        where.append("edition = ?")
        params.append(str(edition))
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY side, edition, seq"
    return tuple(
        EditionChange(
            side=Side(row[0]),
            edition=int(row[1]),
            change=str(row[2]),
            old_ref=row[3],
            new_ref=row[4],
            old_text=str(row[5]),
            new_text=str(row[6]),
            decision=str(row[7]),
        )
        for row in conn.execute(sql, params)
    )


def read_decision_rows(conn: sqlite3.Connection) -> DecisionRows:
    """Every decision row as stored (also those naming excluded criteria)."""
    return DecisionRows(
        links=tuple(
            LinkRow(
                str(r[0]),
                str(r[1]),
                str(r[2]),
                str(r[3]),
                None if r[4] is None else float(r[4]),
                str(r[5]),
                str(r[6]),
                str(r[7]),
                str(r[8]),
            )
            for r in conn.execute(f"SELECT {_LINK_COLS} FROM links ORDER BY rowid")
        ),
        assessments=tuple(
            AssessmentRow(
                str(r[0]), str(r[1]), str(r[2]), bool(r[3]), str(r[4]), str(r[5]), str(r[6])
            )
            for r in conn.execute(f"SELECT {_ASSESS_COLS} FROM assessments ORDER BY rowid")
        ),
        rejections=tuple(
            PairRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in conn.execute(f"SELECT {_PAIR_COLS} FROM rejections ORDER BY rowid")
        ),
        pins=tuple(
            PairRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]))
            for r in conn.execute(f"SELECT {_PAIR_COLS} FROM pins ORDER BY rowid")
        ),
    )


def write_edition(conn: sqlite3.Connection, w: EditionWrite, who: str, stamp: str) -> None:
    """Write one update (inside the caller's transaction); see :class:`EditionWrite`."""
    side = w.side.value
    last = int(
        conn.execute(
            "SELECT COALESCE(MAX(number), 0) FROM editions WHERE side = ?", (side,)
        ).fetchone()[0]
    )
    if last + 1 != w.number:
        raise ProjectError(
            f"The {side} program was updated by someone else meanwhile (it is at edition {last}); "
            "prepare the update again."
        )
    conn.execute("DELETE FROM criteria WHERE side = ?", (side,))
    conn.executemany(
        INSERT_CRITERION,
        [criterion_row(w.side, i, c) for i, c in enumerate(w.criteria)],
    )
    for table in ("links", "assessments", "rejections", "pins", "suggestions"):
        conn.execute(f"DELETE FROM {table}")
    conn.executemany(
        f"INSERT INTO links ({_LINK_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [dataclasses.astuple(r) for r in w.decisions.links],
    )
    conn.executemany(
        f"INSERT INTO assessments ({_ASSESS_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                a.reference_ref,
                a.status,
                a.note,
                int(a.discussion),
                a.reviewer,
                a.timestamp,
                a.fingerprint,
            )
            for a in w.decisions.assessments
            if a.status != "unreviewed" or a.note or a.discussion
        ],
    )
    for table, pairs in (("rejections", w.decisions.rejections), ("pins", w.decisions.pins)):
        conn.executemany(
            f"INSERT INTO {table} ({_PAIR_COLS}) VALUES (?, ?, ?, ?)",
            [dataclasses.astuple(p) for p in pairs],
        )
    conn.execute("DELETE FROM exclusions WHERE side = ?", (side,))
    conn.executemany(
        "INSERT INTO exclusions (side, ref, reviewer, timestamp, reason) VALUES (?, ?, ?, ?, ?)",
        [(side, *row) for row in w.exclusions],
    )
    conn.executemany(
        "INSERT INTO suggestions (direction, source_ref, target_ref, rank, score, band, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        w.suggestion_rows,
    )
    conn.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES ('alignment', ?)",
        (dumps(dict(w.alignment)),),
    )
    previous = conn.execute("SELECT version FROM programs WHERE side = ?", (side,)).fetchone()
    conn.execute(
        "UPDATE programs SET version = ?, source_file = ?, sha256 = ?, import_settings = ?, "
        "import_warnings = ? WHERE side = ?",
        (
            w.label,
            w.source_file,
            w.sha256,
            dumps(dict(w.import_settings)),
            dumps(list(w.import_warnings)),
            side,
        ),
    )
    conn.execute(
        "INSERT INTO editions (side, number, label, source_file, sha256, imported_at, imported_by, "
        "criteria) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (side, w.number, w.label, w.source_file, w.sha256, stamp, who, len(w.criteria)),
    )
    conn.executemany(
        "INSERT INTO edition_changes (side, edition, seq, change, old_ref, new_ref, old_text, "
        "new_text, decision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                side,
                w.number,
                seq,
                c.change,
                c.old_ref,
                c.new_ref,
                c.old_text,
                c.new_text,
                c.decision,
            )
            for seq, c in enumerate(w.changes)
        ],
    )
    _history(conn, w, who, stamp, "" if previous is None else str(previous[0]))


def _history(
    conn: sqlite3.Connection, w: EditionWrite, who: str, stamp: str, old_label: str
) -> None:
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action="edition",
        old_value=f"{w.side.value} edition {w.number - 1}"
        + (f" ({old_label})" if old_label else ""),
        new_value=w.summary,
    )
    for c in w.carried:
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action="carry",
            reference_ref=c.reference_ref,
            partner_ref=c.partner_ref,
            old_value=f"{w.side.value} {c.old}",
            new_value=f"{c.new} ({c.change})",
            bulk=True,
        )
    for d in w.dropped:
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action="drop",
            reference_ref=d.reference_ref,
            partner_ref=d.partner_ref,
            old_value=d.description,
            new_value=_why_dropped(d, w),
            bulk=True,
        )


def _why_dropped(d: Dropped, w: EditionWrite) -> str:
    """The history's words for a decision an update dropped or reset."""
    if d.what == "reset":
        return f"its links changed with {w.side.value} edition {w.number}"
    if w.side is Side.PARTNER and d.partner_ref:
        return f"partner criterion {d.partner_ref} removed in edition {w.number}"
    return f"removed in {w.side.value} edition {w.number}"
