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
    assert "is a folder" in message and "file name" in message
    assert "close it" not in message
    assert folder.is_dir() and not any(folder.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]
