"""View → Import warnings: what the importer said about each program, kept in the project.

The importer's sentences are neutral; the advice key of a fresh warning and the
command-line phrases of warnings stored by older versions are worded here for the
window (no options to type).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.model import Side

if TYPE_CHECKING:
    from criteria_compare.importing import ImportWarning  # noqa: A004
    from criteria_compare.project import Project

__all__ = ["ImportWarningsDialog", "gui_sentence", "gui_warning"]

#: What the user can do about a warning, in the window's words (see ImportWarning.advice).
_ADVICE = {
    "columns": "choose its role above the column in the new-comparison wizard",
    "language": "choose it in the Language list of the new-comparison wizard",
    "sheet": "choose it in the Sheet list of the new-comparison wizard",
}
#: Command-line phrases in warnings that older versions stored, and the window's words.
_CLI_PHRASES = (
    (re.compile(r"map it with --[\w-]*columns if it matters"), "give it a role if it matters"),
    (re.compile(r"name the columns with --[\w-]*columns '[^']*'"), "choose the column roles"),
    (re.compile(r" \((?:map it|give the language|choose the sheet) with --[^)]*\)"), ""),
    (re.compile(r"with --[\w-]+(?: [A-Z]+)?"), "in the new-comparison wizard"),
)


def gui_sentence(sentence: str) -> str:
    """A stored warning with any command-line advice in it put in the window's words."""
    for pattern, words in _CLI_PHRASES:
        sentence = pattern.sub(words, sentence)
    return sentence


def gui_warning(warning: ImportWarning) -> str:
    """A fresh import warning as the wizard lists it, with the window's advice."""
    text = str(warning)
    hint = _ADVICE.get(warning.advice)
    return f"{text.rstrip('.')} ({hint})." if hint else text


class ImportWarningsDialog(QDialog):
    """One tab per program: where each warning points (file, sheet, row, column) and what it says."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        from criteria_compare.importing.result import split_warning

        super().__init__(parent)
        self.setWindowTitle("Import warnings")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 820, 420)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Import warnings by program")
        self.lists: dict[Side, QTableWidget] = {}
        for side, program in ((Side.REFERENCE, project.reference), (Side.PARTNER, project.partner)):
            warnings = project.import_warnings(side)
            tree = QTableWidget(len(warnings), 2)
            tree.setAccessibleName(f"Import warnings of {program.name}")
            tree.setHorizontalHeaderLabels(["Where", "Warning"])
            tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            tree.setWordWrap(True)
            tree.setAlternatingRowColors(True)
            tree.verticalHeader().setVisible(False)
            header = tree.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            tree.setColumnWidth(0, 200)
            for row, sentence in enumerate(warnings):
                where, message = split_warning(gui_sentence(sentence))
                for column, text in enumerate((where, message)):
                    item = QTableWidgetItem(text)
                    item.setToolTip(text)
                    tree.setItem(row, column, item)
            tree.resizeRowsToContents()
            header.sectionResized.connect(lambda *_, t=tree: t.resizeRowsToContents())
            page = QWidget()
            layout = QVBoxLayout(page)
            source = program.source_file or "its file"
            layout.addWidget(
                QLabel(
                    f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''} when "
                    f"{program.name} was imported from {source}."
                    if warnings
                    else f"No warnings when {program.name} was imported from {source}."
                )
            )
            layout.addWidget(tree, 1)
            layout.addStretch(0 if warnings else 1)
            self.lists[side] = tree
            label = f"{'Reference' if side is Side.REFERENCE else 'Partner'}: {program.name}"
            self.tabs.addTab(page, f"{label} ({len(warnings)})")
            tree.setVisible(bool(warnings))
            if warnings and not any(t.rowCount() for t in self.lists.values() if t is not tree):
                self.tabs.setCurrentIndex(self.tabs.count() - 1)  # open on the first with warnings
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
