"""Carrying reviewer decisions from one edition of a program to the next (pure functions, no SQL, no aligner).

Given every decision row of the project and, for the side being updated, where
each old criterion went (``old ref -> ((new ref, change kind), ...)``), work
out the decision rows of the updated project:

- **unchanged / renumbered**: the decision moves to the new ref as it is (same
  text, so it is not suspect).
- **reworded / renumbered_reworded**: it moves and keeps the fingerprint of the
  text it was made on, which no longer matches: it is suspect.
- **split** (one old into several new): it fans out, a copy on every new
  criterion (links, verdict, note, discussion flag, rejections, pins), each
  marked suspect.
- **merged** (several old into one new): links, rejections and pins are united
  (a link wins over a rejection of the same pair; of two links to the same
  partner criterion the first in program order keeps its relation); the
  verdict is the old criteria's common verdict, or ``unreviewed`` when they
  differ (the note then says which verdicts were merged); notes are joined,
  each prefixed with its old ref; the discussion flag is kept if any had it;
  the result is marked suspect.
- **removed**: the decisions are dropped from the live tables and returned in
  ``dropped`` (the caller writes them to the history and the edition's change
  list). On the partner side a reference criterion that lost a link is marked
  suspect, and an aligned or partial verdict that lost its last link goes back
  to unreviewed (as the review policy does when a reviewer removes it).

A verdict that the carried links no longer allow (e.g. a merged ``gap`` that
now has a link) goes back to ``unreviewed`` with its note kept. "Suspect" is
the store's own rule: a decision's stored fingerprint differs from the
criterion's current one; split and merged decisions get a marker fingerprint
(:data:`CHANGED_MARK` + old fingerprint) that never equals a text's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from criteria_compare.model import Side, Status
from criteria_compare.project.rules import violation

__all__ = [
    "CHANGED_MARK",
    "MOVE_KINDS",
    "AssessmentRow",
    "CarryResult",
    "DecisionRows",
    "Dropped",
    "LinkRow",
    "PairRow",
    "carry",
    "suspect_refs",
]

#: Prefix of the fingerprint stored on a split or merged decision (never a SHA-256 of a text).
CHANGED_MARK = "changed:"

#: Change kinds that move a decision to one new criterion without copying or merging it.
MOVE_KINDS = frozenset({"unchanged", "reworded", "renumbered", "renumbered_reworded"})


@dataclass(frozen=True)
class LinkRow:
    """One row of the ``links`` table."""

    reference_ref: str
    partner_ref: str
    relation: str
    origin: str
    score: float | None
    reviewer: str
    timestamp: str
    reference_fingerprint: str
    partner_fingerprint: str


@dataclass(frozen=True)
class AssessmentRow:
    """One row of the ``assessments`` table."""

    reference_ref: str
    status: str
    note: str
    discussion: bool
    reviewer: str
    timestamp: str
    fingerprint: str


@dataclass(frozen=True)
class PairRow:
    """One row of the ``rejections`` or ``pins`` table."""

    reference_ref: str
    partner_ref: str
    reviewer: str
    timestamp: str


@dataclass(frozen=True)
class DecisionRows:
    """Every reviewer decision of a project, as stored."""

    links: tuple[LinkRow, ...] = ()
    assessments: tuple[AssessmentRow, ...] = ()
    rejections: tuple[PairRow, ...] = ()
    pins: tuple[PairRow, ...] = ()


@dataclass(frozen=True)
class Dropped:
    """A decision on a criterion the new edition no longer has (kept in the history, never silently lost)."""

    reference_ref: str
    partner_ref: str | None
    what: str  # "link", "verdict", "rejection", "pin" or "reset"
    description: str


@dataclass(frozen=True)
class Carried:
    """One decision that moved: on ``reference_ref`` (its new ref), from ``old`` (old ref of the updated side)."""

    reference_ref: str
    partner_ref: str | None
    old: str
    new: str
    change: str


@dataclass(frozen=True)
class CarryResult:
    """The decision rows after the update, what moved and what was dropped."""

    rows: DecisionRows
    carried: tuple[Carried, ...]
    dropped: tuple[Dropped, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Decisions kept on the new edition: links, assessments (verdicts), rejections."""
        return {
            "links": len(self.rows.links),
            "assessments": sum(1 for a in self.rows.assessments if a.status != "unreviewed"),
            "rejections": len(self.rows.rejections),
        }


Targets = Mapping[str, Sequence[tuple[str, str]]]


def _mark(fingerprint: str, change: str) -> str:
    if change in MOVE_KINDS:
        return fingerprint
    return CHANGED_MARK + fingerprint.removeprefix(CHANGED_MARK)


def _label(status: str) -> str:
    try:
        return Status(status).label
    except ValueError:
        return status


def describe_assessment(a: AssessmentRow) -> str:
    """A verdict as the history and the change list show it."""
    parts = [_label(a.status)]
    if a.discussion:
        parts.append("discussion point")
    if a.note:
        parts.append(f"note: {a.note}")
    return "; ".join(parts)


def carry(rows: DecisionRows, side: Side, targets: Targets) -> CarryResult:
    """The decision rows once ``side`` is replaced by its new edition (see the module docstring).

    ``targets`` maps every old ref of ``side`` that is kept to its new refs with
    the change kind; an old ref it does not list was removed.
    """
    field = "reference_ref" if side is Side.REFERENCE else "partner_ref"
    dropped: list[Dropped] = []
    links, linked, lost = _carry_links(rows.links, targets, field, dropped)
    pairs = _carry_pairs(rows, targets, field, dropped)
    link_count = _link_counts(links)
    if side is Side.REFERENCE:
        assessments = _carry_verdicts(rows.assessments, targets, link_count, dropped)
    else:
        assessments = _recheck_verdicts(rows.assessments, lost, link_count, dropped)
    return _result(links, assessments, pairs, linked, _moves(rows, targets, field), dropped)


def _carry_links(
    links: Iterable[LinkRow], targets: Targets, field: str, dropped: list[Dropped]
) -> tuple[list[LinkRow], set[tuple[str, str]], set[str]]:
    """Links moved to the new criteria of their ``field`` side (``reference_ref`` or
    ``partner_ref``), the fingerprint of that side marked for a split or merge; of two links
    that land on the same pair the first is kept. Those whose criterion is gone are added to
    ``dropped``. Returns the links, their (reference, partner) pairs and the reference refs
    that lost a link."""
    out: list[LinkRow] = []
    seen: set[tuple[str, str]] = set()
    lost: set[str] = set()
    for link in links:
        goes = targets.get(getattr(link, field), ())
        if not goes:
            dropped.append(_link_dropped(link))
            lost.add(link.reference_ref)
        for new, change in goes:
            moved = _move_link(link, field, new, change)
            key = (moved.reference_ref, moved.partner_ref)
            if key not in seen:
                seen.add(key)
                out.append(moved)
    return out, seen, lost


def _move_link(link: LinkRow, field: str, new: str, change: str) -> LinkRow:
    if field == "reference_ref":
        fingerprint = _mark(link.reference_fingerprint, change)
        return dataclasses.replace(link, reference_ref=new, reference_fingerprint=fingerprint)
    fingerprint = _mark(link.partner_fingerprint, change)
    return dataclasses.replace(link, partner_ref=new, partner_fingerprint=fingerprint)


def _moves(rows: DecisionRows, targets: Targets, field: str) -> list[Carried]:
    """What moved, for the history: each criterion of the ``field`` side that carries a decision
    (a link, rejection or pin; on the reference side also a verdict) and got a new ref or text,
    once per reference criterion it is decided on (the reference side: the criterion itself)."""
    on_partner = field == "partner_ref"
    decided: Iterable[LinkRow | PairRow | AssessmentRow] = (
        *rows.links,
        *rows.rejections,
        *rows.pins,
        *(() if on_partner else rows.assessments),
    )
    seen: set[tuple[str, str]] = set()
    out: list[Carried] = []
    for row in decided:
        old: str = getattr(row, field)
        on = row.reference_ref if on_partner else old
        if (on, old) in seen:
            continue
        seen.add((on, old))
        for new, change in targets.get(old, ()):
            if old == new and change == "unchanged":
                continue
            if on_partner:
                out.append(Carried(on, new, old, new, change))
            else:
                out.append(Carried(new, None, old, new, change))
    return out


def _dedup_pairs(rows: Iterable[PairRow], linked: set[tuple[str, str]]) -> tuple[PairRow, ...]:
    seen: set[tuple[str, str]] = set()
    out = []
    for row in rows:
        key = (row.reference_ref, row.partner_ref)
        if key in seen or key in linked:
            continue
        seen.add(key)
        out.append(row)
    return tuple(out)


def _carry_pairs(
    rows: DecisionRows, targets: Targets, field: str, dropped: list[Dropped]
) -> dict[str, list[PairRow]]:
    """Rejections and pins moved to the new criteria of their ``field`` side (``reference_ref`` or
    ``partner_ref``); those whose criterion is gone are added to ``dropped``."""
    pairs: dict[str, list[PairRow]] = {"rejections": [], "pins": []}
    for name, table in (("rejections", rows.rejections), ("pins", rows.pins)):
        for pair in table:
            goes = targets.get(getattr(pair, field), ())
            if not goes:
                what = "rejection" if name == "rejections" else "pin"
                dropped.append(
                    Dropped(
                        pair.reference_ref, pair.partner_ref, what, f"{what} of {pair.partner_ref}"
                    )
                )
            pairs[name].extend(dataclasses.replace(pair, **{field: new}) for new, _ in goes)
    return pairs


def _link_dropped(link: LinkRow) -> Dropped:
    return Dropped(
        link.reference_ref,
        link.partner_ref,
        "link",
        f"link to {link.partner_ref} ({link.relation})",
    )


def _carry_verdicts(
    verdicts: Iterable[AssessmentRow],
    targets: Targets,
    link_count: Mapping[str, int],
    dropped: list[Dropped],
) -> list[AssessmentRow]:
    """Reference side: verdicts moved, fanned out on a split, merged on a merge, reset where
    the carried links break a verdict rule; those whose criterion is gone and those reset are
    added to ``dropped``."""
    grouped: dict[str, list[tuple[AssessmentRow, str]]] = {}
    for a in verdicts:
        goes = targets.get(a.reference_ref, ())
        if not goes:
            dropped.append(Dropped(a.reference_ref, None, "verdict", describe_assessment(a)))
        for new, change in goes:
            grouped.setdefault(new, []).append((a, change))
    # A merged criterion whose other old criteria had no verdict row: they count as unreviewed.
    sources: dict[str, list[str]] = {}
    for old, goes in targets.items():
        for new, _ in goes:
            sources.setdefault(new, []).append(old)
    return [
        _reset_if_broken(_merge_assessments(new, group, sources.get(new, [])), link_count, dropped)
        for new, group in grouped.items()
    ]


def _link_counts(links: Sequence[LinkRow]) -> dict[str, int]:
    count: dict[str, int] = {}
    for link in links:
        count[link.reference_ref] = count.get(link.reference_ref, 0) + 1
    return count


def _reset_if_broken(
    a: AssessmentRow, link_count: Mapping[str, int], dropped: list[Dropped]
) -> AssessmentRow:
    """``a`` set back to Unreviewed, and listed in ``dropped`` as a "reset", when it breaks a
    verdict rule with the links it keeps (an Aligned criterion whose only link went, say).
    Both sides record a reset this way, so the history says it the same way."""
    ref = a.reference_ref
    if violation(ref, Status(a.status), a.note, link_count.get(ref, 0)) is None:
        return a
    dropped.append(Dropped(ref, None, "reset", f"{_label(a.status)} set back to Unreviewed"))
    return dataclasses.replace(a, status=Status.UNREVIEWED.value)


def _result(
    links: Sequence[LinkRow],
    assessments: Sequence[AssessmentRow],
    pairs: Mapping[str, Sequence[PairRow]],
    linked: set[tuple[str, str]],
    carried: Sequence[Carried],
    dropped: Sequence[Dropped],
) -> CarryResult:
    return CarryResult(
        rows=DecisionRows(
            links=tuple(links),
            assessments=tuple(assessments),
            rejections=_dedup_pairs(pairs["rejections"], linked),
            pins=_dedup_pairs(pairs["pins"], set()),
        ),
        carried=tuple(carried),
        dropped=tuple(dropped),
    )


def _merge_assessments(
    new: str, group: Sequence[tuple[AssessmentRow, str]], merged_from: Sequence[str]
) -> AssessmentRow:
    first, change = group[0]
    if len(group) == 1 and len(merged_from) <= 1:
        return dataclasses.replace(
            first, reference_ref=new, fingerprint=_mark(first.fingerprint, change)
        )
    statuses = {a.status for a, _ in group}
    if len(group) < len(merged_from):
        statuses.add(Status.UNREVIEWED.value)
    notes = [(a.reference_ref, a.note) for a, _ in group if a.note.strip()]
    if len(notes) == 1 and len(statuses) == 1:
        note = notes[0][1]
    else:
        note = "\n".join(f"[{ref}] {text}" for ref, text in notes)
    status = first.status if len(statuses) == 1 else Status.UNREVIEWED.value
    if len(statuses) > 1:
        verdicts = ", ".join(f"{a.reference_ref} {_label(a.status)}" for a, _ in group)
        note = f"Merged from {verdicts}." + (f"\n{note}" if note else "")
    return AssessmentRow(
        reference_ref=new,
        status=status,
        note=note,
        discussion=any(a.discussion for a, _ in group),
        reviewer=first.reviewer,
        timestamp=max(a.timestamp for a, _ in group),
        fingerprint=_mark(first.fingerprint, "merged"),
    )


def _recheck_verdicts(
    verdicts: Iterable[AssessmentRow],
    lost: set[str],
    link_count: Mapping[str, int],
    dropped: list[Dropped],
) -> list[AssessmentRow]:
    """Partner side: a verdict whose criterion lost a link is marked suspect, and reset (listed
    in ``dropped`` as a "reset") when the links it keeps break a verdict rule."""
    out: list[AssessmentRow] = []
    for a in verdicts:
        ref = a.reference_ref
        if ref in lost:
            a = dataclasses.replace(a, fingerprint=_mark(a.fingerprint, "removed"))
            a = _reset_if_broken(a, link_count, dropped)
        out.append(a)
    return out


def suspect_refs(
    rows: DecisionRows, reference: Mapping[str, str], partner: Mapping[str, str]
) -> frozenset[str]:
    """Reference refs whose decision was made on another text than the current one (the store's rule)."""
    out: set[str] = set()
    for a in rows.assessments:
        if a.status == Status.UNREVIEWED.value and not a.note and not a.discussion:
            continue  # not stored: an unreviewed criterion is in the queue anyway
        if a.fingerprint and a.fingerprint != reference.get(a.reference_ref, a.fingerprint):
            out.add(a.reference_ref)
    for link in rows.links:
        if link.reference_ref not in reference or link.partner_ref not in partner:
            continue
        rf, pf = link.reference_fingerprint, link.partner_fingerprint
        if (rf and rf != reference[link.reference_ref]) or (pf and pf != partner[link.partner_ref]):
            out.add(link.reference_ref)
    return frozenset(r for r in out if r in reference)
