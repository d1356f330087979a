"""A criterion's guidance under a "▸ Guidance" button: collapsed by default, hidden when there is none.

One widget for the reference side's implementation guidance (focus pane), the
partner's explanatory notes on a candidate card and in the partner pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from criteria_compare.gui.style import mute
from criteria_compare.gui.views.reflow import wrapping

__all__ = ["GuidanceFold"]


class GuidanceFold(QWidget):
    """A fold button titled ``title`` and the guidance text it shows or hides."""

    def __init__(self, title: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._toggle = QToolButton()
        self._toggle.setCheckable(True)
        self._toggle.setAutoRaise(True)
        self._toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toggle.setArrowType(Qt.ArrowType.RightArrow)
        self._toggle.setText(title)
        self._toggle.setAccessibleName(accessible_name)
        self._text = mute(wrapping(QLabel()))
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._text)
        self._toggle.toggled.connect(self._on_toggled)
        self.setVisible(False)

    @property
    def toggle(self) -> QToolButton:
        """The button that shows or hides the guidance."""
        return self._toggle

    @property
    def label(self) -> QLabel:
        """The guidance text (hidden while collapsed)."""
        return self._text

    def set_guidance(self, guidance: str, *, collapse: bool = False) -> None:
        """Show ``guidance`` (the fold disappears when it is empty); a new text, or ``collapse``,
        folds it up again."""
        guidance = guidance.strip()
        if collapse or guidance != self._text.text():
            self._toggle.setChecked(False)
        self._text.setText(guidance)
        self.setVisible(bool(guidance))

    def shown_text(self) -> str:
        """The guidance on screen ("" while collapsed or absent)."""
        return self._text.text() if not self.isHidden() and not self._text.isHidden() else ""

    def _on_toggled(self, on: bool) -> None:
        self._text.setVisible(on)
        self._toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
