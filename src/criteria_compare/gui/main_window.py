"""The main window: start screen or review screen, menus from actions.py, one undo stack per project."""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from criteria_compare import __version__
from criteria_compare.crashlog import log_file
from criteria_compare.gui.actions import (
    MENU_LAYOUT,
    PROJECT_ACTIONS,
    REVIEW_ACTIONS,
    build_actions,
    install_typing_guard,
)
from criteria_compare.gui.errors_dialog import show_error, user_message
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views.import_wizard import SPREADSHEET_SUFFIXES
from criteria_compare.gui.views.progress_dialog import ProgressDialog
from criteria_compare.gui.views.review_data import (
    OpenedProject,
    ReviewData,
    open_for_review,
    prepare_review,
    release_frozen,
)
from criteria_compare.gui.views.start_screen import StartScreen
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.model import Status
from criteria_compare.osuser import os_user
from criteria_compare.progress import scaled
from criteria_compare.workflow import copying, opening, sample

__all__ = [
    "APP_TITLE",
    "PROJECT_FILTER",
    "REVIEW_STATE_KEY",
    "MainWindow",
    "project_counts",
    "project_title",
    "review_view_class",
]

PROJECT_FILTER = "criteria-compare projects (*.ccproj)"
APP_TITLE = "criteria-compare"
REVIEW_STATE_KEY = "review/splitters"
RECENT_REFRESH_MS = 2000  # recent-project counts are rewritten at most this often while reviewing


def review_view_class() -> type[QWidget]:
    """The review screen class (imported on first use, so the start screen appears sooner)."""
    from criteria_compare.gui.views.review import ReviewView

    return ReviewView


def project_counts(project: Any) -> tuple[int, int]:
    """(reviewed, total) reference criteria of ``project``."""
    total = len(project.reference.criteria)
    reviewed = sum(1 for a in project.assessments().values() if a.status != Status.UNREVIEWED)
    return reviewed, total


def project_title(project: Any) -> str:
    """ "<partner> vs <reference>", the name of a comparison."""
    return f"{project.partner.name} vs {project.reference.name}"


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
        self.ask_reviewer = ask_reviewer
        self.project: Any | None = None
        self.review: Any | None = None
        self.undo_stack: QUndoStack | None = None
        self.active_worker: Worker | None = None
        self._shortcuts_dialog: QWidget | None = None
        self.refit_dialog: QWidget | None = None
        self._reviewer_dialog: QInputDialog | None = None
        self._pending_writes: list[tuple[QWidget, Callable[[], object]]] = []
        self._flushing = False
        self._restored = False
        self.remember_window = True  # False for --screenshot runs: keep the user's geometry
        self.remember_recent = (
            True  # False for --screenshot runs: recent list and folders untouched
        )
        self._recent_timer = QTimer(self)
        self._recent_timer.setSingleShot(True)
        self._recent_timer.setInterval(RECENT_REFRESH_MS)
        self._recent_timer.timeout.connect(self._store_recent_counts)

        self.setWindowTitle(APP_TITLE)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.resize(1280, 820)

        self.actions = build_actions(self)
        app = QApplication.instance()
        self.typing_guard = (
            install_typing_guard(app, self.actions) if isinstance(app, QApplication) else None
        )
        self.start_screen = StartScreen(self.actions)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_screen)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self._build_status_bar()

        self._connect_actions()
        self.start_screen.openRequested.connect(self.open_path)
        self.start_screen.forgetRequested.connect(self.forget_recent)
        self._set_project_actions_enabled(False)
        self.refresh_recent()

    # -- construction ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {}
        for title, names in MENU_LAYOUT:
            menu = bar.addMenu(title)
            menu.setObjectName(f"menu_{title.replace('&', '').lower()}")
            self.menus[title.replace("&", "")] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                    continue
                menu.addAction(self.actions[name])
                if name == "open_project":
                    self.recent_menu = menu.addMenu("Open &recent")
                    self.recent_menu.setObjectName("menu_recent")
                    self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.reviewer_label = QLabel()
        self.reviewer_label.setAccessibleName("Reviewer")
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Save state")
        self.reviewer_label.setContentsMargins(8, 0, 8, 0)
        self.saved_label.setContentsMargins(8, 0, 8, 0)
        status.addPermanentWidget(self.reviewer_label)
        status.addPermanentWidget(self.saved_label)

    def _connect_actions(self) -> None:
        a = self.actions
        a["new_comparison"].triggered.connect(self.new_comparison)
        a["open_project"].triggered.connect(self.choose_project)
        a["open_sample"].triggered.connect(self.open_sample)
        a["save_copy"].triggered.connect(self.save_copy)
        a["export_report"].triggered.connect(self.export_report)
        a["close_project"].triggered.connect(self.close_project)
        a["quit"].triggered.connect(self.close)
        a["realign"].triggered.connect(self.realign)
        a["refit"].triggered.connect(self.refit)
        a["set_reviewer"].triggered.connect(self.ask_reviewer_name)
        a["shortcuts_help"].triggered.connect(self.show_shortcuts)
        a["about"].triggered.connect(self.show_about)
        a["undo"].triggered.connect(self._undo)
        a["redo"].triggered.connect(self._redo)

    def _set_project_actions_enabled(self, enabled: bool) -> None:
        for name in PROJECT_ACTIONS:
            self.actions[name].setEnabled(enabled)
        if not enabled or self.undo_stack is None:
            self.actions["undo"].setEnabled(False)
            self.actions["redo"].setEnabled(False)

    # -- start screen -----------------------------------------------------------------------
    def refresh_recent(self) -> None:
        """Show the recent projects (missing files pruned) on the start screen."""
        self.start_screen.set_recent(self.settings.recent_projects())

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        entries = self.settings.recent_projects()
        for number, entry in enumerate(entries, start=1):
            label = entry.title or entry.path.stem
            counts = f" — {entry.counts_text}" if entry.counts_text else ""
            prefix = f"&{number % 10}  " if number <= 10 else ""
            action = menu.addAction(f"{prefix}{label.replace('&', '&&')}{counts}")
            action.setToolTip(str(entry.path))
            action.setStatusTip(str(entry.path))
            action.triggered.connect(functools.partial(self.open_path, entry.path))
        if not entries:
            menu.addAction("No recent projects").setEnabled(False)

    def forget_recent(self, path: Path) -> None:
        """Remove ``path`` from the recent projects (the file itself is left alone)."""
        self.settings.remove_recent(path)
        self.refresh_recent()

    def showEvent(self, event: Any) -> None:
        """Restore the window geometry the first time the window is shown."""
        if not self._restored:
            self._restored = True
            if self.remember_window:
                self.settings.restore_window(self)
        super().showEvent(event)

    # -- opening ---------------------------------------------------------------------------
    def choose_project(self) -> None:
        """Ask for a .ccproj file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Open project", self.settings.last_folder("project"), PROJECT_FILTER
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path | str) -> Worker | None:
        """Open a project file in a worker; the review screen shows when it is ready."""
        path = Path(path)
        if not path.is_file():
            self.settings.remove_recent(path)
            self.refresh_recent()
            self._fail(f"{path} does not exist any more; it was removed from the recent projects.")
            return None
        if self.project is not None and Path(self.project.path).resolve() == path.resolve():
            return None
        if self.remember_recent:
            self.settings.set_last_folder("project", path)
        return self._run(
            functools.partial(open_for_review, opening.open_project, path),
            f"Opening {path.name}",
            self._show_opened,
            name="opening of the project",
        )

    def open_sample(self) -> Worker | None:
        """Open the bundled sample comparison, building it first if needed."""
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        target = sample.sample_project_path(Path(data))
        if self.project is not None and Path(self.project.path).resolve() == target.resolve():
            return None
        return self._run(
            functools.partial(open_for_review, sample.open_sample, target),
            "Preparing the sample comparison",
            self._show_opened,
            name="sample preparation",
            pool=project_pool(),
        )

    def new_comparison(self, partner: Path | None = None) -> Any:
        """Start the new-comparison wizard (non-blocking); it opens the project when done.

        ``partner`` (a spreadsheet given on the command line or dropped on the window)
        is filled in as the partner program.
        """
        from criteria_compare.gui.views.import_wizard import NewComparisonWizard

        wizard = NewComparisonWizard(self.settings, self)
        wizard.projectCreated.connect(self.open_path)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if isinstance(partner, Path):
            wizard.partner_page.set_path(partner)
        wizard.open()
        return wizard

    def _show_opened(self, opened: OpenedProject) -> None:
        # Build the screen now, show it on the next turn of the event loop: building and
        # the first paint of a big project are two short blocks instead of one long one.
        self.show_project(opened.project, opened.data, reveal=False)

    def show_project(
        self, project: Any, prepared: ReviewData | None = None, *, reveal: bool = True
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
        self.undo_stack = QUndoStack(self)
        self.undo_stack.canUndoChanged.connect(self.actions["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions["redo"].setEnabled)
        # Bound methods, not lambdas: Qt drops them with the window, so a stack cleared while the
        # window is torn down never reaches actions already deleted.
        self.undo_stack.undoTextChanged.connect(self._undo_text_changed)
        self.undo_stack.redoTextChanged.connect(self._redo_text_changed)
        self.undo_stack.indexChanged.connect(self._saved)
        self._set_project_actions_enabled(True)
        self.actions["undo"].setEnabled(False)
        self.actions["redo"].setEnabled(False)

        try:
            self.review = review_view_class()(
                project, self.undo_stack, self.actions, self, prepared=prepared
            )
        except Exception as exc:  # never leave a half-open project behind a broken screen
            self._abandon(project)
            self._fail(user_message(exc))
            return
        self.stack.addWidget(self.review)
        state = self.settings.restore_state(REVIEW_STATE_KEY)
        if state is not None:
            self.review.restore_state(state)
        self.review.countsChanged.connect(self._counts_changed)
        set_gate = getattr(self.review, "set_write_gate", None)
        if callable(set_gate):
            set_gate(self._before_write)

        title = project_title(project)
        read_only = bool(getattr(project, "read_only", False))
        marker = " [read-only]" if read_only else ""
        self.setWindowTitle(f"{title}{marker} — {APP_TITLE}")
        if self.remember_recent:
            reviewed, total = project_counts(project)
            self.settings.add_recent(project.path, reviewed=reviewed, total=total, title=title)
            self.settings.set_last_folder("project", project.path)
        self.saved_label.setText("Read-only" if read_only else "All changes saved")
        if read_only:
            reason = getattr(project, "read_only_reason", "") or "the file cannot be written"
            self.saved_label.setToolTip(f"Opened read-only: {reason}")
            self.statusBar().showMessage(f"Opened read-only: {reason}", 15000)
        else:
            self.saved_label.setToolTip("Every decision is written to the project file at once.")
            self.statusBar().showMessage(f"Opened {Path(project.path).name}", 5000)
        self._apply_reviewer()
        if reveal:
            self._reveal(self.review)
        else:
            # A real (1 ms) timer, not a posted call: the event loop takes a full turn, so
            # input and timers waiting since the build are handled before the first paint.
            QTimer.singleShot(1, functools.partial(self._reveal, self.review))

    def _reveal(self, review: QWidget) -> None:
        """Show the review screen built by show_project (unless it was closed meanwhile)."""
        if self.review is not review or self.project is None:
            return
        self.stack.setCurrentWidget(review)
        review.setFocus(Qt.FocusReason.OtherFocusReason)
        self.projectOpened.emit(self.project)

    def _abandon(self, project: Any) -> None:
        """Undo a show_project that could not build its screen."""
        self._disconnect_review_actions()
        self.project = None
        self.review = None
        if self.undo_stack is not None:
            self.undo_stack.blockSignals(True)  # clearing it on deletion must not relabel
            self.undo_stack.deleteLater()
            self.undo_stack = None
        self._set_project_actions_enabled(False)
        with contextlib.suppress(Exception):
            project.close()

    # -- closing ---------------------------------------------------------------------------
    def close_project(self) -> None:
        """Close the open project and return to the start screen."""
        if self.project is None:
            return
        project, review = self.project, self.review
        self._flush_review()
        if review is not None:
            self.settings.save_state(REVIEW_STATE_KEY, review.save_state())
            detach = getattr(review, "detach", None)
            if callable(detach):
                detach()
        self._recent_timer.stop()
        if self.remember_recent:
            try:
                reviewed, total = project_counts(project)
                self.settings.update_recent_counts(project.path, reviewed, total)
            except Exception:  # a damaged file must not stop the window from closing
                pass
        self._disconnect_review_actions()
        self.project = None
        self.review = None
        if review is not None:
            self.stack.removeWidget(review)
            review.deleteLater()
        if self.undo_stack is not None:
            self.undo_stack.blockSignals(True)  # clearing it on deletion must not relabel
            self.undo_stack.deleteLater()
            self.undo_stack = None
        project.close()
        release_frozen()
        self.stack.setCurrentWidget(self.start_screen)
        self.setWindowTitle(APP_TITLE)
        self.saved_label.clear()
        self.reviewer_label.clear()
        self.statusBar().clearMessage()
        self.actions["undo"].setText("&Undo")
        self.actions["redo"].setText("&Redo")
        self._set_project_actions_enabled(False)
        self.refresh_recent()
        self.projectClosed.emit()

    def _flush_review(self) -> None:
        """Commit a note the user is still typing before the project is used elsewhere.

        Never waits for the reviewer-name question: the note must be on disk before the
        project is closed, copied or exported (it carries the OS user name if no name
        was given yet).
        """
        flush = getattr(self.review, "flush", None)
        if callable(flush):
            self._flushing = True
            try:
                flush()
            finally:
                self._flushing = False

    def _disconnect_review_actions(self) -> None:
        for name in REVIEW_ACTIONS:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                with contextlib.suppress(RuntimeError, TypeError):
                    self.actions[name].triggered.disconnect()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the window and close the project (every decision is already on disk)."""
        # Running jobs (open, re-align, a wizard's creation) stop at their next cancel
        # check; wait for them so no thread writes a file after the window is gone.
        if self.active_worker is not None:
            self.active_worker.cancel()
        from criteria_compare.gui.views.import_wizard import NewComparisonWizard

        for wizard in self.findChildren(NewComparisonWizard):
            if wizard.worker is not None:
                wizard.worker.cancel()
        project_pool().waitForDone(15000)
        QThreadPool.globalInstance().waitForDone(15000)
        if self.remember_window:
            self.settings.save_window(self)
        self.close_project()
        self.settings.sync()
        if self.typing_guard is not None:
            self.typing_guard.detach()
            self.typing_guard = None
        super().closeEvent(event)

    # -- drag and drop -----------------------------------------------------------------------
    @staticmethod
    def _dropped_file(mime: Any) -> Path | None:
        """The one project or spreadsheet file being dragged, if that is what it is."""
        if not mime.hasUrls():
            return None
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if len(paths) != 1:
            return None
        suffix = paths[0].suffix.lower()
        return paths[0] if suffix == ".ccproj" or suffix in SPREADSHEET_SUFFIXES else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one .ccproj file (to open) or one spreadsheet (to compare)."""
        if self._dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open a dropped project; a dropped spreadsheet starts a comparison with it as partner."""
        path = self._dropped_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_file(path)

    def open_file(self, path: Path) -> Any:
        """Open a project, or start a new comparison when ``path`` is a spreadsheet."""
        if path.suffix.lower() in SPREADSHEET_SUFFIXES:
            return self.new_comparison(partner=path)
        return self.open_path(path)

    # -- project actions ---------------------------------------------------------------------
    def save_copy(self) -> Worker | None:
        """Write a consistent copy of the project file elsewhere."""
        if self.project is None:
            return None
        self._flush_review()
        source = Path(self.project.path)
        suggested = str(Path(self.settings.last_folder("copy")) / f"{source.stem} copy.ccproj")
        target, _ = QFileDialog.getSaveFileName(self, "Save a copy", suggested, PROJECT_FILTER)
        if not target:
            return None
        target_path = Path(target)
        if target_path.suffix.lower() != ".ccproj":
            target_path = target_path.with_name(target_path.name + ".ccproj")
        self.settings.set_last_folder("copy", target_path)
        return self._run(
            functools.partial(copying.save_copy, source, target_path),
            "Saving a copy",
            self._copy_saved,
            name="copy",
            pool=project_pool(),
        )

    def export_report(self) -> Any:
        """Open the export dialog (PDF or workbook) for the open project."""
        if self.project is None:
            return None
        self._flush_review()
        try:
            from criteria_compare.gui.views.export_dialog import ExportDialog
        except ModuleNotFoundError as exc:
            if exc.name != "criteria_compare.gui.views.export_dialog":
                raise
            self._fail(
                "Exporting a report is not available in this build yet; "
                "use `criteria-compare report PROJECT -o report.pdf` on the command line."
            )
            return None
        dialog = ExportDialog(self.project, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def realign(self) -> Worker | None:
        """Recompute the suggestions in a worker, keeping every decision, then refresh the view."""
        project = self.project
        if project is None:
            return None
        self._flush_review()

        def job(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Any:
            from criteria_compare.workflow.realign import realign

            result = realign(project, progress=scaled(progress, 0, 90), cancel=cancel)
            # The new suggestions are stored: from here on the job is not cancellable.
            return result, prepare_review(project, progress, lambda: False, lo=90, hi=100)

        return self._run(
            job, "Re-aligning suggestions", self._realigned, name="alignment", pool=project_pool()
        )

    def _realigned(self, outcome: Any) -> None:
        result, prepared = outcome if isinstance(outcome, tuple) else (outcome, None)
        if self.review is not None:
            self.review.reload(prepared)
        notices = "; ".join(getattr(result, "notices", ()) or ())
        message = "Suggestions re-aligned; every decision was kept."
        self.statusBar().showMessage(f"{message} {notices}".strip(), 10000)

    def refit(self) -> Worker | None:
        """Re-fit the aligner from the confirmed links in a worker, then show what it found."""
        project = self.project
        if project is None:
            return None
        self._flush_review()

        def job(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> Any:
            from criteria_compare.workflow.realign import refit_project

            return refit_project(project, progress=progress, cancel=cancel)

        return self._run(
            job,
            "Re-fitting from confirmed links",
            self._refitted,
            name="refit",
            pool=project_pool(),
        )

    def _refitted(self, result: Any) -> None:
        project = self.project
        if project is None:
            return
        from criteria_compare.gui.views.refit_dialog import RefitDialog
        from criteria_compare.workflow.realign import aligner_settings

        dialog = RefitDialog(
            result, aligner_settings(project), read_only=bool(project.read_only), parent=self
        )
        dialog.settingsChosen.connect(self._use_aligner_settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.refit_dialog = dialog
        dialog.open()

    def _use_aligner_settings(self, settings: Any) -> None:
        """Store new aligner settings (recorded in the history) and re-align with them."""
        project = self.project
        if project is None:
            return
        try:
            project.set_settings(settings, reviewer=self.settings.reviewer_name() or None)
        except Exception as exc:  # a locked or read-only file: say so, change nothing
            self._fail(user_message(exc))
            return
        self.realign()

    def show_shortcuts(self) -> QWidget:
        """Show the keyboard legend (non-modal)."""
        from criteria_compare.gui.views.shortcuts_help import ShortcutsDialog

        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.show()
        self._shortcuts_dialog.raise_()
        self._shortcuts_dialog.activateWindow()
        return self._shortcuts_dialog

    def show_about(self) -> QMessageBox:
        """Version, where settings, data and logs live, and the licence (non-modal)."""
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        box = QMessageBox(self)
        box.setWindowTitle("About criteria-compare")
        box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"criteria-compare {__version__}")
        box.setInformativeText(
            "Compares the CTPAT Minimum Security Criteria with a partner AEO program, side by "
            "side, and exports a compatibility report. Works offline; every decision is saved "
            "in the project file as you make it.\n\n"
            f"Settings: {self.settings.qsettings.fileName()}\n"
            f"Sample and data: {data}\n"
            f"Error log: {log_file()}\n\n"
            "MIT licence. The bundled sample criteria are written in our own words; they are "
            "not the official text of any program."
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    # -- reviewer ------------------------------------------------------------------------------
    def ask_reviewer_name(self) -> QInputDialog:
        """Ask for the name recorded with each decision (OS user name offered)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Reviewer name")
        dialog.setLabelText(
            "Your name, recorded with every decision you make in the comparison\n"
            "(shown in the history and the report):"
        )
        dialog.setTextValue(self.settings.reviewer_name() or os_user())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.textValueSelected.connect(self.set_reviewer_name)
        dialog.rejected.connect(self._reviewer_declined)
        dialog.finished.connect(self._reviewer_dialog_closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._reviewer_dialog = dialog
        dialog.open()
        return dialog

    def set_reviewer_name(self, name: str) -> None:
        """Remember ``name`` and record it in the open project."""
        name = name.strip() or os_user()
        self.settings.set_reviewer_name(name)
        self._apply_reviewer()

    def _reviewer_declined(self) -> None:
        """Cancel on the first question keeps the OS user name, and the question is not asked again."""
        if self.settings.reviewer_name() is None:
            self.set_reviewer_name(os_user())

    def _reviewer_dialog_closed(self, *_: object) -> None:
        # QInputDialog reports the chosen text after ``finished``: act once it has.
        self._reviewer_dialog = None
        QTimer.singleShot(0, self._run_pending_writes)

    def _run_pending_writes(self) -> None:
        """The decision that prompted the question is made now, under the name just given."""
        if self.settings.reviewer_name() is None:
            self.settings.set_reviewer_name(os_user())
            self._apply_reviewer()
        pending, self._pending_writes = self._pending_writes, []
        for review, proceed in pending:
            if review is self.review and self.project is not None:
                proceed()

    def _before_write(self, proceed: Callable[[], object]) -> bool:
        """Before the first decision ever, ask for the reviewer's name (once; never on opening).

        Returns True when the write waits for the answer; it is made when the
        question is answered or cancelled (cancel keeps the OS user name).
        """
        if self._flushing or not self.ask_reviewer or self.settings.reviewer_name() is not None:
            return False
        if self.review is None:
            return False
        self._pending_writes.append((self.review, proceed))
        if self._reviewer_dialog is None:
            self.ask_reviewer_name()
        return True

    def _apply_reviewer(self) -> None:
        name = self.settings.reviewer_name() or os_user()
        project = self.project
        if project is None:
            return
        if getattr(project, "reviewer", None) != name and not getattr(project, "read_only", False):
            try:
                project.set_reviewer(name)
            except Exception as exc:  # a locked file: decisions still carry the OS user
                self.statusBar().showMessage(str(exc), 8000)
        self.reviewer_label.setText(f"Reviewer: {name}")

    # -- undo --------------------------------------------------------------------------------
    def _undo_text_changed(self, text: str) -> None:
        self.actions["undo"].setText(f"&Undo {text}".strip())

    def _redo_text_changed(self, text: str) -> None:
        self.actions["redo"].setText(f"&Redo {text}".strip())

    def _undo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.undo()

    def _redo(self) -> None:
        if self.undo_stack is not None:
            self.undo_stack.redo()

    def _saved(self, *_: object) -> None:
        self.saved_label.setText("All changes saved")

    def _counts_changed(self) -> None:
        self._saved()
        if self.remember_recent and not self._recent_timer.isActive():
            self._recent_timer.start()  # at most every RECENT_REFRESH_MS while reviewing

    def _store_recent_counts(self) -> None:
        """Write the reviewed count of the open project to the recent list (survives a crash)."""
        review, project = self.review, self.project
        progress = getattr(review, "progress", None)
        if project is None or not callable(progress) or not self.remember_recent:
            return
        reviewed, total = progress()
        self.settings.update_recent_counts(project.path, reviewed, total)
        self.settings.sync()

    # -- workers ------------------------------------------------------------------------------
    def _run(
        self,
        job: Callable[..., Any],
        title: str,
        on_done: Callable[[Any], Any],
        *,
        name: str,
        pool: Any = None,
    ) -> Worker:
        worker = Worker(job, name=name)
        dialog = ProgressDialog(worker, title, self)
        self.active_worker = worker
        worker.signals.finished.connect(on_done)
        worker.signals.failed.connect(self._fail)
        worker.signals.cancelled.connect(self._job_cancelled)
        # Bound methods only: Qt drops them if the window is gone before the job ends.
        for signal in (worker.signals.finished, worker.signals.failed, worker.signals.cancelled):
            signal.connect(self._job_ended)
        self._progress_dialog = dialog
        worker.start(pool)
        return worker

    def _job_ended(self, *_: object) -> None:
        worker = self.active_worker
        if worker is not None and self.sender() is worker.signals:
            self.active_worker = None

    def _job_cancelled(self) -> None:
        self.statusBar().showMessage("Cancelled; nothing was changed.", 5000)

    def _copy_saved(self, path: Path) -> None:
        self.statusBar().showMessage(f"Copy saved as {path}", 8000)

    def _fail(self, message: str) -> None:
        self.jobFailed.emit(message)
        show_error(self, "criteria-compare", message)
