"""The review policy: losing the last link or linking a gap sends the verdict back to Unreviewed, visibly."""

from __future__ import annotations

import pytest

from criteria_compare.errors import VerdictRuleError
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision, Project
from criteria_compare.workflow import review
from criteria_compare.workflow.review import ResetReason, VerdictReset

EQUAL = Relation.EQUAL


def _aligned(project: Project, *partners: str) -> None:
    project.decide("6.1", status="aligned", link=[(p, EQUAL) for p in partners])


def test_unlinking_the_last_link_resets_the_verdict_in_the_same_transaction(project) -> None:
    """The link and the verdict go in one write, the history records both, the outcome says so."""
    _aligned(project, "P-4")
    outcome = review.decide(project, Decision("6.1", unlink=("P-4",)))
    assert project.links("6.1") == ()
    assert project.assessment("6.1").status is Status.UNREVIEWED
    assert outcome.resets == (VerdictReset("6.1", Status.ALIGNED, ResetReason.LAST_LINK_REMOVED),)
    assert outcome.notices == ("6.1 has no link left, so its verdict went back to Unreviewed.",)
    rows = {e.action: e for e in project.history("6.1", limit=2)}
    assert (rows["status"].old_value, rows["status"].new_value) == ("aligned", "unreviewed")
    assert rows["unlink"].timestamp == rows["status"].timestamp


def test_rejecting_the_last_link_of_a_partial_resets_it_and_keeps_the_note(project) -> None:
    """Rejecting the only linked candidate of a Partial verdict resets it; the note stays."""
    project.decide("6.1", status="partial", note="No log kept.", link=[("P-4", EQUAL)])
    outcome = review.decide(project, Decision("6.1", reject=("P-4",)))
    assessment = project.assessment("6.1")
    assert assessment.status is Status.UNREVIEWED
    assert assessment.note == "No log kept."
    assert [r.previous for r in outcome.resets] == [Status.PARTIAL]


def test_unlinking_one_of_two_links_keeps_the_verdict(project) -> None:
    """A verdict that still has a link is left alone and nothing is reported."""
    _aligned(project, "P-4", "P-5")
    outcome = review.decide(project, Decision("6.1", unlink=("P-5",)))
    assert project.assessment("6.1").status is Status.ALIGNED
    assert outcome.resets == ()


def test_linking_a_gap_resets_it(project) -> None:
    """A gap that gets a confirmed link is no longer a gap: Unreviewed, with a notice."""
    project.decide("7.10", status="gap")
    outcome = review.decide(project, Decision("7.10", link=(("P-5", EQUAL),)))
    assert project.assessment("7.10").status is Status.UNREVIEWED
    assert [lk.partner_ref for lk in project.links("7.10")] == ["P-5"]
    assert outcome.resets[0].reason is ResetReason.GAP_LINKED
    assert "no longer a Gap" in outcome.notices[0]


def test_a_decision_with_its_own_verdict_is_applied_as_given(project) -> None:
    """Unlinking with a new verdict in the same decision keeps that verdict; no reset is reported."""
    _aligned(project, "P-4")
    outcome = review.decide(project, Decision("6.1", status=Status.GAP, unlink=("P-4",)))
    assert project.assessment("6.1").status is Status.GAP
    assert outcome.resets == ()


def test_the_store_itself_still_refuses_the_silent_reset(project) -> None:
    """Only the review policy resets a verdict; the project store on its own refuses the unlink."""
    _aligned(project, "P-4")
    with pytest.raises(VerdictRuleError):
        project.unlink("6.1", "P-4")
    assert project.assessment("6.1").status is Status.ALIGNED


def test_many_decisions_are_one_transaction_with_their_resets(project) -> None:
    """apply() plans every decision and writes them all at once."""
    _aligned(project, "P-4")
    project.decide("7.10", status="gap")
    outcome = review.apply(
        project,
        [Decision("6.1", unlink=("P-4",)), Decision("7.10", link=(("P-5", EQUAL),))],
    )
    assert [r.ref for r in outcome.resets] == ["6.1", "7.10"]
    assert {e.bulk for e in project.history(limit=4)} == {True}
