"""workflow.update: the audit trail names each decision an update carried, and nothing else."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.model import Side
from criteria_compare.workflow.update import apply_update, plan_update
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import partner_rows, read, reviewed_project, write_edition


def test_a_renumbered_pin_is_in_the_history_and_an_undecided_criterion_is_not(
    tmp_path: Path,
) -> None:
    """Partner P-5 (only pinned, by 6.1) and P-6 (no decision) renumbered: 6.1's history says
    its pin moved to P-50, the only carry row (P-6 carried nothing)."""
    project = reviewed_project(tmp_path / "review.ccproj")
    try:
        rows = partner_rows()
        rows["P-50"] = rows.pop("P-5")
        rows["P-60"] = rows.pop("P-6")
        edition = read(write_edition(tmp_path / "meridia-v4.csv", rows))
        apply_update(project, plan_update(project, Side.PARTNER, edition, matcher=StandIn()))
        carried = [
            (e.reference_ref, e.partner_ref, e.old_value, e.new_value)
            for e in project.history(limit=100)
            if e.action == "carry"
        ]
        assert carried == [("6.1", "P-50", "partner P-5", "P-50 (renumbered)")]
        assert project.pinned("6.1") == {("6.1", "P-50")}
    finally:
        project.close()
