"""The question asked when a project is open for writing in another program: open read-only, cancel, or (a stale lock) take over."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from criteria_compare.workflow.opening import InUse

__all__ = ["LockChoice", "LockDialog"]


class LockChoice(str, Enum):
    """What the user chose."""

    READ_ONLY = "read_only"
    TAKE_OVER = "take_over"
    CANCEL = "cancel"


class LockDialog(QMessageBox):
    """Says who has the project open for writing, since when, and offers what can be done.

    Window-modal and non-blocking (``open()``); ``chosen`` carries the LockChoice.
    """

    chosen = Signal(object)

    def __init__(self, name: str, in_use: InUse, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowTitle("Project in use")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        h = in_use.holder
        if in_use.stale:
            self.setText(
                f"{name} was left locked by {h.user}'s {h.app or 'criteria-compare'} on this "
                f"computer (opened {h.since_text}), which is no longer running: it was closed "
                "abnormally."
            )
            self.setInformativeText(
                "If you are not reviewing it in another window, take the lock over to review it "
                "here; or open it read-only."
            )
        else:
            self.setText(f"{name} is open for writing by {in_use.who}.")
            self.setInformativeText(
                "Only one program at a time may change a project. You can open it read-only "
                "to read, search and export it; decisions saved there appear here as they are "
                "made."
            )
        self.setAccessibleName("Project in use")
        self.read_only_button = self._button("Open read-only", QMessageBox.ButtonRole.AcceptRole)
        self.take_over_button: QPushButton | None = None
        if in_use.stale:
            self.take_over_button = self._button(
                "Take over", QMessageBox.ButtonRole.DestructiveRole
            )
        self.cancel_button = self._button("Cancel", QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.take_over_button or self.read_only_button)
        self.setEscapeButton(self.cancel_button)
        self.buttonClicked.connect(self._clicked)

    def _button(self, text: str, role: QMessageBox.ButtonRole) -> QPushButton:
        button = self.addButton(text, role)
        assert isinstance(button, QPushButton)
        return button

    def _clicked(self, button: object) -> None:
        if button is self.take_over_button:
            self.chosen.emit(LockChoice.TAKE_OVER)
        elif button is self.read_only_button:
            self.chosen.emit(LockChoice.READ_ONLY)
        else:
            self.chosen.emit(LockChoice.CANCEL)
