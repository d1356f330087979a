"""The review screen's keyboard: which handler each review action runs, connected while the screen is shown.

The names come from ``gui.actions.REVIEW_ACTIONS`` (the one table of actions);
numbered keys and verdict keys carry their number or verdict in a
``functools.partial`` instead of being read back from the triggering action.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from criteria_compare.gui.actions import REVIEW_ACTIONS, VERDICT_ACTIONS, WRITE_ACTIONS
from criteria_compare.model import Status

__all__ = ["ActionBinding", "Handler", "numbered"]

Handler = Callable[[], object]


def numbered(
    confirm: Callable[[int], object],
    reject: Callable[[int], object],
    set_verdict: Callable[[Status], object],
) -> dict[str, Handler]:
    """The handlers of confirm_1..5, reject_1..5 and the verdict keys."""
    handlers: dict[str, Handler] = {}
    for n in range(1, 6):
        handlers[f"confirm_{n}"] = functools.partial(confirm, n)
        handlers[f"reject_{n}"] = functools.partial(reject, n)
    for name, status in VERDICT_ACTIONS.items():
        handlers[name] = functools.partial(set_verdict, status)
    return handlers


class ActionBinding:
    """Connects the review actions to their handlers and adds them to ``widget`` (shortcuts work there)."""

    def __init__(
        self, widget: QWidget, actions: Mapping[str, QAction], handlers: Mapping[str, Handler]
    ) -> None:
        missing = REVIEW_ACTIONS - set(handlers)
        if missing:
            raise ValueError(f"review actions without a handler: {sorted(missing)}")
        self._widget = widget
        self._connected: list[tuple[QAction, Handler]] = []
        self._disabled: list[QAction] = []
        self._actions = actions
        for name in sorted(REVIEW_ACTIONS):
            action = actions.get(name)
            if action is None:
                continue
            action.triggered.connect(handlers[name])
            self._connected.append((action, handlers[name]))
            widget.addAction(action)

    def disable_writes(self) -> None:
        """Switch off every action that writes (a read-only project); :meth:`release` turns them on."""
        for name in sorted(WRITE_ACTIONS):
            action = self._actions.get(name)
            if action is not None and action.isEnabled():
                action.setEnabled(False)
                self._disabled.append(action)

    def release(self) -> None:
        """Disconnect every handler and give back the actions (before the screen is thrown away)."""
        for action, handler in self._connected:
            with contextlib.suppress(RuntimeError, TypeError):
                action.triggered.disconnect(handler)
            self._widget.removeAction(action)
        self._connected.clear()
        for action in self._disabled:
            with contextlib.suppress(RuntimeError):
                action.setEnabled(True)
        self._disabled.clear()
