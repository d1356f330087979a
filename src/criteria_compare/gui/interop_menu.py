"""File → Export as OSCAL mapping… / Export as CISO Assistant mapping…: report.oscal_mapping and
report.ciso_assistant in a worker; both programs are written beside the mapping so it resolves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.report.interop import Crosswalk

__all__ = ["CISO_FILTER", "OSCAL_FILTER", "InteropMenu", "exported_sentence"]

OSCAL_FILTER = "OSCAL mapping (*.json)"
CISO_FILTER = "CISO Assistant library (*.yaml)"

Writer = Callable[["Crosswalk", Path, Path], tuple[Path, tuple[Path, ...]]]


def exported_sentence(mapping: Path, programs: tuple[Path, ...], what: str) -> str:
    """What the export wrote, in one sentence for the status bar."""
    names = " and ".join(p.name for p in programs)
    return f"Wrote {mapping.name} and, beside it, {names} ({what} of both programs)."


def _write_oscal(crosswalk: Crosswalk, path: Path, folder: Path) -> tuple[Path, tuple[Path, ...]]:
    from criteria_compare.report.oscal_mapping import write_oscal_mapping

    return write_oscal_mapping(crosswalk, path, catalogs=folder)


def _write_ciso(crosswalk: Crosswalk, path: Path, folder: Path) -> tuple[Path, tuple[Path, ...]]:
    from criteria_compare.report.ciso_assistant import write_ciso_mapping

    return write_ciso_mapping(crosswalk, path, frameworks=folder)


class InteropMenu(QObject):
    """Exports of the open comparison for GRC tools."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_message = ""
        self.last_box: QMessageBox | None = None

    def export_oscal(self) -> Worker | None:
        """Ask where to write the OSCAL mapping, then write it and both catalogs in a worker."""
        return self._export(
            "OSCAL mapping", "an", OSCAL_FILTER, ".json", _write_oscal, "OSCAL catalogs"
        )

    def export_ciso(self) -> Worker | None:
        """Ask where to write the CISO Assistant mapping, then write it and both frameworks."""
        return self._export(
            "CISO Assistant mapping", "a", CISO_FILTER, ".yaml", _write_ciso, "framework libraries"
        )

    def _export(
        self, title: str, article: str, filter_: str, suffix: str, write: Writer, what: str
    ) -> Worker | None:
        w = self._window
        project = w.project
        if project is None:
            return None
        w.flush_review()
        if not project.links():  # say so before asking for a file name
            from criteria_compare.report.interop import no_links

            box = QMessageBox(
                QMessageBox.Icon.Information,
                f"Export as {title}",
                str(no_links(f"{article} {title}")),
                parent=w,
            )
            box.setObjectName("interop_no_links")
            box.open()
            self.last_box = box
            return None
        suggested = str(
            Path(w.settings.last_folder("interop")) / f"{project.path.stem} mapping{suffix}"
        )
        target, _ = QFileDialog.getSaveFileName(w, f"Export as {title}", suggested, filter_)
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        w.settings.set_last_folder("interop", path)

        def job(progress: ProgressCallback, cancel: CancelCheck) -> str:
            from criteria_compare.report.interop import Crosswalk

            progress(0, 2, "Reading the comparison…")
            crosswalk = Crosswalk.of(project)
            check_cancel(cancel)
            progress(1, 2, f"Writing {path.name}…")
            mapping, programs = write(crosswalk, path, path.parent)
            return exported_sentence(mapping, programs, what)

        return w.jobs.run(
            job, f"Exporting the {title}", self._exported, name="export", pool=project_pool()
        )

    def _exported(self, message: str) -> None:
        self.last_message = message
        self._window.statusBar().showMessage(message, 10000)
