"""The export dialog: options become the report, progress and Cancel, preview pages, Open folder."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from criteria_compare.gui.views.export_dialog import ExportDialog, ExportResult, render_preview
from criteria_compare.project import Project
from criteria_compare.report.synthetic import reviewed_sample_project

WAIT_MS = 60_000


@pytest.fixture(scope="module")
def reviewed_project_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples as a project with 5 criteria still unreviewed."""
    return reviewed_sample_project(
        tmp_path_factory.mktemp("export") / "meridia.ccproj", unreviewed=5
    )


@pytest.fixture
def project(reviewed_project_path: Path):
    with Project.open(reviewed_project_path, read_only=True) as p:
        yield p


@pytest.fixture
def dialog(qtbot, project) -> ExportDialog:
    d = ExportDialog(project)
    qtbot.addWidget(d)
    return d


def test_initial_state(dialog: ExportDialog, project) -> None:
    """Defaults: A4, prepared by the project's reviewer, a PDF path, DRAFT status, Export ready."""
    assert dialog.page_size_combo.currentData() == "A4"
    assert dialog.prepared_by_edit.text() == project.reviewer
    assert dialog.pdf_edit.text().endswith("meridia report.pdf")
    assert "DRAFT" in dialog.status_label.text()
    assert "5 of 106" in dialog.status_label.text()
    assert dialog.export_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()
    assert not dialog.open_folder_button.isEnabled()
    assert not dialog.xlsx_edit.isEnabled()
    assert dialog.preview_labels() == []


def test_export_writes_files_and_shows_preview(
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Export writes the PDF and workbook with the chosen options, previews pages, opens the folder."""
    dialog.title_edit.setText("Meridia review, round 2")
    dialog.marking_combo.setCurrentText("RESTRICTED")
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("letter"))
    dialog.pdf_edit.setText(str(tmp_path / "round2.pdf"))
    dialog.xlsx_check.setChecked(True)
    assert dialog.xlsx_edit.text() == str(tmp_path / "round2.xlsx")

    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        worker = dialog.start_export()
        assert worker is not None
        assert not dialog.export_button.isEnabled()
        assert dialog.cancel_button.isEnabled()
    result: ExportResult = blocker.args[0]
    assert result.pdf == (tmp_path / "round2.pdf").resolve()
    assert result.xlsx is not None
    assert result.xlsx.exists()
    reader = pypdf.PdfReader(str(result.pdf))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    cover = reader.pages[0].extract_text()
    assert "Meridia review, round 2" in cover
    assert "RESTRICTED" in cover
    assert result.page_count == len(reader.pages)
    assert len(dialog.preview_labels()) == min(len(reader.pages), 24)
    assert "round2.pdf" in dialog.message_label.text()
    assert dialog.export_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()

    opened: list[QUrl] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True)
    )
    assert dialog.open_folder_button.isEnabled()
    dialog.open_folder_button.click()
    assert [Path(u.toLocalFile()) for u in opened] == [result.pdf.parent]


def test_annex_and_guidance_options_reach_the_report(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    """The annex and guidance boxes become report options; the annex prints the settings."""
    assert dialog.guidance_check.isChecked()
    assert not dialog.annex_check.isChecked()
    assert dialog.language_combo.currentData() == "en"
    dialog.annex_check.setChecked(True)
    dialog.guidance_check.setChecked(False)
    options = dialog.options()
    assert options.annex
    assert not options.guidance
    dialog.pdf_edit.setText(str(tmp_path / "annex.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        dialog.start_export()
    result: ExportResult = blocker.args[0]
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(result.pdf)).pages)
    assert "Technical annex" in text
    assert "Partner's guidance" not in text


def test_cancel_leaves_the_old_file(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:
    """Cancel during the export says so and leaves the previous report untouched."""
    target = tmp_path / "old.pdf"
    target.write_bytes(b"previous report")
    dialog.pdf_edit.setText(str(target))
    worker = dialog.start_export()
    assert worker is not None
    worker.cancel()  # before the pool thread gets far: the first cancel check stops it
    with qtbot.waitSignal(worker.signals.cancelled, timeout=WAIT_MS):
        pass
    assert target.read_bytes() == b"previous report"
    assert "cancelled" in dialog.message_label.text()
    assert dialog.export_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.pdf"]


def test_missing_folder_is_shown_not_raised(dialog: ExportDialog, tmp_path: Path) -> None:
    """A PDF path in a folder that does not exist is one sentence in the dialog; no worker starts."""
    dialog.pdf_edit.setText(str(tmp_path / "nowhere" / "r.pdf"))
    assert dialog.start_export() is None
    assert "does not exist" in dialog.message_label.text()
    assert dialog.worker is None


def test_options_are_remembered(qtbot, project, tmp_path: Path) -> None:
    """Marking, page size and folder come back the next time the dialog opens."""
    first = ExportDialog(project)
    qtbot.addWidget(first)
    first.marking_combo.setCurrentText("CONFIDENTIAL")
    first.page_size_combo.setCurrentIndex(first.page_size_combo.findData("letter"))
    first.pdf_edit.setText(str(tmp_path / "a.pdf"))
    with qtbot.waitSignal(first.exported, timeout=WAIT_MS):
        first.start_export()
    second = ExportDialog(project)
    qtbot.addWidget(second)
    assert second.marking_combo.currentText() == "CONFIDENTIAL"
    assert second.page_size_combo.currentData() == "letter"
    assert Path(second.pdf_edit.text()).parent == tmp_path


def test_render_preview_counts_pages(tmp_path: Path) -> None:
    """render_preview returns the page count and page images no larger than the limit."""
    from criteria_compare.report import render_pdf
    from criteria_compare.report.synthetic import synthetic_report_data

    pdf = render_pdf(synthetic_report_data(20, 10), tmp_path / "p.pdf")
    count, pages = render_preview(pdf, limit=3)
    assert count == len(pypdf.PdfReader(str(pdf)).pages)
    assert len(pages) == 3
    assert all(not image.isNull() and image.width() > 300 for image in pages)


def test_closing_during_export_cancels_then_closes(qtbot, project, tmp_path: Path) -> None:
    """Close while exporting asks the worker to stop and closes once it has; no file is left."""
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pdf_edit.setText(str(tmp_path / "closing.pdf"))
    worker = dialog.start_export()
    assert worker is not None
    dialog.reject()
    assert worker.is_cancelled
    with qtbot.waitSignal(worker.signals.cancelled, timeout=WAIT_MS):
        pass
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert not (tmp_path / "closing.pdf").exists()


def test_language_choice_translates_the_title_and_the_report(
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    """Choosing Français turns the untouched default title French and writes a French report."""
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))
    assert dialog.title_edit.text().endswith(": rapport de compatibilité")
    assert dialog.options().language == "fr"
    dialog.pdf_edit.setText(str(tmp_path / "fr.pdf"))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT_MS) as blocker:
        dialog.start_export()
    result: ExportResult = blocker.args[0]
    reader = pypdf.PdfReader(str(result.pdf))
    assert "Principales conclusions" in reader.pages[1].extract_text()
    assert reader.metadata is not None
    assert reader.metadata.title == dialog.title_edit.text()
    dialog.title_edit.setText("Mon titre")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    assert dialog.title_edit.text() == "Mon titre"  # a title the user typed is kept


def test_prepared_by_names_the_reviewer_not_the_account_that_created(qtbot, tmp_path: Path) -> None:
    """A project created and aligned by an operating-system account and reviewed by A. Rivera:
    the dialog proposes A. Rivera, never the account."""
    path = reviewed_sample_project(tmp_path / "os.ccproj", unreviewed=53, creator="svc-build7")
    with Project.open(path, read_only=True) as project:
        assert project.reviewer == "svc-build7"
        d = ExportDialog(project)
        qtbot.addWidget(d)
        assert d.prepared_by_edit.text() == "A. Rivera"


def test_option_check_boxes_are_short_with_an_explanation_below(qtbot, dialog) -> None:
    """At 1024x640 each option's label fits whole, and a wrapped grey line below explains it
    (and is read out with the check box)."""
    dialog.resize(1024, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    pairs = (
        (dialog.guidance_check, dialog.guidance_hint),
        (dialog.annex_check, dialog.annex_hint),
        (dialog.xlsx_check, dialog.xlsx_hint),
    )
    for check, hint in pairs:
        assert check.sizeHint().width() <= check.width(), check.text()
        assert hint.isVisible()
        assert hint.wordWrap()
        assert hint.geometry().top() >= check.geometry().bottom()
        assert check.accessibleDescription() == hint.text()
    assert "audit trail" in dialog.annex_hint.text()


def test_title_marking_and_author_fields_stop_at_what_the_report_accepts(
    dialog: ExportDialog,
) -> None:
    """A pasted paragraph is cut at the longest title, marking and "Prepared by" line the
    report prints, so Export never refuses what the fields show."""
    from criteria_compare.report import MAX_LENGTHS, ReportOptions

    marking_edit = dialog.marking_combo.lineEdit()
    assert marking_edit is not None
    for edit in (dialog.title_edit, marking_edit, dialog.prepared_by_edit):
        edit.setText("Seal and access controls " * 40)
    options = dialog.options()
    assert isinstance(options, ReportOptions)
    assert len(options.title) <= MAX_LENGTHS["title"]
    assert len(options.marking) <= MAX_LENGTHS["marking"]
    assert len(options.prepared_by) <= MAX_LENGTHS["prepared_by"]
