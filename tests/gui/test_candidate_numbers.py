"""Candidate numbers stay put while a criterion is on screen, and every candidate is reachable by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.gui.views.candidate_widget import CandidateWidget
from criteria_compare.model import Band, Evidence, Suggestion
from criteria_compare.project import Project
from tests.gui.review_fixtures import PARTNER, REFERENCE, Shell, open_shell

SHIFT = Qt.KeyboardModifier.ShiftModifier


def _eight_candidates(path: Path) -> None:
    """Criterion 1.1 (the first on screen) gets M-1 … M-6 as candidates 1 … 6, best first."""
    project = Project.create(path, REFERENCE, PARTNER, reviewer="tester")
    suggestions = {
        "1.1": [
            Suggestion(
                "1.1",
                p.ref,
                rank,
                round(0.9 - rank * 0.08, 3),
                Band.MEDIUM,
                Evidence(channels={"lexical": 0.5}, margin=0.08),
            )
            for rank, p in enumerate(PARTNER.criteria[:6], start=1)
        ]
    }
    project.store_suggestions(suggestions)
    project.close()


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "numbers.ccproj"
    _eight_candidates(path)
    with open_shell(qtbot, path) as s:
        assert s.view.current_ref() == "1.1"
        yield s


def _numbers(shell: Shell) -> dict[int, str]:
    """What the reviewer reads on the cards: number → partner ref."""
    return {c.row.number: c.row.partner_ref for c in shell.view.focus.candidate_cards() if c.row}


def _card(shell: Shell, partner_ref: str) -> CandidateWidget:
    cards = shell.view.focus.candidate_cards()
    return next(c for c in cards if c.row and c.row.partner_ref == partner_ref)


def _marked(shell: Shell) -> str | None:
    marked = [c.row.partner_ref for c in shell.view.focus.candidate_cards() if c.focused and c.row]
    return marked[0] if marked else None


def test_a_rejected_card_stays_greyed_with_its_number(shell: Shell) -> None:
    """Shift+2 rejects M-2: it stays number 2 (greyed, Restore); 3 still confirms M-3; Shift+2 again restores."""
    before = _numbers(shell)
    assert before == {1: "M-1", 2: "M-2", 3: "M-3", 4: "M-4", 5: "M-5"}
    shell.key(Qt.Key.Key_2, SHIFT)
    project = shell.view.project
    assert ("1.1", "M-2") in project.rejected("1.1")
    assert _numbers(shell) == before
    card = _card(shell, "M-2")
    assert card.row is not None
    assert card.row.rejected
    assert card._reject.text() == "Restore"
    assert card._confirm.isHidden()
    assert not card._text.isEnabled()
    # No "no score" / "linked by hand" on a card the reviewer has just rejected.
    assert card._score.isHidden()
    assert "no score" not in card.accessibleName()
    shell.key(Qt.Key.Key_3)
    assert [lk.partner_ref for lk in project.links("1.1")] == ["M-3"]
    shell.key(Qt.Key.Key_2)  # confirming a rejected card is refused in words
    assert "rejected" in shell.view.focus.message()
    assert "Shift+2" in shell.view.focus.message()
    assert [lk.partner_ref for lk in project.links("1.1")] == ["M-3"]
    shell.key(Qt.Key.Key_2, SHIFT)
    assert project.rejected("1.1") == frozenset()
    assert _numbers(shell) == before


def test_a_link_by_hand_takes_the_next_free_number(shell: Shell, qtbot: QtBot) -> None:
    """A link made from the search does not push the others down: it gets the next number after them."""
    view = shell.view
    before = _numbers(shell)
    shell.key(Qt.Key.Key_Slash)
    qtbot.keyClicks(view.partners.search_edit, "solvency")
    qtbot.waitUntil(lambda: view.partners.model.visible_refs()[:1] == ["M-7"])
    shell.key(Qt.Key.Key_Return)
    shell.key(Qt.Key.Key_Escape)
    assert [lk.partner_ref for lk in view.project.links("1.1")] == ["M-7"]
    assert _numbers(shell) == {**before, 7: "M-7"}
    shell.key(Qt.Key.Key_1)  # 1 still means M-1
    assert {lk.partner_ref for lk in view.project.links("1.1")} == {"M-1", "M-7"}


def test_numbers_are_given_afresh_on_the_next_visit(shell: Shell) -> None:
    """Moving away and back: the rejected card is listed apart and the others are numbered 1, 2, …"""
    shell.key(Qt.Key.Key_1, SHIFT)
    assert _numbers(shell)[1] == "M-1"
    shell.key(Qt.Key.Key_Down)
    shell.key(Qt.Key.Key_Up)
    assert _numbers(shell) == {1: "M-2", 2: "M-3", 3: "M-4", 4: "M-5", 5: "M-6"}
    assert [w.partner_ref for w in shell.view.focus.rejected_widgets()] == ["M-1"]


def test_m_shows_the_rest_and_l_confirms_the_marked_card(shell: Shell) -> None:
    """M shows candidate 6; → walks onto it; L links the marked card; X rejects one; M hides 6 again."""
    assert max(_numbers(shell)) == 5
    assert "More" in shell.view.focus._more_button.text()
    shell.key(Qt.Key.Key_M)
    assert _numbers(shell) == {n: f"M-{n}" for n in range(1, 7)}
    for _ in range(5):
        shell.key(Qt.Key.Key_Right)
    assert _marked(shell) == "M-6"
    shell.key(Qt.Key.Key_L)
    assert [lk.partner_ref for lk in shell.view.project.links("1.1")] == ["M-6"]
    shell.key(Qt.Key.Key_Left)
    shell.key(Qt.Key.Key_X)
    assert ("1.1", "M-5") in shell.view.project.rejected("1.1")
    assert _numbers(shell)[5] == "M-5"
    shell.key(Qt.Key.Key_X)  # X on the rejected card takes the rejection back
    assert shell.view.project.rejected("1.1") == frozenset()
    shell.key(Qt.Key.Key_M)
    assert set(_numbers(shell)) == {1, 2, 3, 4, 5, 6}  # the link stays in view
    shell.key(Qt.Key.Key_L)  # the restored card is still the marked one
    assert {lk.partner_ref for lk in shell.view.project.links("1.1")} == {"M-5", "M-6"}


def test_right_past_the_fifth_card_shows_the_rest(shell: Shell) -> None:
    """Without M, → from the fifth card opens the hidden candidates and marks the sixth."""
    for _ in range(4):
        shell.key(Qt.Key.Key_Right)
    assert _marked(shell) == "M-5"
    shell.key(Qt.Key.Key_Right)
    assert _marked(shell) == "M-6"
    assert 6 in _numbers(shell)


def test_every_reject_is_one_undo_away(shell: Shell) -> None:
    shell.key(Qt.Key.Key_3, SHIFT)
    assert shell.view.project.rejected("1.1")
    shell.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shell.view.project.rejected("1.1") == frozenset()
    assert _numbers(shell)[3] == "M-3"
