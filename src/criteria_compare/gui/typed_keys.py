"""Keys that depend on the keyboard layout: the number row (confirm/reject n) and the symbol keys / ? [ ].

Qt's shortcut map matches a key press against every key combination the
platform's key mapper says it could mean: Shift+3 on a US X11 keyboard is
"Shift+#", "#" and "Shift+3" at once, so an action registered under more than
one of them is an "ambiguous shortcut overload" and nothing fires; a German
keyboard sends "§" for Shift+3 and a French one sends "3" only with Shift. So
these actions are not left to the shortcut map. :class:`TypedKeys`, an event
filter on the application, reads each key press the way the platform really
sends it and triggers the action itself:

- the number-row keys go by their position (the native scan code on X11,
  Wayland and Windows, the virtual key code on macOS): without Shift they
  confirm candidate n, with Shift they reject it, whatever characters the
  layout puts on them (on AZERTY: the & é " ' ( keys); keypad digits confirm;
  an event without native codes (synthetic) falls back to its key and text;
- "/", "?", "[" and "]" go by the character typed, however the layout makes
  it (Shift+7 and AltGr+8 on German keyboards, Option+5 on a German Mac).

The actions keep their shortcuts for the menus and tooltips; this filter
claims the key press first (it accepts the ShortcutOverride), so the shortcut
map never sees it. Nothing is claimed while a text field has the keyboard or
when the key press goes to another window (a dialog).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from criteria_compare.gui.actions import is_typing_widget

__all__ = [
    "CHARACTER_ACTIONS",
    "KeyPress",
    "TypedKeys",
    "action_for",
    "install_typed_keys",
    "number_row_key",
]

CHARACTER_ACTIONS: Mapping[str, str] = {
    "/": "search",
    "?": "shortcuts_help",
    "]": "next_unreviewed",
    "[": "previous_unreviewed",
}

# The characters Shift+1…5 give on common layouts (US, UK, German, Swiss, Nordic, Spanish,
# Italian), for events without native key codes.
_SHIFTED_DIGITS: Mapping[str, int] = {
    "!": 1,
    "@": 2,
    '"': 2,
    "#": 3,
    "§": 3,
    "£": 3,
    "·": 3,
    "$": 4,
    "¤": 4,
    "%": 5,
}
# macOS virtual key codes (kVK_ANSI_1…kVK_ANSI_0) of the number row.
_MAC_NUMBER_ROW: Mapping[int, int] = {
    0x12: 1,
    0x13: 2,
    0x14: 3,
    0x15: 4,
    0x17: 5,
    0x16: 6,
    0x1A: 7,
    0x1C: 8,
    0x19: 9,
    0x1D: 0,
}
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_KEYPAD = Qt.KeyboardModifier.KeypadModifier
_ALT = Qt.KeyboardModifier.AltModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_GROUP = Qt.KeyboardModifier.GroupSwitchModifier
_CANDIDATES = 5


@dataclass(frozen=True)
class KeyPress:
    """What a platform reports for one key press (the fields of a QKeyEvent that matter here)."""

    key: int
    modifiers: Qt.KeyboardModifier
    text: str = ""
    scan_code: int = 0
    virtual_key: int = 0

    @classmethod
    def of(cls, event: QKeyEvent) -> KeyPress:
        return cls(
            event.key(),
            event.modifiers(),
            event.text(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
        )


def number_row_key(press: KeyPress, platform: str) -> int | None:
    """The digit (0–9) printed on the number-row key pressed, from its native code; None if not one.

    ``platform`` is ``QGuiApplication.platformName()``: X11 and Wayland report
    XKB key codes (10 for the 1 key … 19 for 0), Windows its scan codes (2 … 11),
    macOS its virtual key codes.
    """
    if platform == "xcb" or platform.startswith("wayland"):
        code = press.scan_code
        return (code - 9) % 10 if 10 <= code <= 19 else None
    if platform == "windows":
        code = press.scan_code & 0xFF
        return (code - 1) % 10 if 2 <= code <= 11 else None
    if platform == "cocoa":
        return _MAC_NUMBER_ROW.get(press.virtual_key)
    return None


def _numbered(press: KeyPress, platform: str) -> str | None:
    mods = press.modifiers
    if mods & ~(_SHIFT | _KEYPAD):
        return None
    shifted = bool(mods & _SHIFT)
    digit = None if mods & _KEYPAD else number_row_key(press, platform)
    if digit is None:
        key = press.key
        if Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
            digit = key - Qt.Key.Key_0.value
        elif shifted and not mods & _KEYPAD:
            digit = _SHIFTED_DIGITS.get(press.text)
        if mods & _KEYPAD:
            shifted = False  # Shift+keypad digit is a navigation key on most layouts
    if digit is None or not 1 <= digit <= _CANDIDATES:
        return None
    return f"{'reject' if shifted else 'confirm'}_{digit}"


def _by_character(press: KeyPress) -> str | None:
    name = CHARACTER_ACTIONS.get(press.text)
    if name is None:
        return None
    mods = press.modifiers
    # AltGr arrives as Ctrl+Alt on Windows and as Alt (Option) on macOS; Ctrl alone is a command.
    if mods & _CTRL and not mods & _ALT:
        return None
    if mods & ~(_SHIFT | _KEYPAD | _ALT | _CTRL | _GROUP):
        return None
    return name


def action_for(press: KeyPress, platform: str) -> str | None:
    """The name of the action ``press`` means on ``platform``, if it is one of the layout-dependent keys."""
    return _numbered(press, platform) or _by_character(press)


class TypedKeys(QObject):
    """Application event filter: triggers the layout-dependent actions of ``window`` from real key presses."""

    def __init__(self, app: QApplication, window: QWidget, actions: Mapping[str, QAction]) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._actions = dict(actions)
        self.platform = QGuiApplication.platformName()
        app.installEventFilter(self)

    def _claimed(self, watched: QObject, event: QKeyEvent) -> QAction | None:
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return None
        if is_typing_widget(watched) or is_typing_widget(QApplication.focusWidget()):
            return None
        name = action_for(KeyPress.of(event), self.platform)
        action = self._actions.get(name) if name is not None else None
        if action is None or not action.isEnabled():
            return None
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        action = self._claimed(watched, event)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key press comes to the focus widget, not the shortcut map
            return True
        if not event.isAutoRepeat():
            action.trigger()
        return True

    def detach(self) -> None:
        """Stop watching key presses."""
        self._app.removeEventFilter(self)


def install_typed_keys(
    app: QApplication, window: QWidget, actions: Mapping[str, QAction]
) -> TypedKeys:
    """Let the number-row and symbol keys of ``window``'s actions work on any keyboard layout."""
    return TypedKeys(app, window, actions)
