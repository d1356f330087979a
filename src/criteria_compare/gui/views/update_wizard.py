"""Update reference/partner program: read the new edition like any import, preview every change, then write.

Pages: the new file (the import wizard's own page: file, sheet, columns,
warnings, name and edition label), then the preview (dry run; ambiguous
criteria are settled there). Finish runs the update in the project's worker
with progress and Cancel; ``updated(result)`` is emitted when it is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views.program_page import ProgramPage
from criteria_compare.gui.views.update_preview import PreviewPage, UpdatePreview
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.model import Edition, Program, Side
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.workflow.create import SourceChoice

if TYPE_CHECKING:
    from criteria_compare.importing import ImportResult

__all__ = ["ApplyJob", "EditionPage", "PlanFor", "UpdateWizard"]

#: The dry run of updating with ``choice``: (choice, settled, progress, cancel) -> preview.
PlanFor = Callable[
    [SourceChoice, Mapping[str, str | None], ProgressCallback, CancelCheck], UpdatePreview
]
#: The update itself: (choice, settled, progress, cancel) -> what ``updated`` carries.
ApplyJob = Callable[[SourceChoice, Mapping[str, str | None], ProgressCallback, CancelCheck], object]


class EditionPage(ProgramPage):
    """The import wizard's program page, asking for the new edition of one side.

    The subtitle names the edition the project holds now; the Version field is filled with the
    edition the new file's title gives or, when it gives none or the current one (a corrected
    copy), with the file's name, as ``update`` does without ``--edition``.
    """

    def __init__(
        self, side: Side, program: Program, settings: Settings, current: Edition | None = None
    ) -> None:
        super().__init__(side.value, settings)
        which = "reference" if side is Side.REFERENCE else "partner"
        self.current_label = current.label if current is not None else program.version
        source = current.source_file if current is not None else program.source_file
        now = f"edition {current.number}" if current is not None else "the current edition"
        if self.current_label:
            now += f" ({self.current_label})"
        if source:
            now += f", read from {source}"
        self.setTitle(f"New edition of the {which} program")
        self.setSubTitle(
            f"The revised (or corrected) file of {program.name}. The project holds {now}. "
            "Check that each column has the right role and give the new edition's label under "
            "Version."
        )
        self.sample_button.hide()
        self.name_edit.setText(program.name)
        self._name_touched = True  # the program keeps its name; the file's name is not offered
        self.version_edit.setPlaceholderText("label of the new edition")
        self.version_edit.setToolTip(
            f"The label the new edition is listed under; the current one is "
            f"{self.current_label or 'unnamed'}."
        )

    def initializePage(self) -> None:
        """No sample is offered here: the reviewer chooses the new file."""

    def _propose_title(self, result: ImportResult) -> None:
        """The file's own edition when it names a new one, else the file's name (unless typed)."""
        path = self.path()
        if path is None or self._version_touched:
            return
        proposed = (result.proposed_version or "").strip()
        fresh = proposed and proposed.casefold() != (self.current_label or "").strip().casefold()
        self.version_edit.setText(proposed if fresh else path.stem)


class UpdateWizard(QWizard):
    """Collects the new edition, previews the update, then writes it in one step."""

    updated = Signal(object)

    def __init__(
        self,
        side: Side,
        program: Program,
        plan: PlanFor,
        apply: ApplyJob,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        current: Edition | None = None,
    ) -> None:
        super().__init__(parent)
        self.side = side
        self.settings = settings or Settings()
        self._apply = apply
        self.worker: Worker | None = None
        which = "reference" if side is Side.REFERENCE else "partner"
        self.setWindowTitle(f"Update the {which} program")
        self.setAccessibleName(self.windowTitle())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Update project")
        fit_to_screen(self, 1000, 720, 760, 560)
        self.file_page = EditionPage(side, program, self.settings, current)
        self.preview_page = PreviewPage(self._plan_job(plan))
        self.addPage(self.file_page)
        self.addPage(self.preview_page)

    def _plan_job(
        self, plan: PlanFor
    ) -> Callable[
        [Mapping[str, str | None]], Callable[[ProgressCallback, CancelCheck], UpdatePreview]
    ]:
        """The preview's job factory: the file page's choice is read here, on the GUI thread."""

        def job(
            settled: Mapping[str, str | None],
        ) -> Callable[[ProgressCallback, CancelCheck], UpdatePreview]:
            return functools.partial(plan, self.file_page.choice(), dict(settled))

        return job

    @property
    def running(self) -> bool:
        """Whether the update is being written."""
        return self.worker is not None

    def accept(self) -> None:
        """Finish writes the update; the wizard closes when it is done."""
        if self.running or not self.preview_page.isComplete():
            return
        job = functools.partial(self._apply, self.file_page.choice(), self.preview_page.settled())
        worker = Worker(job, name="update of the program")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        worker.signals.cancelled.connect(self._cancelled)
        self.worker = worker
        self._set_running(True)
        self._on_progress(0, 100, "Updating…")
        worker.start(project_pool())

    def _on_progress(self, done: int, total: int, message: str) -> None:
        page = self.preview_page
        page.progress.show()
        page.progress.setRange(0, max(total, 1))
        page.progress.setValue(done)
        if message:
            page.status.setText(message)

    def reject(self) -> None:
        """Cancel stops a running update first (nothing is written); a second Cancel closes."""
        if self.worker is not None:
            self.worker.cancel()
            self.preview_page.status.setText("Cancelling…")
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def _set_running(self, running: bool) -> None:
        self.preview_page.completeChanged.emit()
        self.preview_page.tree.setEnabled(not running)
        self.button(QWizard.WizardButton.BackButton).setEnabled(not running)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(not running)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def _finished_job(self) -> None:
        self.worker = None
        self._set_running(False)
        self.preview_page.progress.hide()

    def _done(self, result: object) -> None:
        self._finished_job()
        self.updated.emit(result)
        super().accept()

    def _failed(self, message: str) -> None:
        self._finished_job()
        self.preview_page.status.setText(f"⚠ {message} Nothing was changed.")

    def _cancelled(self) -> None:
        self._finished_job()
        self.preview_page.status.setText("Cancelled; the project was not changed.")

    def done(self, result: int) -> None:
        """Never close while the update is being written."""
        if self.worker is not None:
            return
        super().done(result)
