"""Exports are atomic: a failure or a cancel mid-way leaves the previous file untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.errors import Cancelled
from criteria_compare.report import ReportOptions, ReportWriteError, render_pdf, render_workbook
from criteria_compare.report.synthetic import synthetic_report_data

OLD = b"the report from last week"


class Boom(RuntimeError):
    pass


def _fail_after(calls: int):
    seen = {"n": 0}

    def progress(done: int, total: int, message: str) -> None:
        seen["n"] += 1
        if seen["n"] > calls:
            raise Boom("disk pulled out")

    return progress


@pytest.mark.parametrize("writer", [render_pdf, render_workbook])
def test_failure_mid_export_keeps_the_old_file(tmp_path: Path, writer) -> None:
    """An exception during the export leaves the earlier report byte for byte, and no temp file."""
    target = tmp_path / ("report.pdf" if writer is render_pdf else "report.xlsx")
    target.write_bytes(OLD)
    with pytest.raises(Boom):
        writer(synthetic_report_data(60, 40), target, progress=_fail_after(3))
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


@pytest.mark.parametrize("writer", [render_pdf, render_workbook])
def test_cancel_mid_export_keeps_the_old_file(tmp_path: Path, writer) -> None:
    """Cancelling part-way raises Cancelled and leaves nothing new behind."""
    target = tmp_path / ("report.pdf" if writer is render_pdf else "report.xlsx")
    target.write_bytes(OLD)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        writer(synthetic_report_data(120, 40), target, cancel=cancel)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_successful_export_replaces_the_old_file(tmp_path: Path) -> None:
    """A finished export replaces the previous file with a complete PDF."""
    target = tmp_path / "report.pdf"
    target.write_bytes(OLD)
    render_pdf(synthetic_report_data(12, 6), target, ReportOptions())
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_missing_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    """Writing into a folder that does not exist names the folder and what to do."""
    with pytest.raises(ReportWriteError, match="does not exist; choose an existing folder"):
        render_pdf(synthetic_report_data(12, 6), tmp_path / "nowhere" / "r.pdf")
