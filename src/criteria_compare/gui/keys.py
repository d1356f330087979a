"""Lists that keep their own keys: Up/Down (and J/K, Enter) move in the focused list, not the review queue."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

__all__ = ["NAVIGATION_KEYS", "ComboArrows", "OwnKeys", "combo_arrows", "own_keys"]

# J/K move like Down/Up, as they do in the queue.
_ALIASES = {Qt.Key.Key_J: Qt.Key.Key_Down, Qt.Key.Key_K: Qt.Key.Key_Up}
NAVIGATION_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, *_ALIASES})
_ENTER = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})
_PLAIN = Qt.KeyboardModifier.NoModifier | Qt.KeyboardModifier.KeypadModifier


class OwnKeys(QObject):
    """Event filter: while ``view`` has focus, its keys win over the window-wide shortcuts.

    The review's next/previous actions (Up/Down, J/K) and commit-and-next (Enter)
    are window shortcuts meant for the queue. A shortcut is only overridden when
    the focus widget accepts the ShortcutOverride event, which item views do not
    do by themselves; this filter accepts it for the navigation keys (and Enter
    when ``enter`` is set), so the list moves (or activates its row) instead.
    J/K are then turned into Down/Up for the view.
    """

    def __init__(self, view: QAbstractItemView, *, enter: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self._keys = NAVIGATION_KEYS | (_ENTER if enter else frozenset())
        view.installEventFilter(self)

    def _mine(self, event: QKeyEvent) -> bool:
        return event.key() in self._keys and not (event.modifiers() & ~_PLAIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self._view or kind not in (
            QEvent.Type.ShortcutOverride,
            QEvent.Type.KeyPress,
        ):
            return False
        assert isinstance(event, QKeyEvent)
        if not self._mine(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        alias = _ALIASES.get(Qt.Key(event.key()))
        if alias is not None:
            moved = QKeyEvent(QEvent.Type.KeyPress, alias, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(self._view, moved)
            return True
        return False


def own_keys(views: Iterable[QAbstractItemView], *, enter: bool = False) -> list[OwnKeys]:
    """Let each of ``views`` handle Up/Down/J/K (and Enter) itself while it has focus."""
    return [OwnKeys(view, enter=enter) for view in views]


_COMBO_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
    }
)


class ComboArrows(QObject):
    """Event filter: while a combo box has focus, its arrow keys choose in it.

    Up/Down are window shortcuts (previous/next criterion); a focused combo box does
    not claim them by itself, so Down on a focused filter moved the criterion instead
    of the filter. This accepts the ShortcutOverride for the arrows (with Alt too, which
    opens the list), so the combo box gets them.
    """

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._combo = combo
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._combo and event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            alt = Qt.KeyboardModifier.AltModifier
            if event.key() in _COMBO_KEYS and not (event.modifiers() & ~(_PLAIN | alt)):
                event.accept()
                return True
        return False


def combo_arrows(combos: Iterable[QComboBox]) -> list[ComboArrows]:
    """Let each of ``combos`` keep its arrow keys while it has focus."""
    return [ComboArrows(combo) for combo in combos]
