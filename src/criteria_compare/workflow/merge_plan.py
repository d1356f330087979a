"""The three-way merge of two reviewers' decisions against their common base, with no file access.

Each decision element (``project.elements``) is compared on its own: changed on
one side only, that side's value is taken; changed the same way on both, it is
taken once; changed differently, ours is kept and a conflict listed.

A merged criterion must still obey the rules every write obeys: the verdict
rules (``project.rules``: no Aligned without a link, no Gap with one, notes
where needed) and the pair rules (a pair is never both linked and rejected,
nor both pinned and rejected). When taking a change of theirs would break one
beside ours, that change is not taken: ours is kept for it and it is listed as
a conflict, with the rule as its reason, so the reviewer decides instead of
the merge storing an inconsistent verdict (or silently dropping a decision).
Ours alone always obeys the rules, so keeping ours for every change of theirs
on a criterion always ends in a consistent state.

Exclusions merge the same way, with one more rule: no decision may stand on an
excluded criterion. Theirs' decisions on a criterion ours excluded, and theirs'
exclusion of a criterion the merged project has decisions on, are not taken;
each is listed in :attr:`MergePlan.not_taken` as a sentence saying what to do.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from criteria_compare.errors import VerdictRule
from criteria_compare.model import Assessment, Exclusion, Link, Relation, Side, Status
from criteria_compare.project.conflicts import MergeConflict
from criteria_compare.project.elements import DecisionElements, ElementKey, ElementValue, Field
from criteria_compare.project.rules import describe, violation
from criteria_compare.project.state import CriterionState

__all__ = ["MergePlan", "apply_value", "element_value", "plan_merge"]

_ASSESSMENT_FIELDS = (Field.STATUS, Field.NOTE, Field.DISCUSSION)


@dataclass(frozen=True)
class MergePlan:
    """What a merge takes and keeps: counts, conflicts, and the merged criteria to write."""

    taken_ours: int
    taken_theirs: int
    same: int
    conflicts: tuple[MergeConflict, ...]
    states: tuple[CriterionState, ...]  # criteria that take at least one change of theirs
    excluded: tuple[Exclusion, ...] = ()  # theirs' exclusions taken
    restored: tuple[tuple[Side, str], ...] = ()  # theirs' restorations taken
    not_taken: tuple[str, ...] = ()  # changes of theirs left out, one sentence per criterion
    left_out: int = 0  # how many changes of theirs those sentences leave out


class _Index:
    """One copy's decisions grouped by reference criterion."""

    def __init__(self, elements: DecisionElements) -> None:
        self.elements = elements
        self.links: dict[str, list[Link]] = defaultdict(list)
        for (ref, _), link in elements.links.items():
            self.links[ref].append(link)
        self.rejected: dict[str, set[str]] = defaultdict(set)
        self.pinned: dict[str, set[str]] = defaultdict(set)
        for key in elements.values:
            if key.field is Field.REJECTION:
                self.rejected[key.ref].add(key.partner)
            elif key.field is Field.PIN:
                self.pinned[key.ref].add(key.partner)

    def state(self, ref: str) -> CriterionState:
        return CriterionState(
            ref=ref,
            links=tuple(self.links.get(ref, ())),
            rejected=frozenset(self.rejected.get(ref, ())),
            pinned=frozenset(self.pinned.get(ref, ())),
            assessment=self.elements.assessments.get(ref, Assessment(reference_ref=ref)),
        )


def element_value(state: CriterionState, key: ElementKey) -> ElementValue:
    """The value one element has in ``state`` (exclusions are not part of it: False)."""
    a = state.assessment
    if key.field is Field.STATUS:
        return a.status.value
    if key.field is Field.NOTE:
        return a.note
    if key.field is Field.DISCUSSION:
        return a.discussion
    if key.field is Field.LINK:
        found = [lk.relation.value for lk in state.links if lk.partner_ref == key.partner]
        return found[0] if found else None
    if key.field is Field.REJECTION:
        return key.partner in state.rejected
    if key.field is Field.PIN:
        return key.partner in state.pinned
    return False


def apply_value(
    state: CriterionState,
    key: ElementKey,
    value: ElementValue,
    *,
    link: Link | None = None,
    assessment: Assessment | None = None,
) -> CriterionState:
    """``state`` with one element set to ``value``.

    ``link`` is the stored link to use when ``value`` links a pair (by default a
    manual link with that relation); ``assessment`` gives who and when for a
    changed verdict, note or flag (by default those of ``state``).
    """
    if key.field in _ASSESSMENT_FIELDS:
        a = state.assessment
        if assessment is not None:
            a = dataclasses.replace(a, reviewer=assessment.reviewer, timestamp=assessment.timestamp)
        if key.field is Field.STATUS:
            a = dataclasses.replace(a, status=Status(str(value)))
        elif key.field is Field.NOTE:
            a = dataclasses.replace(a, note=str(value))
        else:
            a = dataclasses.replace(a, discussion=bool(value))
        return dataclasses.replace(state, assessment=a)
    if key.field is Field.LINK:
        rest = [lk for lk in state.links if lk.partner_ref != key.partner]
        if value is None:
            return dataclasses.replace(state, links=tuple(rest))
        relation = Relation(str(value))
        new = link if link is not None else Link(state.ref, key.partner, relation)
        new = dataclasses.replace(new, relation=relation)
        kept = [new if lk.partner_ref == key.partner else lk for lk in state.links]
        links = kept if len(kept) != len(rest) else [*rest, new]
        return dataclasses.replace(state, links=tuple(links))
    if key.field in (Field.REJECTION, Field.PIN):
        current = state.rejected if key.field is Field.REJECTION else state.pinned
        changed = current | {key.partner} if value else current - {key.partner}
        if key.field is Field.REJECTION:
            return dataclasses.replace(state, rejected=changed)
        return dataclasses.replace(state, pinned=changed)
    return state  # exclusions live outside a criterion's state


_LINK_RULES = (VerdictRule.LAST_LINK, VerdictRule.NEEDS_LINK, VerdictRule.GAP_HAS_LINKS)


def _problems(
    state: CriterionState, taken: Iterable[ElementKey]
) -> list[tuple[set[ElementKey], str]]:
    """The rules ``state`` breaks, each with the elements that take part in it."""
    ref = state.ref
    out: list[tuple[set[ElementKey], str]] = []
    linked = {lk.partner_ref for lk in state.links}
    for pref in sorted(state.rejected & (linked | state.pinned)):
        both = "linked" if pref in linked else "pinned"
        out.append(
            (
                {ElementKey(ref, f, pref) for f in (Field.LINK, Field.REJECTION, Field.PIN)},
                f"{pref} would be both {both} and rejected",
            )
        )
    a = state.assessment
    v = violation(ref, a.status, a.note, len(state.links))
    if v is not None:
        keys = {ElementKey(ref, Field.STATUS)}
        if v.rule in _LINK_RULES:
            keys |= {k for k in taken if k.field is Field.LINK}
        else:
            keys.add(ElementKey(ref, Field.NOTE))
        out.append((keys, describe(v)))
    return out


def _build(
    ours: _Index, theirs: _Index, ref: str, taken: Mapping[ElementKey, ElementValue]
) -> CriterionState:
    state = ours.state(ref)
    theirs_assessment = theirs.elements.assessments.get(ref)
    for key, value in sorted(
        taken.items(), key=lambda kv: (_FIELD_ORDER[kv[0].field], kv[0].partner)
    ):
        state = apply_value(
            state,
            key,
            value,
            link=theirs.elements.links.get((ref, key.partner)),
            assessment=theirs_assessment,
        )
    return state


_FIELD_ORDER = {f: i for i, f in enumerate(Field)}


def plan_merge(
    base: DecisionElements,
    ours: DecisionElements,
    theirs: DecisionElements,
    theirs_file: str = "",
    order: Mapping[str, int] | None = None,
) -> MergePlan:
    """Merge ``theirs`` into ``ours`` against ``base`` (see the module docstring).

    Conflicts are listed in ``order`` (reference ref -> position in the program), then by field
    and partner ref.
    """
    place = order or {}

    def listed(c: MergeConflict) -> tuple[int, str, int, str]:
        return (place.get(c.ref, len(place)), c.ref, _FIELD_ORDER[c.field], c.partner)

    taken_ours = taken_theirs = same = 0
    conflicts: list[MergeConflict] = []
    take: dict[str, dict[ElementKey, ElementValue]] = defaultdict(dict)
    exclusion_changes: dict[ElementKey, ElementValue] = {}
    for key in set(base.values) | set(ours.values) | set(theirs.values):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o == t:
            same += o != b
        elif t == b:
            taken_ours += 1
        elif o == b:
            if key.field is Field.EXCLUSION:
                exclusion_changes[key] = t
            else:
                take[key.ref][key] = t
        else:
            conflicts.append(MergeConflict(key, b, o, t, theirs_file))
    restored = tuple(
        sorted((Side(k.partner), k.ref) for k, v in exclusion_changes.items() if not v)
    )
    still_out = {(Side(k.partner), k.ref) for k in ours.values if k.field is Field.EXCLUSION} - set(
        restored
    )
    before = sum(len(t) for t in take.values())
    not_taken = _drop_decisions_on_excluded(take, still_out)
    left_out = before - sum(len(t) for t in take.values())
    ours_index, theirs_index = _Index(ours), _Index(theirs)
    states: list[CriterionState] = []
    for ref, taken in take.items():
        state = _build(ours_index, theirs_index, ref, taken)
        problems = _problems(state, taken)
        while problems and taken:  # ours alone (no change of theirs) is left as it is
            involved, reason = problems[0]
            back = [k for k in taken if k in involved] or list(taken)
            conflicts.extend(
                MergeConflict(
                    key, base.get(key), ours.get(key), taken.pop(key), theirs_file, reason
                )
                for key in back
            )
            state = _build(ours_index, theirs_index, ref, taken)
            problems = _problems(state, taken)
        taken_theirs += len(taken)
        if taken:
            states.append(state)
    excluded, refused = _exclusions_to_take(
        exclusion_changes, theirs, _merged_decisions(ours_index, states)
    )
    taken_theirs += len(excluded) + len(restored)
    conflicts.sort(key=listed)
    return MergePlan(
        taken_ours,
        taken_theirs,
        same,
        tuple(conflicts),
        tuple(states),
        excluded=excluded,
        restored=restored,
        not_taken=(*not_taken, *refused),
        left_out=left_out + len(refused),
    )


def _drop_decisions_on_excluded(
    take: dict[str, dict[ElementKey, ElementValue]], excluded: set[tuple[Side, str]]
) -> list[str]:
    """Take out of ``take`` theirs' decisions that name a criterion the merged file excludes."""
    out: list[str] = []
    for ref in sorted(take):
        taken = take[ref]
        if (Side.REFERENCE, ref) in excluded:
            del take[ref]
            n = len(taken)
            out.append(
                f"{n} change{'s' if n != 1 else ''} of theirs on reference criterion {ref} "
                f"{'were' if n != 1 else 'was'} not taken: ours excluded it; restore it and "
                "merge again to take them."
            )
            continue
        for key in sorted(k for k in taken if k.field.paired):
            if (Side.PARTNER, key.partner) in excluded:
                del taken[key]
                out.append(
                    f"Theirs' {key.field.value} of {ref} with partner criterion {key.partner} "
                    "was not taken: ours excluded that partner criterion; restore it and merge "
                    "again to take it."
                )
        if not taken:
            del take[ref]
    return out


def _merged_decisions(
    ours: _Index, states: Iterable[CriterionState]
) -> dict[tuple[Side, str], str]:
    """(side, ref) -> what reviewer decisions the merged file holds on that criterion."""
    merged = {s.ref: s for s in states}
    refs = set(ours.elements.assessments) | set(ours.links) | set(merged)
    held: dict[tuple[Side, str], list[str]] = defaultdict(list)
    for ref in sorted(refs):
        state = merged.get(ref) or ours.state(ref)
        a = state.assessment
        if a.status is not Status.UNREVIEWED:
            held[(Side.REFERENCE, ref)].append(f"the verdict {a.status.value}")
        if a.note:
            held[(Side.REFERENCE, ref)].append("a note")
        if a.discussion:
            held[(Side.REFERENCE, ref)].append("a discussion flag")
        if state.links:
            n = len(state.links)
            held[(Side.REFERENCE, ref)].append(f"{n} link{'s' if n != 1 else ''}")
        for link in state.links:
            held[(Side.PARTNER, link.partner_ref)].append(f"a link from {ref}")
    return {key: ", ".join(parts) for key, parts in held.items()}


def _exclusions_to_take(
    changes: Mapping[ElementKey, ElementValue],
    theirs: DecisionElements,
    held: Mapping[tuple[Side, str], str],
) -> tuple[tuple[Exclusion, ...], list[str]]:
    """Theirs' new exclusions that can be taken, and a sentence for each that cannot."""
    taken: list[Exclusion] = []
    refused: list[str] = []
    for key in sorted(k for k, v in changes.items() if v):
        side = Side(key.partner)
        decisions = held.get((side, key.ref))
        if decisions:
            refused.append(
                f"Theirs excluded {side.value} criterion {key.ref}; not taken, because the "
                f"merged project has decisions on it ({decisions}); remove them and exclude it "
                "there if it should go."
            )
        else:
            taken.append(theirs.exclusions[(side.value, key.ref)])
    return tuple(taken), refused
