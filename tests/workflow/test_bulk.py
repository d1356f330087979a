"""The clear-winners rule, the same in the review screen and `criteria-compare confirm-clear`."""

from __future__ import annotations

import json

import pytest

from criteria_compare.cli import main
from criteria_compare.model import Band, Evidence, Relation, Status, Suggestion
from criteria_compare.project import Project
from criteria_compare.workflow.bulk import CLEAR_PROBABILITY, clear_winners

AGREED = {"tfidf": 1.0, "bm25": 1.0, "char": 1.0, "embedding": 1.0}


def _suggest(project: Project, shared: bool = False) -> None:
    """6.1 -> P-4 clearly wins (every channel agrees, 0.5 ahead); 1.1 -> P-1 is High but only
    0.05 ahead; with ``shared`` 7.10 -> P-4 also clearly wins (the same partner criterion)."""

    def s(ref: str, pref: str, rank: int, score: float, margin: float) -> Suggestion:
        channels = AGREED if rank == 1 else {"tfidf": 0.5, "embedding": 0.6}
        return Suggestion(
            ref, pref, rank, score, Band.HIGH, Evidence(channels=channels, margin=margin)
        )

    found = {
        "6.1": [s("6.1", "P-4", 1, 0.95, 0.5), s("6.1", "P-5", 2, 0.45, 0)],
        "1.1": [s("1.1", "P-1", 1, 0.7, 0.05), s("1.1", "P-5", 2, 0.65, 0)],
    }
    if shared:
        found["7.10"] = [s("7.10", "P-4", 1, 0.97, 0.6)]
    project.store_suggestions(found)


def test_only_unreviewed_criteria_very_likely_right_are_winners(project: Project) -> None:
    """A first suggestion counts only when the calibration puts it at 95 % or more and the
    criterion is unreviewed; the runner-up and the probability come with it."""
    _suggest(project)
    winners = clear_winners(project)
    assert [(w.reference.ref, w.partner.ref) for w in winners] == [("6.1", "P-4")]
    assert winners[0].probability >= CLEAR_PROBABILITY
    assert winners[0].runner_up is not None
    assert winners[0].runner_up.target_ref == "P-5"
    assert winners[0].ticked
    project.decide("6.1", status="gap")
    assert clear_winners(project) == []


def test_a_partner_proposed_for_several_criteria_is_flagged_and_not_ticked(
    project: Project,
) -> None:
    _suggest(project, shared=True)
    winners = {w.reference.ref: w for w in clear_winners(project)}
    assert set(winners) == {"6.1", "7.10"}
    assert winners["6.1"].shared_with == ("7.10",)
    assert winners["7.10"].shared_with == ("6.1",)
    assert not winners["6.1"].ticked


def test_a_decision_sets_the_chosen_relation_and_a_verdict_only_when_asked(
    project: Project,
) -> None:
    _suggest(project)
    (winner,) = clear_winners(project)
    plain = winner.decision()
    assert plain.status is None
    assert list(plain.link) == [("P-4", Relation.EQUAL)]
    chosen = winner.decision(Relation.SUBSET_OF, Status.PARTIAL)
    assert (chosen.status, list(chosen.link)) == (Status.PARTIAL, [("P-4", Relation.SUBSET_OF)])


def test_confirm_clear_dry_run_lists_and_changes_nothing(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """--dry-run --json lists the winners and leaves the project as it was."""
    _suggest(project)
    history = project.history()
    assert main(["confirm-clear", str(project.path), "--dry-run", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] is False
    assert [(r["ref"], r["partner_ref"], r["score"]) for r in data["criteria"]] == [
        ("6.1", "P-4", 0.95)
    ]
    assert data["shared_partner"] == []
    assert project.history() == history


def test_confirm_clear_links_and_leaves_the_verdict_unless_asked(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --dry-run each winner is linked (equal) and stays Unreviewed, recorded as bulk."""
    _suggest(project)
    assert main(["confirm-clear", str(project.path), "--reviewer", "bob"]) == 0
    assert "Confirmed 1 clear winner" in capsys.readouterr().out
    assert project.assessment("6.1").status is Status.UNREVIEWED
    assert [lk.partner_ref for lk in project.links("6.1")] == ["P-4"]
    assert project.assessment("1.1").status is Status.UNREVIEWED
    entries = project.history("6.1", limit=1)
    assert {e.action for e in entries} == {"link"}
    assert all(e.bulk and e.reviewer == "bob" for e in entries)


def test_confirm_clear_with_verdict_and_relation(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """--verdict aligned --relation subset_of sets both; a shared partner is listed, not linked."""
    _suggest(project, shared=True)
    args = ["confirm-clear", str(project.path), "--verdict", "aligned", "--relation", "subset_of"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "No unreviewed criterion has a clear winner" in out
    assert "proposed for 7.10" in out
    assert list(project.links("6.1")) == []
    _suggest(project)  # 7.10 no longer proposes P-4
    assert main(args) == 0
    assert "Confirmed 1 clear winner" in capsys.readouterr().out
    assert project.assessment("6.1").status is Status.ALIGNED
    assert [(lk.partner_ref, lk.relation) for lk in project.links("6.1")] == [
        ("P-4", Relation.SUBSET_OF)
    ]
