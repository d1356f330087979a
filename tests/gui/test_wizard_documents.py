"""The wizard on a Word and a PDF document: preview with first and last rows, roles, override."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.gui.views.import_wizard import IGNORE, NewComparisonWizard
from criteria_compare.importing import read_criteria

SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"


def _wait_checked(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.check is not None, timeout=60000)


def _column(table, col: int) -> list[str]:
    return [
        table.item(r, col).text() if table.item(r, col) is not None else ""
        for r in range(1, table.rowCount())
    ]


def _labels(table) -> list[str]:
    return [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]


def test_word_document_in_the_wizard(qtbot) -> None:
    """The Word sample: every criterion found, the preview ends with the document's last
    rows, and rows are named by table and row as in the warnings."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    path = SAMPLES / "partner_aeo_meridia.docx"
    page.set_path(path)
    _wait_checked(qtbot, page)
    assert page.isComplete()
    assert f"{len(read_criteria(path).criteria)} criteria" in page.status_label.text()
    refs = _column(page.preview_table, 0)
    assert refs[-1] == "11.1.6"
    assert "…" in refs
    labels = _labels(page.preview_table)
    assert "table 1, row 1" in labels
    assert labels[-1].startswith("table 22, row ")
    assert [c.currentData() for c in page.role_combos][:2] == ["ref", "text"]


def test_pdf_document_and_the_column_override(qtbot) -> None:
    """The PDF booklet: criteria read, the last rows shown, and a role set to ignore in the
    preview re-reads the PDF without that column."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    path = SAMPLES / "ctpat_msc_importer.pdf"
    page.set_path(path)
    _wait_checked(qtbot, page)
    assert page.isComplete()
    assert any(c.guidance for c in page.check.result.criteria)
    assert _column(page.preview_table, 0)[-1] == "12.11"
    assert _labels(page.preview_table)[-1].startswith("page 10, table ")
    guidance = next(c for c in page.role_combos if c.currentData() == "guidance")
    guidance.setCurrentIndex(guidance.findData(IGNORE))
    qtbot.waitUntil(lambda: page.check is None, timeout=5000)
    _wait_checked(qtbot, page)
    assert page.isComplete()
    assert not any(c.guidance for c in page.check.result.criteria)
