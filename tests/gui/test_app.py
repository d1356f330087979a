"""The application shell: start screen, opening projects (argument, drop, recent), closing, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QUndoCommand
from PySide6.QtWidgets import QFileDialog, QLineEdit

from criteria_compare.crashlog import log_file
from criteria_compare.gui import app as gui_app
from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.settings import Settings
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.workflow import sample
from tests.gui.review_fixtures import open_in


def test_starts_on_the_start_screen(window: MainWindow) -> None:
    """A fresh start shows the start screen, with project actions greyed out."""
    assert window.stack.currentWidget() is window.start_screen
    assert window.windowTitle() == "criteria-compare"
    assert window.actions_by_name["new_comparison"].isEnabled()
    assert not window.actions_by_name["export_report"].isEnabled()
    assert not window.actions_by_name["undo"].isEnabled()
    assert window.start_screen.empty_label.isVisibleTo(window)


def test_opening_a_project_shows_the_review_screen(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Opening a project shows it with both program names in the title and saved-state in the status bar."""
    open_in(qtbot, window, sample_project)
    assert window.stack.currentWidget() is window.review
    assert window.windowTitle() == "CTPAT MSC (Importers) ⇄ Meridia AEO — criteria-compare"
    assert window.status.saved_label.text() == "All changes saved"
    assert window.actions_by_name["export_report"].isEnabled()


def test_recent_projects_list_counts_after_closing(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """A closed project is listed first on the start screen with its reviewed count."""
    open_in(qtbot, window, sample_project)
    project = window.project
    first = project.reference.criteria[0].ref
    total = len(project.reference.criteria)
    project.decide(first, status="gap", note="Nothing comparable in the partner text.")
    window.close_project()
    assert window.stack.currentWidget() is window.start_screen
    assert window.start_screen.recent_paths() == [sample_project.resolve()]
    item = window.start_screen.recent_list.item(0).text()
    assert f"1/{total} reviewed" in item
    assert "CTPAT MSC (Importers) ⇄ Meridia AEO" in item
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.start_screen.recent_list.itemActivated.emit(window.start_screen.recent_list.item(0))
    assert window.project.assessment(first).status.value == "gap"
    assert window.review.current_ref() != first  # reopening lands on the first unreviewed


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_a_project_file_opens_it(qtbot, window: MainWindow, sample_project: Path) -> None:
    """Dragging a .ccproj onto the window opens it; other files are refused."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_project))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(sample_project.with_suffix(".png")))])
    refused = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        other,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.dropEvent(drop)
    assert Path(window.project.path) == sample_project


def test_a_file_that_is_not_a_project_gives_one_sentence(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """Opening garbage shows the store's sentence (no traceback) and stays on the start screen."""
    bogus = tmp_path / "notes.ccproj"
    bogus.write_text("these are not the criteria you are looking for", encoding="utf-8")
    with qtbot.waitSignal(window.jobFailed, timeout=20000) as blocker:
        window.file_menu.open_path(bogus)
    message = blocker.args[0]
    assert "notes.ccproj" in message
    assert "Traceback" not in message
    assert "\n" not in message
    assert window.stack.currentWidget() is window.start_screen


def test_missing_recent_file_is_reported_and_forgotten(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """A recent project that was deleted is dropped from the list with a clear message."""
    gone = tmp_path / "gone.ccproj"
    with qtbot.waitSignal(window.jobFailed) as blocker:
        window.file_menu.open_path(gone)
    assert "does not exist" in blocker.args[0]


def test_reviewer_name_is_asked_at_the_first_decision_once(qtbot, sample_project: Path) -> None:
    """Opening asks nothing; the first decision asks the name and is recorded under it; never again."""
    w = MainWindow(ask_reviewer=True)
    qtbot.addWidget(w)
    w.show()
    open_in(qtbot, w, sample_project)
    qtbot.wait(50)
    assert w.reviewer_gate.dialog is None  # not on opening
    first, second = (c.ref for c in w.project.reference.criteria[:2])
    w.review.toggle_flag()  # F on the first criterion
    qtbot.waitUntil(
        lambda: w.reviewer_gate.dialog is not None and w.reviewer_gate.dialog.isVisible()
    )
    assert not w.project.assessment(first).discussion  # waits for the answer
    w.reviewer_gate.dialog.setTextValue("R. Inspector")
    w.reviewer_gate.dialog.accept()
    assert Settings().reviewer_name() == "R. Inspector"
    assert w.project.reviewer == "R. Inspector"
    assert w.status.reviewer_label.text() == "Reviewer: R. Inspector"
    qtbot.waitUntil(lambda: w.project.assessment(first).discussion)
    assert w.project.history(first, limit=1)[0].reviewer == "R. Inspector"
    w.review.select_ref(second)
    w.review.toggle_flag()
    assert w.reviewer_gate.dialog is None
    assert w.project.assessment(second).discussion
    w.close_project()
    open_in(qtbot, w, sample_project)
    w.review.toggle_flag()
    qtbot.wait(50)
    assert w.reviewer_gate.dialog is None
    w.close_project()


def test_save_a_copy_writes_a_consistent_project(
    qtbot, window: MainWindow, sample_project: Path, tmp_path: Path, monkeypatch
) -> None:
    """File → Save a copy writes a project that opens with the same decisions."""
    open_in(qtbot, window, sample_project)
    ref = window.project.reference.criteria[1].ref
    window.project.decide(ref, status="gap", note="No counterpart.")
    target = tmp_path / "copies" / "copy"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    worker = window.file_menu.save_copy()
    with qtbot.waitSignal(worker.signals.finished, timeout=20000):
        pass
    copy = target.with_name("copy.ccproj")
    with Project.open(copy) as project:
        assert project.assessment(ref).status.value == "gap"


def test_realign_keeps_decisions(qtbot, window: MainWindow, sample_project: Path) -> None:
    """Re-align runs in a worker and the review screen still shows the project afterwards."""
    open_in(qtbot, window, sample_project)
    ref = window.project.reference.criteria[0].ref
    window.project.decide(ref, status="gap", note="Nothing similar.")
    worker = window.aligner_menu.realign()
    with qtbot.waitSignal(worker.signals.finished, timeout=60000):
        pass
    assert window.project.assessment(ref).status.value == "gap"
    assert window.stack.currentWidget() is window.review


def test_shortcut_legend_lists_every_key(qtbot, window: MainWindow) -> None:
    """Help → Keyboard shortcuts lists the review keys."""
    window.actions_by_name["shortcuts_help"].trigger()
    dialog = window._shortcuts_dialog
    assert dialog is not None
    assert dialog.isVisible()
    texts = []
    for i in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(i)
        texts += [group.child(j).text(1) for j in range(group.childCount())]
    assert "Shift+1 … Shift+5" in texts
    assert "Down  or  J" in texts
    assert "F1  or  ?" in texts


def test_open_sample_builds_it_once(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    """The bundled sample is built into the data folder on first use and opened."""
    target = tmp_path / "data" / "sample.ccproj"
    monkeypatch.setattr(sample, "sample_project_path", lambda data: target)
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        window.file_menu.open_sample()
    assert target.is_file()
    assert window.project.partner.name == "Meridia AEO"


def test_screenshot_entry_point_writes_a_1400x900_png(
    sample_project: Path, tmp_path: Path, qapp
) -> None:
    """`criteria-compare-gui PROJECT --screenshot PNG` renders the review screen and exits 0."""
    png = tmp_path / "shot.png"
    assert gui_app.main([str(sample_project), "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 900)
    assert Settings().recent_projects() == []  # a screenshot does not add to the recent list
    assert Settings().last_folder("project") != str(sample_project.parent)
    assert Settings().restore_state("main_window/geometry") is None  # user's geometry untouched


def test_screenshot_of_a_missing_project_fails_cleanly(tmp_path: Path, qapp, capsys) -> None:
    """A wrong path gives one sentence on stderr and exit status 2, and no PNG."""
    png = tmp_path / "shot.png"
    assert gui_app.main([str(tmp_path / "nope.ccproj"), "--screenshot", str(png)]) == 2
    assert "nope.ccproj" in capsys.readouterr().err
    assert not png.exists()


def test_undo_and_redo_actions_follow_the_undo_stack(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Edit → Undo is enabled and named after the last review step, and triggers it."""
    open_in(qtbot, window, sample_project)
    undone: list[str] = []

    class Step(QUndoCommand):
        def redo(self) -> None:
            undone.append("redo")

        def undo(self) -> None:
            undone.append("undo")

    assert not window.actions_by_name["undo"].isEnabled()
    window.undo.stack.push(Step("set verdict"))
    assert window.actions_by_name["undo"].isEnabled()
    assert "set verdict" in window.actions_by_name["undo"].text()
    window.actions_by_name["undo"].trigger()
    assert undone == ["redo", "undo"]
    assert window.actions_by_name["redo"].isEnabled()
    window.actions_by_name["redo"].trigger()
    assert undone == ["redo", "undo", "redo"]
    assert window.status.saved_label.text() == "All changes saved"


def test_typing_in_the_review_screen_does_not_trigger_review_keys(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Letters and digits typed into a text field of the review screen stay in that field."""
    open_in(qtbot, window, sample_project)
    window.activateWindow()
    review = window.review
    start = review.current_ref()
    edit = next(w for w in review.findChildren(QLineEdit) if w.isVisible())
    edit.setFocus()
    qtbot.waitUntil(lambda: window.typing_guard.typing)
    qtbot.keyClicks(edit, "jag1")
    assert edit.text().endswith("jag1")
    assert review.current_ref() == start
    assert window.project.assessment(start).status.value == "unreviewed"


def test_uncaught_exception_is_logged_and_shown_as_one_sentence(qtbot, monkeypatch) -> None:
    """A bug anywhere is written to the log file; the user sees one sentence naming that file."""
    from criteria_compare.gui import errors_dialog

    shown: list[str] = []
    monkeypatch.setattr(
        errors_dialog, "show_error", lambda parent, title, text: shown.append(text) or _Box()
    )
    reporter = errors_dialog.CrashReporter()
    try:
        raise KeyError("surprise")
    except KeyError as exc:
        reporter.hook(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: bool(shown))
    (message,) = shown
    assert str(log_file()) in message
    assert "Traceback" not in message
    assert "\n" not in message
    assert "KeyError: 'surprise'" in log_file().read_text(encoding="utf-8")


class _Box:
    """Stands in for the message box: only the signal the reporter connects to."""

    class _Signal:
        def connect(self, _slot: object) -> None:
            pass

    finished = _Signal()


def test_export_action_opens_the_export_dialog(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """File → Export report… (Ctrl+E) opens the export dialog for the open project."""
    from criteria_compare.gui.views.export_dialog import ExportDialog

    open_in(qtbot, window, sample_project)
    window.actions_by_name["export_report"].trigger()
    dialogs = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()


def test_a_spreadsheet_starts_a_comparison_with_it_as_partner(
    qtbot, window: MainWindow, partner_xlsx: Path
) -> None:
    """Dropping (or passing) a spreadsheet opens the wizard with it as the partner program."""
    wizard = window.file_menu.open_file(partner_xlsx)
    qtbot.addWidget(wizard)
    assert wizard.isVisible()
    assert wizard.partner_page.path() == partner_xlsx
    qtbot.waitUntil(lambda: wizard.partner_page.check is not None, timeout=20000)
    wizard.reject()


def test_open_recent_menu_lists_recent_projects(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """File → Open recent lists the recent projects with their counts and opens them."""
    Settings().add_recent(sample_project, reviewed=3, total=9, title="Meridia vs CTPAT")
    window.recent_menu.aboutToShow.emit()
    (action,) = window.recent_menu.actions()
    assert "Meridia vs CTPAT — 3/9 reviewed" in action.text()
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        action.trigger()


def test_about_box_says_where_logs_are(qtbot, window: MainWindow) -> None:
    """Help → About names the version and the log file."""
    from criteria_compare import __version__

    box = window.show_about()
    assert __version__ in box.text()
    assert str(log_file()) in box.informativeText()
    box.close()


def test_about_box_lists_library_versions_and_the_notices(qtbot, window: MainWindow) -> None:
    """Help → About names the Qt, PySide6 and main libraries' versions, and Show Details holds
    the third-party notices with the LGPL text."""
    import importlib.metadata

    from PySide6.QtCore import qVersion

    box = window.show_about()
    info = box.informativeText()
    assert f"Qt {qVersion()}" in info
    assert f"PySide6-Essentials {importlib.metadata.version('PySide6-Essentials')}" in info
    assert f"reportlab {importlib.metadata.version('reportlab')}" in info
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in box.detailedText()
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QTextEdit

    (details,) = box.findChildren(QTextEdit)  # in the system's fixed-width font: columns line up
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert details.font().family() == fixed.family()
    box.close()


def test_declining_the_reviewer_question_keeps_the_os_user(qtbot, sample_project: Path) -> None:
    """Cancel on the reviewer question records the OS user name, still makes the decision, asks no more."""
    from criteria_compare.osuser import os_user

    w = MainWindow(ask_reviewer=True)
    qtbot.addWidget(w)
    w.show()
    open_in(qtbot, w, sample_project)
    ref = w.review.current_ref()
    w.review.toggle_flag()
    qtbot.waitUntil(
        lambda: w.reviewer_gate.dialog is not None and w.reviewer_gate.dialog.isVisible()
    )
    w.reviewer_gate.dialog.reject()
    assert Settings().reviewer_name() == os_user()
    qtbot.waitUntil(lambda: w.project.assessment(ref).discussion)
    w.review.toggle_flag()
    assert w.reviewer_gate.dialog is None
    assert not w.project.assessment(ref).discussion
    w.close_project()


def test_qt_options_are_passed_to_qt() -> None:
    """`-platform offscreen` and `-style fusion` go to Qt; everything else to our parser."""
    ours, qt = gui_app.split_qt_options(
        ["-platform", "offscreen", "p.ccproj", "-reverse", "--screenshot", "x.png"]
    )
    assert ours == ["p.ccproj", "--screenshot", "x.png"]
    assert qt == ["-platform", "offscreen", "-reverse"]


def test_a_damaged_sample_is_rebuilt(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    """If the sample project file is damaged, Open the bundled sample builds a fresh one."""
    target = tmp_path / "data" / "sample.ccproj"
    target.parent.mkdir()
    target.write_bytes(b"not a database at all" * 50)
    monkeypatch.setattr(sample, "sample_project_path", lambda data: target)
    with qtbot.waitSignal(window.projectOpened, timeout=60000):
        window.file_menu.open_sample()
    assert window.project.partner.name == "Meridia AEO"
    assert target.with_name("sample.ccproj.damaged").is_file()


def test_a_screen_that_fails_to_build_leaves_the_start_screen(
    qtbot, window: MainWindow, sample_project: Path, monkeypatch
) -> None:
    """If the review screen cannot be built, the user gets one sentence and the start screen."""
    from criteria_compare.gui import main_window

    def broken() -> type:
        raise ValueError("review screen exploded")

    monkeypatch.setattr(main_window, "review_view_class", broken)
    with qtbot.waitSignal(window.jobFailed, timeout=20000) as blocker:
        window.file_menu.open_path(sample_project)
    assert "ValueError" in blocker.args[0]
    assert "Traceback" not in blocker.args[0]
    assert window.project is None
    assert window.stack.currentWidget() is window.start_screen
    assert not window.actions_by_name["export_report"].isEnabled()


def test_delete_key_forgets_a_recent_project(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Delete on a recent entry removes it from the list, not from the disk."""
    Settings().add_recent(sample_project, reviewed=0, total=5, title="To forget")
    window.recent.refresh()
    recent = window.start_screen.recent_list
    window.activateWindow()
    recent.setFocus()
    recent.setCurrentRow(0)
    qtbot.waitUntil(recent.hasFocus)
    qtbot.keyClick(recent, Qt.Key.Key_Delete)
    assert Settings().recent_files() == []
    assert recent.count() == 0
    assert sample_project.is_file()


def test_recent_counts_follow_decisions_while_the_project_is_open(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Decisions update the reviewed count in the recent list shortly after, without closing."""
    open_in(qtbot, window, sample_project)
    total = len(window.project.reference.criteria)
    assert Settings().recent_projects()[0].reviewed == 0
    refs = [c.ref for c in window.project.reference.criteria[:3]]
    for ref in refs:
        window.review.select_ref(ref)
        window.review.set_verdict(Status.GAP)
    qtbot.waitUntil(lambda: Settings().recent_projects()[0].reviewed == 3, timeout=5000)
    assert Settings().recent_projects()[0].total == total
    window.close_project()
    assert "3/" in window.start_screen.recent_list.item(0).text()


def test_start_screen_after_closing_shows_no_stale_save_state(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """After decisions and closing, the status bar of the start screen says nothing about saving."""
    from PySide6.QtCore import QCoreApplication, QEvent

    open_in(qtbot, window, sample_project)
    window.review.set_verdict(Status.GAP)
    window.statusBar().showMessage("Suggestions re-aligned; every decision was kept.", 10000)
    window.close_project()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old undo stack goes
    qtbot.wait(20)
    assert window.status.saved_label.text() == ""
    assert window.statusBar().currentMessage() == ""


def test_a_note_typed_before_the_name_is_given_is_saved_on_close(
    qtbot, sample_project: Path
) -> None:
    """Closing with a note still being typed saves it at once; the name question does not hold it."""
    w = MainWindow(ask_reviewer=True)
    qtbot.addWidget(w)
    w.show()
    open_in(qtbot, w, sample_project)
    ref = w.review.current_ref()
    w.review.focus.note_edit.setPlainText("Partner wording is vaguer.")
    w.close_project()
    assert w.reviewer_gate.dialog is None
    with Project.open(sample_project) as project:
        assert project.assessment(ref).note == "Partner wording is vaguer."
