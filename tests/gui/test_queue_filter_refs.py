"""Queue filters: a ref typed in the filter matches that ref and the ones under it; ticking a box and back keeps your place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.gui.models.sort_proxy import is_ref_term, ref_matches
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def test_ref_terms_match_refs_exactly_or_by_prefix() -> None:
    """ "2.3" is 2.3 and 2.3.1, never 12.3 or 2.30; words stay substring terms."""
    assert is_ref_term("2.3")
    assert is_ref_term("7")
    assert not is_ref_term("seal")
    assert ref_matches("2.3", "2.3")
    assert ref_matches("2.3.1", "2.3")
    assert ref_matches("2.3.1", "2.3.")
    assert not ref_matches("12.3", "2.3")
    assert not ref_matches("2.30", "2.3")


def test_typing_a_ref_in_the_queue_filter(shell: Shell, qtbot: QtBot) -> None:
    """Typing "1" shows 1.1 and 1.2 (not 7.10); typing "7.1" shows nothing, "7.10" shows 7.10."""
    queue = shell.view.queue
    box = queue.findChild(type(shell.view.partners.search_edit), None)
    assert box is not None
    box.setFocus()
    qtbot.keyClicks(box, "1")
    assert queue.visible_refs() == ["1.1", "1.2"]
    qtbot.keyClicks(box, ".")
    assert queue.visible_refs() == ["1.1", "1.2"]
    box.clear()
    qtbot.keyClicks(box, "7.1")
    assert queue.visible_refs() == []
    qtbot.keyClicks(box, "0")
    assert queue.visible_refs() == ["7.10"]


def test_flagged_on_and_off_returns_to_the_criterion(shell: Shell, qtbot: QtBot) -> None:
    """On 3.4 with only 1.2 flagged, ticking Flagged and unticking it comes back to 3.4."""
    view = shell.view
    view.select_ref("1.2")
    shell.key(Qt.Key.Key_F)
    view.select_ref("3.4")
    box = next(
        b
        for b in view.queue.findChildren(type(view.partners.unlinked_box))
        if "Flagged" in b.text()
    )
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert view.queue.visible_refs() == ["1.2"]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert view.queue.current_ref() == "3.4"
    assert view.current_ref() == "3.4"
