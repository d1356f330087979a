"""Qt models of the review screen: plain unit tests and pytest-qt's model tester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from criteria_compare.gui.models.criteria_table import (
    COL_LINKS,
    COL_MARKS,
    COL_REF,
    COL_SCORE,
    COL_STATUS,
    ENTRY_ROLE,
    KIND_ROLE,
    REF_ROLE,
    CriteriaTableModel,
    SectionEntry,
)
from criteria_compare.gui.models.partner_table import COL_USED_BY, PartnerTableModel
from criteria_compare.gui.models.sort_proxy import QueueFilter, QueueProxyModel, split_terms
from criteria_compare.gui.models.suggestions import (
    CandidateState,
    candidate_rows,
)
from criteria_compare.gui.views.bulk_confirm import BulkConfirmModel
from criteria_compare.model import Link, Relation, Status
from criteria_compare.project import Project
from criteria_compare.workflow.bulk import clear_winners
from tests.gui.review_fixtures import PARTNER, make_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    p = make_project(tmp_path / "models.ccproj")
    yield p
    p.close()


def _queue(project: Project) -> CriteriaTableModel:
    model = CriteriaTableModel()
    model.set_project(project)
    return model


def test_queue_groups_by_section_in_program_order(project: Project) -> None:
    """Section rows come before their criteria, criteria keep program order."""
    model = _queue(project)
    shown = [
        model.index(r, COL_REF).data()
        if model.index(r, 0).data(KIND_ROLE) == "criterion"
        else f"[{model.entry(r).title}]"
        for r in range(model.rowCount())
    ]
    assert shown == [
        "[Security Vision]", "1.1", "1.2",
        "[Business Partners]", "3.1", "3.4",
        "[Seal Security]", "6.1", "6.2",
        "[Procedural Security]", "7.10",
    ]  # fmt: skip
    assert model.refs() == ["1.1", "1.2", "3.1", "3.4", "6.1", "6.2", "7.10"]


def test_queue_row_shows_status_word_score_links_and_markers(project: Project) -> None:
    """A decided row shows a glyph plus the status word, best score, link count, note and flag."""
    project.decide(
        "3.1", link=(("M-3", Relation.EQUAL),), status=Status.ALIGNED, note="ok", discussion=True
    )
    model = _queue(project)
    row = model.row_of("3.1")
    assert model.index(row, COL_STATUS).data() == "✔ Aligned"
    assert model.index(row, COL_SCORE).data() == "0.86"
    assert model.index(row, COL_LINKS).data() == "1"
    assert model.index(row, COL_MARKS).data() == "✎ ⚑"
    assert model.index(row, COL_REF).data(REF_ROLE) == "3.1"
    assert "flagged for discussion" in model.index(row, COL_MARKS).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    head = model.row_of("3.1") - 1
    assert isinstance(model.entry(head), SectionEntry)
    assert model.index(head, COL_REF).data() == "Business Partners   1/2"
    assert not model.flags(model.index(head, 0)) & Qt.ItemFlag.ItemIsSelectable


def test_queue_refresh_emits_datachanged_for_the_row_and_its_section(project: Project) -> None:
    """Refreshing one criterion repaints only its row and its section heading."""
    model = _queue(project)
    changed: list[int] = []
    model.dataChanged.connect(lambda a, _b, _r=(): changed.append(a.row()))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    project.decide("6.2", status=Status.GAP)
    model.refresh(["6.2"])
    assert changed == [model.row_of("6.2"), model.row_of("6.2") - 2]
    assert resets == []
    assert model.counts().by_status[Status.GAP] == 1
    model.refresh(["6.2"])  # nothing changed: no signal
    assert len(changed) == 2


def test_queue_next_unreviewed_wraps_and_skips_reviewed(project: Project) -> None:
    """Next unreviewed follows program order, wraps around, and None when everything is done."""
    project.decide("1.2", status=Status.GAP)
    model = _queue(project)
    assert model.next_unreviewed("1.1") == "3.1"
    assert model.next_unreviewed("7.10") == "1.1"
    assert model.next_unreviewed("3.1", backwards=True) == "1.1"
    for ref in model.refs():
        project.decide(ref, status=Status.GAP)
    model.refresh(model.refs())
    assert model.next_unreviewed("1.1") is None


def test_proxy_terms_in_any_order_and_section_rows_follow(project: Project) -> None:
    """All words must match in any order; a section row shows only with a matching criterion."""
    model = _queue(project)
    proxy = QueueProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter(QueueFilter(text="SEAL container every"))
    rows = [proxy.index(r, 0).data(ENTRY_ROLE) for r in range(proxy.rowCount())]
    assert [getattr(e, "title", None) or e.ref for e in rows] == ["Seal Security", "6.1"]
    assert split_terms("x" * 500) == ("x" * 200,)


def test_proxy_does_not_drop_a_row_the_reviewer_just_decided(project: Project) -> None:
    """With an Unreviewed filter, deciding a row keeps it until the filter is applied again."""
    model = _queue(project)
    proxy = QueueProxyModel()
    proxy.setSourceModel(model)
    proxy.set_filter(QueueFilter(status=Status.UNREVIEWED))
    before = proxy.rowCount()
    project.decide("1.1", status=Status.GAP)
    model.refresh(["1.1"])
    assert proxy.rowCount() == before
    proxy.refilter()
    assert proxy.rowCount() == before - 1


def test_candidates_links_first_numbers_stable_rejected_apart(project: Project) -> None:
    """A manual link comes first; confirming keeps numbers; rejected pairs are listed apart."""
    partners = project.partner.by_ref()
    rows, rejected = candidate_rows(project, "1.1", partners)
    assert [r.partner_ref for r in rows] == ["M-1", "M-2", "M-3", "M-5", "M-8"]
    project.decide("1.1", link=(("M-2", Relation.SUBSET_OF),), reject=("M-3",))
    rows, rejected = candidate_rows(project, "1.1", partners)
    assert [(r.number, r.partner_ref, r.state) for r in rows][:2] == [
        (1, "M-1", CandidateState.SUGGESTED),
        (2, "M-2", CandidateState.CONFIRMED),
    ]
    assert rows[1].state_text == "confirmed · subset"
    assert [r.partner_ref for r in rejected] == ["M-3"]
    project.decide("1.1", link=(("M-7", Relation.EQUAL),))
    rows, _ = candidate_rows(project, "1.1", partners)
    assert (rows[0].partner_ref, rows[0].state) == ("M-7", CandidateState.MANUAL)


def test_partner_model_order_filters_and_used_by() -> None:
    """Related sections first, "not linked" hides used criteria, search hits replace the order."""
    model = PartnerTableModel()
    model.set_criteria(PARTNER.criteria, [Link("1.1", "M-4"), Link("6.2", "M-4")])
    assert model.visible_refs()[:3] == ["M-1", "M-2", "M-3"]
    model.set_context(["Seals", "Trading partners"])
    assert model.visible_refs()[:3] == ["M-4", "M-5", "M-3"]
    assert model.index(0, COL_USED_BY).data() == "2 · 1.1, 6.2"
    model.set_unlinked_only(True)
    assert "M-4" not in model.visible_refs()
    model.set_hits(["M-7", "M-4", "M-6"])
    assert model.visible_refs() == ["M-7", "M-6"]
    model.set_unlinked_only(False)
    model.set_hits(None)
    model.update_used_by({"M-4": []})
    assert model.used_by("M-4") == ()


def test_partner_used_by_shows_zero_not_a_blank_cell() -> None:
    """An unlinked partner criterion says "0" (and "not linked" to screen readers); links update it."""
    model = PartnerTableModel()
    model.set_criteria(PARTNER.criteria, [Link("1.1", "M-4")])
    cells = {model.entry(r).ref: model.index(r, COL_USED_BY) for r in range(model.rowCount())}
    assert cells["M-1"].data() == "0"
    assert cells["M-1"].data(Qt.ItemDataRole.AccessibleTextRole) == "not linked"
    assert cells["M-4"].data() == "1 · 1.1"
    model.update_used_by({"M-1": ["2.1"], "M-4": []})
    assert model.index(model.row_of("M-1"), COL_USED_BY).data() == "1 · 2.1"
    assert model.index(model.row_of("M-4"), COL_USED_BY).data() == "0"
    model.set_unlinked_only(True)
    assert "M-4" in model.visible_refs()
    assert "M-1" not in model.visible_refs()
    assert all(model.index(r, COL_USED_BY).data() == "0" for r in range(model.rowCount()))


def test_bulk_model_ticks_and_decisions(project: Project) -> None:
    """Clear winners are High with a clear margin; unticked rows are not applied."""
    winners = clear_winners(project)
    assert [(w.reference.ref, w.partner.ref) for w in winners] == [
        ("3.1", "M-3"),
        ("6.1", "M-5"),
        ("6.2", "M-4"),
    ]
    model = BulkConfirmModel(winners)
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert [w.reference.ref for w in model.chosen()] == ["6.1", "6.2"]
    project.decide("6.1", status=Status.GAP)
    assert [w.reference.ref for w in clear_winners(project)] == ["3.1", "6.2"]


def test_every_model_passes_the_model_tester(qtmodeltester: ModelTester, project: Project) -> None:
    """Queue, proxy, partner and bulk models are consistent Qt models."""
    queue = _queue(project)
    qtmodeltester.check(queue)
    proxy = QueueProxyModel()
    proxy.setSourceModel(queue)
    proxy.set_filter(QueueFilter(text="seal"))
    qtmodeltester.check(proxy)
    proxy.set_sort_by_score(True)
    qtmodeltester.check(proxy)
    partners = PartnerTableModel()
    partners.set_criteria(project.partner.criteria, project.links())
    partners.set_context(["Seals"])
    qtmodeltester.check(partners)
    qtmodeltester.check(BulkConfirmModel(clear_winners(project)))


def test_table_headers_name_each_column_and_explain_it_on_hover() -> None:
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    queue, partners = CriteriaTableModel(), PartnerTableModel()
    assert [queue.headerData(c, horizontal, display) for c in range(6)] == [
        "Ref",
        "Status",
        "Best",
        "Links",
        "Marks",
        "Theirs",
    ]
    assert queue.headerData(1, horizontal, tip) == "Verdict"
    assert partners.headerData(COL_USED_BY, horizontal, display) == "Used by"
    assert partners.headerData(COL_USED_BY, horizontal, tip).startswith("Reference criteria")
    assert partners.headerData(0, horizontal, tip) is None
    assert queue.headerData(6, horizontal, display) is None
    assert queue.headerData(0, vertical, display) is None
