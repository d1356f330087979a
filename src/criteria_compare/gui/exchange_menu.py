"""File → Export positions for the partner… / Import the partner's positions…: workflow.exchange in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from criteria_compare.gui.file_dialogs import ask_save_path
from criteria_compare.gui.views.review_data import ReviewData, prepare_review
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.workflow.exchange import ExchangeExport, ImportSummary

__all__ = ["WORKBOOK_FILTER", "ExchangeMenu", "import_sentence"]

WORKBOOK_FILTER = "Excel workbooks (*.xlsx)"


def import_sentence(summary: ImportSummary, name: str) -> str:
    """What an import stored, in one or two sentences (the CLI's words)."""
    text = summary.sentence(name)
    return " ".join((text, *summary.notices))


class ExchangeMenu(QObject):
    """Exchange workbooks for the project open in ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_box: QMessageBox | None = None

    def export_positions(self) -> Worker | None:
        """Ask where to write the workbook for the partner, then write it in a worker."""
        w = self._window
        project = w.project
        if project is None:
            return None
        w.flush_review()
        round_ = project.exchange_round() + 1
        path = ask_save_path(
            w,
            w.settings,
            "exchange",
            "Export positions for the partner",
            f"{project.path.stem} positions round {round_}.xlsx",
            WORKBOOK_FILTER,
            ".xlsx",
        )
        if path is None:
            return None
        reviewer = w.settings.reviewer_name() or None

        def job(progress: ProgressCallback, cancel: CancelCheck) -> ExchangeExport:
            from criteria_compare.workflow.exchange import export_positions

            progress(0, 1, f"Writing {path.name}…")
            return export_positions(project, path, reviewer=reviewer, cancel=cancel)

        return w.jobs.run(
            job, "Exporting positions", self._exported, name="export", pool=project_pool()
        )

    def _exported(self, result: ExchangeExport) -> None:
        self._window.statusBar().showMessage(
            f"Wrote {result.path.name} (round {result.round}, {result.rows} criteria) for the "
            "partner administration.",
            10000,
        )

    def import_positions(self, path: Path | None = None) -> Worker | None:
        """Ask for the workbook the partner sent back, store its positions, refresh the review."""
        w = self._window
        project = w.project
        if project is None:
            return None
        w.flush_review()
        if not isinstance(path, Path):  # not the `checked` flag of a triggered action
            chosen, _ = QFileDialog.getOpenFileName(
                w,
                "Import the partner's positions",
                w.settings.last_folder("exchange"),
                WORKBOOK_FILTER,
            )
            if not chosen:
                return None
            path = Path(chosen)
        w.settings.set_last_folder("exchange", path)
        reviewer = w.settings.reviewer_name() or None
        source = path

        def job(
            progress: ProgressCallback, cancel: CancelCheck
        ) -> tuple[ImportSummary, ReviewData]:
            from criteria_compare.workflow.exchange import import_positions

            progress(0, 100, f"Reading {source.name}…")
            summary = import_positions(project, source, reviewer=reviewer, cancel=cancel)
            # Stored: from here on the job is not cancellable.
            return summary, prepare_review(project, progress, lambda: False, lo=60, hi=100)

        self._source = source
        return w.jobs.run(
            job,
            "Importing the partner's positions",
            self._imported,
            name="import",
            pool=project_pool(),
        )

    def _imported(self, outcome: tuple[ImportSummary, ReviewData]) -> None:
        summary, prepared = outcome
        w = self._window
        if w.review is not None:
            w.review.reload(prepared)
        text = import_sentence(summary, self._source.name)
        box = QMessageBox(
            QMessageBox.Icon.Information, "Partner's positions imported", text, parent=w
        )
        box.setObjectName("exchange_import_result")
        box.setWindowModality(box.windowModality().WindowModal)
        box.open()
        self.last_box = box
        w.statusBar().showMessage(text.split(". ")[0] + ".", 10000)
