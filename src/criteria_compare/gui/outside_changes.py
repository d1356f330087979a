"""Keep the review screen current when another program commits to the open project (a CLI ``decide``
beside a read-only window, or any other writer).

Once a second, and whenever the window is activated, it asks the project whether
another connection committed (``Project.outside_changes``: ``PRAGMA data_version``,
a cheap read that also drops the project's caches) and, if so, has the review screen
re-read its queue, header counts, links and detail pane. It stays quiet while this
window's own long job (a bulk step, a re-alignment) runs. A project opened read-only
because another program writes it gets a status-bar sentence once that program
closes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.workflow.opening import in_use_by

if TYPE_CHECKING:
    from criteria_compare.gui.main_window import MainWindow

__all__ = ["POLL_MS", "OutsideChanges"]

#: How often the open project is asked for other programs' commits.
POLL_MS = 1000


class OutsideChanges(QObject):
    """Polls ``window.project`` for commits by other programs; ``refreshed`` after each re-read."""

    refreshed = Signal()
    released = Signal(str)  # the sentence shown once the program that held the project closed it

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._seen: int | None = None
        self._held_elsewhere = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)

    def watch(self) -> None:
        """Start watching the window's (newly shown) project."""
        project = self._window.project
        self._seen = None if project is None else self._count()
        # Opened read-only because another program writes it: say when that program lets go.
        self._held_elsewhere = (
            project is not None and project.read_only and in_use_by(project.path) is not None
        )
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self._seen = None
        self._held_elsewhere = False

    def _count(self) -> int | None:
        project = self._window.project
        if project is None:
            return None
        try:
            return project.outside_changes()
        except CriteriaCompareError:  # the file went away or broke: the next action says so
            return None

    def check(self) -> bool:
        """Look now; re-read the review screen if another program committed. True if it did."""
        w = self._window
        review = w.review
        if review is None or review.busy or w.jobs.active_worker is not None:
            return False
        self._check_released()
        seen = self._count()
        if seen is None or seen == self._seen:
            return False
        self._seen = seen
        review.show_outside_changes()
        self.refreshed.emit()
        return True

    def _check_released(self) -> None:
        project = self._window.project
        if not self._held_elsewhere or project is None or in_use_by(project.path) is not None:
            return
        self._held_elsewhere = False
        message = (
            f"{project.path.name} is no longer open for writing elsewhere; open it again "
            "(File → Open recent) to review it here."
        )
        self._window.statusBar().showMessage(message)
        self.released.emit(message)
