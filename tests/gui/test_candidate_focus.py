"""The keyboard moves between candidate cards, the focused card is marked, and R changes the link the reviewer means."""

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


def _focused(shell: Shell) -> list[str]:
    return [c.row.partner_ref for c in shell.view.focus.candidate_cards() if c.focused and c.row]


def test_right_and_left_move_the_focused_card(shell: Shell) -> None:
    """Right marks the next card, Left the previous; the ends stay put; W opens the marked one."""
    cards = [c.row.partner_ref for c in shell.view.focus.candidate_cards() if c.row]
    assert len(cards) >= 2
    assert _focused(shell) == [cards[0]]
    shell.key(Qt.Key.Key_Right)
    assert _focused(shell) == [cards[1]]
    for _ in range(len(cards) + 2):
        shell.key(Qt.Key.Key_Right)
    assert _focused(shell) == [cards[-1]]
    shell.key(Qt.Key.Key_W)
    marked = [c for c in shell.view.focus.candidate_cards() if c.focused]
    assert marked[0].evidence_visible()
    for _ in range(len(cards) + 2):
        shell.key(Qt.Key.Key_Left)
    assert _focused(shell) == [cards[0]]


def test_r_after_a_link_from_the_search_changes_that_link(shell: Shell, qtbot: QtBot) -> None:
    """Confirm 1, link another by search (Enter), Esc, R: the new link changes, the older stays equal."""
    view = shell.view
    ref = view.current_ref()
    shell.key(Qt.Key.Key_1)
    first = view.project.links(ref)[0].partner_ref
    shell.key(Qt.Key.Key_Slash)
    qtbot.keyClicks(view.partners.search_edit, "solvency")
    qtbot.waitUntil(lambda: view.partners.model.visible_refs()[:1] == ["M-7"])
    shell.key(Qt.Key.Key_Return)
    shell.key(Qt.Key.Key_Escape)
    assert view.queue.view.hasFocus()
    shell.key(Qt.Key.Key_R)
    relations = {lk.partner_ref: lk.relation for lk in view.project.links(ref)}
    assert relations == {first: Relation.EQUAL, "M-7": Relation.SUBSET_OF}
    assert _focused(shell) == ["M-7"]
