"""Arrow keys belong to the focused list: the partner table moves itself, the queue stays put."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "keys.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def _partner_row(shell: Shell) -> int:
    return shell.view.partners.table.currentIndex().row()


def test_up_down_j_k_move_in_the_partner_table(shell: Shell) -> None:
    """With the partner table focused, Down/J/K/Up move its row; the reference criterion stays."""
    k = Qt.Key
    table = shell.view.partners.table
    table.setFocus()
    table.selectRow(0)
    assert QApplication.focusWidget() is table
    shell.key(k.Key_Down)
    assert _partner_row(shell) == 1
    shell.key(k.Key_J)
    assert _partner_row(shell) == 2
    shell.key(k.Key_K)
    assert _partner_row(shell) == 1
    shell.key(k.Key_Up)
    assert _partner_row(shell) == 0
    assert shell.view.current_ref() == "1.1"


def test_enter_in_the_partner_table_links_and_esc_returns_to_the_queue(shell: Shell) -> None:
    """Enter links the selected partner row to the current criterion; Esc goes back to the queue."""
    table = shell.view.partners.table
    table.setFocus()
    table.selectRow(2)
    partner_ref = shell.view.partners.selected_ref()
    shell.key(Qt.Key.Key_Return)
    assert partner_ref in {lk.partner_ref for lk in shell.view.project.links("1.1")}
    assert shell.view.current_ref() == "1.1"  # Enter did not commit-and-move
    shell.key(Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is shell.view.queue.view
    shell.key(Qt.Key.Key_J)
    assert shell.view.current_ref() == "1.2"  # back in the queue, J moves the queue again


def test_queue_text_filter_hands_the_keyboard_back(shell: Shell) -> None:
    """Typing in the queue filter, then Down (or Enter) goes into the list; Esc clears, then leaves."""
    k = Qt.Key
    box = shell.view.queue.text_filter
    box.setFocus()
    shell.qtbot.keyClicks(box, "seal")
    assert shell.view.queue.visible_refs()  # the filter applied while typing
    shell.key(k.Key_Down)
    assert QApplication.focusWidget() is shell.view.queue.view
    shell.key(k.Key_J)  # single keys work again at once
    box.setFocus()
    shell.key(k.Key_Escape)
    assert box.text() == ""
    assert QApplication.focusWidget() is box
    shell.key(k.Key_Escape)
    assert QApplication.focusWidget() is shell.view.queue.view
    box.setFocus()
    shell.qtbot.keyClicks(box, "x")
    shell.key(k.Key_Return)
    assert QApplication.focusWidget() is shell.view.queue.view
