"""Review → Exclude from the comparison (Ctrl+Shift+X): out of the queue and counts, one undo away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.model import Side
from tests.gui.review_fixtures import Shell, make_project, open_shell

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def test_ctrl_shift_x_excludes_the_criterion_and_ctrl_z_brings_it_back(shell: Shell) -> None:
    view = shell.view
    ref = view.current_ref()
    total = view.progress()[1]
    shell.key(Qt.Key.Key_X, CTRL_SHIFT)
    assert [e.criterion.ref for e in view.project.excluded(Side.REFERENCE)] == [ref]
    assert ref not in view.queue.model.refs()
    assert view.progress()[1] == total - 1
    assert view.current_ref() != ref
    assert "Ctrl+Z brings it back" in view.notice_text()
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.project.excluded(Side.REFERENCE) == ()
    assert ref in view.queue.model.refs()
    assert view.current_ref() == ref
    assert view.progress()[1] == total
    shell.key(Qt.Key.Key_Z, CTRL_SHIFT)  # redo
    assert [e.criterion.ref for e in view.project.excluded(Side.REFERENCE)] == [ref]


def test_a_criterion_with_a_decision_is_refused_in_one_sentence(shell: Shell) -> None:
    view = shell.view
    ref = view.current_ref()
    shell.key(Qt.Key.Key_1)
    shell.key(Qt.Key.Key_X, CTRL_SHIFT)
    assert view.project.excluded(Side.REFERENCE) == ()
    assert ref in view.queue.model.refs()
    assert "carries reviewer decisions (1 confirmed link)" in view.focus.message()


def test_the_excluded_filter_lists_it_and_ctrl_shift_x_brings_it_back(
    shell: Shell, qtbot: QtBot
) -> None:
    """Status filter "Excluded": only the excluded criterion, not counted; on it Ctrl+Shift+X
    restores it (one undo step), and the notice says suggestions come at the next re-align."""
    view = shell.view
    ref = view.current_ref()
    total = view.progress()[1]
    shell.key(Qt.Key.Key_X, CTRL_SHIFT)
    combo = view.queue._status
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    while combo.currentText() != "Excluded":
        shell.key(Qt.Key.Key_Down)  # the filter keeps its arrows (not the criterion)
    view.queue.focus_queue()
    shell.key(Qt.Key.Key_Down)  # into the filtered list: the one excluded criterion
    assert view.current_ref() == ref
    assert "excluded from the comparison" in view.focus.message()
    assert view.focus.candidate_cards() == []
    assert view.progress()[1] == total - 1
    shell.key(Qt.Key.Key_X, CTRL_SHIFT)
    assert view.project.excluded(Side.REFERENCE) == ()
    assert view.current_ref() == ref
    assert "back in the comparison" in view.notice_text()
    assert view.progress()[1] == total
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [e.criterion.ref for e in view.project.excluded(Side.REFERENCE)] == [ref]
