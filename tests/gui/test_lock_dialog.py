"""A second window on a project another program has open says who has it since when and offers
read-only; a killed program's lock can be taken over; decisions another program saves show at once."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.models.criteria_table import COL_STATUS
from criteria_compare.gui.views.lock_dialog import LockDialog
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.project.lock import lock_path, read_holder

#: Another program: opens the project for writing, then records the decisions it reads on stdin.
WRITER = textwrap.dedent(
    """
    import sys
    from criteria_compare.project import Project
    project = Project.open(sys.argv[1], app="criteria-compare decide")
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        ref, status = line.split()
        project.decide(ref, status=status, reviewer="bruno")
        print("done", flush=True)
    project.close()
    """
)


@contextlib.contextmanager
def _other_program(path: Path) -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "ready"
        yield child
    finally:
        with contextlib.suppress(OSError):
            child.stdin.write("\n")
            child.stdin.flush()
        try:
            child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # a killed child's pipe is broken
                    stream.close()


def _tell(child: subprocess.Popen[str], line: str) -> None:
    assert child.stdin is not None
    assert child.stdout is not None
    child.stdin.write(line + "\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "done"


def _window(qtbot) -> MainWindow:
    window = MainWindow(ask_reviewer=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _dialog(window: MainWindow) -> LockDialog:
    dialog = window.file_menu.lock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def _buttons(dialog: LockDialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()]


def _status_shown(window: MainWindow, ref: str) -> str:
    model = window.review.queue.model
    return model.index(model.row_of(ref), COL_STATUS).data()


def test_second_window_offers_read_only_and_shows_the_other_programs_decisions(
    qtbot, sample_project: Path
) -> None:
    """Opening a project another program writes shows who and since when; Open read-only opens it
    with a banner naming them; a decision that program then saves appears in the queue, the header
    and the detail pane."""
    with _other_program(sample_project) as child:
        holder = read_holder(sample_project)
        assert holder is not None
        window = _window(qtbot)
        assert window.file_menu.open_path(sample_project) is None
        dialog = _dialog(window)
        assert dialog.text() == (
            f"{sample_project.name} is open for writing by {holder.user} on this computer "
            f"({holder.host}) since {holder.since_text} (criteria-compare decide, process "
            f"{child.pid})."
        )
        assert "read-only" in dialog.informativeText()
        assert sorted(_buttons(dialog)) == ["Cancel", "Open read-only"]
        assert window.project is None  # nothing opened behind the question
        with qtbot.waitSignal(window.projectOpened, timeout=30000):
            qtbot.mouseClick(dialog.read_only_button, Qt.MouseButton.LeftButton)
        review = window.review
        assert review is not None
        assert review.read_only
        assert f"Open for writing by {holder.user}" in review.read_only_banner_text()
        ref = window.project.reference.criteria[2].ref
        review.select_ref(ref)
        assert "Gap" not in _status_shown(window, ref)
        assert "Gap 0" in review.header_text()

        _tell(child, f"{ref} gap")
        with qtbot.waitSignal(window.outside.refreshed, timeout=10000):
            pass  # the once-a-second look at the file
        assert "Gap" in _status_shown(window, ref)
        assert "Gap 1" in review.header_text()
        assert review.focus.verdict_button(Status.GAP).isChecked()
        assert "bruno" in review.focus._saved_label.text()
        assert window.status.saved_label.text() == "Read-only"
    assert not lock_path(sample_project).exists()  # the other program closed it
    with qtbot.waitSignal(window.outside.released, timeout=10000) as released:
        pass
    assert released.args[0].startswith(f"{sample_project.name} is no longer open for writing")
    assert window.statusBar().currentMessage() == released.args[0]
    window.close_project()


def test_cancel_opens_nothing(qtbot, sample_project: Path) -> None:
    """Cancel (or Esc) leaves the window on the start screen and the other program's lock alone."""
    with _other_program(sample_project):
        window = _window(qtbot)
        window.file_menu.open_path(sample_project)
        dialog = _dialog(window)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert window.project is None
        assert read_holder(sample_project) is not None


def test_a_killed_programs_lock_can_be_taken_over(qtbot, sample_project: Path) -> None:
    """A lock whose program is gone says so and offers Take over, which opens the project for
    writing under this program's own lock."""
    with _other_program(sample_project) as child:
        child.kill()
        child.wait(timeout=30)
    assert read_holder(sample_project).pid == child.pid  # left behind
    window = _window(qtbot)
    window.file_menu.open_path(sample_project)
    dialog = _dialog(window)
    assert "no longer running" in dialog.text()
    assert sorted(_buttons(dialog)) == ["Cancel", "Open read-only", "Take over"]
    assert dialog.defaultButton() is dialog.take_over_button
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not window.review.read_only
    mine = read_holder(sample_project)
    assert mine.app == "criteria-compare-gui"
    assert mine.pid != child.pid
    window.close_project()
    assert not lock_path(sample_project).exists()


def test_a_second_project_object_commits_and_every_view_refreshes(
    qtbot, sample_project: Path
) -> None:
    """A decision committed through another connection (the same program's second Project) shows in
    the queue, the header and the detail pane of the open window."""
    window = _window(qtbot)
    with qtbot.waitSignal(window.projectOpened, timeout=30000):
        window.file_menu.open_path(sample_project)
    review = window.review
    ref = window.project.reference.criteria[0].ref
    review.select_ref(ref)
    with Project.open(sample_project) as other:
        other.decide(ref, status="gap", note="", reviewer="script")
    window.activateWindow()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: "Gap 1" in review.header_text(), timeout=10000)
    assert "Gap" in _status_shown(window, ref)
    assert review.focus.verdict_button(Status.GAP).isChecked()
    window.close_project()
