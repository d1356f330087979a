"""The partner program's guidance ("explanatory notes") is on the candidate cards and in the partner detail, collapsed."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.gui.review_fixtures import PARTNER, Shell, make_project, open_shell

NOTE = "Explanatory note: the policy is reviewed every year by the board."


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    criteria = tuple(
        dataclasses.replace(c, guidance=NOTE) if c.ref == "M-1" else c for c in PARTNER.criteria
    )
    path = tmp_path / "review.ccproj"
    make_project(path, partner=dataclasses.replace(PARTNER, criteria=criteria)).close()
    with open_shell(qtbot, path) as s:
        yield s


def test_candidate_card_shows_partner_guidance_on_request(shell: Shell, qtbot: QtBot) -> None:
    """The card of M-1 offers its guidance collapsed; a click shows the text; cards without it offer nothing."""
    cards = shell.view.focus.candidate_cards()
    with_notes = [c for c in cards if c.row is not None and c.row.partner_ref == "M-1"]
    assert with_notes
    card = with_notes[0]
    assert card.guidance_toggle.isVisible()
    assert card.guidance_shown() == ""
    qtbot.mouseClick(card.guidance_toggle, Qt.MouseButton.LeftButton)
    assert card.guidance_shown() == NOTE
    others = [c for c in cards if c is not card]
    assert all(not c.guidance_toggle.isVisible() for c in others)


def test_partner_detail_shows_guidance_on_request(shell: Shell, qtbot: QtBot) -> None:
    """Selecting M-1 in the partner list offers its guidance below the detail, collapsed."""
    partners = shell.view.partners
    assert partners.select_ref("M-1")
    assert partners.guidance_toggle.isVisible()
    assert partners.guidance_shown() == ""
    qtbot.mouseClick(partners.guidance_toggle, Qt.MouseButton.LeftButton)
    assert partners.guidance_shown() == NOTE
    assert partners.select_ref("M-2")
    assert not partners.guidance_toggle.isVisible()
    assert partners.guidance_shown() == ""
