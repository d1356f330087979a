"""Review → Resolve merge conflicts…: base, ours and theirs side by side; O keeps ours, T takes theirs,
E edits the note; each resolution is one undo step (``gui.undo.ResolveConflictCommand``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.style import MARGIN, SPACING, status_text
from criteria_compare.gui.undo import ChangeNotifier, ResolveConflictCommand, resolve_conflict
from criteria_compare.gui.views.rule_messages import refusal_message
from criteria_compare.model import Relation, Status
from criteria_compare.project import Project
from criteria_compare.project.conflicts import MergeConflict
from criteria_compare.project.elements import ElementValue, Field
from criteria_compare.workflow.merge_resolve import Choice

__all__ = ["MergeConflictsDialog", "conflict_title", "value_words"]

_FIELD_WORDS = {
    Field.STATUS: "verdict",
    Field.NOTE: "note",
    Field.DISCUSSION: "discussion flag",
    Field.LINK: "link to",
    Field.REJECTION: "rejection of",
    Field.PIN: "pin of",
    Field.EXCLUSION: "exclusion",
}


def conflict_title(c: MergeConflict) -> str:
    """E.g. "6.1 · link to P-4" or "7.10 · note"."""
    what = _FIELD_WORDS[c.field] + (f" {c.partner}" if c.field.paired else "")
    return f"{c.ref} · {what}"


def value_words(field: Field, value: ElementValue) -> str:
    """One element value in the reviewer's words."""
    if field is Field.STATUS:
        return status_text(Status(str(value)))
    if field is Field.NOTE:
        return str(value) if value else "(no note)"
    if field is Field.LINK:
        return "not linked" if value is None else f"linked ({Relation(str(value)).label})"
    if field is Field.DISCUSSION:
        return "⚑ flagged for discussion" if value else "not flagged"
    if field is Field.REJECTION:
        return "rejected" if value else "not rejected"
    if field is Field.PIN:
        return "pinned" if value else "not pinned"
    return "excluded" if value else "included"


def _pane(title: str) -> tuple[QGroupBox, QPlainTextEdit]:
    box = QGroupBox(title)
    text = QPlainTextEdit()
    text.setReadOnly(True)
    text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    text.setAccessibleName(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
    layout.addWidget(text)
    return box, text


class _NoteEditor(QPlainTextEdit):
    """The edited note: Ctrl+Enter saves it, Esc leaves it."""

    saved = Signal()
    left = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.saved.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            return
        super().keyPressEvent(event)


class MergeConflictsDialog(QDialog):
    """The open project's merge conflicts, one at a time, resolved with the keyboard."""

    def __init__(
        self,
        project: Project,
        stack: QUndoStack,
        notifier: ChangeNotifier | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge conflicts")
        self.setObjectName("mergeConflicts")
        fit_to_screen(self, 980, 560)
        self._project = project
        self._stack = stack
        self._notifier = notifier
        self._conflicts: tuple[MergeConflict, ...] = ()

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Merge conflicts")
        self.list.setMinimumWidth(200)
        self.criterion = QLabel()
        self.criterion.setWordWrap(True)
        self.criterion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        base_box, self.base_text = _pane("Base (both started from)")
        ours_box, self.ours_text = _pane("Ours (kept now)")
        theirs_box, self.theirs_text = _pane("Theirs")
        self.editor = _NoteEditor()
        self.editor.setAccessibleName("Your note")
        self.editor.setPlaceholderText("Write the note to keep; Ctrl+Enter saves it, Esc leaves it")
        self.editor.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("mergeMessage")
        self.ours_button = QPushButton("Keep &ours   O")
        self.theirs_button = QPushButton("Take &theirs   T")
        self.edit_button = QPushButton("&Edit note   E")
        self.save_button = QPushButton("&Save note   Ctrl+Enter")
        self.save_button.hide()
        self.close_button = QPushButton("Close")
        for button in (self.ours_button, self.theirs_button, self.edit_button, self.save_button):
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        sides = QGridLayout()
        sides.setSpacing(SPACING)
        for column, box in enumerate((base_box, ours_box, theirs_box)):
            sides.addWidget(box, 0, column)
            sides.setColumnStretch(column, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(SPACING)
        for button in (self.ours_button, self.theirs_button, self.edit_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        right = QWidget()
        detail = QVBoxLayout(right)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.setSpacing(SPACING)
        detail.addWidget(self.criterion)
        detail.addWidget(self.reason)
        detail.addLayout(sides, 1)
        detail.addWidget(self.editor)
        detail.addWidget(self.message)
        detail.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 740])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(self._show)
        self.ours_button.clicked.connect(self.keep_ours)
        self.theirs_button.clicked.connect(self.take_theirs)
        self.edit_button.clicked.connect(self.edit_note)
        self.save_button.clicked.connect(self.save_note)
        self.close_button.clicked.connect(self.close)
        self.editor.saved.connect(self.save_note)
        self.editor.left.connect(self._leave_editor)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self._stack.redo)
        if notifier is not None:
            notifier.changed.connect(self._changed)
        self.reload()
        self.list.setFocus()

    # -- contents --------------------------------------------------------------------------
    @property
    def conflicts(self) -> tuple[MergeConflict, ...]:
        return self._conflicts

    def reload(self, keep_row: int | None = None) -> None:
        """Read the unresolved conflicts again (after a resolution, an undo or a redo)."""
        row = self.list.currentRow() if keep_row is None else keep_row
        self._conflicts = self._project.merge_conflicts()
        self.list.blockSignals(True)
        self.list.clear()
        for c in self._conflicts:
            item = QListWidgetItem(conflict_title(c))
            item.setToolTip(c.reason or "changed differently in both copies")
            self.list.addItem(item)
        self.list.blockSignals(False)
        n = len(self._conflicts)
        sources = sorted({c.theirs_file for c in self._conflicts if c.theirs_file})
        if n:
            where = f" with {', '.join(sources)}" if sources else ""
            self.summary.setText(
                f"{n} merge conflict{'s' if n != 1 else ''}{where}: the project holds ours until "
                "you choose. ↑/↓ move, O keeps ours, T takes theirs, E edits a note, Ctrl+Z undoes."
            )
        else:
            self.summary.setText("Every merge conflict is resolved.")
        if n:
            self.list.setCurrentRow(min(max(row, 0), n - 1))
        self._show(self.list.currentRow())

    def current(self) -> MergeConflict | None:
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def _show(self, _row: int) -> None:
        c = self.current()
        self._leave_editor()
        enabled = c is not None and not self._project.read_only
        for button in (self.ours_button, self.theirs_button):
            button.setEnabled(enabled)
        self.edit_button.setEnabled(enabled and c is not None and c.field is Field.NOTE)
        if c is None:
            for pane in (self.base_text, self.ours_text, self.theirs_text):
                pane.setPlainText("")
            self.criterion.setText("")
            self.reason.setText("")
            return
        try:
            text = self._project.reference.by_ref()[c.ref].text
        except KeyError:
            text = ""
        self.criterion.setText(f"<b>{_escape(conflict_title(c))}</b> — {_escape(text)}")
        self.reason.setText(
            f"Why: {c.reason}" if c.reason else "Both copies changed this differently."
        )
        self.base_text.setPlainText(value_words(c.field, c.base))
        self.ours_text.setPlainText(value_words(c.field, c.ours))
        self.theirs_text.setPlainText(value_words(c.field, c.theirs))
        if self._project.read_only:
            self.message.setText("The project is open read-only; conflicts cannot be resolved.")

    # -- resolving ---------------------------------------------------------------------------
    def keep_ours(self) -> bool:
        """Keep ours for the current conflict."""
        return self._resolve(Choice.OURS)

    def take_theirs(self) -> bool:
        """Take theirs for the current conflict."""
        return self._resolve(Choice.THEIRS)

    def edit_note(self) -> None:
        """Open the note editor (notes only), filled with our note."""
        c = self.current()
        if c is None or c.field is not Field.NOTE or self._project.read_only:
            return
        self.editor.setPlainText(str(c.ours or ""))
        self.editor.show()
        self.save_button.show()
        self.editor.setFocus()
        self.editor.selectAll()

    def save_note(self) -> bool:
        """Store the edited note as the resolution."""
        if not self.editor.isVisible():
            return False
        return self._resolve(Choice.EDIT, self.editor.toPlainText())

    def _leave_editor(self) -> None:
        if self.editor.isVisible():
            self.editor.hide()
            self.save_button.hide()
            self.list.setFocus()

    def _resolve(self, choice: Choice, note: str | None = None) -> bool:
        c = self.current()
        if c is None or self._project.read_only:
            return False
        row = self.list.currentRow()
        try:
            resolve_conflict(
                self._stack,
                ResolveConflictCommand(self._project, c, choice, note, self._notifier),
            )
        except CriteriaCompareError as exc:
            self.message.setText(refusal_message(exc))
            return False
        self.message.setText("")
        self.reload(keep_row=row)
        self.list.setFocus()
        return True

    def _changed(self, _refs: list[str]) -> None:
        if self.isVisible():
            self.reload()

    def _key(self, event: QKeyEvent) -> bool:
        """O, T and E act on the current conflict (not while a note is being written)."""
        if self.editor.hasFocus() or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        actions = {Qt.Key.Key_O: self.keep_ours, Qt.Key.Key_T: self.take_theirs, Qt.Key.Key_E: self.edit_note}  # fmt: skip
        action = actions.get(Qt.Key(event.key()))
        if action is None:
            return False
        action()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The list would use O, T and E to jump to a row; here they resolve instead."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key(event):
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._key(event):
            super().keyPressEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
