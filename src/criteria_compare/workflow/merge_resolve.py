"""Resolving a merge conflict: keep ours, take theirs, or (for a note) write a new one; undoable.

A resolution writes the chosen value of one decision element and deletes the
conflict row in one transaction. The result must obey the same rules as any
reviewer write: taking theirs' link takes back a rejection of that pair,
taking theirs' rejection removes the pair's link and pin (as ``decide`` does),
and the verdict rules are checked (a ``VerdictRuleError`` each front end
words its own way), so a resolution can never store an inconsistent verdict.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import Enum

from criteria_compare.errors import InvalidValue, VerdictRuleError
from criteria_compare.model import Assessment, Link, LinkOrigin, Relation
from criteria_compare.project import CriterionState, Project
from criteria_compare.project.codec import now_utc
from criteria_compare.project.conflicts import MergeConflict
from criteria_compare.project.elements import ElementKey, ElementValue, Field
from criteria_compare.project.rules import describe, violation
from criteria_compare.workflow.merge_plan import apply_value, element_value

__all__ = ["Choice", "Resolution", "plan_resolution", "redo", "resolve", "undo"]


class Choice(str, Enum):
    """How a conflict is resolved."""

    OURS = "ours"
    THEIRS = "theirs"
    EDIT = "edit"  # a note of the reviewer's own


@dataclass(frozen=True)
class Resolution:
    """One resolution: the conflict, and the criterion's state before and after it."""

    conflict: MergeConflict
    before: CriterionState
    after: CriterionState


def _pair_rules(state: CriterionState, key: ElementKey, value: ElementValue) -> CriterionState:
    """Keep a pair from being both linked (or pinned) and rejected, as reviewer writes do."""
    pref = key.partner
    if key.field in (Field.LINK, Field.PIN) and value not in (None, False):
        return dataclasses.replace(state, rejected=state.rejected - {pref})
    if key.field is Field.REJECTION and value is True:
        return dataclasses.replace(
            state,
            links=tuple(lk for lk in state.links if lk.partner_ref != pref),
            pinned=state.pinned - {pref},
        )
    return state


def _value(conflict: MergeConflict, choice: Choice, text: str | None) -> ElementValue:
    if choice is Choice.OURS:
        return conflict.ours
    if choice is Choice.THEIRS:
        return conflict.theirs
    if conflict.field is not Field.NOTE:
        raise InvalidValue(
            f"Only a note can be edited while resolving a conflict; choose ours or theirs for "
            f"the {conflict.field.value} of {conflict.ref}."
        )
    return text or ""


def plan_resolution(
    project: Project,
    conflict: MergeConflict,
    choice: Choice | str,
    text: str | None = None,
    *,
    reviewer: str | None = None,
) -> Resolution:
    """What resolving ``conflict`` with ``choice`` (``text`` for an edited note) would write."""
    choice = Choice(choice)
    value = _value(conflict, choice, text)
    before = project.snapshot(conflict.ref)
    if element_value(before, conflict.key) == value:
        return Resolution(conflict, before, before)  # only the conflict row goes
    who = reviewer or project.reviewer
    stamp = now_utc()
    link = None
    if conflict.field is Field.LINK and value is not None:
        link = Link(
            conflict.ref,
            conflict.partner,
            Relation(str(value)),
            LinkOrigin.MANUAL,
            None,
            who,
            stamp,
        )
    after = apply_value(
        _pair_rules(before, conflict.key, value),
        conflict.key,
        value,
        link=link,
        assessment=Assessment(conflict.ref, reviewer=who, timestamp=stamp),
    )
    a = after.assessment
    v = violation(conflict.ref, a.status, a.note, len(after.links))
    if v is not None:
        raise VerdictRuleError(v, describe(v))
    return Resolution(conflict, before, after)


def resolve(
    project: Project,
    conflict: MergeConflict,
    choice: Choice | str,
    text: str | None = None,
    *,
    reviewer: str | None = None,
) -> Resolution:
    """Resolve ``conflict`` (one transaction: the element's value, the conflict row deleted)."""
    resolution = plan_resolution(project, conflict, choice, text, reviewer=reviewer)
    project.resolve_conflict(conflict, resolution.after, reviewer=reviewer)
    return resolution


def undo(project: Project, resolution: Resolution, *, reviewer: str | None = None) -> None:
    """Take a resolution back: the criterion as it was, the conflict listed again."""
    project.reopen_conflict(resolution.conflict, resolution.before, reviewer=reviewer)


def redo(project: Project, resolution: Resolution, *, reviewer: str | None = None) -> None:
    """Apply an undone resolution again."""
    project.resolve_conflict(
        resolution.conflict, resolution.after, reviewer=reviewer, action="redo"
    )
