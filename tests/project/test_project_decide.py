"""The verdict rules and link changes of decide()/apply(), and undo through snapshot()/restore()."""

from __future__ import annotations

import pytest

from criteria_compare.errors import InvalidValue, UnknownRef, VerdictRuleError
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision


def test_aligned_with_link_in_the_same_decision(new_project) -> None:
    """`--status aligned --link X` works in one decision because links are applied first."""
    project = new_project()
    a = project.decide("1.1", status="aligned", link=[("P-1", "equal")])
    assert a.status is Status.ALIGNED
    assert [lk.partner_ref for lk in project.links("1.1")] == ["P-1"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"status": "aligned"}, "without a confirmed link"),
        ({"status": "partial", "note": "less strict"}, "without a confirmed link"),
        ({"status": "partial", "link": [("P-1", "equal")]}, "without a note"),
        ({"status": "partial", "link": [("P-1", "equal")], "note": "   "}, "without a note"),
        ({"status": "conflict"}, "without a note"),
        ({"status": "not_applicable"}, "without a note"),
        ({"status": "gap", "link": [("P-1", "equal")]}, "cannot be a Gap"),
    ],
)
def test_verdict_rules_refuse_and_change_nothing(new_project, kwargs, message) -> None:
    """A verdict that breaks the rules is refused with a sentence and leaves no trace."""
    project = new_project()
    before = project.snapshot("1.1")
    history = project.history()
    with pytest.raises(VerdictRuleError, match=message):
        project.decide("1.1", **kwargs)
    assert project.snapshot("1.1") == before
    assert project.history() == history


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"status": "maybe"}, InvalidValue),
        ({"link": [("P-1", "similar")]}, InvalidValue),
        ({"link": [("P-99", "equal")]}, UnknownRef),
        ({"reject": ["nope"]}, UnknownRef),
        ({"unlink": ["P-2"]}, InvalidValue),
        ({"link": [("P-1", "equal")], "unlink": ["P-1"]}, InvalidValue),
    ],
)
def test_bad_values_change_nothing(new_project, kwargs, error) -> None:
    """Unknown statuses, relations and refs are refused before anything is written."""
    project = new_project()
    before = project.snapshot("1.1")
    with pytest.raises(error):
        project.decide("1.1", **kwargs)
    assert project.snapshot("1.1") == before


def test_unknown_reference_ref(new_project) -> None:
    """A ref that is not in the reference program is named in the error; 7.1 is not 7.10."""
    project = new_project()
    with pytest.raises(UnknownRef, match=r"'7\.1'"):
        project.decide("7.1", status="gap")


def test_all_verdicts_that_follow_the_rules(new_project) -> None:
    """Each status is accepted when its rule is met."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", "equal")])
    project.decide(
        "2.1", status="partial", note="Partner has no yearly cycle.", link=[("P-2", "subset_of")]
    )
    project.decide("3.1", status="conflict", note="Partner forbids the checklist.")
    project.decide("6.1", status="not_applicable", note="Exporters only.")
    project.decide("7.10", status="gap")
    statuses = {ref: a.status.value for ref, a in project.assessments().items()}
    assert statuses == {
        "1.1": "aligned",
        "2.1": "partial",
        "3.1": "conflict",
        "6.1": "not_applicable",
        "7.10": "gap",
    }


def test_unlinking_the_last_link_of_an_aligned_criterion_is_refused(new_project) -> None:
    """Removing the only link of an aligned verdict is refused unless a new status comes with it."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", "equal")])
    with pytest.raises(VerdictRuleError, match="remove its last confirmed link"):
        project.unlink("1.1", "P-1")
    with pytest.raises(VerdictRuleError, match="remove its last confirmed link"):
        project.reject("1.1", "P-1")
    assert len(project.links("1.1")) == 1
    project.decide("1.1", status="gap", unlink=["P-1"])
    assert project.links("1.1") == ()
    assert project.assessment("1.1").status is Status.GAP


def test_reject_hides_suggestion_and_link_takes_it_back(new_project) -> None:
    """A rejected suggestion disappears from the list; linking it later removes the rejection."""
    project = new_project()
    assert [s.target_ref for s in project.suggestions("1.1")] == ["P-1", "P-3"]
    project.reject("1.1", "P-3")
    assert [s.target_ref for s in project.suggestions("1.1")] == ["P-1"]
    assert "1.1" not in [s.target_ref for s in project.partner_suggestions("P-3")]
    project.link("1.1", "P-3", Relation.INTERSECTS_WITH)
    assert project.rejected("1.1") == frozenset()
    assert [s.target_ref for s in project.suggestions("1.1")] == ["P-1", "P-3"]


def test_pinned_suggestions_come_first(new_project) -> None:
    """A pinned candidate is listed first, also when the aligner did not propose it."""
    project = new_project()
    project.pin("1.1", "P-3")
    project.pin("1.1", "P-6")
    listed = project.suggestions("1.1")
    assert [(s.target_ref, s.pinned) for s in listed] == [
        ("P-3", True),
        ("P-6", True),
        ("P-1", False),
    ]
    project.unpin("1.1", "P-6")
    assert [s.target_ref for s in project.suggestions("1.1")] == ["P-3", "P-1"]


def test_relation_change_is_recorded(new_project) -> None:
    """Changing a link's relation keeps the link and writes old and new values to history."""
    project = new_project()
    project.link("1.1", "P-1")
    project.set_relation("1.1", "P-1", "subset_of")
    assert project.links("1.1")[0].relation is Relation.SUBSET_OF
    entry = project.history("1.1", limit=1)[0]
    assert (entry.action, entry.old_value, entry.new_value) == ("relation", "equal", "subset_of")
    with pytest.raises(InvalidValue, match="not linked"):
        project.set_relation("1.1", "P-2", "equal")


def test_history_newest_first_with_old_and_new_values(new_project) -> None:
    """History lists who changed what, newest first, per criterion."""
    project = new_project()
    project.decide("7.10", status="gap", reviewer="carol")
    project.decide("7.10", status="conflict", note="Partner rule differs.", reviewer="dan")
    entries = project.history("7.10")
    assert [(e.action, e.old_value, e.new_value, e.reviewer) for e in entries] == [
        ("note", "", "Partner rule differs.", "dan"),
        ("status", "gap", "conflict", "dan"),
        ("status", "unreviewed", "gap", "carol"),
    ]
    assert all(e.reference_ref == "7.10" and not e.bulk for e in entries)
    assert project.history()[-1].action == "create"


def test_apply_is_all_or_nothing_and_marks_bulk(new_project) -> None:
    """apply() writes many decisions in one transaction; one bad decision cancels all."""
    project = new_project()
    good = [
        Decision("1.1", status="aligned", link=[("P-1", "equal")]),
        Decision("2.1", status="aligned", link=[("P-2", "equal")]),
    ]
    with pytest.raises(VerdictRuleError):
        project.apply([*good, Decision("3.1", status="aligned")])
    assert project.links() == ()
    result = project.apply(good)
    assert [a.status for a in result] == [Status.ALIGNED, Status.ALIGNED]
    assert all(e.bulk for e in project.history(limit=4))


def test_snapshot_restore_is_an_exact_undo(new_project) -> None:
    """restore() puts back the previous links, rejections, pins and verdict exactly, and logs it."""
    project = new_project()
    project.decide(
        "1.1", status="aligned", link=[("P-1", "equal")], reject=["P-3"], discussion=True
    )
    project.pin("1.1", "P-5")
    before = project.snapshot("1.1")
    project.decide(
        "1.1",
        status="partial",
        note="only half",
        link=[("P-3", "subset_of"), ("P-1", "intersects_with")],
    )
    project.unpin("1.1", "P-5")
    after = project.snapshot("1.1")
    assert after != before
    project.restore(before, action="undo")
    assert project.snapshot("1.1") == before
    assert project.history("1.1", limit=1)[0].action == "undo"
    project.restore(after, action="redo")
    assert project.snapshot("1.1") == after
    assert project.suggestions("1.1")[0].target_ref == "P-1"


def test_reviewer_names_are_checked(new_project) -> None:
    """An empty or control-character reviewer name is refused."""
    project = new_project()
    with pytest.raises(InvalidValue, match="empty"):
        project.decide("7.10", status="gap", reviewer="  ")
    with pytest.raises(InvalidValue, match="control"):
        project.decide("7.10", status="gap", reviewer="a\x07b")


def test_unknown_ref_messages_give_a_hint(new_project) -> None:
    """A partner ref given as the reference, or a near miss, is pointed out in the message."""
    project = new_project()
    with pytest.raises(UnknownRef, match="P-3 is a partner criterion"):
        project.decide("P-3", status="gap")
    with pytest.raises(UnknownRef, match=r"did you mean '7\.10'"):
        project.decide("7.100", status="gap")
    with pytest.raises(UnknownRef, match=r"7\.10 is a reference criterion"):
        project.decide("1.1", link=[("7.10", "equal")])
