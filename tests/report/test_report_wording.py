"""Counts in the PDF's sentences read as English: "1 item is flagged", not "1 items are"."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from criteria_compare.report import ReportOptions, render_pdf
from criteria_compare.report.synthetic import synthetic_report_data
from tests.report.report_helpers import pdf_pages


def test_one_discussion_point_is_written_in_the_singular(tmp_path: Path) -> None:
    """With exactly one flagged criterion the summary and the agenda say "1 item is flagged"."""
    base = synthetic_report_data(12, 6)
    rows = [replace(row, discussion=(i == 0)) for i, row in enumerate(base.rows)]
    data = replace(base, rows=tuple(rows))
    assert len(data.discussion_rows()) == 1
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(render_pdf(data, tmp_path / "one.pdf"))))
    assert "1 items" not in text
    assert "1 item is flagged for discussion" in text
    assert "1 item is flagged for the negotiation agenda" in text


def test_one_partner_only_and_one_register_row_in_the_singular(tmp_path: Path) -> None:
    """One partner-only criterion and one register row read "1 partner criterion has" and
    "1 criterion is assessed"."""
    from criteria_compare.model import Status

    base = synthetic_report_data(12, 30)
    assert base.partner_only
    rows = [
        replace(row, status=Status.GAP if i == 0 else Status.ALIGNED, discussion=False)
        for i, row in enumerate(base.rows)
    ]
    data = replace(base, rows=tuple(rows), partner_only=base.partner_only[:1])
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(render_pdf(data, tmp_path / "one.pdf"))))
    assert "1 partner criterion has no counterpart" in text
    assert "1 criterion is assessed gap, conflict or partial" in text


def test_times_in_the_pdf_say_they_are_utc(tmp_path: Path) -> None:
    """Delegations read the report in different time zones: the history and reviewer tables
    and the alignment time say that their times are UTC."""
    data = synthetic_report_data(12, 6)
    assert data.history
    assert data.reviewers
    options = ReportOptions(annex=True)
    pdf = render_pdf(data, tmp_path / "utc.pdf", options)
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(pdf)))
    assert "When (UTC)" in text
    assert "First activity (UTC)" in text
    assert "Last activity (UTC)" in text
    if data.aligned_at:
        assert re.search(r"last computed on \S+ \d\d:\d\d UTC", text)


def test_method_page_says_when_the_weights_were_refitted(tmp_path: Path) -> None:
    """A comparison aligned with re-fitted weights (here with section affinity) says so on the
    method page; one with the shipped setting does not."""
    from criteria_compare.align import AlignerSettings

    base = synthetic_report_data(12, 6)
    shipped = replace(base, settings=AlignerSettings().to_dict())
    refitted = replace(
        base, settings=AlignerSettings(weight_tfidf=0.5, weight_affinity=1.0).to_dict()
    )
    plain = re.sub(r"\s+", " ", " ".join(pdf_pages(render_pdf(shipped, tmp_path / "a.pdf"))))
    text = re.sub(r"\s+", " ", " ".join(pdf_pages(render_pdf(refitted, tmp_path / "b.pdf"))))
    assert "ranking was tuned" not in plain
    assert "the ranking was tuned on links its reviewers had already confirmed" in text
    assert "favours partner sections already linked from the same reference section" in text
