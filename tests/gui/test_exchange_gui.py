"""The partner's positions in the GUI: File menu export/import, the review screen shows theirs beside ours."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.models.criteria_table import COL_PARTNER
from criteria_compare.model import Stance
from tests.gui.review_fixtures import make_project, open_in, open_shell
from tests.workflow.exchange_helpers import fill

WAIT_MS = 30_000
COMMENT = "Our seal rule names the ISO standard since 2024."


@pytest.fixture
def answered(tmp_path: Path) -> Path:
    """The small review project with the partner's answers: 6.1 disagree, 3.1 needs discussion, 1.1 agree."""
    from criteria_compare.workflow.exchange import export_positions, import_positions

    path = tmp_path / "answered.ccproj"
    with make_project(path) as project:
        project.decide("6.1", link=[("M-5", "equal")], status="aligned")
        out = export_positions(project, tmp_path / "positions.xlsx").path
        fill(
            out,
            {
                "1.1": ("Agree", ""),
                "6.1": ("Disagree", COMMENT),
                "3.1": ("Needs discussion", "Let us talk."),
            },
        )
        import_positions(project, out)
    return path


def test_detail_pane_shows_their_position_beside_ours(qtbot, answered: Path) -> None:
    """Moving to a criterion with a position shows their word and comment in the decision panel."""
    with open_shell(qtbot, answered) as shell:
        shell.view.select_ref("1.2")
        assert not shell.view.focus.partner_label.isVisible()
        shell.view.select_ref("3.4")
        shell.view.queue.focus_queue()
        shell.key(Qt.Key.Key_Down)  # 6.1, the next criterion in the queue
        assert shell.view.current_ref() == "6.1"
        label = shell.view.focus.partner_label
        assert label.isVisible()
        assert "Disagree" in label.text()
        assert COMMENT in label.text()
        assert "round 1" in label.text()
        # ours stays ours
        assert shell.view.focus.checked_verdict().value == "aligned"


def test_queue_marks_their_position_and_filters_it(qtbot, answered: Path) -> None:
    """The queue's partner column shows a marker; "They disagree" and "Needs discussion" filter it."""
    with open_shell(qtbot, answered) as shell:
        queue = shell.view.queue
        model = queue.model
        row = model.row_of("6.1")
        assert model.index(row, COL_PARTNER).data() == "✗"
        assert model.index(model.row_of("3.1"), COL_PARTNER).data() == "?"
        assert model.index(model.row_of("1.1"), COL_PARTNER).data() == "✓"
        combo = queue.partner_filter
        assert combo.isVisible()

        def choose_next() -> None:
            """Open the drop-down with the mouse, step down one entry with the keyboard."""
            qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(combo.view().isVisible)
            qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
            qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: not combo.view().isVisible())

        choose_next()
        assert combo.currentText() == "They disagree"
        assert queue.visible_refs() == ["6.1"]
        choose_next()
        assert combo.currentText() == "Needs discussion"
        assert queue.visible_refs() == ["3.1"]


def _open_new_project(qtbot, window: MainWindow, tmp_path: Path) -> None:
    """The small review project, new (no positions yet), open in ``window``."""
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    open_in(qtbot, window, path)


def test_file_menu_exports_and_imports_positions(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → Export positions writes the workbook; File → Import brings their answers into the review."""
    _open_new_project(qtbot, window, tmp_path)
    target = tmp_path / "for partner"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    action = window.actions_by_name["export_positions"]
    assert action.isEnabled()
    action.trigger()
    worker = window.jobs.active_worker
    assert worker is not None
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=WAIT_MS)
    out = tmp_path / "for partner.xlsx"
    assert out.is_file()
    fill(out, {"6.2": ("Disagree", COMMENT)})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.actions_by_name["import_positions"].trigger()
    qtbot.waitUntil(lambda: window.exchange_menu.last_box is not None, timeout=WAIT_MS)
    box = window.exchange_menu.last_box
    assert "1 disagree" in box.text()
    assert "verdicts are unchanged" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    window.review.select_ref("6.2")
    assert COMMENT in window.review.focus.partner_label.text()
    assert window.project.positions()["6.2"].stance is Stance.DISAGREE
    window.close_project()


def test_a_wrong_workbook_is_refused_in_one_sentence(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing a workbook that is no exchange workbook shows one sentence and stores nothing."""
    from openpyxl import Workbook

    _open_new_project(qtbot, window, tmp_path)
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plain), ""))
    with qtbot.waitSignal(window.jobFailed, timeout=WAIT_MS) as failed:
        window.actions_by_name["import_positions"].trigger()
    assert "not an exchange workbook" in failed.args[0]
    assert window.project.positions() == {}
    window.close_project()


def test_exporting_onto_the_partners_unimported_answers_is_refused(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing the returned file as the new export's name says what would be lost and keeps it."""
    _open_new_project(qtbot, window, tmp_path)
    out = tmp_path / "positions.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions_by_name["export_positions"].trigger()
    qtbot.waitUntil(lambda: window.jobs.active_worker is None, timeout=WAIT_MS)
    fill(out, {"6.2": ("Disagree", COMMENT)})
    answered = out.read_bytes()
    with qtbot.waitSignal(window.jobFailed, timeout=WAIT_MS) as failed:
        window.actions_by_name["export_positions"].trigger()
    assert "holds 1 answer of the partner administration" in failed.args[0]
    assert "import it first" in failed.args[0]
    assert "--force" not in failed.args[0]
    assert out.read_bytes() == answered
    window.close_project()
