"""project.carry: how decisions move to a new edition for each change kind (pure, no file)."""

from __future__ import annotations

from criteria_compare.model import Side
from criteria_compare.project.carry import (
    CHANGED_MARK,
    AssessmentRow,
    DecisionRows,
    LinkRow,
    PairRow,
    carry,
    suspect_refs,
)


def _link(ref: str, pref: str, relation: str = "equal") -> LinkRow:
    return LinkRow(ref, pref, relation, "suggested", 0.8, "ann", "t1", f"fp-{ref}", f"fp-{pref}")


def _verdict(
    ref: str, status: str = "aligned", note: str = "", discussion: bool = False
) -> AssessmentRow:
    return AssessmentRow(ref, status, note, discussion, "ann", "t1", f"fp-{ref}")


ROWS = DecisionRows(
    links=(_link("1", "A"), _link("2", "B", "subset_of"), _link("3", "A")),
    assessments=(
        _verdict("1", "aligned", discussion=True),
        _verdict("2", "partial", "Partner checks only once."),
        _verdict("3", "aligned"),
        _verdict("4", "gap"),
    ),
    rejections=(PairRow("1", "C", "ann", "t1"),),
    pins=(PairRow("2", "B", "ann", "t1"),),
)


def test_renumbered_reference_keeps_everything_on_the_new_ref() -> None:
    """A renumbered criterion's link, verdict, discussion flag and rejection move as they are."""
    out = carry(
        ROWS,
        Side.REFERENCE,
        {
            "1": [("1.1", "renumbered")],
            "2": [("2", "unchanged")],
            "3": [("3", "unchanged")],
            "4": [("4", "unchanged")],
        },
    )
    a = {x.reference_ref: x for x in out.rows.assessments}
    assert a["1.1"].status == "aligned"
    assert a["1.1"].discussion
    assert a["1.1"].fingerprint == "fp-1"
    assert ("1.1", "A") in {(lk.reference_ref, lk.partner_ref) for lk in out.rows.links}
    assert {(p.reference_ref, p.partner_ref) for p in out.rows.rejections} == {("1.1", "C")}
    assert [(c.old, c.new, c.change) for c in out.carried] == [("1", "1.1", "renumbered")]
    assert out.counts == {"links": 3, "assessments": 4, "rejections": 1}


def test_split_fans_out_and_marks_each_copy() -> None:
    """One old criterion split in two: both new ones get the link, the verdict and the pin, marked."""
    out = carry(
        ROWS,
        Side.REFERENCE,
        {
            "1": [("1", "unchanged")],
            "2": [("2a", "split"), ("2b", "split")],
            "3": [("3", "unchanged")],
            "4": [("4", "unchanged")],
        },
    )
    a = {x.reference_ref: x for x in out.rows.assessments}
    for new in ("2a", "2b"):
        assert a[new].status == "partial"
        assert a[new].note == "Partner checks only once."
        assert a[new].fingerprint.startswith(CHANGED_MARK)
    assert {(p.reference_ref, p.partner_ref) for p in out.rows.pins} == {("2a", "B"), ("2b", "B")}
    fps = {"1": "fp-1", "2a": "fp-2a", "2b": "fp-2b", "3": "fp-3", "4": "fp-4"}
    assert suspect_refs(out.rows, fps, {"A": "fp-A", "B": "fp-B"}) == {"2a", "2b"}


def test_merge_of_differing_verdicts_goes_back_to_unreviewed_and_says_so() -> None:
    """Merging an aligned and a partial criterion: links united, verdict unreviewed, note names both."""
    out = carry(
        ROWS,
        Side.REFERENCE,
        {
            "1": [("12", "merged")],
            "2": [("12", "merged")],
            "3": [("3", "unchanged")],
            "4": [("4", "unchanged")],
        },
    )
    a = {x.reference_ref: x for x in out.rows.assessments}
    assert a["12"].status == "unreviewed"
    assert a["12"].note.startswith("Merged from 1 Aligned, 2 Partial.")
    assert "[2] Partner checks only once." in a["12"].note
    assert a["12"].discussion is True
    assert {lk.partner_ref for lk in out.rows.links if lk.reference_ref == "12"} == {"A", "B"}


def test_merge_of_equal_verdicts_keeps_the_verdict() -> None:
    """Two aligned criteria merged into one stay aligned (and suspect)."""
    out = carry(
        ROWS,
        Side.REFERENCE,
        {
            "1": [("13", "merged")],
            "3": [("13", "merged")],
            "2": [("2", "unchanged")],
            "4": [("4", "unchanged")],
        },
    )
    a = {x.reference_ref: x for x in out.rows.assessments}
    assert a["13"].status == "aligned"
    assert a["13"].fingerprint.startswith(CHANGED_MARK)
    assert [lk.partner_ref for lk in out.rows.links if lk.reference_ref == "13"] == ["A"]


def test_merge_that_breaks_a_verdict_rule_resets_it() -> None:
    """A gap merged with an unreviewed linked criterion cannot stay a gap with a link."""
    rows = DecisionRows(links=(_link("5", "A"),), assessments=(_verdict("4", "gap"),))
    out = carry(rows, Side.REFERENCE, {"4": [("45", "merged")], "5": [("45", "merged")]})
    [a] = out.rows.assessments
    assert a.status == "unreviewed"
    assert a.note.startswith("Merged from 4 Gap.")


def test_a_reference_reset_is_listed_as_the_partner_side_lists_one() -> None:
    """Two gaps merged where one old criterion carried a link: a gap cannot keep a link, so
    the verdict goes back to unreviewed and is listed as a "reset" (the history then records
    it as a dropped decision, on either side, never as a reviewer's verdict)."""
    rows = DecisionRows(
        links=(_link("5", "A"),), assessments=(_verdict("4", "gap"), _verdict("5", "gap"))
    )
    out = carry(rows, Side.REFERENCE, {"4": [("45", "merged")], "5": [("45", "merged")]})
    [a] = out.rows.assessments
    assert a.status == "unreviewed"
    assert [(d.reference_ref, d.partner_ref, d.what, d.description) for d in out.dropped] == [
        ("45", None, "reset", "Gap set back to Unreviewed")
    ]


def test_removed_reference_criterion_decisions_are_dropped_and_listed() -> None:
    """A removed criterion's link, verdict and rejection are listed in ``dropped``, not kept."""
    out = carry(
        ROWS,
        Side.REFERENCE,
        {"2": [("2", "unchanged")], "3": [("3", "unchanged")], "4": [("4", "unchanged")]},
    )
    assert {(d.reference_ref, d.what) for d in out.dropped} == {
        ("1", "link"),
        ("1", "verdict"),
        ("1", "rejection"),
    }
    assert "1" not in {a.reference_ref for a in out.rows.assessments}


def test_partner_side_reworded_split_and_removed() -> None:
    """Partner A split in two: links fan out; partner B removed: 2 loses its only link, so its
    partial verdict goes back to unreviewed and the loss is listed."""
    out = carry(
        ROWS, Side.PARTNER, {"A": [("A1", "split"), ("A2", "split")], "C": [("C", "reworded")]}
    )
    pairs = {(lk.reference_ref, lk.partner_ref) for lk in out.rows.links}
    assert pairs == {("1", "A1"), ("1", "A2"), ("3", "A1"), ("3", "A2")}
    a = {x.reference_ref: x for x in out.rows.assessments}
    assert a["2"].status == "unreviewed"
    assert a["2"].note == "Partner checks only once."
    assert {(d.reference_ref, d.partner_ref, d.what) for d in out.dropped} == {
        ("2", "B", "link"),
        ("2", "B", "pin"),
        ("2", None, "reset"),
    }
    assert {(p.reference_ref, p.partner_ref) for p in out.rows.rejections} == {("1", "C")}
    fps = {"1": "fp-1", "2": "fp-2", "3": "fp-3", "4": "fp-4"}
    assert suspect_refs(out.rows, fps, {"A1": "x", "A2": "y", "C": "fp-C"}) == {"1", "2", "3"}


def test_partner_merge_keeps_one_link_and_a_link_beats_a_rejection() -> None:
    """A and C merged: 1 was linked to A and had rejected C; it keeps one link and no rejection."""
    out = carry(
        ROWS,
        Side.PARTNER,
        {"A": [("AC", "merged")], "C": [("AC", "merged")], "B": [("B", "unchanged")]},
    )
    assert [
        (lk.reference_ref, lk.partner_ref) for lk in out.rows.links if lk.partner_ref == "AC"
    ] == [
        ("1", "AC"),
        ("3", "AC"),
    ]
    assert out.rows.rejections == ()


def test_what_moved_lists_each_decided_criterion_once_on_either_side() -> None:
    """The history's "carried" entries: a renumbered criterion with no decision moved nothing and
    is not listed; one that only has a rejection is, on the reference side and on the partner
    side alike (the reference side used to list every renumbered criterion, the partner side
    only those with a link)."""
    rows = DecisionRows(
        links=(_link("2", "D"),),
        rejections=(PairRow("1", "C", "ann", "t1"), PairRow("2", "C", "ann", "t1")),
    )

    def moved(side: Side, targets: dict[str, list[tuple[str, str]]]) -> list[tuple[object, ...]]:
        out = carry(rows, side, targets)
        return [(c.reference_ref, c.partner_ref, c.old, c.new, c.change) for c in out.carried]

    assert moved(
        Side.REFERENCE,
        {"1": [("1.1", "renumbered")], "2": [("2", "unchanged")], "5": [("6", "renumbered")]},
    ) == [("1.1", None, "1", "1.1", "renumbered")]
    assert moved(
        Side.PARTNER,
        {"C": [("C2", "renumbered")], "D": [("D", "unchanged")], "E": [("F", "renumbered")]},
    ) == [("1", "C2", "C", "C2", "renumbered"), ("2", "C2", "C", "C2", "renumbered")]
