"""Confirming that a decision still holds after its texts changed: suspect clears, history says so, undo."""

from __future__ import annotations

import sqlite3

from criteria_compare.model import Relation
from criteria_compare.project import Project


def _change_texts(project: Project, refs: tuple[str, ...]) -> Project:
    """Close ``project``, mark the texts of ``refs`` as changed (as a new edition would), reopen."""
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    conn.executemany(
        "UPDATE criteria SET fingerprint = 'changed-' || ref WHERE ref = ?", [(r,) for r in refs]
    )
    conn.commit()
    conn.close()
    return Project.open(path)


def test_confirming_clears_suspect_and_is_recorded(new_project) -> None:
    """A decision whose linked partner text changed is suspect until confirmed; the confirmation
    keeps the verdict and links, is in the history, and can be undone."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", Relation.EQUAL)])
    project.decide("2.1", status="gap")
    with _change_texts(project, ("P-1", "2.1")) as project:
        assert project.assessment("1.1").suspect
        assert project.assessment("2.1").suspect
        before = project.snapshot("1.1")
        stamps = project.confirm_unchanged("1.1", reviewer="bob")
        assert stamps is not None
        assert not project.assessment("1.1").suspect
        assert project.assessment("2.1").suspect  # only the confirmed one
        assert project.snapshot("1.1") == before  # verdict and links untouched
        entry = project.history("1.1", limit=1)[0]
        assert (entry.action, entry.reviewer) == ("confirm_unchanged", "bob")
        assert entry.new_value == "decision still holds (linked P-1)"
        assert project.summary()["reference"]["suspect"] == 1
        project.restore_stamps(stamps)
        assert project.assessment("1.1").suspect
        assert project.history("1.1", limit=1)[0].action == "undo"
        assert project.confirm_unchanged("2.1") is not None
        assert not project.assessment("2.1").suspect


def test_confirming_a_current_decision_changes_nothing(new_project) -> None:
    """Nothing to confirm: no write, no history row."""
    project = new_project()
    project.decide("1.1", status="gap")
    n = len(project.history())
    assert project.confirm_unchanged("1.1") is None
    assert project.confirm_unchanged("7.10") is None  # no decision at all
    assert len(project.history()) == n


def test_the_confirmation_survives_reopening(new_project) -> None:
    """The new fingerprints are in the file: after reopening the decision is still not suspect."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", Relation.EQUAL)])
    project = _change_texts(project, ("1.1",))
    project.confirm_unchanged("1.1")
    path = project.path
    project.close()
    with Project.open(path) as reopened:
        assert not reopened.assessment("1.1").suspect


def test_a_note_edit_or_its_undo_leaves_the_decision_changed_since_last_review(
    new_project,
) -> None:
    """Editing the note of a suspect decision (or undoing that edit) keeps "Changed since last
    review"; only a new verdict or the confirmation clears it."""
    project = new_project()
    project.decide("2.1", status="gap")
    with _change_texts(project, ("2.1",)) as project:
        before = project.snapshot("2.1")
        project.decide("2.1", note="still looking")
        assert project.assessment("2.1").suspect
        project.restore(before)
        assert project.assessment("2.1").suspect
        project.decide("2.1", status="not_applicable", note="out of scope here")
        assert not project.assessment("2.1").suspect


def test_undoing_a_new_verdict_brings_back_changed_since_last_review(new_project) -> None:
    """A new verdict clears the flag; undoing it (restore of the earlier snapshot) brings the
    flag back, also when the verdict had cleared the assessment row away, and redo clears it."""
    project = new_project()
    project.decide("2.1", status="gap")
    project.decide("1.1", status="aligned", link=[("P-1", Relation.EQUAL)])
    with _change_texts(project, ("2.1", "1.1")) as project:
        before = project.snapshot("2.1")
        project.decide("2.1", status="not_applicable", note="out of scope here")
        assert not project.assessment("2.1").suspect
        after = project.snapshot("2.1")
        project.restore(before, action="undo")
        assert project.assessment("2.1").status.value == "gap"
        assert project.assessment("2.1").suspect
        project.restore(after, action="redo")
        assert not project.assessment("2.1").suspect
        # 1.1: the verdict set back to unreviewed with the link removed (no row is kept)
        linked = project.snapshot("1.1")
        project.decide("1.1", status="unreviewed", unlink=["P-1"])
        project.restore(linked, action="undo")
        assert project.assessment("1.1").status.value == "aligned"
        assert project.assessment("1.1").suspect


def test_a_new_verdict_on_a_decision_whose_linked_text_changed_clears_the_flag(
    new_project,
) -> None:
    """Only the partner text of a link changed: a new verdict is a review of the texts as they
    are, so the flag clears (links included); undoing the verdict brings it back."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", Relation.EQUAL)])
    with _change_texts(project, ("P-1",)) as project:
        assert project.assessment("1.1").suspect
        before = project.snapshot("1.1")
        project.decide("1.1", status="partial", note="their officer has fewer duties")
        assert not project.assessment("1.1").suspect
        project.restore(before, action="undo")
        assert project.assessment("1.1").suspect
        project.decide("1.1", note="checked again")  # a note alone is no new review
        assert project.assessment("1.1").suspect
