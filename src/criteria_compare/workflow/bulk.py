"""The bulk rule: unreviewed criteria whose first suggestion is very likely right, and the
decisions that confirm the rows a reviewer keeps.

The rule is the aligner's calibration (``align.calibration``): a first
suggestion is a clear winner when its calibrated probability of being right is
at least ``CLEAR_PROBABILITY`` (on the development crosswalks such first
suggestions were right 99 % of the time: 312 of 315). Each winner carries its
evidence, the runner-up, and the other reference criteria the same partner
criterion is proposed for; those shared rows are not ticked by default. A
decision links the winner with the relation the reviewer chose and sets a
verdict only when asked (by default the verdict stays Unreviewed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from criteria_compare.align.calibration import CLEAR_PROBABILITY, suggestion_probability
from criteria_compare.model import Criterion, Relation, Status, Suggestion
from criteria_compare.project import Decision, Project

__all__ = ["CLEAR_PROBABILITY", "ClearWinner", "clear_winners"]


@dataclass(frozen=True)
class ClearWinner:
    """An unreviewed criterion, the partner criterion very likely right for it, and why."""

    reference: Criterion
    partner: Criterion
    suggestion: Suggestion
    probability: float = 1.0
    runner_up: Suggestion | None = None
    runner_up_partner: Criterion | None = None
    shared_with: tuple[str, ...] = ()
    """Other reference criteria in the same preview whose winner is the same partner criterion."""

    @property
    def ticked(self) -> bool:
        """Ticked in the preview by default: not when its partner is proposed for other rows too."""
        return not self.shared_with

    def decision(
        self, relation: Relation = Relation.EQUAL, status: Status | None = None
    ) -> Decision:
        """Link the winner with ``relation``; set the verdict only if ``status`` is given."""
        return Decision(ref=self.reference.ref, status=status, link=((self.partner.ref, relation),))


def clear_winners(project: Project, threshold: float = CLEAR_PROBABILITY) -> list[ClearWinner]:
    """Unreviewed criteria whose first (unpinned) suggestion is right with probability at least
    ``threshold`` by the aligner's calibration, in program order."""
    assessments = project.assessments()
    partners: Mapping[str, Criterion] = project.partner.by_ref()
    found: list[ClearWinner] = []
    for c in project.reference.criteria:
        a = assessments.get(c.ref)
        if a is not None and a.status is not Status.UNREVIEWED:
            continue
        ranked = [s for s in project.suggestions(c.ref) if not s.pinned]
        if not ranked:
            continue
        top = ranked[0]
        p = suggestion_probability(top)
        partner = partners.get(top.target_ref)
        if p < threshold or partner is None:
            continue
        second = ranked[1] if len(ranked) > 1 else None
        found.append(
            ClearWinner(
                c,
                partner,
                top,
                p,
                second,
                partners.get(second.target_ref) if second is not None else None,
            )
        )
    by_partner: dict[str, list[str]] = {}
    for w in found:
        by_partner.setdefault(w.partner.ref, []).append(w.reference.ref)
    return [
        ClearWinner(
            w.reference,
            w.partner,
            w.suggestion,
            w.probability,
            w.runner_up,
            w.runner_up_partner,
            tuple(r for r in by_partner[w.partner.ref] if r != w.reference.ref),
        )
        for w in found
    ]
