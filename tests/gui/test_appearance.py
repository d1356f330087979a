"""Light and dark: View → Appearance switches the palette, every custom colour stays readable, the choice is kept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget

from criteria_compare.gui.appearance import Appearance, apply_appearance, wants_dark
from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.models.criteria_table import COL_REF
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.style import contrast_ratio, is_dark
from criteria_compare.gui.views.redline_view import TextChange
from criteria_compare.model import Side, Status
from tests.gui.review_fixtures import open_in

TEXT_CONTRAST = 4.5  # WCAG AA for normal text
_ROLE = QPalette.ColorRole
_STYLED = re.compile(r'<(\w+) style="(background-)?color:(#[0-9a-fA-F]{6})">')


@pytest.fixture
def shown(qtbot, sample_project: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, ask_reviewer=False)
    window.remember_window = False
    qtbot.addWidget(window)
    window.resize(1400, 900)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    open_in(qtbot, window, sample_project)
    yield window
    apply_appearance(Appearance.SYSTEM)  # the next test starts with the platform's colours


def _choose(qtbot, window: MainWindow, letter: Qt.Key) -> None:
    """View → Appearance → (letter), with the keyboard: Alt+V, A, then the choice's letter."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view = QApplication.activePopupWidget()
    qtbot.keyClick(view, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not view)
    qtbot.keyClick(QApplication.activePopupWidget(), letter)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    # The new palette reaches the widgets through the event loop.
    qtbot.waitUntil(
        lambda: window.palette().color(_ROLE.Window) == QApplication.palette().color(_ROLE.Window)
    )
    qtbot.wait(50)


def _muted_labels(window: MainWindow) -> dict[str, QLabel]:
    review = window.review
    assert review is not None
    focus = review.focus
    card = focus.candidate_cards()[0]
    return {
        "criterion section": focus._section,
        "history": focus._history,
        "why line": card._why,
        "evidence line": card._evidence,
        "guidance": focus.guidance.label,
        "queue count": review.queue._shown,
        "partner count": review.partners._count,
    }


def _pairs(window: MainWindow) -> list[tuple[str, QColor, QColor]]:
    """(what, text colour, background) of every custom colour a reader sees on the review screen."""
    review = window.review
    assert review is not None
    focus = review.focus
    pairs = []
    for what, label in _muted_labels(window).items():
        pal = label.palette()
        pairs.append((what, pal.color(_ROLE.WindowText), pal.color(_ROLE.Window)))
    level = focus._level.palette()
    pairs.append(("level chip", level.color(_ROLE.WindowText), level.color(_ROLE.Window)))
    focus.verdict_button(Status.GAP).click()  # a checked verdict: bold on the highlight
    button = focus.verdict_button(Status.GAP).palette()
    pairs.append(("checked verdict", button.color(_ROLE.ButtonText), button.color(_ROLE.Button)))
    # Section rows of the queue are filled.
    model = review.queue.model
    view_pal = review.queue._view.palette()
    for row in range(model.rowCount()):
        fill = model.index(row, COL_REF).data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(fill, QColor):
            pairs.append(("section row", view_pal.color(_ROLE.Text), fill))
            break
    # Shared words, struck and added words: the colours written into the rich text.
    focus.redline.show_changes(
        [TextChange(Side.REFERENCE, "1.1", "Seals are checked daily.", "Seals are logged daily.")]
    )
    for label in window.findChildren(QLabel):
        pal = label.palette()
        for _tag, background, colour in _STYLED.findall(label.text()):
            if background:
                pairs.append(("highlighted words", pal.color(_ROLE.WindowText), QColor(colour)))
            else:
                pairs.append(("struck words", QColor(colour), pal.color(_ROLE.Window)))
    assert {"highlighted words", "struck words", "section row"} <= {p[0] for p in pairs}
    app_pal = QApplication.palette()
    pairs.append(("links", app_pal.color(_ROLE.Link), app_pal.color(_ROLE.Base)))
    return pairs


def _low_contrast(window: MainWindow) -> list[str]:
    return [
        f"{what}: {fg.name()} on {bg.name()} = {contrast_ratio(fg, bg):.2f}"
        for what, fg, bg in _pairs(window)
        if contrast_ratio(fg, bg) < TEXT_CONTRAST
    ]


def test_dark_from_the_view_menu_keeps_every_custom_colour_readable(qtbot, shown) -> None:
    """View → Appearance → Dark: a dark window, and shared words, struck words, muted lines, the
    level chip, the checked verdict and section rows all keep a 4.5 : 1 contrast."""
    light_muted = {
        w: lbl.palette().color(_ROLE.WindowText) for w, lbl in _muted_labels(shown).items()
    }
    assert not is_dark(shown.palette())
    _choose(qtbot, shown, Qt.Key.Key_D)
    assert is_dark(shown.palette())
    assert shown.actions_by_name["appearance_dark"].isChecked()
    assert _low_contrast(shown) == []
    # Muted text was derived again from the dark palette, not kept from the light one.
    for what, label in _muted_labels(shown).items():
        assert label.palette().color(_ROLE.WindowText) != light_muted[what], what


def test_light_again_gives_the_same_colours_as_before(qtbot, shown) -> None:
    """Dark then Light: every muted line is back to its first colour (nothing drifts)."""
    before = {w: lbl.palette().color(_ROLE.WindowText) for w, lbl in _muted_labels(shown).items()}
    _choose(qtbot, shown, Qt.Key.Key_D)
    _choose(qtbot, shown, Qt.Key.Key_L)
    assert not is_dark(shown.palette())
    after = {w: lbl.palette().color(_ROLE.WindowText) for w, lbl in _muted_labels(shown).items()}
    assert after == before
    assert _low_contrast(shown) == []


def test_the_choice_is_remembered(qtbot, shown, tmp_path: Path) -> None:
    """A window opened after choosing Dark starts dark, with Dark ticked in the menu."""
    _choose(qtbot, shown, Qt.Key.Key_D)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert settings.appearance == "dark"
    apply_appearance(Appearance.SYSTEM)
    assert not is_dark(QApplication.palette())
    again = MainWindow(settings, ask_reviewer=False)
    qtbot.addWidget(again)
    assert is_dark(QApplication.palette())
    assert again.actions_by_name["appearance_dark"].isChecked()
    assert not again.actions_by_name["appearance_system"].isChecked()


def test_system_follows_the_platform_scheme() -> None:
    """System means dark when the platform says dark, light when it says light, and keeps the
    platform's palette when it says nothing."""
    assert wants_dark(Appearance.SYSTEM, Qt.ColorScheme.Dark, platform_dark=False)
    assert not wants_dark(Appearance.SYSTEM, Qt.ColorScheme.Light, platform_dark=True)
    assert wants_dark(Appearance.SYSTEM, Qt.ColorScheme.Unknown, platform_dark=True)
    assert not wants_dark(Appearance.SYSTEM, Qt.ColorScheme.Unknown, platform_dark=False)
    assert wants_dark(Appearance.DARK, Qt.ColorScheme.Light, platform_dark=False)
    assert not wants_dark(Appearance.LIGHT, Qt.ColorScheme.Dark, platform_dark=True)


def test_start_screen_list_follows_the_palette(qtbot, tmp_path: Path) -> None:
    """The recent-projects list is drawn on the window colour in light and dark alike."""
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, ask_reviewer=False)
    qtbot.addWidget(window)
    window.show()
    recent: QWidget = window.start_screen.recent_list
    try:
        for choice in (Appearance.DARK, Appearance.LIGHT):
            window.appearance.choose(choice)
            window_colour = QApplication.palette().color(_ROLE.Window)
            qtbot.waitUntil(lambda c=window_colour: recent.palette().color(_ROLE.Base) == c)
            assert is_dark(recent.palette()) == (choice is Appearance.DARK)
    finally:
        apply_appearance(Appearance.SYSTEM)
