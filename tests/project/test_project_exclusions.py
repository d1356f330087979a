"""Excluding a criterion that is not a requirement (a footer row) and restoring it, in the store."""

from __future__ import annotations

import pytest

from criteria_compare.errors import InvalidValue, UnknownRef
from criteria_compare.model import Side


def test_excluded_partner_criterion_leaves_program_counts_and_suggestions(new_project) -> None:
    """An excluded partner row is gone from the program, the partner-only count and every
    suggestion list, stays listable with who/why, and is in the history."""
    project = new_project()
    assert any(s.target_ref == "P-3" for s in project.suggestions("1.1"))
    before = project.summary()["partner"]
    project.exclude("partner", "P-3", reason="footer row", reviewer="bob")
    assert "P-3" not in {c.ref for c in project.partner.criteria}
    after = project.summary()["partner"]
    assert after["total"] == before["total"] - 1
    assert after["partner_only"] == before["partner_only"] - 1
    assert after["excluded"] == 1
    assert all(s.target_ref != "P-3" for s in project.suggestions("1.1"))
    assert all(s.target_ref != "P-3" for s in project.suggestions("3.1"))
    [ex] = project.excluded()
    assert (ex.side, ex.criterion.ref, ex.reason, ex.reviewer) == (
        Side.PARTNER,
        "P-3",
        "footer row",
        "bob",
    )
    assert ex.criterion.text.startswith("Trading partners")
    entry = project.history(limit=1)[0]
    assert (entry.action, entry.partner_ref, entry.new_value) == ("exclude", "P-3", "footer row")
    with pytest.raises(UnknownRef):
        project.link("1.1", "P-3")


def test_restored_criterion_comes_back_with_its_rejections(new_project) -> None:
    """Restoring brings the criterion back into the program; a rejection naming it was kept."""
    project = new_project()
    project.reject("1.1", "P-3")
    project.exclude(Side.PARTNER, "P-3")
    assert project.rejected() == frozenset()
    project.restore_criterion("partner", "P-3", reviewer="carol")
    assert "P-3" in {c.ref for c in project.partner.criteria}
    assert project.rejected() == {("1.1", "P-3")}
    assert project.excluded() == ()
    assert [e.action for e in project.history(limit=2)] == ["unexclude", "exclude"]


def test_excluded_reference_criterion_leaves_counts_and_assessments(new_project) -> None:
    """An excluded reference row is out of the total, the verdict list and the links."""
    project = new_project()
    project.exclude("reference", "7.10", reason="note row")
    summary = project.summary()["reference"]
    assert summary["total"] == 4
    assert "7.10" not in project.assessments()
    assert [e.action for e in project.history("7.10")] == ["exclude"]


def test_criterion_with_decisions_is_not_excluded(new_project) -> None:
    """A criterion that carries a link or a verdict is refused with one sentence; nothing changes."""
    project = new_project()
    project.decide("1.1", link=[("P-1", "equal")], status="aligned")
    with pytest.raises(
        InvalidValue, match=r"Partner criterion P-1 carries reviewer decisions \(1 confirmed link\)"
    ):
        project.exclude("partner", "P-1")
    with pytest.raises(InvalidValue, match=r"1 confirmed link, the verdict aligned"):
        project.exclude("reference", "1.1")
    project.decide("7.10", status="gap")
    with pytest.raises(InvalidValue, match="the verdict gap"):
        project.exclude("reference", "7.10")
    assert project.excluded() == ()


def test_bad_exclusions_are_refused(new_project) -> None:
    """Unknown refs, excluding twice and restoring what is not excluded are one sentence each."""
    project = new_project()
    with pytest.raises(UnknownRef, match="no partner criterion 'P-9'"):
        project.exclude("partner", "P-9")
    project.exclude("partner", "P-6")
    with pytest.raises(InvalidValue, match="already excluded"):
        project.exclude("partner", "P-6")
    with pytest.raises(InvalidValue, match="not excluded"):
        project.restore_criterion("partner", "P-5")


def test_last_criterion_cannot_be_excluded(new_project) -> None:
    """A side keeps at least one criterion."""
    project = new_project()
    for ref in ("1.1", "2.1", "3.1", "6.1"):
        project.exclude("reference", ref)
    with pytest.raises(InvalidValue, match="last one of its program"):
        project.exclude("reference", "7.10")
