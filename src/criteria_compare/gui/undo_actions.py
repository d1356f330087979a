"""Edit → Undo/Redo: the open project's undo stack and the two actions that follow it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoStack

__all__ = ["UndoActions"]


class UndoActions(QObject):
    """Makes one undo stack per open project and keeps ``undo``/``redo`` enabled and labelled."""

    def __init__(self, undo: QAction, redo: QAction, parent: QObject) -> None:
        super().__init__(parent)
        self._undo = undo
        self._redo = redo
        self.stack: QUndoStack | None = None
        # Says what an undo or redo did (the review screen's notice line), when set.
        self.notify: Callable[[str], object] | None = None

    def new_stack(self, on_change: Callable[[int], object]) -> QUndoStack:
        """A fresh stack for a project just opened; ``on_change`` runs on every undo, redo or push."""
        stack = QUndoStack(self.parent())
        stack.canUndoChanged.connect(self._undo.setEnabled)
        stack.canRedoChanged.connect(self._redo.setEnabled)
        # Bound methods, not lambdas: Qt drops them with their owner, so a stack cleared while
        # the window is torn down never reaches actions already deleted.
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        stack.indexChanged.connect(on_change)
        self.stack = stack
        self._undo.setEnabled(False)
        self._redo.setEnabled(False)
        return stack

    def drop_stack(self) -> None:
        """Delete the stack of the project being closed."""
        if self.stack is not None:
            self.stack.blockSignals(True)  # clearing it on deletion must not relabel
            self.stack.deleteLater()
            self.stack = None

    def reset_texts(self) -> None:
        self._undo.setText("&Undo")
        self._redo.setText("&Redo")

    def undo(self) -> None:
        if self.stack is not None and self.stack.canUndo():
            text = self.stack.undoText()
            self.stack.undo()
            self._tell(f"Undone: {text}. Ctrl+Shift+Z does it again.")

    def redo(self) -> None:
        if self.stack is not None and self.stack.canRedo():
            text = self.stack.redoText()
            self.stack.redo()
            self._tell(f"Done again: {text}. Ctrl+Z takes it back.")

    def _tell(self, text: str) -> None:
        if self.notify is not None:
            self.notify(text)

    def _undo_text_changed(self, text: str) -> None:
        self._undo.setText(f"&Undo {text}".strip())

    def _redo_text_changed(self, text: str) -> None:
        self._redo.setText(f"&Redo {text}".strip())
