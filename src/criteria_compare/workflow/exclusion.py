"""Exclude a criterion that is not a requirement (a footer, note or duplicate row) and restore it.

Excluded criteria leave the counts, the aligner, the report and the review
queue; they stay listed (``Project.excluded``) and both steps are in the
history. A restored criterion gets suggestions at the next alignment
(``workflow.realign.realign``); until then it is listed without candidates.
"""

from __future__ import annotations

from criteria_compare.model import Criterion, Exclusion, Side
from criteria_compare.project import Project

__all__ = ["exclude", "restore"]


def exclude(
    project: Project, side: Side | str, ref: str, *, reason: str = "", reviewer: str | None = None
) -> Exclusion:
    """Take ``ref`` of ``side`` out of the comparison; returns the exclusion on record.

    Refused (InvalidValue, one sentence) when the criterion carries a link or a
    verdict, is already excluded, or is the last criterion of its side.
    """
    project.exclude(side, ref, reason=reason, reviewer=reviewer)
    return next(e for e in project.excluded(side) if e.criterion.ref == ref)


def restore(
    project: Project, side: Side | str, ref: str, *, reviewer: str | None = None
) -> Criterion:
    """Bring an excluded criterion back; returns it."""
    project.restore_criterion(side, ref, reviewer=reviewer)
    return next(c for c in project.stored_criteria(side) if c.ref == ref)
