"""The report's method section gives one plain sentence per pair of reviewers, only when there are two or more."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.project import Project
from criteria_compare.report import export_pdf
from tests.project.conftest import make_partner, make_reference
from tests.report.report_helpers import pdf_pages


def _method_text(pdf: Path) -> str:
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    return text[text.rindex("Method and provenance") :]


def test_two_reviewers_get_an_agreement_sentence(tmp_path: Path) -> None:
    """alice and bruno agree on one of two criteria: the method section says so with kappa."""
    path = tmp_path / "review.ccproj"
    with Project.create(path, make_reference(), make_partner(), reviewer="alice") as project:
        project.decide("1.1", status="gap", reviewer="alice")
        project.decide("2.1", status="gap", reviewer="alice")
        project.decide("2.1", status="conflict", note="Forbidden.", reviewer="bruno")
        project.decide("1.1", status="conflict", note="Also.", reviewer="carol")
        project.decide("1.1", status="gap", reviewer="bruno")
        export_pdf(project, tmp_path / "report.pdf")
    text = _method_text(tmp_path / "report.pdf")
    assert "Agreement between reviewers" in text
    assert (
        "alice and bruno both assessed 2 criteria and gave the same verdict on 1 (50.0 %; "
        "Cohen's kappa 0.00)." in text
    )
    assert "alice and carol both assessed 1 criterion" in text


def test_one_reviewer_gets_no_agreement_sentence(tmp_path: Path) -> None:
    """With a single reviewer the method section says nothing about agreement."""
    path = tmp_path / "review.ccproj"
    with Project.create(path, make_reference(), make_partner(), reviewer="alice") as project:
        project.decide("1.1", status="gap", reviewer="alice")
        export_pdf(project, tmp_path / "report.pdf")
    assert "Agreement between reviewers" not in _method_text(tmp_path / "report.pdf")
