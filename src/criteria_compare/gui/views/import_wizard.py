"""New-comparison wizard: pick and check both spreadsheets, name the programs, choose where to save.

Pages: reference program, partner program (each: file, sheet, preview of the
first rows with a role chooser above every column, what was understood and
the import warnings, name and version label), then the project file. Finish
imports, creates and aligns in a Worker with a progress bar and Cancel;
``projectCreated(path)`` is emitted when the file is ready.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from criteria_compare.gui.file_dialogs import with_extension
from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.style import mute
from criteria_compare.gui.views.program_page import ProgramPage
from criteria_compare.gui.views.source_check import (
    IGNORE,
    ROLE_LABELS,
    SPREADSHEET_SUFFIXES,
    SourceCheck,
    check_source,
    column_letter,
    column_number,
)
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.resources import sample_path
from criteria_compare.workflow.create import ComparisonRequest, create_comparison

__all__ = [
    "IGNORE",
    "ROLE_LABELS",
    "SPREADSHEET_SUFFIXES",
    "NewComparisonWizard",
    "ProgramPage",
    "SavePage",
    "SourceCheck",
    "check_source",
    "column_letter",
    "column_number",
    "typed_target",
]


def _unused(path: Path) -> Path:
    """``path``, or "name (2).ccproj", "name (3).ccproj"... if it already exists."""
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        n += 1
    return candidate


def typed_target(text: str, folder: Path) -> Path | None:
    """The project file ``text`` names as typed or pasted, ``.ccproj`` added; None if it names no file.

    "/", "C:", "~/", "." and an existing folder name no file (None, never an
    exception, so typing a path character by character is always quiet). A
    relative name is taken inside ``folder``.
    """
    raw = text.strip()
    if not raw or raw.endswith(("/", "\\")) or "\0" in raw:
        return None
    try:
        path = Path(raw).expanduser()
    except RuntimeError:  # "~someone" for a user this system does not know
        return None
    if path.name in ("", ".", "..") or path.is_dir():
        return None
    if not path.is_absolute():
        path = folder / path
    return with_extension(path, ".ccproj")


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _describe(page: ProgramPage) -> str:
    name = page.name_edit.text().strip()
    version = page.version_edit.text().strip()
    check = page.check
    if check is None or check.result is None:
        return name
    result = check.result
    sections = len([s for s in result.sections if s])
    where = f"{result.file}, sheet '{result.sheet}'" if result.sheet else result.file
    title = f"{name} ({version})" if version else name
    warnings = f", {len(result.warnings)} import warnings" if result.warnings else ""
    return (
        f"{title}\n{len(result.criteria)} criteria in {sections} sections{warnings}\nfrom {where}"
    )


class SavePage(QWizardPage):
    """Where to save the project, then the creation itself with progress and Cancel."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._target_touched = False
        self.setTitle("Save the comparison")
        self.setSubTitle(
            "Every decision is written to this file as you make it. Finishing imports both "
            "programs and computes the match suggestions, which takes a few seconds."
        )
        self.reference_summary = QLabel()
        self.partner_summary = QLabel()
        for label in (self.reference_summary, self.partner_summary):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_steps = mute(
            QLabel(
                "Create comparison imports both programs, writes the project file and ranks "
                "partner candidates for every reference criterion. You can cancel at any time; "
                "nothing is written until it is complete. You then land on the review screen."
            )
        )
        self.next_steps.setWordWrap(True)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Project file")
        self.browse_button = QPushButton("Browse…")
        self.browse_button.setAccessibleName("Browse for the project file")
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Progress")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.hide()
        self.replace_check = QCheckBox(
            "Replace the existing file (the decisions recorded in it will be lost)"
        )
        self.replace_check.setAccessibleName("Replace the existing project file")
        self.replace_check.hide()

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(_bold(QLabel("Reference:")), self.reference_summary)
        form.addRow(_bold(QLabel("Partner:")), self.partner_summary)
        form.setVerticalSpacing(10)
        save_form = QFormLayout()
        file_label = QLabel("Project &file:")
        file_label.setBuddy(self.path_edit)
        save_form.addRow(file_label, row)
        save_form.addRow("", self.replace_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(16)
        layout.addLayout(save_form)
        layout.addSpacing(8)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress_bar)

        self.browse_button.clicked.connect(self.browse)
        self.path_edit.textEdited.connect(self._edited)
        self.path_edit.textChanged.connect(self._target_changed)
        self.replace_check.toggled.connect(self.completeChanged)

    def _wizard(self) -> NewComparisonWizard:
        wizard = self.wizard()
        assert isinstance(wizard, NewComparisonWizard)
        return wizard

    def initializePage(self) -> None:
        """Summarise both programs and suggest a file name from them."""
        w = self._wizard()
        ref, partner = w.reference_page, w.partner_page
        ref_name, partner_name = ref.name_edit.text().strip(), partner.name_edit.text().strip()
        self.reference_summary.setText(_describe(ref))
        self.partner_summary.setText(_describe(partner))
        if not self._target_touched:
            safe = re.sub(r'[\\/:*?"<>|]+', " ", f"{ref_name} vs {partner_name}").strip()
            folder = self._default_folder()
            self.path_edit.setText(str(_unused(folder / f"{' '.join(safe.split())}.ccproj")))

    def _default_folder(self) -> Path:
        """Next to the source files (the reference's first); the last project folder when
        both are the bundled samples."""
        w = self._wizard()
        for page in (w.reference_page, w.partner_page):
            source = page.path()
            if source is not None and source.parent != sample_path() and source.parent.is_dir():
                return source.parent
        return Path(self.settings.last_folder("project"))

    def _edited(self, _text: str) -> None:
        self._target_touched = True

    def browse(self) -> None:
        """Ask where to save the project."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Save the comparison as",
            self.path_edit.text(),
            "criteria-compare projects (*.ccproj)",
        )
        if path:
            self._target_touched = True
            self.path_edit.setText(path)
            # the file dialog has already asked whether to replace an existing file
            target = self.target()
            self.replace_check.setChecked(target is not None and target.exists())

    def _target_changed(self, _text: str) -> None:
        target = self.target()
        exists = target is not None and target.is_file()
        self.replace_check.setVisible(exists)
        if not exists:
            self.replace_check.setChecked(False)
        self.completeChanged.emit()

    def open_elsewhere(self) -> bool:
        """True when the target is the project open in the main window (never replaced)."""
        open_project = self._wizard().open_project
        target = self.target()
        if open_project is None or target is None:
            return False
        try:
            return open_project.resolve() == target.resolve()
        except OSError:
            return False

    def target(self) -> Path | None:
        """The project file to write (``.ccproj`` added if missing); None while the text names no file.

        A relative name is taken inside the folder the wizard suggested.
        """
        return typed_target(self.path_edit.text(), Path(self.settings.last_folder("project")))

    def target_problem(self) -> str | None:
        """One sentence on why the typed text cannot be the project file (None when it can)."""
        if self.target() is not None:
            return None
        shown = self.path_edit.text().strip()
        return (
            f"“{shown}” names a folder, not a file; type a file name such as review.ccproj "
            "or choose Browse…."
        )

    def isComplete(self) -> bool:
        """Ready when a file name is given and an existing file may be replaced.

        What is typed is only checked when the user moves on (Create comparison),
        so half-typed paths ("/", "C:") never interrupt the typing.
        """
        if not self.path_edit.text().strip() or self._wizard().running:
            return False
        target = self.target()
        if target is not None and target.is_file():
            return self.replace_check.isChecked() and not self.open_elsewhere()
        return True

    def on_progress(self, done: int, total: int, message: str) -> None:
        """Show the creation's progress."""
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if message:
            self.progress_label.setText(message)


class NewComparisonWizard(QWizard):
    """Collects both programs and a file name, then creates and aligns the comparison."""

    projectCreated = Signal(Path)

    def __init__(
        self,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        open_project: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.open_project = open_project  # the window's project file: never replaced
        self.worker: Worker | None = None
        self.created: Path | None = None
        self.setWindowTitle("New comparison")
        self.setAccessibleName("New comparison")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Create comparison")
        fit_to_screen(self, 1000, 720, 760, 560)
        self.reference_page = ProgramPage("reference", self.settings)
        self.partner_page = ProgramPage("partner", self.settings)
        self.reference_page.other = self.partner_page  # each prefers the other's language
        self.partner_page.other = self.reference_page
        self.save_page = SavePage(self.settings)
        self.addPage(self.reference_page)
        self.addPage(self.partner_page)
        self.addPage(self.save_page)

    @property
    def running(self) -> bool:
        """Whether the creation job is under way."""
        return self.worker is not None

    def request(self) -> ComparisonRequest:
        """What the user chose, ready for create_comparison (the file name must be usable)."""
        target = self.save_page.target()
        if target is None:
            raise ValueError(self.save_page.target_problem())
        return ComparisonRequest(
            reference=self.reference_page.choice(),
            partner=self.partner_page.choice(),
            target=target,
            reviewer=self.settings.reviewer_name(),
        )

    def accept(self) -> None:
        """Finish starts the creation; the wizard closes when the project file is ready."""
        if self.running:
            return
        target = self.save_page.target()
        if target is None:
            self._show_failure(self.save_page.target_problem() or "Type a file name.")
            return
        if self.save_page.open_elsewhere():
            self._show_failure(
                f"{target.name} is the project open in the main window; choose another name."
            )
            return
        if target.exists() and not self.save_page.replace_check.isChecked():
            self._show_failure(
                f"{target.name} already exists; tick Replace or choose another name."
            )
            return
        if not target.parent.is_dir():
            self._show_failure(
                f"The folder {target.parent} does not exist; choose an existing folder."
            )
            return
        self.settings.set_last_folder("project", target)
        worker = Worker(
            functools.partial(create_comparison, self.request()), name="comparison set-up"
        )
        worker.signals.progress.connect(self.save_page.on_progress)
        worker.signals.finished.connect(self._created)
        worker.signals.failed.connect(self._show_failure)
        worker.signals.cancelled.connect(self._cancelled)
        self.worker = worker
        self._set_running(True)
        self.save_page.on_progress(0, 100, "Starting…")
        worker.start(project_pool())

    def reject(self) -> None:
        """Cancel stops a running creation first; a second Cancel closes the wizard."""
        if self.worker is not None:
            self.worker.cancel()
            self.save_page.progress_label.setText("Cancelling…")
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.save_page.completeChanged.emit()  # QWizard re-evaluates its buttons here...
        self.save_page.progress_bar.setVisible(running)
        self.save_page.path_edit.setEnabled(not running)
        self.save_page.browse_button.setEnabled(not running)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not running)  # ...so after it
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _finished_job(self) -> None:
        self.worker = None
        self._set_running(False)

    def _created(self, path: Path) -> None:
        self._finished_job()
        self.created = Path(path)
        self.projectCreated.emit(Path(path))
        super().accept()

    def _show_failure(self, message: str) -> None:
        self._finished_job()
        self.save_page.progress_label.setText(f"⚠ {message}")

    def _cancelled(self) -> None:
        self._finished_job()
        self.save_page.progress_label.setText("Cancelled; no project file was written.")

    def done(self, result: int) -> None:
        """Never close while the worker runs."""
        if self.worker is not None:
            return
        super().done(result)
