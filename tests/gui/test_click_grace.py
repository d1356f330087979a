"""A click on empty space: the words typed next are not commands; Esc or a click on the queue ends the pause."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from criteria_compare.gui.click_grace import PAUSED_MESSAGE, is_empty_space
from criteria_compare.model import Relation
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        s.key(Qt.Key.Key_1)  # 1.1 → M-1, equal
        yield s


def _miss(shell: Shell, qtbot: QtBot) -> None:
    """Click the queue pane's background just below the filter box (missing it)."""
    queue = shell.view.queue
    box = queue._text
    spot = box.mapTo(queue, QPoint(box.width() // 2, box.height() + 2))
    target = queue.childAt(spot) or queue
    assert is_empty_space(target, shell.view)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(queue, spot))


def _type(shell: Shell, qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def test_words_typed_after_a_missed_click_are_not_commands(shell: Shell, qtbot: QtBot) -> None:
    """'seal rec' after a miss: no relation cycled, no note opened, no verdict; the message says why."""
    view, ref = shell.view, shell.view.current_ref()
    _miss(shell, qtbot)
    assert QApplication.focusWidget() is view.queue.view
    assert view.grace.paused
    _type(shell, qtbot, "seal rec")
    shell.key(Qt.Key.Key_Return)
    assert view.current_ref() == ref
    assert [lk.relation for lk in view.project.links(ref)] == [Relation.EQUAL]
    assert view.project.assessment(ref).note == ""
    assert not view.focus.note_edit.hasFocus()
    assert PAUSED_MESSAGE in view.focus.message()
    assert view.grace.paused


def test_esc_ends_the_pause_on_the_queue(shell: Shell, qtbot: QtBot) -> None:
    view, ref = shell.view, shell.view.current_ref()
    _miss(shell, qtbot)
    shell.key(Qt.Key.Key_Escape)
    assert not view.grace.paused
    assert view.queue.view.hasFocus()
    shell.key(Qt.Key.Key_R)
    assert [lk.relation for lk in view.project.links(ref)] == [Relation.SUBSET_OF]


def test_a_click_on_the_queue_ends_the_pause(shell: Shell, qtbot: QtBot) -> None:
    view = shell.view
    _miss(shell, qtbot)
    table = view.queue.view
    index = view.queue.proxy.index(1, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert not view.grace.paused
    ref = view.current_ref()
    shell.key(Qt.Key.Key_F)
    assert view.project.assessment(ref).discussion


def test_the_pause_ends_by_itself(shell: Shell, qtbot: QtBot) -> None:
    view = shell.view
    _miss(shell, qtbot)
    qtbot.waitUntil(lambda: not view.grace.paused, timeout=5000)
    shell.key(Qt.Key.Key_F)
    assert view.project.assessment(view.current_ref()).discussion


def test_a_missed_click_then_a_field_types_normally(shell: Shell, qtbot: QtBot) -> None:
    """The filter box clicked after the miss gets every letter."""
    view = shell.view
    _miss(shell, qtbot)
    box = view.queue._text
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(box, "seal")
    assert box.text() == "seal"


def test_an_accident_after_the_pause_is_one_undo_away(shell: Shell, qtbot: QtBot) -> None:
    """Once the pause is over a stray R does cycle the relation, and Ctrl+Z puts it back."""
    view, ref = shell.view, shell.view.current_ref()
    _miss(shell, qtbot)
    view.grace.end()
    shell.key(Qt.Key.Key_R)
    assert [lk.relation for lk in view.project.links(ref)] == [Relation.SUBSET_OF]
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [lk.relation for lk in view.project.links(ref)] == [Relation.EQUAL]


def test_a_click_on_a_button_or_card_is_no_miss(shell: Shell, qtbot: QtBot) -> None:
    view = shell.view
    card = view.focus.candidate_cards()[0]
    assert not is_empty_space(card._text, view)
    assert not is_empty_space(
        view.focus.verdict_button(view.project.assessment("1.1").status), view
    )
