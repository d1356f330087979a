"""The report's provenance lists what the importer reported about each source file."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from criteria_compare.importing import read_criteria
from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, export_pdf, export_workbook
from criteria_compare.resources import sample_path
from tests.importing.grc_workbooks import write_grc_workbook
from tests.report.report_helpers import pdf_pages


def _project(tmp_path: Path) -> Path:
    partner = read_criteria(write_grc_workbook(tmp_path / "fr.xlsx", "fr", translations=["en"]))
    path = tmp_path / "w.ccproj"
    Project.create(
        path, read_criteria(sample_path("ctpat_msc_importer.xlsx")), partner, partner_name="Port"
    ).close()
    return path


def test_pdf_provenance_lists_the_import_warnings(tmp_path: Path) -> None:
    """The technical annex has an Import warnings table naming the program, the place and the
    warning; without the annex the method page only counts them."""
    pdf, plain = tmp_path / "r.pdf", tmp_path / "plain.pdf"
    with Project.open(_project(tmp_path)) as project:
        export_pdf(project, pdf, ReportOptions(annex=True))
        export_pdf(project, plain)
    main_text = " ".join(" ".join(pdf_pages(plain)).split())
    assert "reported 1 warning on the source files" in main_text
    assert "the text was taken in English" not in main_text
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    assert "Import warnings" in text
    assert "reported 1 warning" in text
    assert "fr.xlsx, sheet 'framework_content'" in text
    assert "the text was taken in English" in text


def test_pdf_says_when_there_were_no_import_warnings(sample_project: Path, tmp_path: Path) -> None:
    """The bundled samples import cleanly, and the report says so."""
    pdf = tmp_path / "r.pdf"
    with Project.open(sample_project) as project:
        export_pdf(project, pdf)
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    assert "The importer reported nothing unusual in either source file." in text


def test_workbook_has_an_import_warnings_sheet(tmp_path: Path) -> None:
    """The workbook export lists every import warning with its program and place."""
    out = tmp_path / "r.xlsx"
    with Project.open(_project(tmp_path)) as project:
        export_workbook(project, out)
    ws = openpyxl.load_workbook(out)["Import warnings"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("Program", "Where", "Warning")
    assert rows[1][0] == "Port"
    assert rows[1][1] == "fr.xlsx, sheet 'framework_content'"
    assert str(rows[1][2]).startswith("this sheet holds the criteria in several languages")
