"""Where a report is written: a folder given as the output file gets one clear sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.report import ReportWriteError, render_pdf, render_workbook
from criteria_compare.report.synthetic import synthetic_report_data


@pytest.mark.parametrize("render", [render_pdf, render_workbook])
def test_a_folder_as_output_is_refused_with_advice(tmp_path: Path, render) -> None:
    """Naming a folder instead of a file says it is a folder and asks for a file name; the
    folder is untouched and no temporary file is left in it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    with pytest.raises(ReportWriteError) as exc:
        render(synthetic_report_data(5, 5), folder)
    message = str(exc.value)
    assert "is a folder" in message
    assert "file name" in message
    assert "close it" not in message
    assert folder.is_dir()
    assert not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


def _full_disk(*args: object, **kwargs: object) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("render", [render_pdf, render_workbook])
def test_a_full_disk_is_one_sentence_and_keeps_the_old_report(
    tmp_path: Path, render, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the disk fills up while the file is saved the user gets a ReportWriteError that
    says so (not an internal error), the previous report stays, and no temporary file is left."""
    from openpyxl import Workbook
    from reportlab.pdfbase.pdfdoc import PDFDocument

    monkeypatch.setattr(Workbook, "save", _full_disk)
    monkeypatch.setattr(PDFDocument, "SaveToFile", _full_disk)
    target = tmp_path / "report.out"
    target.write_bytes(b"last week's report")
    with pytest.raises(ReportWriteError) as exc:
        render(synthetic_report_data(30, 20), target)
    assert "disk is full" in str(exc.value)
    assert "report.out" in str(exc.value)
    assert target.read_bytes() == b"last week's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.out"]
