"""Merge conflicts stored in the merged file are resolved (ours, theirs, an edited note), undone, merged again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from criteria_compare.errors import InvalidValue, VerdictRuleError
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.project.elements import ElementKey, Field
from criteria_compare.workflow import merge_resolve
from criteria_compare.workflow.merge import merge
from tests.workflow.merge_fixtures import make_copies


def _conflicting(tmp_path: Path):
    copies = make_copies(
        tmp_path,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),)),
        lambda p: (p.decide("7.10", note="Ours.", status="gap"), p.set_relation("6.1", "P-4", "subset_of")),
        lambda p: (
            p.decide("7.10", note="Theirs.", status="conflict"),
            p.unlink("6.1", "P-4"),
        ),
    )  # fmt: skip
    merge(copies.base, copies.ours, copies.theirs, copies.out)
    return copies


def _conflict(project: Project, key: ElementKey):
    return next(c for c in project.merge_conflicts() if c.key == key)


def test_taking_theirs_writes_their_value_and_clears_the_conflict(tmp_path: Path) -> None:
    """Choosing theirs for a note stores their note and the conflict is gone from the file."""
    copies = _conflicting(tmp_path)
    with Project.open(copies.out) as merged:
        note = _conflict(merged, ElementKey("7.10", Field.NOTE))
        merge_resolve.resolve(merged, note, "theirs", reviewer="dana")
        assert merged.assessment("7.10").note == "Theirs."
        assert note.key not in {c.key for c in merged.merge_conflicts()}
        assert merged.history("7.10")[0].action == "resolve"
    with Project.open(copies.out, read_only=True) as again:
        assert again.assessment("7.10").note == "Theirs."


def test_keeping_ours_only_clears_the_conflict(tmp_path: Path) -> None:
    """Choosing ours changes no decision; the conflict row goes and the history says so."""
    copies = _conflicting(tmp_path)
    with Project.open(copies.out) as merged:
        before = merged.snapshot("6.1")
        link = _conflict(merged, ElementKey("6.1", Field.LINK, "P-4"))
        merge_resolve.resolve(merged, link, merge_resolve.Choice.OURS)
        assert merged.snapshot("6.1") == before
        assert merged.merge_conflicts("6.1") == ()
        assert merged.history("6.1")[0].new_value == "kept as it was"


def test_an_edited_note_is_stored(tmp_path: Path) -> None:
    """Edit writes the reviewer's own note; only notes can be edited."""
    copies = _conflicting(tmp_path)
    with Project.open(copies.out) as merged:
        merge_resolve.resolve(merged, _conflict(merged, ElementKey("7.10", Field.NOTE)), "edit", "Both: see minutes.")  # fmt: skip
        assert merged.assessment("7.10").note == "Both: see minutes."
        with pytest.raises(InvalidValue, match="Only a note"):
            merge_resolve.resolve(merged, _conflict(merged, ElementKey("7.10", Field.STATUS)), "edit", "x")  # fmt: skip


def test_a_resolution_that_breaks_a_verdict_rule_is_refused(tmp_path: Path) -> None:
    """Taking theirs' unlink while ours' verdict needs the link is refused and nothing changes."""
    copies = make_copies(
        tmp_path,
        lambda p: p.decide("6.1", link=(("P-4", "equal"),)),
        lambda p: p.decide("6.1", status="aligned", link=(("P-4", "subset_of"),)),
        lambda p: p.unlink("6.1", "P-4"),
    )
    merge(copies.base, copies.ours, copies.theirs, copies.out)
    with Project.open(copies.out) as merged:
        link = _conflict(merged, ElementKey("6.1", Field.LINK, "P-4"))
        with pytest.raises(VerdictRuleError):
            merge_resolve.resolve(merged, link, "theirs")
        assert merged.assessment("6.1").status is Status.ALIGNED
        assert len(merged.merge_conflicts()) == 1


def test_undo_brings_back_the_value_and_the_conflict_and_redo_applies_it_again(
    tmp_path: Path,
) -> None:
    """A resolution is one undoable step: undo restores the criterion and the conflict row."""
    copies = _conflicting(tmp_path)
    with Project.open(copies.out) as merged:
        status = _conflict(merged, ElementKey("7.10", Field.STATUS))
        resolution = merge_resolve.resolve(merged, status, "theirs")
        assert merged.assessment("7.10").status is Status.CONFLICT
        merge_resolve.undo(merged, resolution)
        assert merged.assessment("7.10").status is Status.GAP
        assert status.key in {c.key for c in merged.merge_conflicts()}
        merge_resolve.redo(merged, resolution)
        assert merged.assessment("7.10").status is Status.CONFLICT
        assert status.key not in {c.key for c in merged.merge_conflicts()}


def test_the_merged_file_is_the_next_base(tmp_path: Path) -> None:
    """OUT handed out again: both reviewers change their copy of it and a second merge takes both."""
    copies = _conflicting(tmp_path)
    second = tmp_path / "round2"
    second.mkdir()
    base2, ours2, theirs2 = (second / n for n in ("base.ccproj", "alice.ccproj", "bob.ccproj"))
    for path in (base2, ours2, theirs2):
        shutil.copyfile(copies.out, path)
    with Project.open(ours2) as p:
        merge_resolve.resolve(p, _conflict(p, ElementKey("7.10", Field.NOTE)), "theirs")
    with Project.open(theirs2) as p:
        p.decide("1.1", discussion=True, reviewer="bob")
    result = merge(base2, ours2, theirs2, second / "merged.ccproj")
    assert result.conflicts == ()
    with Project.open(second / "merged.ccproj", read_only=True) as merged:
        assert merged.assessment("7.10").note == "Theirs."
        assert merged.assessment("1.1").discussion is True
        left = {c.key for c in merged.merge_conflicts()}
    assert ElementKey("7.10", Field.NOTE) not in left
    assert ElementKey("7.10", Field.STATUS) in left  # still unresolved from round one


def test_the_merged_file_is_the_next_ours(tmp_path: Path) -> None:
    """A third reviewer's copy of the first base merges into OUT (OUT as ours)."""
    copies = make_copies(tmp_path, None, lambda p: p.decide("7.10", note="A."), lambda p: p.decide("6.1", note="B."))  # fmt: skip
    merge(copies.base, copies.ours, copies.theirs, copies.out)
    third = tmp_path / "erin.ccproj"
    shutil.copyfile(copies.base, third)
    with Project.open(third) as p:
        p.decide("1.1", note="E.", reviewer="erin")
        p.decide("6.1", note="E2.", reviewer="erin")
    result = merge(copies.base, copies.out, third, tmp_path / "final.ccproj")
    assert [(c.ref, c.field.value, c.ours, c.theirs) for c in result.conflicts] == [("6.1", "note", "B.", "E2.")]  # fmt: skip
    with Project.open(tmp_path / "final.ccproj", read_only=True) as final:
        assert final.assessment("1.1").note == "E."
        assert final.assessment("7.10").note == "A."
        reviewers = {e.reviewer for e in final.history() if e.action == "note"}
    assert reviewers == {"alice", "bob", "erin"}


def test_theirs_resolution_of_an_earlier_conflict_is_merged(tmp_path: Path) -> None:
    """A conflict both copies inherited and theirs resolved is gone after merging theirs in."""
    copies = _conflicting(tmp_path)
    second = tmp_path / "round2"
    second.mkdir()
    base2, ours2, theirs2 = (second / n for n in ("base.ccproj", "alice.ccproj", "bob.ccproj"))
    for path in (base2, ours2, theirs2):
        shutil.copyfile(copies.out, path)
    with Project.open(theirs2) as p:
        merge_resolve.resolve(p, _conflict(p, ElementKey("7.10", Field.STATUS)), "theirs")
    merge(base2, ours2, theirs2, second / "merged.ccproj")
    with Project.open(second / "merged.ccproj", read_only=True) as merged:
        assert merged.assessment("7.10").status is Status.CONFLICT
        assert ElementKey("7.10", Field.STATUS) not in {c.key for c in merged.merge_conflicts()}
