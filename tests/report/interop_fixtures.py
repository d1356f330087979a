"""A small comparison built in code for the OSCAL and CISO Assistant export tests."""

from __future__ import annotations

from criteria_compare.model import Criterion, Level, Relation, Status
from criteria_compare.report.data import (
    LinkedCriterion,
    ProgramInfo,
    ReferenceRow,
    ReportData,
    ReviewerActivity,
)
from criteria_compare.report.interop import Crosswalk

__all__ = ["small_crosswalk"]

_REF = (
    Criterion(
        "1.1", "Name a security officer.", "1. Governance", "Keep the nomination.", Level.MUST
    ),
    Criterion("1.2", "Review the plan every year.", "1. Governance", level=Level.SHOULD),
    Criterion("2.1", "Fence the cargo yard.", "2. Premises"),
    Criterion("2.2", "Light the gates at night.", "2. Premises"),
    Criterion("3 / a", "Seal every container.", ""),
)
_PARTNER = (
    Criterion("A-1", "A security officer is appointed in writing.", "A"),
    Criterion("A-2", "The plan is reviewed each year and after incidents.", "A"),
    Criterion("B-1", "Cargo areas are fenced and inspected weekly.", "B"),
    Criterion("B-2", "Gates stay open at night for quick access.", "B"),
    Criterion("C-1", "Drivers carry identity cards.", "C"),
)


def small_crosswalk(*, unreviewed: bool = False, links: bool = True) -> Crosswalk:
    """Aligned, partial (partner stricter), conflict, gap and one partner-only criterion."""
    p = {c.ref: c for c in _PARTNER}
    rows = (
        ReferenceRow(
            _REF[0],
            Status.ALIGNED,
            reviewer="A. Rivera",
            timestamp="2026-11-30T10:00:00.000+00:00",
            links=(
                LinkedCriterion(
                    p["A-1"], Relation.EQUAL, "A. Rivera", "2026-11-30T10:00:00.000+00:00"
                ),
            )
            if links
            else (),
        ),
        ReferenceRow(
            _REF[1],
            Status.PARTIAL,
            note="The partner also asks for a review after every incident.",
            reviewer="B. Okafor",
            timestamp="2026-12-01T09:30:00.000+00:00",
            links=(LinkedCriterion(p["A-2"], Relation.SUBSET_OF, manual=True),) if links else (),
        ),
        ReferenceRow(
            _REF[2],
            Status.ALIGNED,
            links=(LinkedCriterion(p["B-1"], Relation.INTERSECTS_WITH),) if links else (),
        ),
        ReferenceRow(
            _REF[3],
            Status.CONFLICT,
            note="The partner keeps the gates open at night.",
            links=(LinkedCriterion(p["B-2"], Relation.INTERSECTS_WITH),) if links else (),
        ),
        ReferenceRow(_REF[4], Status.UNREVIEWED if unreviewed else Status.GAP),
    )
    data = ReportData(
        reference=ProgramInfo("Harbour Rules", "2025", "harbour.xlsx", "ab" * 32, len(_REF)),
        partner=ProgramInfo("Port Code", "v3", "port.docx", "cd" * 32, len(_PARTNER)),
        rows=rows,
        partner_only=(p["C-1"],),
        reviewers=(
            ReviewerActivity(
                "A. Rivera", 3, "2026-11-30T10:00:00.000+00:00", "2026-11-30T10:00:00.000+00:00"
            ),
            ReviewerActivity(
                "B. Okafor", 1, "2026-12-01T09:30:00.000+00:00", "2026-12-01T09:30:00.000+00:00"
            ),
        ),
    )
    return Crosswalk(data, _REF, _PARTNER)
