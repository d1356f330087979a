"""New-comparison wizard: driven end to end on the bundled samples, column roles, cancel."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWizard

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views import import_wizard
from criteria_compare.gui.views.import_wizard import IGNORE, NewComparisonWizard, column_letter
from criteria_compare.gui.workers import project_pool
from criteria_compare.importing import read_criteria
from criteria_compare.project import Project
from criteria_compare.workflow.create import ComparisonRequest, SourceChoice, create_comparison
from tests.gui.review_fixtures import open_in


def _wait_checked(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)


def _fill(qtbot, wizard: NewComparisonWizard, partner: Path, target: Path) -> None:
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    _wait_checked(qtbot, wizard.reference_page)
    assert wizard.reference_page.isComplete()
    wizard.next()
    wizard.partner_page.set_path(partner)
    _wait_checked(qtbot, wizard.partner_page)
    assert wizard.partner_page.isComplete()
    wizard.partner_page.name_edit.setText("Meridia AEO-S")
    wizard.partner_page.version_edit.setText("2024 draft")
    wizard.next()
    wizard.save_page.path_edit.setText(str(target))
    assert wizard.save_page.isComplete()


def test_column_letters() -> None:
    """Column indexes are shown as spreadsheet letters."""
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_wizard_end_to_end_lands_on_the_review_screen(
    qtbot, window: MainWindow, partner_xlsx: Path, tmp_path: Path
) -> None:
    """Both samples through the wizard: the project is created, aligned and shown for review."""
    wizard = window.file_menu.new_comparison()
    qtbot.waitUntil(wizard.isVisible)
    ref_page = wizard.reference_page
    assert ref_page.path_edit.text() == ""  # never the bundled sample by mistake
    assert ref_page.version_edit.text() == ""
    ref_page.sample_button.click()
    _wait_checked(qtbot, ref_page)
    assert ref_page.version_edit.text() == ""  # the sample's file gives no version
    assert Path(ref_page.path_edit.text()).name == "ctpat_msc_importer.xlsx"
    n_reference = len(read_criteria(ref_page.path()).criteria)
    assert f"{n_reference} criteria" in ref_page.status_label.text()
    assert ref_page.sheet_combo.currentText() == "MSC Importers"
    roles = [c.currentData() for c in ref_page.role_combos]
    assert {"ref", "text", "section", "level", "guidance"} <= set(roles) | {"section"}
    assert ref_page.name_edit.text() == "CTPAT MSC (Importers)"

    target = tmp_path / "review" / "meridia.ccproj"
    target.parent.mkdir()
    _fill(qtbot, wizard, partner_xlsx, target)
    assert "Meridia AEO-S (2024 draft)" in wizard.save_page.partner_summary.text()
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        wizard.accept()
    assert target.is_file()
    assert window.stack.currentWidget() is window.review
    assert window.windowTitle().startswith("CTPAT MSC (Importers) ⇄ Meridia AEO-S")
    project = window.project
    assert len(project.reference.criteria) == n_reference
    assert project.partner.version == "2024 draft"
    assert project.suggestions(project.reference.criteria[0].ref)


def test_changing_column_roles(qtbot, partner_xlsx: Path) -> None:
    """Ignoring a column drops it, a missing text column or a duplicate role is explained."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    page.set_path(partner_xlsx)
    _wait_checked(qtbot, page)
    assert any(c.guidance for c in page.check.result.criteria)

    def combo(role):
        return next(c for c in page.role_combos if c.currentData() == role)

    guidance = combo("guidance")
    guidance.setCurrentIndex(guidance.findData(IGNORE))
    qtbot.waitUntil(lambda: page.check is None, timeout=5000)
    _wait_checked(qtbot, page)
    assert page.isComplete()
    assert not any(c.guidance for c in page.check.result.criteria)
    assert "guidance" not in [c.currentData() for c in page.role_combos]

    text = combo("text")
    text.setCurrentIndex(text.findData(IGNORE))
    qtbot.waitUntil(lambda: "No column is chosen as Criterion text" in page.status_label.text())
    assert not page.isComplete()

    text.setCurrentIndex(text.findData("ref"))
    qtbot.waitUntil(lambda: "more than one column" in page.status_label.text())
    assert not page.isComplete()

    text.setCurrentIndex(text.findData("text"))
    qtbot.waitUntil(page.isComplete, timeout=20000)
    assert page.choice().columns["text"] == page.check.result.column_letters["text"]


def test_a_file_that_cannot_be_imported_is_explained(qtbot, tmp_path: Path) -> None:
    """An old .xls or random bytes give the importer's sentence on the page, not a dialog."""
    bad = tmp_path / "criteria.xlsx"
    bad.write_bytes(b"\x00\x01 not a workbook at all" * 20)
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    page.set_path(bad)
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)
    assert not page.isComplete()
    assert "criteria.xlsx" in page.status_label.text()
    assert "Traceback" not in page.status_label.text()


def test_cancel_during_creation_writes_nothing(
    qtbot, partner_xlsx: Path, tmp_path: Path, monkeypatch
) -> None:
    """Cancel while the comparison is being created stops it and leaves no project file."""
    gate = threading.Event()
    real = create_comparison

    def slow(request, progress, cancel):
        def waiting_progress(done, total, message):
            progress(done, total, message)
            gate.wait(10)

        return real(request, waiting_progress, cancel)

    monkeypatch.setattr(import_wizard, "create_comparison", slow)
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    target = tmp_path / "cancelled.ccproj"
    _fill(qtbot, wizard, partner_xlsx, target)
    wizard.accept()
    assert wizard.running
    assert wizard.save_page.progress_bar.isVisible()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(wizard.worker.signals.cancelled, timeout=20000):
        wizard.reject()
        gate.set()
    assert not target.exists()
    assert list(tmp_path.glob("*.ccproj")) == []
    assert wizard.isVisible()
    assert "no project file was written" in wizard.save_page.progress_label.text()


def test_creation_refuses_a_missing_folder(qtbot, partner_xlsx: Path, tmp_path: Path) -> None:
    """A target in a folder that does not exist is explained on the page."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(qtbot, wizard, partner_xlsx, tmp_path / "nowhere" / "x.ccproj")
    wizard.accept()
    assert not wizard.running
    assert "does not exist" in wizard.save_page.progress_label.text()


def test_created_project_matches_the_request(
    tmp_path: Path, reference_xlsx: Path, partner_xlsx: Path
) -> None:
    """The creation job (no Qt) writes names and versions and aligns every reference criterion."""
    request = ComparisonRequest(
        reference=SourceChoice(reference_xlsx, "CTPAT", "2019"),
        partner=SourceChoice(partner_xlsx, "Meridia", "v2"),
        target=tmp_path / "x.ccproj",
        reviewer="Tester",
    )
    seen: list[int] = []
    create_comparison(request, lambda d, t, m: seen.append(d), lambda: False)
    with Project.open(tmp_path / "x.ccproj") as project:
        assert (project.reference.name, project.partner.version) == ("CTPAT", "v2")
        assert project.reviewer == "Tester"
    assert seen == sorted(seen)
    assert seen[-1] == 100


def test_dropping_a_spreadsheet_on_a_page_reads_it(qtbot, partner_xlsx: Path) -> None:
    """A spreadsheet dropped onto the partner page is chosen and read."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    page = wizard.partner_page
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(partner_xlsx))])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(drop)
    _wait_checked(qtbot, page)
    assert page.path() == partner_xlsx
    assert f"{len(read_criteria(partner_xlsx).criteria)} criteria" in page.status_label.text()


def test_an_existing_project_is_never_replaced_silently(
    qtbot, partner_xlsx: Path, tmp_path: Path
) -> None:
    """The suggested name avoids existing files; typing an existing name needs Replace ticked."""
    existing = tmp_path / "CTPAT MSC (Importers) vs Meridia AEO.ccproj"
    existing.write_bytes(b"decisions worth keeping")
    Settings().set_last_folder("project", tmp_path)
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    _wait_checked(qtbot, wizard.reference_page)
    wizard.next()
    wizard.partner_page.set_path(partner_xlsx)
    _wait_checked(qtbot, wizard.partner_page)
    wizard.next()
    assert wizard.save_page.target().name == "CTPAT MSC (Importers) vs Meridia AEO (2).ccproj"
    wizard.save_page.path_edit.setText(str(existing))
    assert wizard.save_page.replace_check.isVisibleTo(wizard)
    assert not wizard.save_page.isComplete()
    wizard.accept()
    assert not wizard.running
    assert existing.read_bytes() == b"decisions worth keeping"
    wizard.save_page.replace_check.setChecked(True)
    assert wizard.save_page.isComplete()


def test_the_project_open_in_the_window_cannot_be_replaced(
    qtbot, window: MainWindow, sample_project: Path, partner_xlsx: Path
) -> None:
    """A new comparison may not be saved over the project the window has open, even with Replace."""
    open_in(qtbot, window, sample_project)
    wizard = window.file_menu.new_comparison()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    _wait_checked(qtbot, wizard.reference_page)
    wizard.next()
    wizard.partner_page.set_path(partner_xlsx)
    _wait_checked(qtbot, wizard.partner_page)
    wizard.next()
    wizard.save_page.path_edit.setText(str(sample_project))
    wizard.save_page.replace_check.setChecked(True)
    assert not wizard.save_page.isComplete()
    wizard.reject()


def test_closing_the_window_cancels_a_running_creation(
    qtbot, partner_xlsx: Path, tmp_path: Path, monkeypatch
) -> None:
    """Quitting while a comparison is being created stops it and leaves no file behind."""
    gate = threading.Event()
    real = create_comparison

    def slow(request, progress, cancel):
        def waiting_progress(done, total, message):
            progress(done, total, message)
            gate.wait(0.2)

        return real(request, waiting_progress, cancel)

    monkeypatch.setattr(import_wizard, "create_comparison", slow)
    window = MainWindow(ask_reviewer=False)
    qtbot.addWidget(window)
    window.show()
    wizard = window.file_menu.new_comparison()
    target = tmp_path / "quit.ccproj"
    _fill(qtbot, wizard, partner_xlsx, target)
    wizard.accept()
    assert wizard.running
    window.close()
    project_pool().waitForDone(60000)  # whatever the job did, it has finished now
    assert not target.exists()
    assert list(tmp_path.glob("*.ccproj")) == []


def test_the_project_is_proposed_next_to_the_source_files(
    qtbot, reference_xlsx: Path, partner_xlsx: Path, tmp_path: Path
) -> None:
    """The reviewer's own workbooks in a folder: the project file is proposed in that folder."""
    import shutil

    sources = tmp_path / "sources"
    sources.mkdir()
    reference = sources / "our criteria.xlsx"
    shutil.copyfile(reference_xlsx, reference)
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.reference_page.path() is None
    wizard.reference_page.path_edit.setText(str(reference))
    wizard.reference_page.path_edit.editingFinished.emit()
    _wait_checked(qtbot, wizard.reference_page)
    wizard.next()
    wizard.partner_page.set_path(partner_xlsx)
    _wait_checked(qtbot, wizard.partner_page)
    wizard.next()
    target = wizard.save_page.target()
    assert target is not None
    assert target.parent == sources


def test_alt_n_is_next_on_the_program_pages(qtbot) -> None:
    """Alt+N moves on (the name field's own letter no longer takes it), as the button says."""
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    wizard.reference_page.sample_button.click()
    _wait_checked(qtbot, wizard.reference_page)
    first = wizard.currentId()
    qtbot.keyClick(wizard.reference_page.name_edit, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentId() != first, timeout=2000)
    assert wizard.currentPage() is wizard.partner_page
