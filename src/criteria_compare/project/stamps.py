"""Confirming that a decision still holds after its texts changed: the decision takes the new texts' fingerprints.

A decision is suspect when the fingerprint stored with it (on the assessment
and on each of its links) differs from the criterion's text now. Confirming
re-stamps those fingerprints with the current texts, which clears the flag,
and records ``confirm_unchanged`` in the history; :func:`restore_stamps` puts the
earlier fingerprints back (undo). These functions run inside the store's
write transaction.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from criteria_compare.project.history import record
from criteria_compare.project.state import Stamps

if TYPE_CHECKING:
    from criteria_compare.project.decisions import Fingerprints

__all__ = ["Stamps", "confirm_stamps", "read_stamps", "restore_stamps", "write_stamps"]


def read_stamps(conn: sqlite3.Connection, ref: str) -> Stamps:
    """The fingerprints stored now with ``ref``'s assessment and links."""
    row = conn.execute(
        "SELECT fingerprint FROM assessments WHERE reference_ref = ?", (ref,)
    ).fetchone()
    links = tuple(
        (str(p), str(rf), str(pf))
        for p, rf, pf in conn.execute(
            "SELECT partner_ref, reference_fingerprint, partner_fingerprint FROM links "
            "WHERE reference_ref = ? ORDER BY rowid",
            (ref,),
        )
    )
    return Stamps(ref, None if row is None else str(row[0]), links)


def write_stamps(conn: sqlite3.Connection, stamps: Stamps) -> None:
    """Store ``stamps`` on the assessment and the links that exist now (others are left out)."""
    if stamps.assessment is not None:
        conn.execute(
            "UPDATE assessments SET fingerprint = ? WHERE reference_ref = ?",
            (stamps.assessment, stamps.ref),
        )
    for pref, rf, pf in stamps.links:
        conn.execute(
            "UPDATE links SET reference_fingerprint = ?, partner_fingerprint = ? "
            "WHERE reference_ref = ? AND partner_ref = ?",
            (rf, pf, stamps.ref, pref),
        )


def confirm_stamps(
    conn: sqlite3.Connection, fps: Fingerprints, ref: str, who: str, stamp: str
) -> Stamps | None:
    """Give ``ref``'s decision the current texts' fingerprints; the earlier ones, or None when
    they were current already (nothing is written then)."""
    ref = fps.check_reference(ref)
    before = read_stamps(conn, ref)
    current = fps.reference[ref]
    after = Stamps(
        ref,
        None if before.assessment is None else current,
        tuple((p, current, fps.partner.get(p, pf)) for p, _rf, pf in before.links),
    )
    if after == before:
        return None
    write_stamps(conn, after)
    changed = [
        p
        for (p, rf, pf), (_, rf2, pf2) in zip(before.links, after.links, strict=True)
        if (rf, pf) != (rf2, pf2)
    ]
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action="confirm_unchanged",
        reference_ref=ref,
        old_value="text changed since the decision",
        new_value="decision still holds" + (f" (linked {', '.join(changed)})" if changed else ""),
    )
    return before


def restore_stamps(
    conn: sqlite3.Connection, fps: Fingerprints, stamps: Stamps, who: str, stamp: str
) -> None:
    """Put back fingerprints saved by :func:`confirm_stamps` (its undo), recorded as ``undo``."""
    fps.check_reference(stamps.ref)
    write_stamps(conn, stamps)
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action="undo",
        reference_ref=stamps.ref,
        old_value="decision still holds",
        new_value="text changed since the decision",
    )
