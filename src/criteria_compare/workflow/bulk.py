"""The bulk rule: unreviewed criteria whose top suggestion clearly wins, and the decisions that confirm them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from criteria_compare.model import Band, Criterion, Relation, Status, Suggestion
from criteria_compare.project import Decision, Project

__all__ = ["CLEAR_MARGIN", "ClearWinner", "clear_winners", "confirm_decisions"]

CLEAR_MARGIN = 0.1  # the top candidate must lead the next one by at least this much


@dataclass(frozen=True)
class ClearWinner:
    """An unreviewed criterion and the partner criterion that clearly wins for it."""

    reference: Criterion
    partner: Criterion
    suggestion: Suggestion

    def decision(self) -> Decision:
        """Link the winner (equal) and set the verdict to aligned."""
        return Decision(
            ref=self.reference.ref,
            status=Status.ALIGNED,
            link=((self.partner.ref, Relation.EQUAL),),
        )


def clear_winners(project: Project, margin: float = CLEAR_MARGIN) -> list[ClearWinner]:
    """Unreviewed criteria whose top suggestion is High (by the project's band thresholds) and leads by ``margin``."""
    assessments = project.assessments()
    partners: Mapping[str, Criterion] = project.partner.by_ref()
    out: list[ClearWinner] = []
    for c in project.reference.criteria:
        a = assessments.get(c.ref)
        if a is not None and a.status is not Status.UNREVIEWED:
            continue
        ranked = [s for s in project.suggestions(c.ref) if not s.pinned]
        if not ranked:
            continue
        top = ranked[0]
        if top.band is not Band.HIGH or top.evidence.margin < margin:
            continue
        partner = partners.get(top.target_ref)
        if partner is not None:
            out.append(ClearWinner(c, partner, top))
    return out


def confirm_decisions(winners: Sequence[ClearWinner]) -> list[Decision]:
    """The decisions that confirm ``winners`` (apply them with ``Project.apply(bulk=True)``)."""
    return [w.decision() for w in winners]
