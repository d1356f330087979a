"""Recent projects: the start screen's list, File → Open recent, and their reviewed counts."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu

from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views.start_screen import StartScreen
from criteria_compare.model import Status
from criteria_compare.project import Project

__all__ = ["RECENT_REFRESH_MS", "RecentProjects", "project_counts", "project_title"]

RECENT_REFRESH_MS = 2000  # recent-project counts are rewritten at most this often while reviewing


def project_counts(project: Project) -> tuple[int, int]:
    """(reviewed, total) reference criteria of ``project``."""
    total = len(project.reference.criteria)
    reviewed = sum(1 for a in project.assessments().values() if a.status != Status.UNREVIEWED)
    return reviewed, total


def project_title(project: Project) -> str:
    """ "<reference> ⇄ <partner>", the name of a comparison, in the order of the review header."""
    return f"{project.reference.name} ⇄ {project.partner.name}"


class RecentProjects(QObject):
    """Keeps the recent list on the start screen and in ``menu`` current; opens through ``open_path``."""

    def __init__(
        self,
        settings: Settings,
        start_screen: StartScreen,
        menu: QMenu,
        open_path: Callable[[Path], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._start_screen = start_screen
        self._menu = menu
        self._open_path = open_path
        self._counts: tuple[Path, Callable[[], tuple[int, int]]] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECENT_REFRESH_MS)
        self._timer.timeout.connect(self._store_counts)
        menu.aboutToShow.connect(self._fill_menu)
        start_screen.forgetRequested.connect(self.forget)

    def refresh(self) -> None:
        """Show the recent projects (missing files pruned) on the start screen."""
        self._start_screen.set_recent(self._settings.recent_projects())

    def forget(self, path: Path) -> None:
        """Remove ``path`` from the recent projects (the file itself is left alone)."""
        self._settings.remove_recent(path)
        self.refresh()

    def counts_changed(self, path: Path, progress: Callable[[], tuple[int, int]]) -> None:
        """Write ``progress()`` (reviewed, total) for ``path`` soon, at most every RECENT_REFRESH_MS."""
        self._counts = (path, progress)
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """Drop a pending count update (the project is closing and records its own)."""
        self._timer.stop()
        self._counts = None

    def _store_counts(self) -> None:
        """Write the reviewed count of the open project to the recent list (survives a crash)."""
        if self._counts is None:
            return
        path, progress = self._counts
        reviewed, total = progress()
        self._settings.update_recent_counts(path, reviewed, total)
        self._settings.sync()

    def _fill_menu(self) -> None:
        menu = self._menu
        menu.clear()
        entries = self._settings.recent_projects()
        for number, entry in enumerate(entries, start=1):
            label = entry.title or entry.path.stem
            counts = f" — {entry.counts_text}" if entry.counts_text else ""
            prefix = f"&{number % 10}  " if number <= 10 else ""
            action = menu.addAction(f"{prefix}{label.replace('&', '&&')}{counts}")
            action.setToolTip(str(entry.path))
            action.setStatusTip(str(entry.path))
            action.triggered.connect(functools.partial(self._open_path, entry.path))
        if not entries:
            menu.addAction("No recent projects").setEnabled(False)
