"""The body of every reviewer write: link changes, then the verdict rules, then the assessment, with history rows.

These functions run inside a transaction opened by :class:`~criteria_compare.project.store.Project`
and read the current state from the database (not from caches), so what they
check is what they change. Any error raised here rolls the whole transaction back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import get_close_matches

from criteria_compare.errors import InvalidValue, UnknownRef
from criteria_compare.model import Assessment, Link, LinkOrigin, Relation, Status
from criteria_compare.project.codec import (
    assessment_from_row,
    check_text,
    link_from_row,
    parse_relation,
    parse_status,
)
from criteria_compare.project.history import record
from criteria_compare.project.rules import check_verdict
from criteria_compare.project.stamps import write_stamps
from criteria_compare.project.state import CriterionState, Decision, Stamps

__all__ = [
    "Fingerprints",
    "apply_decision",
    "read_state",
    "restore_state",
    "set_pin",
]

_LINK_COLS = "reference_ref, partner_ref, relation, origin, score, reviewer, timestamp"
_ASSESS_COLS = "reference_ref, status, note, discussion, reviewer, timestamp"


@dataclass(frozen=True)
class Fingerprints:
    """Text fingerprints of every criterion by ref, per side; also the set of known refs."""

    reference: Mapping[str, str]
    partner: Mapping[str, str]

    def check_reference(self, ref: str) -> str:
        if not isinstance(ref, str) or ref not in self.reference:
            raise UnknownRef(_unknown(ref, "reference", self.reference, self.partner))
        return ref

    def check_partner(self, ref: str) -> str:
        if not isinstance(ref, str) or ref not in self.partner:
            raise UnknownRef(_unknown(ref, "partner", self.partner, self.reference))
        return ref


def _unknown(ref: object, side: str, same: Mapping[str, str], other: Mapping[str, str]) -> str:
    """One sentence for a ref that is not on ``side``, with a hint when one is obvious."""
    text = f"There is no {side} criterion {ref!r} in this project"
    other_side = "partner" if side == "reference" else "reference"
    if isinstance(ref, str) and ref in other:
        return f"{text}; {ref} is a {other_side} criterion, give a {side} criterion ref here."
    close = get_close_matches(ref, list(same), n=1, cutoff=0.75) if isinstance(ref, str) else []
    if close:
        return f"{text}; did you mean {close[0]!r}? (refs are text: '7.10' is not '7.1')"
    return f"{text}; check the ref (refs are text: '7.10' is not '7.1')."


def read_state(conn: sqlite3.Connection, ref: str) -> CriterionState:
    """The reviewer state of one reference criterion, straight from the database."""
    links = tuple(
        link_from_row(row)
        for row in conn.execute(
            f"SELECT {_LINK_COLS} FROM links WHERE reference_ref = ? ORDER BY rowid", (ref,)
        )
    )
    rejected = frozenset(
        r[0]
        for r in conn.execute("SELECT partner_ref FROM rejections WHERE reference_ref = ?", (ref,))
    )
    pinned = frozenset(
        r[0] for r in conn.execute("SELECT partner_ref FROM pins WHERE reference_ref = ?", (ref,))
    )
    row = conn.execute(
        f"SELECT {_ASSESS_COLS} FROM assessments WHERE reference_ref = ?", (ref,)
    ).fetchone()
    assessment = assessment_from_row(row) if row else Assessment(reference_ref=ref)
    return CriterionState(
        ref=ref, links=links, rejected=rejected, pinned=pinned, assessment=assessment
    )


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _suggested_score(conn: sqlite3.Connection, ref: str, pref: str) -> float | None:
    row = conn.execute(
        "SELECT score FROM suggestions WHERE direction = 'forward' AND source_ref = ? "
        "AND target_ref = ?",
        (ref, pref),
    ).fetchone()
    return None if row is None else float(row[0])


def _insert_link(
    conn: sqlite3.Connection,
    fps: Fingerprints,
    link: Link,
    stamps: tuple[str, str] | None = None,
) -> None:
    """Write ``link`` made on the current texts, or on the texts of ``stamps`` (kept fingerprints)."""
    rf, pf = stamps or (
        fps.reference.get(link.reference_ref, ""),
        fps.partner.get(link.partner_ref, ""),
    )
    conn.execute(
        f"INSERT OR REPLACE INTO links ({_LINK_COLS}, reference_fingerprint, partner_fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            link.reference_ref,
            link.partner_ref,
            link.relation.value,
            link.origin.value,
            link.score,
            link.reviewer,
            link.timestamp,
            rf,
            pf,
        ),
    )


def _stored_fingerprint(conn: sqlite3.Connection, ref: str) -> str | None:
    row = conn.execute(
        "SELECT fingerprint FROM assessments WHERE reference_ref = ?", (ref,)
    ).fetchone()
    return None if row is None else str(row[0])


def _write_assessment(
    conn: sqlite3.Connection, fps: Fingerprints, a: Assessment, keep_stamp: bool = False
) -> None:
    """Write ``a``; with ``keep_stamp`` it keeps the text fingerprint already stored with it, so
    a note, flag, undo or merged change does not clear "changed since last review" (only a new
    verdict or a confirmation does)."""
    kept = _stored_fingerprint(conn, a.reference_ref) if keep_stamp else None
    if a.status is Status.UNREVIEWED and not a.note and not a.discussion:
        conn.execute("DELETE FROM assessments WHERE reference_ref = ?", (a.reference_ref,))
        return
    conn.execute(
        f"INSERT OR REPLACE INTO assessments ({_ASSESS_COLS}, fingerprint) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            a.reference_ref,
            a.status.value,
            a.note,
            int(a.discussion),
            a.reviewer,
            a.timestamp,
            fps.reference.get(a.reference_ref, "") if kept is None else kept,
        ),
    )


def _unique(values: object) -> list[str]:
    if isinstance(values, str):
        values = (values,)
    out: list[str] = []
    for v in values:  # type: ignore[attr-defined]
        if v not in out:
            out.append(v)
    return out


def apply_decision(
    conn: sqlite3.Connection,
    fps: Fingerprints,
    decision: Decision,
    who: str,
    stamp: str,
    bulk: bool,
) -> None:
    """Apply one decision: validate everything, change links, check the verdict, write the assessment."""
    ref = fps.check_reference(decision.ref)
    status = None if decision.status is None else parse_status(decision.status)
    if decision.note is not None:
        check_text(decision.note, f"note for criterion {ref}")
    to_link: dict[str, Relation] = {}
    for item in decision.link:
        try:
            pref, relation = item
        except (TypeError, ValueError):
            raise InvalidValue(
                f"Each link for criterion {ref} must be a (partner ref, relation) pair."
            ) from None
        to_link[fps.check_partner(pref)] = parse_relation(relation)
    to_unlink = [fps.check_partner(p) for p in _unique(decision.unlink)]
    to_reject = [fps.check_partner(p) for p in _unique(decision.reject)]
    to_unreject = [fps.check_partner(p) for p in _unique(decision.unreject)]
    for pref in to_link:
        if pref in to_unlink or pref in to_reject:
            raise InvalidValue(
                f"Partner criterion {pref} is both linked and unlinked/rejected in one decision "
                f"on {ref}; choose one."
            )

    before = read_state(conn, ref)
    linked = {link.partner_ref: link for link in before.links}
    rejected = set(before.rejected)
    for pref in to_unlink:
        if pref not in linked:
            raise InvalidValue(
                f"Criterion {ref} is not linked to partner criterion {pref}, so there is "
                "nothing to unlink."
            )

    def hist(action: str, pref: str | None, old: str | None, new: str | None) -> None:
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action=action,
            reference_ref=ref,
            partner_ref=pref,
            old_value=old,
            new_value=new,
            bulk=bulk,
        )

    removed = False
    for pref in to_unlink:
        conn.execute("DELETE FROM links WHERE reference_ref = ? AND partner_ref = ?", (ref, pref))
        hist("unlink", pref, linked.pop(pref).relation.value, None)
        removed = True
    for pref in to_reject:
        if pref in linked:
            conn.execute(
                "DELETE FROM links WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
            )
            hist("unlink", pref, linked.pop(pref).relation.value, None)
            removed = True
        if pref in before.pinned:
            conn.execute(
                "DELETE FROM pins WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
            )
            hist("unpin", pref, "pinned", None)
        if pref not in rejected:
            conn.execute(
                "INSERT INTO rejections (reference_ref, partner_ref, reviewer, timestamp) "
                "VALUES (?, ?, ?, ?)",
                (ref, pref, who, stamp),
            )
            rejected.add(pref)
            hist("reject", pref, None, "rejected")
    for pref in to_unreject:
        if pref in rejected:
            conn.execute(
                "DELETE FROM rejections WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
            )
            rejected.discard(pref)
            hist("unreject", pref, "rejected", None)
    for pref, relation in to_link.items():
        if pref in rejected:
            conn.execute(
                "DELETE FROM rejections WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
            )
            rejected.discard(pref)
            hist("unreject", pref, "rejected", None)
        old = linked.get(pref)
        if old is not None:
            if old.relation is not relation:
                conn.execute(
                    "UPDATE links SET relation = ?, reviewer = ?, timestamp = ? "
                    "WHERE reference_ref = ? AND partner_ref = ?",
                    (relation.value, who, stamp, ref, pref),
                )
                hist("relation", pref, old.relation.value, relation.value)
            continue
        score = _suggested_score(conn, ref, pref)
        link = Link(
            reference_ref=ref,
            partner_ref=pref,
            relation=relation,
            origin=LinkOrigin.MANUAL if score is None else LinkOrigin.SUGGESTED,
            score=score,
            reviewer=who,
            timestamp=stamp,
        )
        _insert_link(conn, fps, link)
        linked[pref] = link
        hist("link", pref, None, relation.value)

    current = before.assessment
    new_status = current.status if status is None else status
    new_note = current.note if decision.note is None else decision.note
    new_discussion = (
        current.discussion if decision.discussion is None else bool(decision.discussion)
    )
    check_verdict(ref, new_status, new_note, len(linked), unlinked=removed and status is None)
    changed = (
        new_status is not current.status
        or new_note != current.note
        or new_discussion != current.discussion
    )
    if not changed:
        return
    if new_status is not current.status:
        hist("status", None, current.status.value, new_status.value)
        # A new verdict is a review of the texts as they are now, the linked ones included.
        write_stamps(
            conn,
            Stamps(
                ref,
                None,
                tuple((p, fps.reference[ref], fps.partner[p]) for p in linked if p in fps.partner),
            ),
        )
    if new_note != current.note:
        hist("note", None, current.note, new_note)
    if new_discussion != current.discussion:
        hist("discussion", None, _flag(current.discussion), _flag(new_discussion))
    _write_assessment(
        conn,
        fps,
        Assessment(
            reference_ref=ref,
            status=new_status,
            note=new_note,
            discussion=new_discussion,
            reviewer=who,
            timestamp=stamp,
        ),
        keep_stamp=new_status is current.status,
    )


def set_pin(
    conn: sqlite3.Connection,
    fps: Fingerprints,
    ref: str,
    pref: str,
    pinned: bool,
    who: str,
    stamp: str,
) -> None:
    """Pin or unpin one pair; pinning a rejected pair takes the rejection back."""
    fps.check_reference(ref)
    fps.check_partner(pref)
    exists = conn.execute(
        "SELECT 1 FROM pins WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
    ).fetchone()
    if pinned and not exists:
        gone = conn.execute(
            "DELETE FROM rejections WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
        ).rowcount
        if gone:
            record(
                conn,
                timestamp=stamp,
                reviewer=who,
                action="unreject",
                reference_ref=ref,
                partner_ref=pref,
                old_value="rejected",
            )
        conn.execute(
            "INSERT INTO pins (reference_ref, partner_ref, reviewer, timestamp) VALUES (?, ?, ?, ?)",
            (ref, pref, who, stamp),
        )
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action="pin",
            reference_ref=ref,
            partner_ref=pref,
            new_value="pinned",
        )
    elif not pinned and exists:
        conn.execute("DELETE FROM pins WHERE reference_ref = ? AND partner_ref = ?", (ref, pref))
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action="unpin",
            reference_ref=ref,
            partner_ref=pref,
            old_value="pinned",
        )


def _describe(state: CriterionState) -> str:
    a = state.assessment
    links = ", ".join(f"{link.partner_ref} {link.relation.value}" for link in state.links)
    parts = [f"status={a.status.value}", f"links=[{links}]"]
    if state.rejected:
        parts.append("rejected=[" + ", ".join(sorted(state.rejected)) + "]")
    if state.pinned:
        parts.append("pinned=[" + ", ".join(sorted(state.pinned)) + "]")
    if a.discussion:
        parts.append("discussion")
    if a.note:
        parts.append(f"note={a.note!r}")
    return "; ".join(parts)


def restore_state(
    conn: sqlite3.Connection,
    fps: Fingerprints,
    state: CriterionState,
    who: str,
    stamp: str,
    action: str,
    bulk: bool = False,
) -> bool:
    """Write exactly ``state`` for its criterion; True if anything changed (history row ``bulk`` as given)."""
    ref = fps.check_reference(state.ref)
    for link in state.links:
        if link.reference_ref != ref:
            raise InvalidValue(
                f"A saved state of criterion {ref} holds a link of criterion {link.reference_ref}."
            )
        fps.check_partner(link.partner_ref)
    for pref in state.rejected | state.pinned:
        fps.check_partner(pref)
    before = read_state(conn, ref)
    if before == state:
        return False
    if before.links != state.links:
        # Rewrite the whole list so the restored links read in their saved order; a link that
        # stays keeps the texts it was made on.
        kept = {
            str(p): (str(rf), str(pf))
            for p, rf, pf in conn.execute(
                "SELECT partner_ref, reference_fingerprint, partner_fingerprint FROM links "
                "WHERE reference_ref = ?",
                (ref,),
            )
        }
        conn.execute("DELETE FROM links WHERE reference_ref = ?", (ref,))
        for link in state.links:
            _insert_link(conn, fps, link, kept.get(link.partner_ref))
    for table, old, new in (
        ("rejections", before.rejected, state.rejected),
        ("pins", before.pinned, state.pinned),
    ):
        for pref in old - new:
            conn.execute(
                f"DELETE FROM {table} WHERE reference_ref = ? AND partner_ref = ?", (ref, pref)
            )
        for pref in sorted(new - old):
            conn.execute(
                f"INSERT INTO {table} (reference_ref, partner_ref, reviewer, timestamp) "
                "VALUES (?, ?, ?, ?)",
                (ref, pref, who, stamp),
            )
    if before.assessment != state.assessment:
        _write_assessment(conn, fps, state.assessment, keep_stamp=True)
    if state.stamps is not None:
        write_stamps(conn, state.stamps)  # the texts the restored decision was made on
    record(
        conn,
        timestamp=stamp,
        reviewer=who,
        action=action,
        reference_ref=ref,
        old_value=_describe(before),
        new_value=_describe(state),
        bulk=bulk,
    )
    return True
