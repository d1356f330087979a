"""The review screen reflows: at 1024 × 640 and 1100 × 700 every control is whole, and the panes do not jump."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.model import Status
from tests.gui.review_fixtures import open_in

SIZES = [(1024, 640), (1100, 700), (1400, 900)]


def _whole_width(widget: QWidget) -> bool:
    """Nothing of ``widget`` is cut off left or right by a parent or the window.

    Scrolling up or down is allowed (the candidates scroll), so only the
    horizontal extent is compared.
    """
    window = widget.window()
    left = widget.mapTo(window, QPoint(0, 0)).x()
    right = left + widget.width()
    seen_left, seen_right = left, right
    parent = widget.parentWidget()
    while parent is not None:
        p_left = parent.mapTo(window, QPoint(0, 0)).x() if parent is not window else 0
        seen_left = max(seen_left, p_left)
        seen_right = min(seen_right, p_left + parent.width())
        parent = parent.parentWidget()
    return (seen_left, seen_right) == (left, right)


def _key(qtbot, window: MainWindow, key: Qt.Key) -> None:
    if QApplication.focusWidget() is None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.keyClick(QApplication.focusWidget(), key)


@pytest.fixture
def shown(qtbot, sample_project: Path, request) -> MainWindow:
    window = MainWindow(ask_reviewer=False)
    window.remember_window = False
    qtbot.addWidget(window)
    width, height = request.param
    window.resize(width, height)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    open_in(qtbot, window, sample_project)
    qtbot.waitUntil(lambda: window.size().width() == width)
    return window


@pytest.mark.parametrize("shown", SIZES, indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_control_is_whole_while_moving(qtbot, shown: MainWindow) -> None:
    """Verdict buttons keep their full labels; each card's Confirm/Reject and the Link button are not cut off."""
    window = shown
    review = window.review
    assert review is not None
    assert window.width() <= 1400
    for _ in range(6):
        focus = review.focus
        for status in Status:
            button = focus.verdict_button(status)
            assert button.isVisible(), status
            assert button.width() >= button.sizeHint().width(), f"{status} elided"
            assert _whole_width(button), status
        cards = focus.candidate_cards()
        assert cards
        for card in cards:
            assert _whole_width(card), card.row
            for button in card.findChildren(QAbstractButton):
                if button.isVisible():
                    assert _whole_width(button), (card.row, button.text())
                    assert button.width() >= button.sizeHint().width(), button.text()
        partners = review.partners
        for button in partners.findChildren(QAbstractButton):
            if button.isVisible() and button.text():
                assert _whole_width(button), button.text()
        assert _whole_width(partners)
        text_col = partners.table.columnWidth(3)
        assert text_col >= partners.fontMetrics().averageCharWidth() * 12
        _key(qtbot, window, Qt.Key.Key_J)
    assert not window.grab().isNull()


@pytest.mark.parametrize("shown", SIZES[:2], indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_partner_pane_keeps_its_width_from_criterion_to_criterion(
    qtbot, shown: MainWindow
) -> None:
    """Moving through 25 criteria never changes the width of any pane."""
    review = shown.review
    assert review is not None
    widths = []
    for _ in range(25):
        _key(qtbot, shown, Qt.Key.Key_J)
        QApplication.processEvents()
        widths.append(tuple(review.pane_widths()))
    assert len(set(widths)) == 1, sorted(set(widths))


@pytest.mark.parametrize("shown", [(1024, 640)], indirect=True, ids=["1024x640"])
def test_narrow_window_wraps_instead_of_cutting(shown: MainWindow) -> None:
    """At 1024 px the verdicts wrap onto two rows and each card's controls under its score."""
    review = shown.review
    assert review is not None
    rows = {review.focus.verdict_button(s).y() for s in Status}
    assert len(rows) == 2
    assert all(c.header_columns == 1 for c in review.focus.candidate_cards())
    widths = review.pane_widths()
    assert widths[1] >= max(widths[0], widths[2])  # the candidates get the most room


@pytest.mark.parametrize("shown", [(1400, 900)], indirect=True, ids=["1400x900"])
def test_wide_window_keeps_one_row(shown: MainWindow) -> None:
    """At 1400 px the verdicts are one row and a card's controls sit beside its score."""
    review = shown.review
    assert review is not None
    assert len({review.focus.verdict_button(s).y() for s in Status}) == 1
    assert all(c.header_columns == 2 for c in review.focus.candidate_cards())


@pytest.mark.parametrize("shown", [(1100, 700)], indirect=True, ids=["1100x700"])
def test_u_and_the_button_clear_the_verdict(qtbot, shown: MainWindow) -> None:
    """G sets Gap; U takes it back to Unreviewed; the Unreviewed button does the same after N."""
    review = shown.review
    assert review is not None
    ref = review.current_ref()
    _key(qtbot, shown, Qt.Key.Key_G)
    assert shown.project.assessment(ref).status is Status.GAP
    _key(qtbot, shown, Qt.Key.Key_U)
    assert shown.project.assessment(ref).status is Status.UNREVIEWED
    assert review.focus.checked_verdict() is None
    _key(qtbot, shown, Qt.Key.Key_G)
    qtbot.mouseClick(review.focus.verdict_button(Status.UNREVIEWED), Qt.MouseButton.LeftButton)
    assert shown.project.assessment(ref).status is Status.UNREVIEWED
    assert review.focus.verdict_button(Status.UNREVIEWED).isChecked()


@pytest.mark.parametrize("shown", SIZES[:2], indirect=True, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_queue_status_stays_readable_after_an_undo(qtbot, shown: MainWindow) -> None:
    """Confirm (3) then Ctrl+Z: the queue's Status column still shows "○ Unreviewed" whole
    (the Links column once came back on the refresh and squeezed it to "○ Unrevie…")."""
    from criteria_compare.gui.models.criteria_table import COL_STATUS

    review = shown.review
    assert review is not None
    view = review.queue._view
    need = view.fontMetrics().horizontalAdvance("○ Unreviewed")
    assert view.header().sectionSize(COL_STATUS) >= need
    _key(qtbot, shown, Qt.Key.Key_3)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert view.header().sectionSize(COL_STATUS) >= need
