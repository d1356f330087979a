"""The report's "Areas of consensus and points to be resolved", once the partner's positions are in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, collect, export_pdf
from criteria_compare.report.consensus import consensus_groups
from criteria_compare.report.pdf_consensus import CONSENSUS_TITLE
from criteria_compare.workflow.exchange import export_positions, import_positions
from tests.report.report_helpers import pdf_pages
from tests.workflow.exchange_helpers import fill

DISAGREE = "Our seal rule names ISO 17712 since the 2024 edition."
DISCUSS = "We would like to see the training records first."


@pytest.fixture
def answered(sample_project: Path, tmp_path: Path) -> Path:
    """A copy of the reviewed sample with the partner's answers on the first category."""
    path = tmp_path / "answered.ccproj"
    shutil.copyfile(sample_project, path)
    with Project.open(path) as project:
        criteria = project.reference.criteria
        first = criteria[0].section
        refs = [c.ref for c in criteria if c.section == first]
        out = export_positions(project, tmp_path / "positions.xlsx").path
        answers = dict.fromkeys(refs, ("Agree", ""))
        answers[refs[1]] = ("Disagree", DISAGREE)
        answers[refs[2]] = ("Needs discussion", DISCUSS)
        fill(out, answers)
        import_positions(project, out)
    return path


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_groups_put_disagreement_and_flags_among_open_points(answered: Path) -> None:
    """Per category: agreed criteria, open points (theirs or our flag), and those without an answer."""
    with Project.open(answered, read_only=True) as project:
        data = collect(project)
        refs = [c.ref for c in project.reference.criteria if c.section == data.rows[0].section]
        flagged = {ref for ref, a in project.assessments().items() if a.discussion}
    first = consensus_groups(data)[0]
    open_refs = {r.ref for r in first.open}
    assert {refs[1], refs[2]} <= open_refs
    assert open_refs - {refs[1], refs[2]} <= flagged
    assert {r.ref for r in first.agreed} == set(refs) - open_refs
    assert first.unanswered == ()
    assert "Partner administration" not in {r.reviewer for r in data.reviewers}
    later = consensus_groups(data)[1]
    assert all(r.position is None or not r.position.comment for r in later.unanswered)


def test_pdf_section_shows_both_assessments_and_both_comments(
    answered: Path, tmp_path: Path
) -> None:
    """The PDF lists each open point with our verdict and note beside their position and comment."""
    out = tmp_path / "report.pdf"
    with Project.open(answered, read_only=True) as project:
        export_pdf(project, out, ReportOptions())
        data = collect(project)
    pages = [_flat(p) for p in pdf_pages(out)]
    start = next(i for i, t in enumerate(pages) if CONSENSUS_TITLE in t and i > 2)
    section = " ".join(pages[start : start + 3])
    assert "exchange round 1" in section
    assert DISAGREE in section
    assert DISCUSS in section
    assert "Disagree" in section
    assert "Needs discussion" in section
    first = data.rows[0].section
    assert f"{first}:" in section
    assert "Agreed (" in section


def test_no_section_without_positions(sample_project: Path, tmp_path: Path) -> None:
    """A report of a comparison with no positions imported has no such section."""
    out = tmp_path / "report.pdf"
    with Project.open(sample_project, read_only=True) as project:
        export_pdf(project, out, ReportOptions())
    assert not any(CONSENSUS_TITLE in p for p in pdf_pages(out))


def test_workbook_gets_a_consensus_sheet(answered: Path, tmp_path: Path) -> None:
    """The report workbook adds one row per criterion with both sides' words and the outcome."""
    from openpyxl import load_workbook

    from criteria_compare.report import export_workbook
    from criteria_compare.report.workbook import CONSENSUS_SHEET

    out = tmp_path / "report.xlsx"
    with Project.open(answered, read_only=True) as project:
        export_workbook(project, out, ReportOptions())
    ws = load_workbook(out)[CONSENSUS_SHEET]
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    disagreed = next(r for r in rows.values() if r[6] == "Disagree")
    assert disagreed[7] == DISAGREE
    assert disagreed[9] == "To be resolved"
    assert any(r[9] == "Agreed" for r in rows.values())
    assert any(r[9] == "No answer yet" for r in rows.values())
