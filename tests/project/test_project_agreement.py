"""Agreement between reviewers: percent and Cohen's kappa on the criteria both assessed, from the history."""

from __future__ import annotations

import json

import pytest

from criteria_compare.cli import main
from criteria_compare.project.agreement import PairAgreement, agreement, agreement_sentence

#: Ten criteria, two reviewers; worked by hand:
#: agreed 7 -> p_o = 0.7; A: aligned 5, gap 3, partial 2; B: aligned 5, gap 3, partial 2
#: p_e = (5*5 + 3*3 + 2*2) / 100 = 0.38; kappa = (0.7 - 0.38) / (1 - 0.38) = 0.32 / 0.62 = 0.516
HAND = [
    ("aligned", "aligned"),
    ("aligned", "aligned"),
    ("aligned", "aligned"),
    ("aligned", "aligned"),
    ("aligned", "partial"),
    ("gap", "gap"),
    ("gap", "gap"),
    ("gap", "aligned"),
    ("partial", "partial"),
    ("partial", "gap"),
]


def _rows(pairs: list[tuple[str, str]]) -> list[tuple[str, str, str | None, str | None]]:
    rows: list[tuple[str, str, str | None, str | None]] = []
    for i, (a, b) in enumerate(pairs):
        rows.append(("ana", "status", f"{i + 1}.1", a))
        rows.append(("ben", "status", f"{i + 1}.1", b))
    return rows


def test_kappa_matches_the_hand_computed_example() -> None:
    """Ten criteria with 7 agreements and chance agreement 0.38 give 70 % and kappa 0.516."""
    (pair,) = agreement(_rows(HAND))
    assert pair == PairAgreement(("ana", "ben"), 10, 7, 70.0, 0.516)
    assert pair.to_dict() == {
        "reviewers": ["ana", "ben"],
        "criteria": 10,
        "agreed": 7,
        "percent": 70.0,
        "kappa": 0.516,
    }
    assert agreement_sentence(pair) == (
        "ana and ben both assessed 10 criteria and gave the same verdict on 7 (70.0 %; "
        "Cohen's kappa 0.52)."
    )


def test_last_verdict_counts_and_unreviewed_means_not_assessed() -> None:
    """A reviewer's later verdict replaces the earlier one; an undo back to unreviewed withdraws it;
    criteria outside the current program are left out."""
    rows = [
        ("ana", "status", "1.1", "gap"),
        ("ben", "status", "1.1", "aligned"),
        ("ben", "status", "1.1", "gap"),  # changed their mind: now agrees
        ("ana", "status", "2.1", "gap"),
        ("ben", "status", "2.1", "gap"),
        ("ben", "undo", "2.1", "status=unreviewed; links=[]"),  # withdrawn
        ("ana", "status", "9.9", "gap"),
        ("ben", "redo", "9.9", "status=gap; links=[]"),  # 9.9 is no longer in the program
        ("ana", "note", "1.1", "a note"),
        ("ana", "status", None, "gap"),  # not about a criterion
        ("ana", "status", "2.1", None),
        ("ana", "undo", "2.1", "links=[]"),  # no verdict in it
        ("ana", "status", "2.1", "maybe"),  # not a verdict
    ]
    (pair,) = agreement(rows, refs={"1.1", "2.1"})
    assert (pair.criteria, pair.agreed, pair.percent) == (1, 1, 100.0)
    assert pair.kappa is None  # one verdict throughout: chance explains it all
    assert "Cohen's kappa undefined" in agreement_sentence(pair)


def test_perfect_and_no_common_criteria() -> None:
    """Full agreement over two verdicts is kappa 1; reviewers with nothing in common get nulls."""
    (pair,) = agreement(_rows([("gap", "gap"), ("aligned", "aligned")]))
    assert (pair.percent, pair.kappa) == (100.0, 1.0)
    rows = [("ana", "status", "1.1", "gap"), ("ben", "status", "2.1", "gap")]
    (pair,) = agreement(rows)
    assert pair == PairAgreement(("ana", "ben"), 0, 0, None, None)
    assert agreement_sentence(pair) == "ana and ben assessed no criterion in common."
    assert agreement([("ana", "status", "1.1", "gap")]) == ()


@pytest.fixture
def reviewed(new_project):
    """Three reviewers in turn on the small project, and an undo. In one shared file a verdict
    someone sets again unchanged leaves no history row, so each agreement here follows a change.

    alice/bruno: 4 shared, 2 agreed, p_e = (2*2 + 1*2) / 16 = 0.375, kappa = 0.125 / 0.625 = 0.2;
    alice/carol and bruno/carol: 2 shared, none agreed, p_e = 1 / 4, kappa = -0.25 / 0.75 = -0.333.
    """
    project = new_project(suggestions=False)
    for ref, status, note, who in (
        ("1.1", "gap", None, "alice"),
        ("1.1", "not_applicable", "Not for importers.", "carol"),
        ("1.1", "gap", None, "bruno"),
        ("2.1", "gap", None, "alice"),
        ("2.1", "conflict", "Yearly review is forbidden.", "bruno"),
        ("3.1", "conflict", "Requires a paper register.", "alice"),
        ("3.1", "gap", None, "carol"),
        ("3.1", "conflict", None, "bruno"),
        ("6.1", "not_applicable", "No containers.", "alice"),
        ("6.1", "gap", None, "bruno"),
    ):
        project.decide(ref, status=status, note=note, reviewer=who)
    before = project.snapshot("7.10")
    project.decide("7.10", status="gap", reviewer="bruno")
    project.restore(before, reviewer="bruno", action="undo")  # bruno takes it back
    project.decide("7.10", status="gap", reviewer="alice")
    return project


def test_project_agreement_in_status_json(reviewed, capsys) -> None:
    """`status --json` lists every pair under "agreement" with the hand-worked figures."""
    reviewed.close()
    assert main(["status", str(reviewed.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["agreement"] == [
        {
            "reviewers": ["alice", "bruno"],
            "criteria": 4,
            "agreed": 2,
            "percent": 50.0,
            "kappa": 0.2,
        },
        {
            "reviewers": ["alice", "carol"],
            "criteria": 2,
            "agreed": 0,
            "percent": 0.0,
            "kappa": -0.333,
        },
        {
            "reviewers": ["bruno", "carol"],
            "criteria": 2,
            "agreed": 0,
            "percent": 0.0,
            "kappa": -0.333,
        },
    ]


def test_one_reviewer_has_no_agreement(new_project) -> None:
    """With a single reviewer the list is empty."""
    project = new_project(suggestions=False)
    project.decide("1.1", status="gap", reviewer="alice")
    assert project.summary()["agreement"] == []


def test_status_text_gives_one_sentence_per_pair(reviewed, capsys) -> None:
    """Plain `status` ends with one sentence per pair of reviewers."""
    reviewed.close()
    assert main(["status", str(reviewed.path)]) == 0
    out = capsys.readouterr().out
    assert "  agreement between reviewers:\n" in out
    assert (
        "    alice and bruno both assessed 4 criteria and gave the same verdict on 2 (50.0 %; "
        "Cohen's kappa 0.20).\n"
    ) in out
