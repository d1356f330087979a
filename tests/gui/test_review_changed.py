"""Changed since last review: the queue filter, the redline panel and the still-holds key (H) with undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from criteria_compare.gui.views.redline_view import RedlinePanel, TextChange
from criteria_compare.model import Relation, Side
from criteria_compare.project import Project
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """Two decisions whose texts then changed (1.1's linked M-1, and 3.1 itself), one that did not."""
    path = tmp_path / "review.ccproj"
    with make_project(path) as project:
        project.decide("1.1", status="aligned", link=[("M-1", Relation.EQUAL)])
        project.decide("3.1", status="gap")
        project.decide("6.1", status="gap")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE criteria SET fingerprint = 'new text' WHERE ref IN ('M-1', '3.1')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def shell(qtbot: QtBot, project_path: Path) -> Iterator[Shell]:
    with open_shell(qtbot, project_path) as s:
        yield s


def _changed_box(shell: Shell) -> QCheckBox:
    return next(b for b in shell.view.queue.findChildren(QCheckBox) if b.text() == "! Changed")


def test_changed_filter_shows_only_criteria_to_look_at_again(shell: Shell) -> None:
    """Ticking "! Changed" leaves the criteria whose own or linked text changed since the decision."""
    queue = shell.view.queue
    assert len(queue.visible_refs()) == 7
    shell.qtbot.mouseClick(_changed_box(shell), Qt.MouseButton.LeftButton)
    assert queue.visible_refs() == ["1.1", "3.1"]
    assert queue.current_filter().changed
    shell.qtbot.mouseClick(_changed_box(shell), Qt.MouseButton.LeftButton)
    assert len(queue.visible_refs()) == 7


def test_still_holds_key_clears_suspect_moves_on_and_undoes(
    shell: Shell, project_path: Path
) -> None:
    """H on a changed criterion keeps its decision, records it, goes to the next changed one;
    Ctrl+Z makes it changed again; on an unchanged criterion H only says why nothing happens."""
    view = shell.view
    shell.qtbot.mouseClick(_changed_box(shell), Qt.MouseButton.LeftButton)
    view.select_ref("1.1")
    view.queue.focus_queue()
    assert view.project.assessment("1.1").suspect
    shell.key(Qt.Key.Key_H)
    assert not view.project.assessment("1.1").suspect
    assert view.project.assessment("1.1").status.value == "aligned"
    assert view.current_ref() == "3.1"
    assert view.project.history("1.1", limit=1)[0].action == "confirm_unchanged"
    assert "!" not in view.queue.model.entry_for("1.1").marks
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.project.assessment("1.1").suspect
    assert view.current_ref() == "1.1"
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not view.project.assessment("1.1").suspect
    view.select_ref("6.1")
    view.queue.focus_queue()
    n = len(view.project.history())
    shell.key(Qt.Key.Key_H)
    assert len(view.project.history()) == n
    assert "nothing to confirm" in view.focus._message.text()
    view.project.close()
    with Project.open(project_path) as reopened:
        assert not reopened.assessment("1.1").suspect
        assert reopened.assessment("3.1").suspect


def test_redline_panel_strikes_removed_and_marks_added_words(qtbot: QtBot) -> None:
    """The panel shows one redline per changed text, the linked partner one titled as such."""
    panel = RedlinePanel()
    qtbot.addWidget(panel)
    panel.show_changes(
        [
            TextChange(
                Side.REFERENCE, "3.1", "Screen partners yearly.", "Screen partners twice a year."
            ),
            TextChange(Side.PARTNER, "M-30", "Old words here.", "New words here.", old_ref="M-3"),
        ]
    )
    assert not panel.isHidden()
    first, second = panel.texts()
    assert "<s " in first
    assert ">yearly" in first
    assert "<u " in first
    assert "twice a year" in first
    assert "Linked partner M-30 (was M-3)" in second
    with qtbot.waitSignal(panel.confirmRequested):
        qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    panel.show_changes([])
    assert panel.isHidden()
