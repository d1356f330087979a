"""The main window: start screen or review screen, menus from actions.py, one undo stack per project.

Its roles live in their own modules: the menus and action wiring (``window_actions``),
the File menu (``file_menu``), Re-align/Re-fit (``aligner_menu``), merging reviewer copies
(``merge_menu``), recent projects
(``recent_projects``), the reviewer-name question (``reviewer_gate``), long jobs
(``job_runner``) and the About box (``about``).
"""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from criteria_compare.gui.about import show_about
from criteria_compare.gui.actions import build_actions, install_typing_guard
from criteria_compare.gui.aligner_menu import AlignerMenu
from criteria_compare.gui.appearance import AppearanceControl
from criteria_compare.gui.errors_dialog import show_error, user_message
from criteria_compare.gui.exchange_menu import ExchangeMenu
from criteria_compare.gui.file_menu import PROJECT_FILTER, FileMenu, dropped_file
from criteria_compare.gui.interop_menu import InteropMenu
from criteria_compare.gui.job_runner import JobRunner
from criteria_compare.gui.merge_menu import MergeMenu
from criteria_compare.gui.outside_changes import OutsideChanges
from criteria_compare.gui.recent_projects import RecentProjects, project_counts, project_title
from criteria_compare.gui.reviewer_gate import ReviewerGate
from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.typed_keys import install_typed_keys
from criteria_compare.gui.undo_actions import UndoActions
from criteria_compare.gui.update_menu import UpdateMenu
from criteria_compare.gui.views.review_data import OpenedProject, ReviewData, release_frozen
from criteria_compare.gui.views.start_screen import StartScreen
from criteria_compare.gui.window_actions import (
    build_menus,
    connect_shell_actions,
    disconnect_review_actions,
    set_project_actions_enabled,
)
from criteria_compare.gui.window_status import WindowStatus
from criteria_compare.project import Project

if TYPE_CHECKING:
    from criteria_compare.gui.views.review import ReviewView

__all__ = [
    "APP_TITLE",
    "PROJECT_FILTER",
    "REVIEW_STATE_KEY",
    "MainWindow",
    "review_view_class",
]

APP_TITLE = "criteria-compare"
REVIEW_STATE_KEY = "review/splitters"


def review_view_class() -> type[ReviewView]:
    """The review screen class (imported on first use, so the start screen appears sooner)."""
    from criteria_compare.gui.views.review import ReviewView

    return ReviewView


class MainWindow(QMainWindow):
    """Hosts the start screen and the review screen; owns the open project and its undo stack."""

    projectOpened = Signal(object)  # the Project, once the review screen shows it
    projectClosed = Signal()
    jobFailed = Signal(str)  # one sentence, also shown in a dialog

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        ask_reviewer: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.project: Project | None = None
        self.review: ReviewView | None = None
        self._shortcuts_dialog: QWidget | None = None
        self._restored = False
        self.remember_window = True  # False for --screenshot runs: keep the user's geometry
        self.remember_recent = (
            True  # False for --screenshot runs: recent list and folders untouched
        )

        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        fit_to_screen(self, 1280, 820)  # the first time; later the size the user left

        self.actions_by_name = build_actions(self)
        app = QApplication.instance()
        self.typing_guard = (
            install_typing_guard(app, self.actions_by_name)
            if isinstance(app, QApplication)
            else None
        )
        self.typed_keys = (
            install_typed_keys(app, self, self.actions_by_name)
            if isinstance(app, QApplication)
            else None
        )
        self.start_screen = StartScreen(self.actions_by_name)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self.menus, self.recent_menu = build_menus(self.menuBar(), self.actions_by_name)
        self.appearance = AppearanceControl(self.settings, self.actions_by_name, self)
        self.status = WindowStatus(self.statusBar())

        self.undo = UndoActions(self.actions_by_name["undo"], self.actions_by_name["redo"], self)
        self.jobs = JobRunner(self, self.show_failure)
        self.reviewer_gate = ReviewerGate(self.settings, self, ask=ask_reviewer)
        self.reviewer_gate.nameChanged.connect(self._apply_reviewer)
        self.file_menu = FileMenu(self)
        self.outside = OutsideChanges(self)
        self.aligner_menu = AlignerMenu(self)
        self.exchange_menu = ExchangeMenu(self)
        self.interop_menu = InteropMenu(self)
        self.merge_menu = MergeMenu(self)
        self.update_menu = UpdateMenu(self)
        self.recent = RecentProjects(
            self.settings, self.start_screen, self.recent_menu, self.file_menu.open_path, self
        )
        connect_shell_actions(self)
        self.start_screen.openRequested.connect(self.file_menu.open_path)
        self._set_project_actions_enabled(False)
        self.recent.refresh()

    # -- construction ---------------------------------------------------------------------
    def _set_project_actions_enabled(self, enabled: bool) -> None:
        set_project_actions_enabled(
            self.actions_by_name, enabled, has_undo_stack=self.undo.stack is not None
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Restore the window geometry the first time the window is shown."""
        if not self._restored:
            self._restored = True
            if self.remember_window:
                self.settings.restore_window(self)
        super().showEvent(event)

    # -- the review screen -------------------------------------------------------------------
    def show_opened(self, opened: OpenedProject) -> None:
        """Show a project a worker opened (with the review data it read)."""
        # Build the screen now, show it on the next turn of the event loop: building and
        # the first paint of a big project are two short blocks instead of one long one.
        self.show_project(opened.project, opened.data, reveal=False)

    def show_project(
        self, project: Project, prepared: ReviewData | None = None, *, reveal: bool = True
    ) -> None:
        """Put ``project`` on the review screen (closing any other one).

        ``prepared`` is the review data a worker read while opening it (see
        ``views.review_data.open_for_review``); without it the screen reads it here.
        With ``reveal=False`` the screen is built now and shown (and ``projectOpened``
        emitted) on the next turn of the event loop.
        """
        if self.project is not None:
            self.close_project()
        self.project = project
        self._set_project_actions_enabled(True)
        stack = self.undo.new_stack(self._saved)
        try:
            review = review_view_class()(
                project, stack, self.actions_by_name, self, prepared=prepared
            )
        except Exception as exc:  # never leave a half-open project behind a broken screen  # noqa: BLE001
            self._abandon(project)
            self.show_failure(user_message(exc))
            return
        self.review = review
        self.stack.addWidget(review)
        state = self.settings.restore_state(REVIEW_STATE_KEY)
        if state is not None:
            review.restore_state(state)
        review.countsChanged.connect(self._counts_changed)
        review.refitDue.connect(self.aligner_menu.background_refit)
        self.undo.notify = review.show_notice
        review.noticeActed.connect(self.aligner_menu.apply_offer)
        review.set_write_gate(self.reviewer_gate.before_write)

        title = project_title(project)
        marker = " [read-only]" if project.read_only else ""
        self.setWindowTitle(f"{title}{marker} — {APP_TITLE}")
        if self.remember_recent:
            reviewed, total = project_counts(project)
            self.settings.add_recent(project.path, reviewed=reviewed, total=total, title=title)
            self.settings.set_last_folder("project", project.path)
        self.status.project_shown(project)
        self._apply_reviewer()
        self.outside.watch()
        if reveal:
            self._reveal(review)
        else:
            # A real (1 ms) timer, not a posted call: the event loop takes a full turn, so
            # input and timers waiting since the build are handled before the first paint.
            QTimer.singleShot(1, functools.partial(self._reveal, review))

    def _reveal(self, review: QWidget) -> None:
        """Show the review screen built by show_project (unless it was closed meanwhile)."""
        if self.review is not review or self.project is None:
            return
        self.stack.setCurrentWidget(review)
        review.setFocus(Qt.FocusReason.OtherFocusReason)
        self.projectOpened.emit(self.project)

    def _forget_project(self) -> None:
        self.outside.stop()
        disconnect_review_actions(self.actions_by_name)
        self.reviewer_gate.drop_pending()
        self.project = None
        self.review = None
        self.undo.drop_stack()
        self.undo.notify = None

    def _abandon(self, project: Project) -> None:
        """Undo a show_project that could not build its screen."""
        self._forget_project()
        self._set_project_actions_enabled(False)
        with contextlib.suppress(Exception):
            project.close()

    def close_project(self) -> None:
        """Close the open project and return to the start screen."""
        if self.project is None:
            return
        project, review = self.project, self.review
        self.flush_review()
        if review is not None:
            self.settings.save_state(REVIEW_STATE_KEY, review.save_state())
            review.detach()
        self.recent.stop()
        if self.remember_recent:
            try:
                reviewed, total = project_counts(project)
                self.settings.update_recent_counts(project.path, reviewed, total)
            except Exception:  # a damaged file must not stop the window from closing  # noqa: BLE001
                pass
        self._forget_project()
        if review is not None:
            self.stack.removeWidget(review)
            review.deleteLater()
        self.aligner_menu.stop_background()
        project.close()
        release_frozen()
        self.stack.setCurrentWidget(self.start_screen)
        self.setWindowTitle(APP_TITLE)
        self.status.clear()
        self.undo.reset_texts()
        self._set_project_actions_enabled(False)
        self.recent.refresh()
        self.projectClosed.emit()

    def flush_review(self) -> None:
        """Commit a note the user is still typing before the project is used elsewhere.

        Never waits for the reviewer-name question: the note must be on disk before the
        project is closed, copied or exported (it carries the OS user name if no name
        was given yet).
        """
        if self.review is not None:
            with self.reviewer_gate.bypassed():
                self.review.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window and close the project (every decision is already on disk)."""
        self.jobs.stop_all()
        if self.remember_window:
            self.settings.save_window(self)
        self.close_project()
        self.settings.sync()
        if self.typing_guard is not None:
            self.typing_guard.detach()
            self.typing_guard = None
        if self.typed_keys is not None:
            self.typed_keys.detach()
            self.typed_keys = None
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """On activation, look at once for decisions another program saved meanwhile."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.outside.check()

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one .ccproj file (to open) or one spreadsheet (to compare)."""
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open a dropped project; a dropped spreadsheet starts a comparison with it as partner."""
        path = dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.file_menu.open_file(path)

    # -- help --------------------------------------------------------------------------------
    def show_shortcuts(self) -> QWidget:
        """Show the keyboard legend (non-modal)."""
        from criteria_compare.gui.views.shortcuts_help import ShortcutsDialog

        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()
        self._shortcuts_dialog.activateWindow()
        return self._shortcuts_dialog

    def show_import_warnings(self) -> QWidget | None:
        """View → Import warnings: the importer's warnings for both programs (non-modal)."""
        from criteria_compare.gui.views.import_warnings import ImportWarningsDialog

        if self.project is None:
            return None
        dialog = ImportWarningsDialog(self.project, self)
        dialog.show()
        return dialog

    def show_about(self) -> QMessageBox:
        """Version, where settings, data and logs live, and the licence (non-modal)."""
        return show_about(self, self.settings.qsettings.fileName())

    # -- status ------------------------------------------------------------------------------
    def _apply_reviewer(self) -> None:
        name = self.reviewer_gate.name
        project = self.project
        if project is None:
            return
        if project.reviewer != name and not project.read_only:
            try:
                project.set_reviewer(name)
            except Exception as exc:  # a locked file: decisions still carry the OS user  # noqa: BLE001
                self.statusBar().showMessage(str(exc), 8000)
        self.status.show_reviewer(name)

    def _saved(self, *_: object) -> None:
        if self.project is not None and self.project.read_only:
            return  # repainted after another program's change: still read-only here
        self.status.saved()

    def _counts_changed(self) -> None:
        self._saved()
        if self.remember_recent and self.project is not None and self.review is not None:
            self.recent.counts_changed(self.project.path, self.review.progress)

    def show_failure(self, message: str) -> None:
        """Emit ``jobFailed`` and show ``message`` (one sentence) in a dialog."""
        self.jobFailed.emit(message)
        show_error(self, "criteria-compare", message)
