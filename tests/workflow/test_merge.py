"""Three-way merge of reviewer copies: one-sided, same and conflicting changes of every decision element."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.model import Relation, Status
from criteria_compare.project import Project
from criteria_compare.project.elements import ElementKey, Field
from criteria_compare.workflow.merge import merge
from criteria_compare.workflow.merge_plan import element_value
from tests.workflow.merge_fixtures import Edit, make_copies


def _merge(tmp_path: Path, base: Edit | None, ours: Edit | None, theirs: Edit | None):
    copies = make_copies(tmp_path, base, ours, theirs)
    result = merge(copies.base, copies.ours, copies.theirs, copies.out, reviewer="dana")
    return copies, result


def _link(ref: str, pref: str, relation: str = "equal", status: str | None = None) -> Edit:
    return lambda p: p.decide(ref, link=((pref, relation),), status=status)


def _aligned_with(*prefs: str) -> Edit:
    return lambda p: p.decide("1.1", link=tuple((x, "equal") for x in prefs), status="aligned")


# (name, base edit, change, how to read the element in the merged file, expected value there)
ONE_SIDED = [
    ("status", None, lambda p: p.decide("7.10", status="gap"), lambda p: p.assessment("7.10").status, Status.GAP),
    ("note", None, lambda p: p.decide("7.10", note="Checked on site."), lambda p: p.assessment("7.10").note, "Checked on site."),
    ("discussion", None, lambda p: p.decide("7.10", discussion=True), lambda p: p.assessment("7.10").discussion, True),
    ("link", None, _link("6.1", "P-4", "subset_of"), lambda p: [(lk.partner_ref, lk.relation) for lk in p.links("6.1")], [("P-4", Relation.SUBSET_OF)]),
    ("relation", _link("6.1", "P-4"), lambda p: p.set_relation("6.1", "P-4", "superset_of"), lambda p: p.links("6.1")[0].relation, Relation.SUPERSET_OF),
    ("unlink", _link("6.1", "P-4"), lambda p: p.unlink("6.1", "P-4"), lambda p: p.links("6.1"), ()),
    ("rejection", None, lambda p: p.reject("3.1", "P-5"), lambda p: p.rejected("3.1"), {("3.1", "P-5")}),
    ("unrejection", lambda p: p.reject("3.1", "P-5"), lambda p: p.unreject("3.1", "P-5"), lambda p: p.rejected("3.1"), frozenset()),
    ("pin", None, lambda p: p.pin("3.1", "P-2"), lambda p: p.pinned("3.1"), {("3.1", "P-2")}),
    ("unpin", lambda p: p.pin("3.1", "P-2"), lambda p: p.unpin("3.1", "P-2"), lambda p: p.pinned("3.1"), frozenset()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "base", "change", "read", "expected"), ONE_SIDED, ids=[c[0] for c in ONE_SIDED]
)
@pytest.mark.parametrize("side", ["ours", "theirs"])
def test_a_change_made_on_one_side_is_taken(tmp_path: Path, side: str, name, base, change, read, expected) -> None:  # fmt: skip
    """A change only one reviewer made ends up in the merged file, with no conflict."""
    ours, theirs = (change, None) if side == "ours" else (None, change)
    copies, result = _merge(tmp_path, base, ours, theirs)
    with Project.open(copies.out, read_only=True) as merged:
        assert read(merged) == expected
        assert merged.merge_conflicts() == ()
    assert result.conflicts == ()
    taken = result.taken_ours if side == "ours" else result.taken_theirs
    assert taken >= 1
    assert (result.taken_theirs if side == "ours" else result.taken_ours) == 0


@pytest.mark.parametrize(
    ("name", "base", "change", "read", "expected"), ONE_SIDED, ids=[c[0] for c in ONE_SIDED]
)
def test_the_same_change_on_both_sides_is_taken_once(tmp_path: Path, name, base, change, read, expected) -> None:  # fmt: skip
    """Both reviewers making the same change is no conflict: it is counted as "same"."""
    copies, result = _merge(tmp_path, base, change, change)
    with Project.open(copies.out, read_only=True) as merged:
        assert read(merged) == expected
    assert result.conflicts == ()
    assert result.same >= 1
    assert result.taken_ours == result.taken_theirs == 0


CONFLICTS = [
    ("status", None, lambda p: p.decide("7.10", status="gap"), lambda p: p.decide("7.10", status="not_applicable", note="Air only."), ElementKey("7.10", Field.STATUS), "gap", "not_applicable"),
    ("note", None, lambda p: p.decide("7.10", note="Ours."), lambda p: p.decide("7.10", note="Theirs."), ElementKey("7.10", Field.NOTE), "Ours.", "Theirs."),
    ("relation", _link("6.1", "P-4"), lambda p: p.set_relation("6.1", "P-4", "subset_of"), lambda p: p.set_relation("6.1", "P-4", "superset_of"), ElementKey("6.1", Field.LINK, "P-4"), "subset_of", "superset_of"),
    ("relation-vs-unlink", _link("6.1", "P-4"), lambda p: p.set_relation("6.1", "P-4", "subset_of"), lambda p: p.unlink("6.1", "P-4"), ElementKey("6.1", Field.LINK, "P-4"), "subset_of", None),
    ("link-vs-rejection", None, _link("3.1", "P-2"), lambda p: p.reject("3.1", "P-2"), ElementKey("3.1", Field.REJECTION, "P-2"), False, True),
    ("rejection-vs-pin", None, lambda p: p.reject("3.1", "P-2"), lambda p: p.pin("3.1", "P-2"), ElementKey("3.1", Field.PIN, "P-2"), False, True),
]  # fmt: skip


@pytest.mark.parametrize(("name", "base", "ours", "theirs", "key", "ours_value", "theirs_value"), CONFLICTS, ids=[c[0] for c in CONFLICTS])  # fmt: skip
def test_different_changes_are_a_conflict_that_keeps_ours(tmp_path: Path, name, base, ours, theirs, key, ours_value, theirs_value) -> None:  # fmt: skip
    """Different changes of one element keep ours in the merged file and are listed and stored as a conflict."""
    copies, result = _merge(tmp_path, base, ours, theirs)
    listed = [c for c in result.conflicts if c.key == key]
    assert len(listed) == 1
    assert (listed[0].ours, listed[0].theirs) == (ours_value, theirs_value)
    with Project.open(copies.out, read_only=True) as merged:
        assert element_value(merged.snapshot(key.ref), key) == ours_value
        assert [c.key for c in merged.merge_conflicts(key.ref)] == [key]


def test_discussion_flag_conflict(tmp_path: Path) -> None:
    """A flag set in base, cleared by ours and left by theirs, is taken from ours (a flag has two values)."""
    copies, result = _merge(
        tmp_path,
        lambda p: p.decide("7.10", discussion=True),
        lambda p: p.decide("7.10", discussion=False),
        lambda p: p.decide("7.10", note="Still open."),
    )
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("7.10").discussion is False
        assert merged.assessment("7.10").note == "Still open."
    assert (result.taken_ours, result.taken_theirs, result.conflicts) == (1, 1, ())


def test_taking_theirs_unlink_would_leave_aligned_without_links_is_a_conflict(
    tmp_path: Path,
) -> None:
    """Ours unlinks P-4, theirs unlinks P-1: taking both would leave 1.1 Aligned with no link, so
    theirs' unlink is a conflict (ours keeps P-1 and its verdict)."""
    copies, result = _merge(
        tmp_path,
        _aligned_with("P-1", "P-4"),
        lambda p: p.unlink("1.1", "P-4"),
        lambda p: p.unlink("1.1", "P-1"),
    )
    assert [(c.key, c.ours, c.theirs) for c in result.conflicts] == [
        (ElementKey("1.1", Field.LINK, "P-1"), "equal", None)
    ]
    assert "Aligned" in result.conflicts[0].reason
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("1.1").status is Status.ALIGNED
        assert [lk.partner_ref for lk in merged.links("1.1")] == ["P-1"]
    assert result.taken_ours == 1


def test_theirs_gap_beside_our_new_link_is_a_conflict(tmp_path: Path) -> None:
    """Ours links 7.10 to P-5 while theirs calls it a Gap: the Gap is not taken (a gap has no links)."""
    copies, result = _merge(
        tmp_path, None, _link("7.10", "P-5"), lambda p: p.decide("7.10", status="gap")
    )
    assert [(c.key, c.theirs) for c in result.conflicts] == [
        (ElementKey("7.10", Field.STATUS), "gap")
    ]
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("7.10").status is Status.UNREVIEWED
        assert [lk.partner_ref for lk in merged.links("7.10")] == ["P-5"]


def test_theirs_verdict_comes_with_theirs_link(tmp_path: Path) -> None:
    """Theirs links and calls a criterion Aligned in one decision: both are taken together."""
    copies, result = _merge(
        tmp_path, None, lambda p: p.decide("7.10", note="n"), _aligned_with("P-1")
    )
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("1.1").status is Status.ALIGNED
        assert merged.links("1.1")[0].reviewer == "bob"
        assert merged.assessment("1.1").reviewer == "bob"
        assert merged.assessment("7.10").note == "n"
    assert (result.taken_ours, result.taken_theirs, result.conflicts) == (1, 2, ())


def test_both_histories_are_kept_with_their_reviewers(tmp_path: Path) -> None:
    """The merged history holds alice's rows as they were, bob's rows tagged as merged, and the merge."""
    copies, _ = _merge(
        tmp_path, None, lambda p: p.decide("7.10", note="A."), lambda p: p.decide("6.1", note="B.")
    )
    with Project.open(copies.out, read_only=True) as merged:
        rows = merged.history()
    notes = {(e.reviewer, e.reference_ref, e.origin) for e in rows if e.action == "note"}
    assert notes == {("alice", "7.10", ""), ("bob", "6.1", "merged from bob.ccproj")}
    assert rows[0].action == "merged"
    assert rows[0].reviewer == "dana"
    assert sum(e.action == "create" for e in rows) == 1


def test_the_merged_file_is_a_new_file_and_the_copies_are_not_touched(tmp_path: Path) -> None:
    """Merging writes only OUT; base, ours and theirs keep their bytes."""
    copies = make_copies(tmp_path, None, lambda p: p.decide("7.10", note="A."), lambda p: p.decide("6.1", note="B."))  # fmt: skip
    before = {p: p.read_bytes() for p in (copies.base, copies.ours, copies.theirs)}
    merge(copies.base, copies.ours, copies.theirs, copies.out)
    assert {p: p.read_bytes() for p in before} == before
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"base.ccproj", "alice.ccproj", "bob.ccproj", "merged.ccproj"}
