"""The review policy: what a reviewer's link change does to the verdict, the same in the CLI and the GUI.

- Removing (or rejecting) the last confirmed link of an ``aligned`` or
  ``partial`` criterion sets its verdict back to ``unreviewed`` in the same
  transaction (a history row records it).
- Confirming a link on a ``gap`` sets its verdict back to ``unreviewed`` too:
  a gap has no counterpart by definition, so the reviewer chooses again.

Only decisions that name no verdict of their own are changed; a decision that
does (``--status gap --unlink X``) is applied as given and the verdict rules
(``project.rules``) judge it. Every change is reported as a :class:`VerdictReset`
so both front ends can say what happened.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from criteria_compare.model import Assessment, Status
from criteria_compare.project import Decision, Project

__all__ = ["ResetReason", "ReviewOutcome", "VerdictReset", "apply", "decide", "plan"]


class ResetReason(str, Enum):
    """Why the policy sent a verdict back to unreviewed."""

    LAST_LINK_REMOVED = "last_link_removed"
    GAP_LINKED = "gap_linked"


@dataclass(frozen=True)
class VerdictReset:
    """A verdict the review policy set back to unreviewed, and why."""

    ref: str
    previous: Status
    reason: ResetReason

    @property
    def message(self) -> str:
        """The notice both front ends show, e.g. "6.1 has no link left, so its verdict went back to Unreviewed"."""
        if self.reason is ResetReason.LAST_LINK_REMOVED:
            return f"{self.ref} has no link left, so its verdict went back to Unreviewed."
        return (
            f"{self.ref} now has a confirmed link, so it is no longer a Gap: its verdict went "
            "back to Unreviewed."
        )

    def to_dict(self) -> dict[str, str]:
        return {
            "ref": self.ref,
            "previous": self.previous.value,
            "status": Status.UNREVIEWED.value,
            "reason": self.reason.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class ReviewOutcome:
    """What a decision left: the criteria's assessments and the verdicts the policy reset."""

    assessments: tuple[Assessment, ...]
    resets: tuple[VerdictReset, ...] = ()

    @property
    def notices(self) -> tuple[str, ...]:
        return tuple(r.message for r in self.resets)


def _partner_refs(pairs: Sequence[object]) -> set[str] | None:
    refs: set[str] = set()
    for pair in pairs:
        if not isinstance(pair, tuple) or len(pair) != 2 or not isinstance(pair[0], str):
            return None  # malformed: the store refuses it with its own sentence
        refs.add(pair[0])
    return refs


def _refs(values: Sequence[str] | str) -> set[str]:
    return {values} if isinstance(values, str) else set(values)


def plan(project: Project, decision: Decision) -> tuple[Decision, VerdictReset | None]:
    """``decision`` as the policy applies it, and the reset it adds (None when it adds none)."""
    if decision.status is not None:
        return decision, None
    linking = _partner_refs(decision.link)
    if linking is None:
        return decision, None
    state = project.snapshot(decision.ref)
    before = {link.partner_ref for link in state.links}
    after = (before - _refs(decision.unlink) - _refs(decision.reject)) | linking
    status = state.status
    reason: ResetReason | None = None
    if status in (Status.ALIGNED, Status.PARTIAL) and before and not after:
        reason = ResetReason.LAST_LINK_REMOVED
    elif status is Status.GAP and after:
        reason = ResetReason.GAP_LINKED
    if reason is None:
        return decision, None
    return (
        dataclasses.replace(decision, status=Status.UNREVIEWED),
        VerdictReset(decision.ref, status, reason),
    )


def apply(
    project: Project,
    decisions: Sequence[Decision],
    *,
    reviewer: str | None = None,
    bulk: bool = True,
) -> ReviewOutcome:
    """Apply ``decisions`` (one per criterion) under the review policy in ONE transaction (all or nothing)."""
    planned = [plan(project, d) for d in decisions]
    assessments = project.apply([d for d, _ in planned], bulk=bulk, reviewer=reviewer)
    return ReviewOutcome(assessments, tuple(r for _, r in planned if r is not None))


def decide(project: Project, decision: Decision, *, reviewer: str | None = None) -> ReviewOutcome:
    """Apply one reviewer decision under the review policy (one transaction, history rows)."""
    return apply(project, (decision,), reviewer=reviewer, bulk=False)
