"""Merge conflicts kept in a merged project, and the one transaction that writes a merge.

A conflict is a decision element both reviewers' copies changed differently
(or a change of theirs that would break a verdict rule beside ours); the
merged file keeps ours and holds one ``merge_conflicts`` row per conflict until
a resolution deletes it. These functions run inside a transaction opened by
:class:`~criteria_compare.project.store.Project`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from criteria_compare.model import Exclusion, HistoryEntry, Position, Side
from criteria_compare.project.codec import StoredValueError
from criteria_compare.project.decisions import Fingerprints, restore_state
from criteria_compare.project.elements import ElementKey, ElementValue, Field
from criteria_compare.project.exclusions import write_merged
from criteria_compare.project.history import record
from criteria_compare.project.positions import write_merged_positions
from criteria_compare.project.state import CriterionState

__all__ = [
    "MergeConflict",
    "MergeWrite",
    "delete_conflict",
    "insert_conflict",
    "read_conflicts",
    "write_merge",
]

_COLS = "reference_ref, field, partner_ref, base, ours, theirs, theirs_file, reason, timestamp"


@dataclass(frozen=True)
class MergeConflict:
    """One unresolved conflict: the element, its three values, whose copy, why, when.

    ``reason`` is "" for a different change on both sides, or the verdict-rule or
    pair rule that made a one-sided change of theirs a conflict.
    """

    key: ElementKey
    base: ElementValue
    ours: ElementValue
    theirs: ElementValue
    theirs_file: str = ""
    reason: str = ""
    timestamp: str = ""

    @property
    def ref(self) -> str:
        return self.key.ref

    @property
    def field(self) -> Field:
        return self.key.field

    @property
    def partner(self) -> str:
        return self.key.partner

    def to_dict(self) -> dict[str, object]:
        """The ``--json`` shape: ref, field, base, ours, theirs (and partner for paired fields)."""
        data: dict[str, object] = {"ref": self.ref, "field": self.field.value}
        if self.field.paired:
            data["partner"] = self.partner
        elif self.field is Field.EXCLUSION:
            data["side"] = self.partner
        data.update(base=self.base, ours=self.ours, theirs=self.theirs)
        return data


@dataclass(frozen=True)
class MergeWrite:
    """Everything a merge writes into the new file in one transaction."""

    states: Sequence[CriterionState]  # merged criteria, written exactly (history action "merge")
    conflicts: Sequence[MergeConflict]  # new conflict rows (replacing any on the same element)
    resolved: Sequence[ElementKey]  # conflict rows ours kept that theirs had resolved
    history: Sequence[HistoryEntry]  # theirs' rows that base lacks, appended in order
    origin: str  # e.g. "merged from bob.ccproj", stored with each appended row
    summary: str  # the new value of the one ``merged`` history row
    excluded: Sequence[Exclusion] = ()  # theirs' new exclusions, taken
    restored: Sequence[tuple[Side, str]] = ()  # criteria theirs brought back, taken
    positions: Sequence[Position] = ()  # theirs' partner positions (rounds ours lacks are added)
    not_taken: Sequence[str] = ()  # theirs' changes left out (excluded criteria), one row each


def _load(text: object, where: str) -> ElementValue:
    try:
        value = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise StoredValueError(f"merge_conflicts, {where}", "not valid JSON") from None
    if value is not None and not isinstance(value, (str, bool)):
        raise StoredValueError(f"merge_conflicts, {where}", "not a text, flag or null")
    return value


def read_conflicts(conn: sqlite3.Connection, ref: str | None = None) -> tuple[MergeConflict, ...]:
    """The unresolved conflicts, of one reference criterion or all, by ref, field and partner."""
    sql = f"SELECT {_COLS} FROM merge_conflicts"
    params: tuple[str, ...] = ()
    if ref is not None:
        sql += " WHERE reference_ref = ?"
        params = (ref,)
    out: list[MergeConflict] = []
    for row in conn.execute(sql + " ORDER BY rowid", params):
        where = f"{row[0]} {row[1]} {row[2]}".strip()
        try:
            field = Field(row[1])
        except ValueError:
            raise StoredValueError(f"merge_conflicts, {where}", "an unknown field") from None
        out.append(
            MergeConflict(
                key=ElementKey(str(row[0]), field, str(row[2])),
                base=_load(row[3], where),
                ours=_load(row[4], where),
                theirs=_load(row[5], where),
                theirs_file=str(row[6]),
                reason=str(row[7]),
                timestamp=str(row[8]),
            )
        )
    return tuple(out)


def insert_conflict(conn: sqlite3.Connection, conflict: MergeConflict, stamp: str) -> None:
    """Store (or replace) the conflict row of one element."""
    conn.execute(
        f"INSERT OR REPLACE INTO merge_conflicts ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            conflict.ref,
            conflict.field.value,
            conflict.partner,
            json.dumps(conflict.base),
            json.dumps(conflict.ours),
            json.dumps(conflict.theirs),
            conflict.theirs_file,
            conflict.reason,
            conflict.timestamp or stamp,
        ),
    )


def delete_conflict(conn: sqlite3.Connection, key: ElementKey) -> bool:
    """Delete the conflict row of one element; True if there was one."""
    gone = conn.execute(
        "DELETE FROM merge_conflicts WHERE reference_ref = ? AND field = ? AND partner_ref = ?",
        (key.ref, key.field.value, key.partner),
    ).rowcount
    return bool(gone)


def write_merge(
    conn: sqlite3.Connection, fps: Fingerprints, merge: MergeWrite, who: str, stamp: str
) -> None:
    """Write a merge: merged criteria, conflict rows, theirs' history rows, one ``merged`` row."""
    write_merged(conn, (), merge.restored)
    for state in merge.states:
        restore_state(conn, fps, state, who, stamp, "merge", bulk=True)
    write_merged(conn, merge.excluded, ())
    write_merged_positions(conn, merge.positions)
    for key in merge.resolved:
        delete_conflict(conn, key)
    for conflict in merge.conflicts:
        insert_conflict(conn, conflict, stamp)
    for e in merge.history:
        record(
            conn,
            timestamp=e.timestamp,
            reviewer=e.reviewer,
            action=e.action,
            reference_ref=e.reference_ref,
            partner_ref=e.partner_ref,
            old_value=e.old_value,
            new_value=e.new_value,
            bulk=e.bulk,
            origin=merge.origin,
        )
    for sentence in merge.not_taken:
        record(conn, timestamp=stamp, reviewer=who, action="not_taken", new_value=sentence)
    record(conn, timestamp=stamp, reviewer=who, action="merged", new_value=merge.summary)
