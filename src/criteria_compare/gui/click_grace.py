"""A click on empty space pauses the single-key commands for a moment, so missed-click typing is not a command.

A reviewer who means to click into the queue filter and misses it lands on the
pane's background; the keyboard stays where it was (the queue), and the words
typed next would run as commands (one cycled a relation, E opened the note and
the rest went into it). :class:`ClickGrace` watches mouse presses in the review
screen's window: after a press on empty space (a widget that takes no focus and is
no control), keys that would type a character (and Enter, which commits) are not
commands for ``GRACE_MS``: they are swallowed and a message says why. The pause
ends early at a click on something that takes the focus (the queue, a field, a
button) or with Esc, which puts the keyboard visibly on the queue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QSplitterHandle,
    QTabBar,
    QTextEdit,
    QWidget,
)

from criteria_compare.gui.actions import is_typing_widget

__all__ = ["GRACE_MS", "PAUSED_MESSAGE", "ClickGrace"]

GRACE_MS = 1500
PAUSED_MESSAGE = (
    "The click missed every control, so the keys just typed were not taken as commands. "
    "Click into a field to type there, or press Esc to use the keys on the queue."
)

_CONTROLS: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QSplitterHandle,
    QTabBar,
    QTextEdit,
)
_COMMIT_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space})
_COMMAND_MODIFIERS = ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)


def is_empty_space(widget: QWidget, within: QWidget, extra: tuple[type[QWidget], ...] = ()) -> bool:
    """True when a press on ``widget`` hit no control: nothing from it up to ``within`` takes focus."""
    w: QWidget | None = widget
    while w is not None:
        if isinstance(w, _CONTROLS + extra) or w.focusPolicy() & Qt.FocusPolicy.ClickFocus:
            return False
        if w is within:
            return True
        w = w.parentWidget()
    return False  # not inside ``within``


class ClickGrace(QObject):
    """Application event filter over ``area``: after a click on its empty space, typed keys pause.

    ``targets`` are further widget classes that count as controls (a candidate card,
    which a click marks); ``notify`` shows :data:`PAUSED_MESSAGE`; ``home`` puts the
    keyboard on the queue (Esc).
    """

    def __init__(
        self,
        area: QWidget,
        notify: Callable[[str], None],
        home: Callable[[], None],
        targets: tuple[type[QWidget], ...] = (),
        msecs: int = GRACE_MS,
    ) -> None:
        super().__init__(area)
        self._area = area
        self._notify = notify
        self._home = home
        self._targets = targets
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(msecs)
        self._told = False
        self._last_press: tuple[int, tuple[int, int]] | None = None
        app = QApplication.instance()
        assert app is not None
        self._app = app
        app.installEventFilter(self)

    @property
    def paused(self) -> bool:
        """True while typed keys are not taken as commands."""
        return self._timer.isActive()

    def end(self) -> None:
        """Take typed keys as commands again."""
        self._timer.stop()

    def detach(self) -> None:
        self._timer.stop()
        self._app.removeEventFilter(self)

    def _is_command_key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & _COMMAND_MODIFIERS:
            return False  # Ctrl+Z and friends stay: they are what mends an accident
        return bool(event.text().strip()) or event.key() in _COMMIT_KEYS

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            # A press nobody takes is offered to each parent in turn: judge it once, where it hit.
            press = (event.timestamp(), event.globalPosition().toPoint().toTuple())
            if press != self._last_press and isinstance(watched, QWidget):
                self._last_press = press
                if watched is self._area or self._area.isAncestorOf(watched):
                    if is_empty_space(watched, self._area, self._targets):
                        self._told = False
                        self._timer.start()
                    else:
                        self._timer.stop()
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self.paused:
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._area.window():
            return False
        assert isinstance(event, QKeyEvent)
        if is_typing_widget(QApplication.focusWidget()):
            return False  # the click did reach a field after all: typing is typing
        if event.key() == Qt.Key.Key_Escape:
            if kind == QEvent.Type.KeyPress:
                self._timer.stop()
                self._home()
            event.accept()
            return True
        if not self._is_command_key(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes here as a key press instead of firing a shortcut
            return True
        self._timer.start()  # typing on keeps the pause until the reviewer stops or clicks
        if not self._told:
            self._told = True
            self._notify(PAUSED_MESSAGE)
        return True
