"""File → Export report…: options, export in a worker with progress and Cancel, page preview, Open folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.gui.file_dialogs import with_extension
from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.style import MARGIN, SPACING, mute, muted_color
from criteria_compare.gui.views.reflow import wrapping
from criteria_compare.gui.workers import Worker
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.project import Project
from criteria_compare.report import (
    LANGUAGE_NAMES,
    LANGUAGES,
    MAX_LENGTHS,
    ReportData,
    ReportOptions,
    collect,
    default_author,
    default_page_size,
    default_title,
    render_pdf,
    render_workbook,
)

__all__ = ["MARKINGS", "PREVIEW_PAGES", "ExportDialog", "ExportResult", "render_preview"]

#: Handling markings offered in the list (the field also takes any other text).
MARKINGS = ("", "FOR OFFICIAL USE ONLY", "RESTRICTED", "CONFIDENTIAL", "SENSITIVE BUT UNCLASSIFIED")
#: Pages rendered for the in-app preview; the rest are one click away in the PDF viewer.
PREVIEW_PAGES = 24
_PREVIEW_SCALE = 0.8  # 72 dpi × 0.8: a readable portrait page about 480 px wide
_PREVIEW_MAX_WIDTH = 540  # landscape pages are scaled down to this width (pixels)
_SETTINGS_GROUP = "export"


@dataclass(frozen=True)
class ExportResult:
    """What a finished export wrote and the preview images of its first pages."""

    pdf: Path
    xlsx: Path | None
    page_count: int
    pages: tuple[QImage, ...]
    warnings: tuple[str, ...] = ()


def render_preview(
    pdf: Path, limit: int = PREVIEW_PAGES, cancel: CancelCheck | None = None
) -> tuple[int, tuple[QImage, ...]]:
    """The page count of ``pdf`` and images of its first ``limit`` pages (safe off the GUI thread)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        count = len(document)
        images = []
        for index in range(min(count, limit)):
            check_cancel(cancel)
            page = document[index]
            try:
                width_pt = page.get_width()
                scale = min(_PREVIEW_SCALE, _PREVIEW_MAX_WIDTH / max(1.0, width_pt))
                bitmap = page.render(scale=scale, rev_byteorder=True)
                array = bitmap.to_numpy()
                height, width = array.shape[:2]
                image = QImage(
                    array.data, width, height, array.strides[0], QImage.Format.Format_RGB888
                ).copy()
                images.append(image)
            finally:
                page.close()
        return count, tuple(images)
    finally:
        document.close()


def _export_job(
    data: ReportData, options: ReportOptions, pdf: Path, xlsx: Path | None
) -> Callable[[ProgressCallback, CancelCheck], ExportResult]:
    """The worker's job: PDF, then workbook, then preview images; progress over the three."""

    def job(progress: ProgressCallback, cancel: CancelCheck) -> ExportResult:
        def part(start: int, span: int) -> ProgressCallback:
            def report(done: int, total: int, message: str) -> None:
                progress(start + span * done // max(1, total), 1000, message)

            return report

        warnings: list[str] = []
        written_pdf = render_pdf(
            data, pdf, options, progress=part(0, 800), cancel=cancel, warnings=warnings
        )
        written_xlsx = None
        if xlsx is not None:
            written_xlsx = render_workbook(
                data, xlsx, options, progress=part(800, 150), cancel=cancel
            )
        progress(950, 1000, "Rendering the preview")
        try:
            count, pages = render_preview(written_pdf)
        except Exception:  # the files are written; a preview failure must not hide that  # noqa: BLE001
            count, pages = 0, ()
        progress(1000, 1000, "Done")
        return ExportResult(written_pdf, written_xlsx, count, pages, tuple(warnings))

    return job


class ExportDialog(QDialog):
    """Export the open project's compatibility report as PDF (and optionally a workbook)."""

    exported = Signal(object)  # ExportResult, after a successful export

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.worker: Worker | None = None
        self.export_result: ExportResult | None = None
        self._close_when_done = False
        self._xlsx_follows_pdf = True
        self._settings = QSettings()
        self.setWindowTitle("Export report")
        self.setAccessibleName("Export report")
        fit_to_screen(self, 1040, 720)

        # -- widgets ---------------------------------------------------------------------
        self._data: ReportData | None = None
        try:
            self._data = collect(project)
        except CriteriaCompareError:  # start_export reports it in a sentence
            self._data = None
        self.title_edit = QLineEdit(self._default_title("en"))
        self.marking_combo = QComboBox()
        self.marking_combo.setEditable(True)
        self.marking_combo.addItems(MARKINGS)
        marking_edit = self.marking_combo.lineEdit()
        assert marking_edit is not None  # the combo was made editable above
        marking_edit.setPlaceholderText("none")
        marking_edit.setMaxLength(MAX_LENGTHS["marking"])
        self.title_edit.setMaxLength(MAX_LENGTHS["title"])
        self.page_size_combo = QComboBox()
        self.page_size_combo.addItem("A4", "A4")
        self.page_size_combo.addItem("US Letter", "letter")
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.guidance_check = QCheckBox("Partner's &guidance")
        self.guidance_check.setChecked(True)
        self.guidance_hint = self._hint(
            self.guidance_check,
            "The partner's own explanatory notes, in small type under its criteria.",
        )
        self.annex_check = QCheckBox("Technical &annex")
        self.annex_hint = self._hint(
            self.annex_check,
            "The aligner's settings, the import warnings and the audit trail, on pages at the "
            "end; for the record rather than the negotiation table.",
        )
        # The reviewers who decided (never an account that only created or aligned the project).
        author = default_author(self._data, project.reviewer) if self._data else ""
        self.prepared_by_edit = QLineEdit(author)
        self.prepared_by_edit.setMaxLength(MAX_LENGTHS["prepared_by"])
        self.pdf_edit = QLineEdit()
        self.pdf_browse = QPushButton("Browse…")
        self.xlsx_check = QCheckBox("Also write a workbook (.xlsx)")
        self.xlsx_hint = self._hint(
            self.xlsx_check, "The same content as filterable sheets, in the same language."
        )
        self.xlsx_edit = QLineEdit()
        self.xlsx_browse = QPushButton("Browse…")
        self.about_label = QLabel(
            "The PDF holds a cover, a page of key findings, an executive summary with a chart, "
            "the discussion points, the gap and conflict register, the side-by-side table, the "
            "partner-only criteria and the method, in the language chosen (criteria and notes "
            "print as written)."
        )
        self.about_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.open_folder_button = QPushButton("Open folder")
        self.open_folder_button.setEnabled(False)
        self.open_pdf_button = QPushButton("Open PDF")
        self.open_pdf_button.setEnabled(False)
        self.close_button = QPushButton("Close")

        self.preview_caption = QLabel("The preview appears here after the export.")
        self.preview_caption.setWordWrap(True)
        self.preview_pages = QWidget()
        self.preview_layout = QVBoxLayout(self.preview_pages)
        self.preview_layout.setSpacing(MARGIN)
        # The page column is as tall as its pages; the scroll area scrolls it.
        self.preview_layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.preview_area = QScrollArea()
        self.preview_area.setWidgetResizable(True)
        self.preview_area.setWidget(self.preview_pages)
        self.preview_area.setAccessibleName("Report preview")
        self.preview_area.setBackgroundRole(QPalette.ColorRole.Dark)
        self.preview_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # -- layouts ---------------------------------------------------------------------
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow("&Title:", self.title_edit)
        form.addRow("Handling &marking:", self.marking_combo)
        form.addRow("Page &size:", self.page_size_combo)
        form.addRow("&Language:", self.language_combo)
        form.addRow(self.guidance_check)
        form.addRow(self.guidance_hint)
        form.addRow(self.annex_check)
        form.addRow(self.annex_hint)
        form.addRow("&Prepared by:", self.prepared_by_edit)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_edit, 1)
        pdf_row.addWidget(self.pdf_browse)
        pdf_label = QLabel("PDF &file:")
        pdf_label.setBuddy(self.pdf_edit)
        form.addRow(pdf_label, pdf_row)
        xlsx_row = QHBoxLayout()
        xlsx_row.addWidget(self.xlsx_edit, 1)
        xlsx_row.addWidget(self.xlsx_browse)
        form.addRow(self.xlsx_check)
        form.addRow(self.xlsx_hint)
        xlsx_label = QLabel("&Workbook:")
        xlsx_label.setBuddy(self.xlsx_edit)
        form.addRow(xlsx_label, xlsx_row)
        options_box = QGroupBox("Options")
        options_box.setLayout(form)

        left = QVBoxLayout()
        left.setSpacing(SPACING)
        left.addWidget(options_box)
        left.addWidget(self.about_label)
        left.addWidget(self.status_label)
        left.addWidget(self.progress_bar)
        left.addWidget(self.message_label)
        left.addStretch(1)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_folder_button)
        open_row.addWidget(self.open_pdf_button)
        open_row.addStretch(1)
        left.addLayout(open_row)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMinimumWidth(400)
        left_widget.setMaximumWidth(470)

        right = QVBoxLayout()
        right.setSpacing(SPACING)
        right.addWidget(self.preview_caption)
        right.addWidget(self.preview_area, 1)

        body = QHBoxLayout()
        body.setSpacing(MARGIN * 2)
        body.addWidget(left_widget)
        body.addLayout(right, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN * 2, MARGIN * 2, MARGIN * 2, MARGIN * 2)
        outer.addLayout(body, 1)
        outer.addLayout(buttons)

        # -- connections -----------------------------------------------------------------
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.reject)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_pdf_button.clicked.connect(self.open_pdf)
        self.pdf_browse.clicked.connect(self.browse_pdf)
        self.xlsx_browse.clicked.connect(self.browse_xlsx)
        self.xlsx_check.toggled.connect(self._sync_enabled)
        self.pdf_edit.textChanged.connect(self._follow_pdf_name)
        self.xlsx_edit.textEdited.connect(self._stop_following)
        self.language_combo.currentIndexChanged.connect(self._follow_language)

        # -- restore state ---------------------------------------------------------------
        self._restore()
        self.title_edit.setCursorPosition(0)
        self._show_project_status()
        self._sync_enabled()

    @staticmethod
    def _hint(check: QCheckBox, text: str) -> QLabel:
        """A short grey explanation under ``check``, lined up with its text (and read out with it)."""
        label = wrapping(mute(QLabel(text)))
        style = check.style()
        indent = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing
        )
        label.setContentsMargins(indent, 0, 0, 0)
        check.setAccessibleDescription(text)
        return label

    # -- state -------------------------------------------------------------------------------

    def _default_title(self, language: str) -> str:
        if self._data is not None:
            return default_title(self._data, language)
        reference, partner = self.project.reference, self.project.partner
        return f"{reference.name} and {partner.name}: compatibility report"

    def _follow_language(self, _index: int = 0) -> None:
        """A title the user has not changed follows the report's language."""
        current = self.title_edit.text().strip()
        if current in {self._default_title(code) for code in LANGUAGES}:
            self.title_edit.setText(self._default_title(str(self.language_combo.currentData())))
            self.title_edit.setCursorPosition(0)

    def _restore(self) -> None:
        s = self._settings
        s.beginGroup(_SETTINGS_GROUP)
        marking = str(s.value("marking", "") or "")
        page_size = str(s.value("page_size", "") or "") or default_page_size()
        language = str(s.value("language", "en") or "en")
        guidance = str(s.value("guidance", "true")).lower() == "true"
        annex = str(s.value("annex", "false")).lower() == "true"
        want_xlsx = str(s.value("workbook", "false")).lower() == "true"
        folder = str(s.value("folder", "") or "")
        s.endGroup()
        self.marking_combo.setCurrentText(marking)
        index = self.page_size_combo.findData(page_size)
        self.page_size_combo.setCurrentIndex(max(0, index))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.guidance_check.setChecked(guidance)
        self.annex_check.setChecked(annex)
        project_path = self.project.path
        base = Path(folder) if folder and Path(folder).is_dir() else project_path.parent
        stem = f"{project_path.stem} report"
        self.pdf_edit.setText(str(base / f"{stem}.pdf"))
        self.xlsx_edit.setText(str(base / f"{stem}.xlsx"))
        self.xlsx_check.setChecked(want_xlsx)

    def _remember(self, pdf: Path) -> None:
        s = self._settings
        s.beginGroup(_SETTINGS_GROUP)
        s.setValue("marking", self.marking_combo.currentText().strip())
        s.setValue("page_size", self.page_size_combo.currentData())
        s.setValue("language", self.language_combo.currentData())
        s.setValue("guidance", "true" if self.guidance_check.isChecked() else "false")
        s.setValue("annex", "true" if self.annex_check.isChecked() else "false")
        s.setValue("workbook", "true" if self.xlsx_check.isChecked() else "false")
        s.setValue("folder", str(pdf.parent))
        s.endGroup()

    def _show_project_status(self) -> None:
        try:
            summary = self.project.summary()["reference"]
            total, unreviewed = int(summary["total"]), int(summary["unreviewed"])
        except Exception:  # the count is a courtesy; a failing read must not block the dialog  # noqa: BLE001
            return
        if unreviewed:
            self.status_label.setText(
                f"<b>DRAFT</b> — {unreviewed} of {total} criteria not yet reviewed: every page will "
                "carry a DRAFT mark until all are reviewed."
            )
        else:
            self.status_label.setText(f"Complete — all {total} criteria reviewed.")

    def _sync_enabled(self) -> None:
        busy = self.worker is not None
        for widget in (
            self.title_edit,
            self.marking_combo,
            self.page_size_combo,
            self.language_combo,
            self.guidance_check,
            self.annex_check,
            self.prepared_by_edit,
            self.pdf_edit,
            self.pdf_browse,
            self.xlsx_check,
        ):
            widget.setEnabled(not busy)
        self.xlsx_edit.setEnabled(not busy and self.xlsx_check.isChecked())
        self.xlsx_browse.setEnabled(not busy and self.xlsx_check.isChecked())
        self.export_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)

    def _follow_pdf_name(self, text: str) -> None:
        """Keep the workbook next to the PDF with the same name while the user has not changed it."""
        if not text.strip() or not self._xlsx_follows_pdf:
            return
        pdf = Path(text.strip())
        self.xlsx_edit.setText(str(pdf.with_suffix(".xlsx")))

    def _stop_following(self, _text: str = "") -> None:
        self._xlsx_follows_pdf = False

    # -- slots -------------------------------------------------------------------------------

    def browse_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the PDF report as", self.pdf_edit.text(), "PDF (*.pdf)"
        )
        if path:
            self.pdf_edit.setText(path)

    def browse_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the workbook as", self.xlsx_edit.text(), "Excel workbook (*.xlsx)"
        )
        if path:
            self._stop_following()
            self.xlsx_edit.setText(path)

    def options(self) -> ReportOptions:
        """The report options as the dialog's fields hold them."""
        return ReportOptions(
            title=self.title_edit.text(),
            marking=self.marking_combo.currentText(),
            page_size=str(self.page_size_combo.currentData()),
            prepared_by=self.prepared_by_edit.text(),
            language=str(self.language_combo.currentData()),
            annex=self.annex_check.isChecked(),
            guidance=self.guidance_check.isChecked(),
        )

    def _targets(self) -> tuple[Path, Path | None]:
        pdf_text = self.pdf_edit.text().strip()
        if not pdf_text:
            raise _DialogError("Choose where to save the PDF.")
        pdf = with_extension(Path(pdf_text).expanduser(), ".pdf")
        xlsx = None
        if self.xlsx_check.isChecked():
            xlsx_text = self.xlsx_edit.text().strip()
            if not xlsx_text:
                raise _DialogError("Choose where to save the workbook, or untick it.")
            xlsx = with_extension(Path(xlsx_text).expanduser(), ".xlsx")
        project_path = self.project.path.resolve()
        for target in (pdf, xlsx):
            if target is None:
                continue
            if not target.parent.is_dir():
                raise _DialogError(
                    f"The folder {target.parent} does not exist; choose an existing folder."
                )
            if target.resolve() == project_path:
                raise _DialogError(
                    f"{target.name} is the project file itself; choose another name."
                )
        return pdf, xlsx

    def start_export(self) -> Worker | None:
        """Check the options, gather the content, and write the files in a worker."""
        if self.worker is not None:
            return None
        try:
            pdf, xlsx = self._targets()
            options = self.options()
            data = collect(self.project)
        except (CriteriaCompareError, _DialogError) as exc:
            self._show_message(str(exc), error=True)
            return None
        self._remember(pdf)
        self.export_result = None
        self.open_folder_button.setEnabled(False)
        self.open_pdf_button.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self._show_message("Starting…")
        worker = Worker(_export_job(data, options, pdf, xlsx), name="report export")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        self.worker = worker
        self._sync_enabled()
        worker.start()
        return worker

    def cancel_export(self) -> None:
        """Ask the running export to stop; nothing is left under the final file names."""
        if self.worker is not None:
            self.worker.cancel()
            self._show_message("Cancelling…")

    def open_folder(self) -> None:
        """Show the folder holding the exported PDF in the system's file manager."""
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.pdf.parent)))

    def open_pdf(self) -> None:
        """Open the exported PDF in the system's PDF viewer."""
        if self.export_result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.pdf)))

    def reject(self) -> None:
        """Close; while an export runs, cancel it first and close once it has stopped."""
        if self.worker is not None:
            self._close_when_done = True
            self.cancel_export()
            return
        super().reject()

    # -- worker outcomes ------------------------------------------------------------------

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress_bar.setValue(int(1000 * done / max(1, total)))
        self.message_label.setText(message + "…")

    def _finish(self) -> None:
        self.worker = None
        self.progress_bar.hide()
        self._sync_enabled()
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def _on_finished(self, result: ExportResult) -> None:
        self.export_result = result
        names = result.pdf.name + (f" and {result.xlsx.name}" if result.xlsx else "")
        self._show_message(" ".join([f"Wrote {names} in {result.pdf.parent}.", *result.warnings]))
        self.open_folder_button.setEnabled(True)
        self.open_pdf_button.setEnabled(True)
        self._show_preview(result)
        self._finish()
        self.exported.emit(result)

    def _on_failed(self, message: str) -> None:
        self._show_message(message, error=True)
        self._finish()

    def _on_cancelled(self) -> None:
        self._show_message("Export cancelled; no file was written or changed.")
        self._finish()

    # -- presentation ---------------------------------------------------------------------

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        self.message_label.setProperty("error", error)
        if error:
            self.message_label.setStyleSheet("font-weight: bold;")
        else:
            self.message_label.setStyleSheet("")

    def _show_preview(self, result: ExportResult) -> None:
        while self.preview_layout.count():
            item = self.preview_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not result.pages:
            self.preview_caption.setText("The preview could not be rendered; open the PDF instead.")
            return
        shown = len(result.pages)
        more = (
            f" Showing the first {shown}; open the PDF for the rest."
            if result.page_count > shown
            else ""
        )
        self.preview_caption.setText(f"{result.page_count} pages.{more}")
        muted = muted_color(self).name()
        for number, image in enumerate(result.pages, start=1):
            page = QLabel()
            pixmap = QPixmap.fromImage(image)
            page.setPixmap(pixmap)
            page.setFixedSize(pixmap.width() + 2, pixmap.height() + 2)
            page.setAccessibleName(f"Page {number}")
            page.setStyleSheet("border: 1px solid palette(mid);")
            caption = QLabel(f"Page {number}")
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setStyleSheet(f"color: {muted};")
            self.preview_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.preview_layout.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
        self.preview_layout.addStretch(1)

    def preview_labels(self) -> list[QLabel]:
        """The page images currently shown in the preview, in order."""
        labels = []
        for index in range(self.preview_layout.count()):
            item = self.preview_layout.itemAt(index)
            widget = item.widget() if item is not None else None
            if (
                isinstance(widget, QLabel)
                and widget.pixmap() is not None
                and not widget.pixmap().isNull()
            ):
                labels.append(widget)
        return labels


class _DialogError(Exception):
    """A field of the dialog needs fixing (shown in the dialog, never raised out)."""
