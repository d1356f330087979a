"""Layout-dependent keys: the number row and / ? [ ] fire their action from the key events platforms really send."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from criteria_compare.gui.actions import ACTION_SPECS, is_typing_shortcut
from criteria_compare.gui.typed_keys import KeyPress, action_for
from criteria_compare.project import Project
from tests.gui.review_fixtures import Shell, make_project, open_shell

K = Qt.Key
NO = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
ALTGR_WIN = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
KEYPAD = Qt.KeyboardModifier.KeypadModifier

# (platform, layout, key, modifiers, text, native scan code, native virtual key, action)
# as Qt reports them: X11/Wayland scan codes are XKB key codes (the 1 key is 10), Windows
# sends hardware scan codes (the 1 key is 2) and VK codes, macOS sends kVK codes.
REAL_PRESSES = [
    ("xcb", "us", K.Key_1, NO, "1", 10, 0x31, "confirm_1"),
    ("xcb", "us", K.Key_Exclam, SHIFT, "!", 10, 0x21, "reject_1"),
    ("xcb", "us", K.Key_At, SHIFT, "@", 11, 0x40, "reject_2"),
    ("xcb", "us", K.Key_NumberSign, SHIFT, "#", 12, 0x23, "reject_3"),
    ("xcb", "us", K.Key_Percent, SHIFT, "%", 14, 0x25, "reject_5"),
    ("xcb", "us", K.Key_Slash, NO, "/", 61, 0x2F, "search"),
    ("xcb", "us", K.Key_Question, SHIFT, "?", 61, 0x3F, "shortcuts_help"),
    ("xcb", "us", K.Key_BracketRight, NO, "]", 35, 0x5D, "next_unreviewed"),
    ("xcb", "us", K.Key_BracketLeft, NO, "[", 34, 0x5B, "previous_unreviewed"),
    ("xcb", "us", K.Key_3, KEYPAD, "3", 89, 0xFFB3, "confirm_3"),
    ("xcb", "de", K.Key_QuoteDbl, SHIFT, '"', 11, 0x22, "reject_2"),
    ("xcb", "de", K.Key_section, SHIFT, "§", 12, 0xA7, "reject_3"),
    ("xcb", "de", K.Key_Slash, SHIFT, "/", 16, 0x2F, "search"),
    ("xcb", "de", K.Key_Question, SHIFT, "?", 20, 0x3F, "shortcuts_help"),
    ("xcb", "de", K.Key_BracketLeft, NO, "[", 17, 0x5B, "previous_unreviewed"),
    ("xcb", "de", K.Key_BracketRight, NO, "]", 18, 0x5D, "next_unreviewed"),
    ("xcb", "fr", K.Key_Ampersand, NO, "&", 10, 0x26, "confirm_1"),
    ("xcb", "fr", K.Key_Eacute, NO, "é", 11, 0xE9, "confirm_2"),
    ("xcb", "fr", K.Key_QuoteDbl, NO, '"', 12, 0x22, "confirm_3"),
    ("xcb", "fr", K.Key_Apostrophe, NO, "'", 13, 0x27, "confirm_4"),
    ("xcb", "fr", K.Key_ParenLeft, NO, "(", 14, 0x28, "confirm_5"),
    ("xcb", "fr", K.Key_1, SHIFT, "1", 10, 0x31, "reject_1"),
    ("xcb", "fr", K.Key_3, SHIFT, "3", 12, 0x33, "reject_3"),
    ("wayland", "de", K.Key_section, SHIFT, "§", 12, 0xA7, "reject_3"),
    ("windows", "us", K.Key_1, NO, "1", 0x02, 0x31, "confirm_1"),
    ("windows", "us", K.Key_NumberSign, SHIFT, "#", 0x04, 0x33, "reject_3"),
    ("windows", "de", K.Key_section, SHIFT, "§", 0x04, 0x33, "reject_3"),
    ("windows", "de", K.Key_BracketLeft, ALTGR_WIN, "[", 0x09, 0x38, "previous_unreviewed"),
    ("windows", "de", K.Key_Question, SHIFT, "?", 0x0C, 0xDB, "shortcuts_help"),
    ("windows", "fr", K.Key_Ampersand, NO, "&", 0x02, 0x31, "confirm_1"),
    ("windows", "fr", K.Key_2, SHIFT, "2", 0x03, 0x32, "reject_2"),
    ("cocoa", "us", K.Key_NumberSign, SHIFT, "#", 1, 0x14, "reject_3"),
    ("cocoa", "us", K.Key_4, NO, "4", 1, 0x15, "confirm_4"),
    ("cocoa", "de", K.Key_section, SHIFT, "§", 1, 0x14, "reject_3"),
    ("cocoa", "de", K.Key_BracketLeft, ALT, "[", 1, 0x17, "previous_unreviewed"),
    ("cocoa", "fr", K.Key_Ampersand, NO, "&", 1, 0x12, "confirm_1"),
    ("cocoa", "fr", K.Key_5, SHIFT, "5", 1, 0x17, "reject_5"),
]

# Presses that must not fire anything: Ctrl/Cmd combinations, digits past 5, letters.
NOT_MINE = [
    ("xcb", "us", K.Key_1, Qt.KeyboardModifier.ControlModifier, "1", 10, 0x31),
    ("xcb", "us", K.Key_6, NO, "6", 15, 0x36),
    ("xcb", "us", K.Key_Apostrophe, NO, "'", 48, 0x27),
    ("xcb", "us", K.Key_A, NO, "a", 38, 0x61),
    ("windows", "us", K.Key_Slash, Qt.KeyboardModifier.ControlModifier, "\x1f", 0x35, 0xBF),
    ("cocoa", "fr", K.Key_Ampersand, Qt.KeyboardModifier.ControlModifier, "&", 1, 0x12),
]


@pytest.mark.parametrize(
    ("platform", "layout", "key", "mods", "text", "scan", "vk", "expected"), REAL_PRESSES
)
def test_real_presses_mean_their_action(
    platform: str,
    layout: str,
    key: Qt.Key,
    mods: Qt.KeyboardModifier,
    text: str,
    scan: int,
    vk: int,
    expected: str,
) -> None:
    """Each press, as the platform reports it on that layout, maps to the advertised action."""
    press = KeyPress(key.value, mods, text, scan, vk)
    assert action_for(press, platform) == expected, (platform, layout)


@pytest.mark.parametrize(("platform", "layout", "key", "mods", "text", "scan", "vk"), NOT_MINE)
def test_other_presses_are_left_alone(
    platform: str,
    layout: str,
    key: Qt.Key,
    mods: Qt.KeyboardModifier,
    text: str,
    scan: int,
    vk: int,
) -> None:
    """Ctrl combinations, digits past 5 and letters are not claimed (the shortcut map keeps them)."""
    assert action_for(KeyPress(key.value, mods, text, scan, vk), platform) is None, layout


def test_no_action_is_registered_under_two_forms_of_one_key(qtbot: QtBot) -> None:
    """No action lists Shift+x next to another typing key: Qt would match both and fire neither."""
    for s in ACTION_SPECS:
        typing = [k for k in s.shortcuts if is_typing_shortcut(QKeySequence(k))]
        shifted = [k for k in typing if k.startswith("Shift+") or not k[0].isalnum()]
        if len(typing) > 1:
            assert not shifted, f"{s.name}: {typing}"


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def _deliver(
    target: QWidget, key: Qt.Key, mods: Qt.KeyboardModifier, text: str, scan: int, vk: int
) -> None:
    """Send a press the way a window delivers it: ShortcutOverride to the focus widget, then KeyPress."""
    override = QKeyEvent(QEvent.Type.ShortcutOverride, key, mods, scan, vk, 0, text)
    QApplication.sendEvent(target, override)
    assert override.isAccepted(), "the press was left to the shortcut map"
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, mods, scan, vk, 0, text))
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, mods, scan, vk, 0, text))


@pytest.mark.parametrize(
    ("platform", "layout", "key", "mods", "text", "scan", "vk", "expected"), REAL_PRESSES
)
def test_each_press_fires_its_action_once_on_the_review_screen(
    shell: Shell,
    platform: str,
    layout: str,
    key: Qt.Key,
    mods: Qt.KeyboardModifier,
    text: str,
    scan: int,
    vk: int,
    expected: str,
) -> None:
    """Pressed in the queue, the key triggers exactly the advertised action, once."""
    shell.typed_keys.platform = platform
    fired: list[str] = []
    for name, action in shell.actions.items():
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
    shell.view.queue.focus_queue()
    _deliver(QApplication.focusWidget(), key, mods, text, scan, vk)
    assert fired == [expected], layout


def test_german_shift_3_on_x11_rejects_candidate_3(shell: Shell, tmp_path: Path) -> None:
    """Shift+3 on a German X11 keyboard ("§") rejects the third candidate; it stays greyed as 3."""
    shell.typed_keys.platform = "xcb"
    shell.view.queue.focus_queue()
    third = shell.view.focus.candidate_cards()[2].row
    assert third is not None
    _deliver(QApplication.focusWidget(), K.Key_section, SHIFT, "§", 12, 0xA7)
    shown = {c.row.number: c.row for c in shell.view.focus.candidate_cards() if c.row}
    assert shown[3].partner_ref == third.partner_ref
    assert shown[3].rejected
    with Project.open(tmp_path / "review.ccproj", read_only=True) as p:
        assert (shell.view.current_ref(), third.partner_ref) in p.rejected(shell.view.current_ref())


def test_french_number_row_confirms_without_shift(shell: Shell) -> None:
    """On AZERTY the "&" key (the 1 key, no Shift) confirms candidate 1."""
    shell.typed_keys.platform = "xcb"
    shell.view.queue.focus_queue()
    _deliver(QApplication.focusWidget(), K.Key_Ampersand, NO, "&", 10, 0x26)
    first = shell.view.focus.candidate_cards()[0].row
    assert first is not None
    assert first.confirmed


def test_synthetic_shifted_symbol_still_rejects(shell: Shell) -> None:
    """A key click without native codes (Shift+# as QTest sends it) falls back to the character."""
    fired: list[str] = []
    shell.actions["reject_3"].triggered.connect(lambda: fired.append("reject_3"))
    shell.qtbot.keyClick(QApplication.focusWidget(), K.Key_NumberSign, SHIFT)
    assert fired == ["reject_3"]


def test_symbols_type_into_the_search_box(shell: Shell) -> None:
    """While the partner search has the keyboard, "/", "[", "1" and "§" are text, not commands."""
    shell.typed_keys.platform = "xcb"
    fired: list[str] = []
    for name, action in shell.actions.items():
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
    shell.view.partners.focus_search()
    edit = shell.view.partners.search_edit
    assert QApplication.focusWidget() is edit
    for key, mods, text, scan in (
        (K.Key_Slash, NO, "/", 61),
        (K.Key_BracketLeft, NO, "[", 34),
        (K.Key_1, NO, "1", 10),
        (K.Key_section, SHIFT, "§", 12),
    ):
        QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, key, mods, scan, 0, 0, text))
    assert edit.text() == "/[1§"
    assert fired == []
