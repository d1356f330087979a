"""File menu commands: new comparison, open (also by drag and drop), the sample, save a copy, export."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtWidgets import QFileDialog

from criteria_compare.gui.data_folder import data_folder
from criteria_compare.gui.file_dialogs import ask_save_path
from criteria_compare.gui.views.review_data import open_for_review
from criteria_compare.gui.views.source_check import SPREADSHEET_SUFFIXES
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.project import Project
from criteria_compare.workflow import copying, opening, sample

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.gui.views.export_dialog import ExportDialog
    from criteria_compare.gui.views.import_wizard import NewComparisonWizard
    from criteria_compare.gui.views.lock_dialog import LockDialog

__all__ = ["PROJECT_FILTER", "FileMenu", "dropped_file"]

PROJECT_FILTER = "criteria-compare projects (*.ccproj)"


def dropped_file(mime: QMimeData) -> Path | None:
    """The one project or spreadsheet file being dragged, if that is what it is."""
    if not mime.hasUrls():
        return None
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if len(paths) != 1:
        return None
    suffix = paths[0].suffix.lower()
    return paths[0] if suffix == ".ccproj" or suffix in SPREADSHEET_SUFFIXES else None


class Reopen(Protocol):
    """Opens ``path`` again as the user chose in the LockDialog."""

    def __call__(
        self, path: Path, /, *, read_only: bool = False, take_over: bool = False
    ) -> Worker | None: ...


ProjectOpener = Callable[[Path, ProgressCallback, CancelCheck], Project]


class FileMenu(QObject):
    """The File menu's commands for ``window``; opened projects go to ``window.show_opened``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.lock_dialog: LockDialog | None = None  # the last "project in use" question

    def _is_open(self, path: Path) -> bool:
        project = self._window.project
        return project is not None and project.path.resolve() == path.resolve()

    def choose_project(self) -> None:
        """Ask for a .ccproj file and open it."""
        w = self._window
        path, _ = QFileDialog.getOpenFileName(
            w, "Open project", w.settings.last_folder("project"), PROJECT_FILTER
        )
        if path:
            self.open_path(Path(path))

    def open_path(
        self, path: Path | str, *, read_only: bool = False, take_over: bool = False
    ) -> Worker | None:
        """Open a project file in a worker; the review screen shows when it is ready.

        If another program has it open for writing, ask first (LockDialog): open it
        read-only, cancel, or, when that program is gone, take its lock over.
        """
        w = self._window
        path = Path(path)
        if not path.is_file():
            w.settings.remove_recent(path)
            w.recent.refresh()
            w.show_failure(
                f"{path} does not exist any more; it was removed from the recent projects."
            )
            return None
        if self._is_open(path):
            return None
        if not (read_only or take_over) and self._ask_if_in_use(path, self.open_path):
            return None
        if w.remember_recent:
            w.settings.set_last_folder("project", path)
        return w.jobs.run(
            functools.partial(open_for_review, self._opener(read_only, take_over), path),
            f"Opening {path.name}",
            w.show_opened,
            name="opening of the project",
        )

    @staticmethod
    def _opener(read_only: bool, take_over: bool) -> ProjectOpener:
        return functools.partial(
            opening.open_project, read_only=read_only, take_over_stale=take_over
        )

    def _ask_if_in_use(self, path: Path, reopen: Reopen) -> bool:
        """If another program holds ``path``'s lock, show the LockDialog (its answer calls
        ``reopen(path, read_only=…, take_over=…)``) and return True."""
        in_use = opening.in_use_by(path)
        if in_use is None:
            return False
        from criteria_compare.gui.views.lock_dialog import LockChoice, LockDialog

        dialog = LockDialog(path.name, in_use, self._window)

        def chosen(choice: LockChoice) -> None:
            if choice is LockChoice.READ_ONLY:
                reopen(path, read_only=True)
            elif choice is LockChoice.TAKE_OVER:
                reopen(path, take_over=True)

        dialog.chosen.connect(chosen)
        self.lock_dialog = dialog
        dialog.open()
        return True

    def open_sample(self) -> Worker | None:
        """Open the bundled sample comparison, building it first if needed."""
        data = data_folder()
        target = sample.sample_project_path(data)
        if self._is_open(target):
            return None
        if self._ask_if_in_use(target, self._open_sample_anyway):
            return None
        return self._window.jobs.run(
            functools.partial(open_for_review, sample.open_sample, target),
            "Preparing the sample comparison",
            self._window.show_opened,
            name="sample preparation",
            pool=project_pool(),
        )

    def _open_sample_anyway(
        self, target: Path, *, read_only: bool = False, take_over: bool = False
    ) -> Worker | None:
        """Open the (existing) sample read-only or taking over its stale lock, as the user chose."""
        return self._window.jobs.run(
            functools.partial(open_for_review, self._opener(read_only, take_over), target),
            "Opening the sample comparison",
            self._window.show_opened,
            name="opening of the sample",
        )

    def new_comparison(self, partner: Path | None = None) -> NewComparisonWizard:
        """Start the new-comparison wizard (non-blocking); it opens the project when done.

        ``partner`` (a spreadsheet given on the command line or dropped on the window)
        is filled in as the partner program.
        """
        from criteria_compare.gui.views.import_wizard import NewComparisonWizard

        w = self._window
        open_project = w.project.path if w.project is not None else None
        wizard = NewComparisonWizard(w.settings, w, open_project=open_project)
        wizard.projectCreated.connect(self.open_path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(partner, Path):  # not the `checked` flag of a triggered action
            wizard.partner_page.set_path(partner)
        wizard.open()
        return wizard

    def open_file(self, path: Path) -> Worker | NewComparisonWizard | None:
        """Open a project, or start a new comparison when ``path`` is a spreadsheet."""
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            return self.new_comparison(partner=path)
        return self.open_path(path)

    def save_copy(self) -> Worker | None:
        """Write a consistent copy of the project file elsewhere."""
        w = self._window
        if w.project is None:
            return None
        w.flush_review()
        source = w.project.path
        target_path = ask_save_path(
            w,
            w.settings,
            "copy",
            "Save a copy",
            f"{source.stem} copy.ccproj",
            PROJECT_FILTER,
            ".ccproj",
        )
        if target_path is None:
            return None
        return w.jobs.run(
            functools.partial(copying.save_copy, source, target_path),
            "Saving a copy",
            self._copy_saved,
            name="copy",
            pool=project_pool(),
        )

    def _copy_saved(self, path: Path) -> None:
        self._window.statusBar().showMessage(f"Copy saved as {path}", 8000)

    def export_report(self) -> ExportDialog | None:
        """Open the export dialog (PDF or workbook) for the open project."""
        from criteria_compare.gui.views.export_dialog import ExportDialog

        w = self._window
        if w.project is None:
            return None
        w.flush_review()
        dialog = ExportDialog(w.project, w)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
