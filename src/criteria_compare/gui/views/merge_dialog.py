"""File → Merge a reviewer's copy…: choose their copy, the copy both started from, and the new merged file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.style import MARGIN, SPACING

__all__ = ["MergeChoice", "MergeDialog"]

_FILTER = "criteria-compare projects (*.ccproj)"


@dataclass(frozen=True)
class MergeChoice:
    """The files of one merge; ours is the open project."""

    base: Path
    ours: Path
    theirs: Path
    out: Path


class MergeDialog(QDialog):
    """Asks for theirs, the base and where to write; ``choice()`` once accepted."""

    def __init__(self, ours: Path, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge a reviewer's copy")
        self.setMinimumWidth(560)
        self._ours = ours
        self._folder = folder or str(ours.parent)

        intro = QLabel(
            f"Their decisions are merged with ours (<b>{_escape(ours.name)}</b>, the open "
            "project) against the copy you both started from. A change made on one side is "
            "taken; where both changed the same decision differently, ours is kept and the "
            "conflict is listed for you to resolve. The result is a <b>new file</b> that opens "
            "here; the open project and both copies stay as they are."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.theirs = QLineEdit()
        self.theirs.setAccessibleName("Their copy")
        self.theirs.setPlaceholderText("the other reviewer's .ccproj")
        self.base = QLineEdit()
        self.base.setAccessibleName("Common base")
        self.base.setPlaceholderText("the copy both of you started from")
        self.out = QLineEdit(str(ours.with_name(f"{ours.stem} merged.ccproj")))
        self.out.setAccessibleName("Merged project")
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow("&Their copy:", self._row(self.theirs, "Choose…", self._choose_theirs))
        form.addRow("Common &base:", self._row(self.base, "Choose…", self._choose_base))
        form.addRow("&Write to:", self._row(self.out, "Choose…", self._choose_out))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.merge_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.merge_button.setText("&Merge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.theirs, self.base, self.out):
            edit.textChanged.connect(self._update)
        self._update()
        self.theirs.setFocus()

    def _row(self, edit: QLineEdit, text: str, slot: object) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(SPACING)
        row.addWidget(edit, 1)
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        row.addWidget(button)
        return row

    def _update(self) -> None:
        ready = all(e.text().strip() for e in (self.theirs, self.base, self.out))
        self.merge_button.setEnabled(ready)

    def _open(self, title: str, edit: QLineEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, title, self._folder, _FILTER)
        if path:
            edit.setText(path)
            self._folder = str(Path(path).parent)

    def _choose_theirs(self) -> None:
        self._open("Their copy", self.theirs)

    def _choose_base(self) -> None:
        self._open("The copy both started from", self.base)

    def _choose_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Write the merged project to", self.out.text(), _FILTER)  # fmt: skip
        if path:
            self.out.setText(path if path.lower().endswith(".ccproj") else path + ".ccproj")

    def choice(self) -> MergeChoice:
        """The chosen files (ours is the open project)."""
        return MergeChoice(
            base=Path(self.base.text().strip()),
            ours=self._ours,
            theirs=Path(self.theirs.text().strip()),
            out=Path(self.out.text().strip()),
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
