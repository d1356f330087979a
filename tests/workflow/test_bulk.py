"""The clear-winners rule, the same in the review screen and `criteria-compare confirm-clear`."""

from __future__ import annotations

import json

import pytest

from criteria_compare.cli import main
from criteria_compare.model import Band, Evidence, Status, Suggestion
from criteria_compare.project import Project
from criteria_compare.workflow.bulk import clear_winners


def _suggest(project: Project) -> None:
    """6.1 -> P-4 clearly wins (High, margin 0.4); 1.1 -> P-1 is High but only 0.05 ahead."""

    def s(ref: str, pref: str, rank: int, score: float, band: Band, margin: float) -> Suggestion:
        return Suggestion(ref, pref, rank, score, band, Evidence(margin=margin))

    project.store_suggestions(
        {
            "6.1": [
                s("6.1", "P-4", 1, 0.9, Band.HIGH, 0.4),
                s("6.1", "P-5", 2, 0.5, Band.MEDIUM, 0),
            ],
            "1.1": [
                s("1.1", "P-1", 1, 0.7, Band.HIGH, 0.05),
                s("1.1", "P-5", 2, 0.65, Band.HIGH, 0),
            ],
        }
    )


def test_only_unreviewed_criteria_with_a_high_clear_lead_are_winners(project: Project) -> None:
    """A High top suggestion counts only when it leads by the margin and the criterion is unreviewed."""
    _suggest(project)
    assert [(w.reference.ref, w.partner.ref) for w in clear_winners(project)] == [("6.1", "P-4")]
    project.decide("6.1", status="gap")
    assert clear_winners(project) == []


def test_confirm_clear_dry_run_lists_and_changes_nothing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run --json lists the winners and leaves the project as it was."""
    _suggest(project)
    history = project.history()
    assert main(["confirm-clear", str(project.path), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False
    assert data["criteria"] == [{"ref": "6.1", "partner_ref": "P-4", "score": 0.9, "margin": 0.4}]
    assert project.history() == history


def test_confirm_clear_links_and_aligns_them_in_one_bulk_step(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --dry-run each winner is linked (equal) and Aligned, recorded as bulk."""
    _suggest(project)
    assert main(["confirm-clear", str(project.path), "--reviewer", "bob"]) == 0
    assert "Confirmed 1 clear winner" in capsys.readouterr().out
    assert project.assessment("6.1").status is Status.ALIGNED
    assert [lk.partner_ref for lk in project.links("6.1")] == ["P-4"]
    assert project.assessment("1.1").status is Status.UNREVIEWED
    entries = project.history("6.1", limit=2)
    assert {e.action for e in entries} == {"link", "status"}
    assert all(e.bulk and e.reviewer == "bob" for e in entries)
