"""The partner administration's positions, stored per reference criterion and exchange round.

The latest round a criterion has a row in is its current position; earlier
rounds stay in the table and in the history. Storing positions never touches
an assessment, a link or any other decision of ours.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from criteria_compare.model import PARTNER_ADMINISTRATION, Position, Stance
from criteria_compare.project.codec import StoredValueError, dumps
from criteria_compare.project.history import record

__all__ = [
    "ExchangeIdentity",
    "latest_round",
    "read_all_positions",
    "read_identity",
    "read_positions",
    "record_export",
    "write_merged_positions",
    "write_positions",
]


_CURRENT = (
    "SELECT p.reference_ref, p.position, p.comment, p.round, p.sha256, p.imported_at, "
    "p.imported_by FROM positions p WHERE p.round = (SELECT MAX(q.round) FROM positions q "
    "WHERE q.reference_ref = p.reference_ref)"
)


@dataclass(frozen=True)
class ExchangeIdentity:
    """``id`` names this comparison in its exchange workbooks; ``secret`` keys their row checks."""

    id: str
    secret: bytes


def read_identity(conn: sqlite3.Connection) -> ExchangeIdentity:
    """The comparison's exchange identity (one row, written by schema migration 3)."""
    rows = conn.execute("SELECT id, secret FROM exchange_identity").fetchall()
    if len(rows) != 1:
        raise StoredValueError("exchange_identity", f"{len(rows)} rows where there must be one")
    ident, secret = rows[0]
    try:
        key = bytes.fromhex(str(secret))
    except ValueError:
        raise StoredValueError("exchange_identity", "the secret is not hexadecimal") from None
    if len(key) < 16 or not str(ident):
        raise StoredValueError("exchange_identity", "the id or the secret is too short")
    return ExchangeIdentity(id=str(ident), secret=key)


def _position(row: tuple[object, ...]) -> Position:
    try:
        stance = Stance(row[1])
    except ValueError:
        raise StoredValueError(f"positions, {row[0]}", f"unknown position {row[1]!r}") from None
    return Position(
        reference_ref=str(row[0]),
        stance=stance,
        comment=str(row[2]),
        round=int(row[3]),  # type: ignore[call-overload]
        sha256=str(row[4]),
        imported_at=str(row[5]),
        imported_by=str(row[6]),
    )


def read_positions(conn: sqlite3.Connection) -> dict[str, Position]:
    """Each reference criterion's current position (its latest round), by ref."""
    return {str(row[0]): _position(row) for row in conn.execute(_CURRENT)}


_ALL = (
    "SELECT reference_ref, position, comment, round, sha256, imported_at, imported_by "
    "FROM positions ORDER BY round, reference_ref"
)


def read_all_positions(conn: sqlite3.Connection) -> tuple[Position, ...]:
    """Every stored position of every round, oldest round first."""
    return tuple(_position(row) for row in conn.execute(_ALL))


def write_merged_positions(conn: sqlite3.Connection, rows: Sequence[Position]) -> int:
    """Add a reviewer copy's positions of rounds this file lacks; returns how many were added.

    A (criterion, round) this file already holds keeps its row: both copies imported
    that round, and the history of each import says from which file.
    """
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO positions (reference_ref, round, position, comment, sha256, "
        "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                p.reference_ref,
                p.round,
                p.stance.value,
                p.comment,
                p.sha256,
                p.imported_at,
                p.imported_by,
            )
            for p in rows
        ],
    )
    return conn.total_changes - before


def latest_round(conn: sqlite3.Connection) -> int:
    """The highest exchange round any position was imported from (0: none yet)."""
    return int(conn.execute("SELECT COALESCE(MAX(round), 0) FROM positions").fetchone()[0])


def _value(position: Position | None) -> str | None:
    if position is None:
        return None
    return dumps(
        {
            "position": position.stance.value,
            "comment": position.comment,
            "round": position.round,
            "sha256": position.sha256,
        }
    )


def write_positions(
    conn: sqlite3.Connection,
    answers: Mapping[str, tuple[Stance, str]],
    *,
    round_: int,
    sha256: str,
    file_name: str,
    who: str,
    stamp: str,
) -> int:
    """Store ``answers`` (ref -> (stance, comment)) as round ``round_`` inside the caller's
    transaction; returns how many current positions changed (a row left blank where there was
    no answer before is no change).

    One history row per changed position names the partner administration, the
    round and the file's SHA-256; one more (by ``who``) records the import itself.
    Importing a round again replaces that round's rows.
    """
    before = read_positions(conn)
    conn.executemany(
        "INSERT OR REPLACE INTO positions (reference_ref, round, position, comment, sha256, "
        "imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (ref, round_, stance.value, comment, sha256, stamp, who)
            for ref, (stance, comment) in answers.items()
        ],
    )
    changed = 0
    for ref, (stance, comment) in answers.items():
        old = before.get(ref)
        if old is not None and old.round > round_:
            continue  # a later round is still the current one
        if old is not None and (old.stance, old.comment) == (stance, comment):
            continue
        if old is None and stance is Stance.BLANK and not comment:
            continue  # a row left blank where there was no answer: nothing changed
        new = Position(ref, stance, comment, round_, sha256, stamp, who)
        record(
            conn,
            timestamp=stamp,
            reviewer=PARTNER_ADMINISTRATION,
            action="position",
            reference_ref=ref,
            old_value=_value(old),
            new_value=_value(new),
        )
        changed += 1
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action="exchange_import",
        new_value=dumps(
            {
                "round": round_,
                "file": file_name,
                "sha256": sha256,
                "positions": len(answers),
                "changed": changed,
            }
        ),
    )
    return changed


def record_export(
    conn: sqlite3.Connection,
    *,
    round_: int,
    file_name: str,
    sha256: str,
    rows: int,
    who: str,
    stamp: str,
) -> None:
    """One history row: which exchange workbook went out to the partner, when and from whom."""
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action="exchange_export",
        new_value=dumps({"round": round_, "file": file_name, "sha256": sha256, "rows": rows}),
    )
