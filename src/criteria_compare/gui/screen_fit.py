"""Dialog sizes that never exceed the screen, so a small laptop display still shows every button."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

__all__ = ["fit_to_screen"]


def fit_to_screen(
    widget: QWidget, width: int, height: int, min_width: int = 0, min_height: int = 0
) -> None:
    """Resize ``widget`` to ``width`` × ``height`` (and set its minimum size), each capped to the
    available area of the screen it will open on (its parent's, else the primary screen)."""
    parent = widget.parentWidget()
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is None:
        widget.setMinimumSize(min_width, min_height)
        widget.resize(width, height)
        return
    area = screen.availableGeometry()
    widget.setMinimumSize(min(min_width, area.width()), min(min_height, area.height()))
    widget.resize(min(width, area.width()), min(height, area.height()))
