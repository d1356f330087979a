"""File → Export as OSCAL mapping… / Export as CISO Assistant mapping…: report.oscal_mapping and
report.ciso_assistant in a worker; both programs are written beside the mapping so it resolves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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

Writer = Callable[["Crosswalk", Path, Path, bool], tuple[Path, tuple[Path, ...]]]


@dataclass(frozen=True)
class _InTheWay:
    """An export that stopped before writing: files of the programs' names are someone else's."""

    paths: tuple[Path, ...]
    crosswalk: Crosswalk
    mapping: Path


def exported_sentence(mapping: Path, programs: tuple[Path, ...], what: str) -> str:
    """What the export wrote, in one sentence for the status bar."""
    names = " and ".join(p.name for p in programs)
    return f"Wrote {mapping.name} and, beside it, {names} ({what} of both programs)."


def _write_oscal(
    crosswalk: Crosswalk, path: Path, folder: Path, replace: bool
) -> tuple[Path, tuple[Path, ...]]:
    from criteria_compare.report.oscal_mapping import write_oscal_mapping

    return write_oscal_mapping(crosswalk, path, catalogs=folder, replace=replace)


def _write_ciso(
    crosswalk: Crosswalk, path: Path, folder: Path, replace: bool
) -> tuple[Path, tuple[Path, ...]]:
    from criteria_compare.report.ciso_assistant import write_ciso_mapping

    return write_ciso_mapping(crosswalk, path, frameworks=folder, replace=replace)


class InteropMenu(QObject):
    """Exports of the open comparison for GRC tools."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.last_message = ""
        self.last_box: QMessageBox | None = None
        self._export_kind: tuple[str, Writer, str] = ("", _write_oscal, "")

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

        def job(progress: ProgressCallback, cancel: CancelCheck) -> str | _InTheWay:
            from criteria_compare.report.interop import Crosswalk, FilesInTheWay

            progress(0, 2, "Reading the comparison…")
            crosswalk = Crosswalk.of(project)
            check_cancel(cancel)
            progress(1, 2, f"Writing {path.name}…")
            try:
                mapping, programs = write(crosswalk, path, path.parent, False)
            except FilesInTheWay as exc:
                return _InTheWay(exc.paths, crosswalk, path)
            return exported_sentence(mapping, programs, what)

        self._export_kind = (title, write, what)
        return w.jobs.run(
            job, f"Exporting the {title}", self._first_pass_done, name="export", pool=project_pool()
        )

    def _first_pass_done(self, result: str | _InTheWay) -> None:
        if isinstance(result, _InTheWay):
            self._ask_to_replace(result, *self._export_kind)
        else:
            self._exported(result)

    def _ask_to_replace(self, blocked: _InTheWay, title: str, write: Writer, what: str) -> None:
        """Name the files an export would replace and write only if the user says Replace."""
        w = self._window
        names = "\n".join(f"  {p.name}" for p in blocked.paths)
        one = len(blocked.paths) == 1
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            f"Export as {title}",
            f"The {what} are written beside the mapping, and "
            f"{'this file' if one else 'these files'} in {blocked.paths[0].parent} "
            f"{'is' if one else 'are'} not from an earlier export of the same "
            f"program{'' if one else 's'}:\n\n{names}\n\nReplace "
            f"{'it' if one else 'them'}? Choose Cancel to keep {'it' if one else 'them'} and "
            "export into another folder instead.",
            QMessageBox.StandardButton.Cancel,
            parent=w,
        )
        box.setObjectName("interop_replace")
        replace = box.addButton("Replace", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.last_box = box

        def answered() -> None:
            if box.clickedButton() is not replace:
                w.statusBar().showMessage("Export cancelled; nothing was written.", 5000)
                return

            def job(progress: ProgressCallback, cancel: CancelCheck) -> str:
                progress(1, 2, f"Writing {blocked.mapping.name}…")
                mapping, programs = write(
                    blocked.crosswalk, blocked.mapping, blocked.mapping.parent, True
                )
                return exported_sentence(mapping, programs, what)

            w.jobs.run(
                job, f"Exporting the {title}", self._exported, name="export", pool=project_pool()
            )

        box.finished.connect(answered)
        box.open()

    def _exported(self, message: str) -> None:
        self.last_message = message
        self._window.statusBar().showMessage(message, 10000)
