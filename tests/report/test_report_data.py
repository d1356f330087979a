"""Counting and escaping rules shared by the PDF and the workbook."""

from __future__ import annotations

from dataclasses import replace

import pytest

from criteria_compare.errors import InvalidValue
from criteria_compare.model import Criterion, Level, Relation, Status
from criteria_compare.report import ReportOptions
from criteria_compare.report.data import LinkedCriterion, ReferenceRow
from criteria_compare.report.escape import escaped_markup, is_formula_like
from criteria_compare.report.fonts import FontChooser, cjk_language, has_cjk
from criteria_compare.report.synthetic import synthetic_report_data


def test_escaped_markup_escapes_tags_and_ampersands() -> None:
    """Markup characters become entities; newlines become line breaks."""
    assert escaped_markup('a < b & <img src="x">\nnext') == (
        "a &lt; b &amp; &lt;img src=&quot;x&quot;&gt;<br/>next"
    )


def test_formula_prefixes() -> None:
    """Only strings starting with = + - @ tab or CR count as formula-like."""
    assert all(is_formula_like(s) for s in ("=1", "+1", "-1", "@a", "\t1", "\r1"))
    assert not any(is_formula_like(s) for s in ("1=1", "a", "", " =1"))
    assert not is_formula_like(5)


def test_cjk_runs_get_the_cjk_font_and_stay_escaped() -> None:
    """Japanese runs are wrapped in the shipped CJK font; markup around them stays literal."""
    marked = FontChooser().escaped_markup("S-1 <b> 施設の管理 & more")
    assert '<font face="DroidSansFallback">施設の管理 </font>' in marked
    assert "&lt;b&gt;" in marked
    assert "&amp; more" in marked
    assert FontChooser().escaped_markup("plain") == "plain"


def test_cjk_language_guess() -> None:
    """Kana means Japanese, hangul Korean, Han alone Chinese, none None."""
    assert cjk_language(["施設の管理"]) == "ja"
    assert cjk_language(["보안 관리"]) == "ko"
    assert cjk_language(["安全管理"]) == "zh"
    assert cjk_language(["Sécurité"]) is None
    assert has_cjk("x 보")
    assert not has_cjk("Безопасность")


def test_register_lists_must_before_should() -> None:
    """The gap register holds gap, conflict and partial rows, every Must before any Should."""
    data = synthetic_report_data(110, 60)
    rows = data.register_rows()
    assert rows
    assert {r.status for r in rows} <= {Status.GAP, Status.CONFLICT, Status.PARTIAL}
    levels = [r.level for r in rows]
    assert levels == sorted(levels, key=lambda lv: {"Must": 0, "Should": 1}.get(lv, 2))
    expected = sum(
        1 for r in data.rows if r.status in (Status.GAP, Status.CONFLICT, Status.PARTIAL)
    )
    assert len(rows) == expected


def test_counts_and_draft_line() -> None:
    """Counts add up to the criteria and the draft line names how many are unreviewed."""
    data = synthetic_report_data(50, 20, reviewed=0.8)
    counts = data.counts
    assert counts.total == 50
    assert sum(counts.percent(s) for s in counts.by_status) == pytest.approx(100)
    assert (
        data.status_line
        == f"DRAFT — {counts.count(Status.UNREVIEWED)} of 50 criteria not yet reviewed"
    )
    by_section = data.counts_by_section()
    assert sum(c.total for c in by_section.values()) == 50


def test_stricter_side_follows_the_relation() -> None:
    """subset_of makes the partner stricter, superset_of the reference, mixed defers to the note."""
    crit = Criterion("1.1", "x", "S", level=Level.MUST)
    partner = Criterion("P-1", "y")
    row = ReferenceRow(crit, Status.PARTIAL, links=(LinkedCriterion(partner, Relation.SUBSET_OF),))
    assert row.stricter_side == "Partner"
    row = replace(row, links=(LinkedCriterion(partner, Relation.SUPERSET_OF),))
    assert row.stricter_side == "Reference"
    row = replace(row, links=(LinkedCriterion(partner, Relation.INTERSECTS_WITH),))
    assert row.stricter_side == "See note"


def test_options_check_the_page_size() -> None:
    """Page size is case-insensitive; anything else is one clear sentence."""
    assert ReportOptions(page_size="LETTER").page_size == "letter"
    with pytest.raises(InvalidValue, match="choose one of A4, letter"):
        ReportOptions(page_size="A5")
