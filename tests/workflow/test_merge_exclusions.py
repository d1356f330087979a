"""Merging exclusions: taken like any one-sided change, never leaving a decision on an excluded criterion."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.model import Side, Stance, Status
from criteria_compare.project import Project
from criteria_compare.workflow.merge import merge
from tests.workflow.merge_fixtures import Edit, make_copies


def _merge(tmp_path: Path, base: Edit | None, ours: Edit | None, theirs: Edit | None):
    copies = make_copies(tmp_path, base, ours, theirs)
    result = merge(copies.base, copies.ours, copies.theirs, copies.out, reviewer="dana")
    return copies, result


def _excluded(path: Path) -> dict[tuple[Side, str], tuple[str, str]]:
    with Project.open(path, read_only=True) as project:
        return {(e.side, e.criterion.ref): (e.reviewer, e.reason) for e in project.excluded()}


def _exclude(side: str, ref: str, reason: str = "A footer row, not a requirement.") -> Edit:
    return lambda p: p.exclude(side, ref, reason=reason)


@pytest.mark.parametrize(("side", "ref"), [("reference", "7.10"), ("partner", "P-5")])
def test_theirs_exclusion_is_taken_with_who_and_why(tmp_path: Path, side: str, ref: str) -> None:
    copies, result = _merge(tmp_path, None, None, _exclude(side, ref))
    assert _excluded(copies.out) == {(Side(side), ref): ("bob", "A footer row, not a requirement.")}
    assert result.taken_theirs == 1
    assert not result.not_taken
    with Project.open(copies.out, read_only=True) as merged:
        program = merged.reference if side == "reference" else merged.partner
        assert ref not in [c.ref for c in program.criteria]
        excludes = [e for e in merged.history() if e.action == "exclude"]
        assert [(e.reviewer, e.origin) for e in excludes] == [("bob", "merged from bob.ccproj")]


def test_a_copy_that_excluded_a_criterion_is_still_the_same_comparison(tmp_path: Path) -> None:
    """Excluding is a decision, not another program: the merge does not refuse the copy."""
    copies, result = _merge(
        tmp_path, None, _exclude("partner", "P-1"), _exclude("reference", "6.1")
    )
    assert set(_excluded(copies.out)) == {(Side.PARTNER, "P-1"), (Side.REFERENCE, "6.1")}
    assert result.taken_theirs == 1
    assert result.taken_ours == 1


def test_theirs_restoration_is_taken_with_their_decisions_on_it(tmp_path: Path) -> None:
    def restore_and_decide(p: Project) -> None:
        p.restore_criterion("reference", "7.10")
        p.decide("7.10", status="gap", note="Nothing like it in the partner annex.")

    copies, result = _merge(tmp_path, _exclude("reference", "7.10"), None, restore_and_decide)
    assert _excluded(copies.out) == {}
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("7.10").status is Status.GAP
    assert not result.not_taken


def test_theirs_decisions_on_a_criterion_ours_excluded_are_left_out_and_said(
    tmp_path: Path,
) -> None:
    copies, result = _merge(
        tmp_path,
        None,
        _exclude("reference", "7.10"),
        lambda p: p.decide("7.10", status="gap", note="No counterpart."),
    )
    assert (Side.REFERENCE, "7.10") in _excluded(copies.out)
    assert result.not_taken == (
        "2 changes of theirs on reference criterion 7.10 were not taken: ours excluded it; "
        "restore it and merge again to take them.",
    )
    assert "2 changes of theirs not taken" in result.message
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.stored_assessments() == {}
        rows = merged.history()
        assert [e.new_value for e in rows if e.action == "not_taken"] == list(result.not_taken)
        theirs = [e for e in rows if e.reviewer == "bob" and e.reference_ref == "7.10"]
        assert theirs, "theirs' decisions stay in the merged file's history"


def test_theirs_link_to_a_partner_criterion_ours_excluded_is_left_out(tmp_path: Path) -> None:
    copies, result = _merge(
        tmp_path,
        None,
        _exclude("partner", "P-4"),
        lambda p: p.decide("6.1", link=(("P-4", "equal"), ("P-1", "subset_of")), status="aligned"),
    )
    with Project.open(copies.out, read_only=True) as merged:
        assert [lk.partner_ref for lk in merged.links("6.1")] == ["P-1"]
        assert merged.assessment("6.1").status is Status.ALIGNED
    assert len(result.not_taken) == 1
    assert "partner criterion P-4" in result.not_taken[0]


def test_theirs_exclusion_of_a_criterion_ours_decided_on_is_refused_in_one_sentence(
    tmp_path: Path,
) -> None:
    copies, result = _merge(
        tmp_path,
        None,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),), status="aligned"),
        _exclude("partner", "P-4"),
    )
    assert _excluded(copies.out) == {}
    assert result.not_taken == (
        "Theirs excluded partner criterion P-4; not taken, because the merged project has "
        "decisions on it (a link from 6.1); remove them and exclude it there if it should go.",
    )
    with Project.open(copies.out, read_only=True) as merged:
        assert [lk.partner_ref for lk in merged.links("6.1")] == ["P-4"]


def _positions(round_: int, **answers: str) -> Edit:
    return lambda p: p.store_positions(
        {ref.replace("_", "."): (Stance(v), f"Round {round_}.") for ref, v in answers.items()},
        round_=round_,
        sha256=f"{round_:064x}",
        file_name=f"round{round_}.xlsx",
    )


def test_the_partners_positions_theirs_imported_come_into_the_merged_file(tmp_path: Path) -> None:
    """Positions are not ours to merge: every round either copy imported is kept, so the merged
    file's history of imports and its table of positions say the same."""
    copies, _ = _merge(
        tmp_path,
        _positions(1, **{"1_1": "agree"}),
        None,
        _positions(2, **{"1_1": "disagree", "6_1": "needs_discussion"}),
    )
    with Project.open(copies.out, read_only=True) as merged:
        current = merged.positions()
        assert {ref: p.stance for ref, p in current.items()} == {
            "1.1": Stance.DISAGREE,
            "6.1": Stance.NEEDS_DISCUSSION,
        }
        assert merged.exchange_round() == 2
        assert len(merged.position_rows()) == 3
        imports = [e for e in merged.history() if e.action == "exchange_import"]
        assert len(imports) == 2
