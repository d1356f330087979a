"""Arrow keys on a focused combo box choose in it instead of moving the criterion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.model import Relation
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def test_down_on_a_focused_filter_moves_the_filter(shell: Shell, qtbot: QtBot) -> None:
    """Tab onto the status filter, Down: the filter shows its next choice, the criterion stays."""
    view = shell.view
    combo = view.queue._status
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    ref, index = view.current_ref(), combo.currentIndex()
    shell.key(Qt.Key.Key_Down)
    assert combo.currentIndex() == index + 1
    assert view.current_ref() == ref
    shell.key(Qt.Key.Key_Up)
    assert combo.currentIndex() == index
    view.queue.focus_queue()
    shell.key(Qt.Key.Key_Down)  # from the queue, Down still moves the criterion
    assert view.current_ref() != ref


def test_down_on_a_focused_relation_box_changes_the_relation_choice(
    shell: Shell, qtbot: QtBot
) -> None:
    """The relation box of a confirmed card keeps Down for itself: the next relation is stored."""
    view = shell.view
    shell.key(Qt.Key.Key_1)
    card = view.focus.candidate_cards()[0]
    box = card._relation
    box.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(box.hasFocus)
    ref = view.current_ref()
    shell.key(Qt.Key.Key_Down)
    assert view.current_ref() == ref
    assert [lk.relation for lk in view.project.links(ref)] == [Relation.SUBSET_OF]
