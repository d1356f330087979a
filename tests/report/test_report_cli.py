"""`criteria-compare report`: writes both files, prints JSON on request, refuses bad targets."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pypdf
import pytest

from criteria_compare.cli import main
from tests.report.report_helpers import pdf_pages


def test_report_writes_pdf_and_workbook_with_json(
    sample_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The CLI writes the PDF and workbook and prints exactly one JSON object."""
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    status = main(
        [
            "report",
            str(sample_project),
            "-o",
            str(pdf),
            "--xlsx",
            str(xlsx),
            "--title",
            "Meridia review",
            "--marking",
            "RESTRICTED",
            "--page-size",
            "letter",
            "--prepared-by",
            "K. Tanaka",
            "--json",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    result = json.loads(out)
    assert result["status"] == "complete"
    assert result["counts"]["unreviewed"] == 0
    assert Path(result["pdf"]) == pdf.resolve()
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Summary"
    first = pypdf.PdfReader(str(pdf)).pages[0]
    assert round(float(first.mediabox.width)) == 612
    cover = pdf_pages(pdf)[0]
    assert "Meridia review" in cover
    assert "K. Tanaka" in cover
    assert "RESTRICTED" in cover


def test_report_refuses_to_overwrite_the_project(
    sample_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Naming the project file as the output is refused with exit status 2."""
    before = sample_project.read_bytes()
    status = main(["report", str(sample_project), "-o", str(sample_project)])
    assert status == 2
    assert "is the project file itself" in capsys.readouterr().err
    assert sample_project.read_bytes() == before


def test_report_bad_page_size_is_a_usage_error(sample_project: Path, tmp_path: Path) -> None:
    """An unknown page size exits 2 before anything is written."""
    with pytest.raises(SystemExit) as exc:
        main(["report", str(sample_project), "-o", str(tmp_path / "r.pdf"), "--page-size", "A5"])
    assert exc.value.code == 2
    assert not (tmp_path / "r.pdf").exists()


def test_report_missing_project_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project path that does not exist gives one line on stderr and exit 2."""
    status = main(["report", str(tmp_path / "nope.ccproj"), "-o", str(tmp_path / "r.pdf")])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
