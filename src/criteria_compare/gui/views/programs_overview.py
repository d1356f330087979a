"""Both programs side by side in two tables with their import warnings (shown until the review view lands).

It offers the same small interface as ``ReviewView`` (``countsChanged``,
``current_ref``, ``select_ref``, ``reload``, ``save_state``,
``restore_state``, ``header_text``) so the main window can host either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.model import Criterion, Side

__all__ = ["CriteriaTableModel", "ProgramsOverview"]

_Index = QModelIndex | QPersistentModelIndex


class CriteriaTableModel(QAbstractTableModel):
    """Read-only rows of one program: ref, section, level, text."""

    COL_REF, COL_SECTION, COL_LEVEL, COL_TEXT = range(4)
    HEADERS = ("Ref", "Section", "Level", "Text")

    def __init__(self, criteria: Sequence[Criterion] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Criterion, ...] = tuple(criteria)

    def set_rows(self, criteria: Sequence[Criterion]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = tuple(criteria)
        self.endResetModel()

    def criterion(self, row: int) -> Criterion:
        """The criterion shown on ``row``."""
        return self._rows[row]

    def row_of(self, ref: str) -> int:
        """The row of ``ref``, or -1."""
        return next((i for i, c in enumerate(self._rows) if c.ref == ref), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.COL_REF:
                return c.ref
            if col == self.COL_SECTION:
                return c.section
            if col == self.COL_LEVEL:
                return c.level.value if c.level is not None else ""
            if role == Qt.ItemDataRole.ToolTipRole and c.guidance:
                return f"{c.text}\n\nGuidance: {c.guidance}"
            return c.text
        return None


class _ProgramPane(QWidget):
    def __init__(self, title: str, criteria: Sequence[Criterion], warnings: Sequence[str]) -> None:
        super().__init__()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setText(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = CriteriaTableModel(criteria, self)
        self.table = QTableView()
        self.table.setAccessibleName(f"{title} criteria")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(f"{title} import warnings")
        self.warnings.addItems(list(warnings) or ["No import warnings."])
        self.warnings.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(f"Import warnings ({len(warnings)})"))
        layout.addWidget(self.warnings)


class ProgramsOverview(QWidget):
    """Reference and partner criteria in two tables side by side, with import warnings."""

    countsChanged = Signal()

    def __init__(
        self,
        project: Any,
        undo_stack: QUndoStack,
        actions: Mapping[str, QAction],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.setAccessibleName("Programs side by side")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.reference_pane = _ProgramPane("", (), ())
        self.partner_pane = _ProgramPane("", (), ())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.reload()

    def reload(self) -> None:
        """Re-read both programs from the project."""
        for pane in (self.reference_pane, self.partner_pane):
            pane.setParent(None)
            pane.deleteLater()
        p = self.project
        self.reference_pane = _ProgramPane(
            f"Reference: {p.reference.name} {p.reference.version}".strip(),
            p.reference.criteria,
            p.import_warnings(Side.REFERENCE),
        )
        self.partner_pane = _ProgramPane(
            f"Partner: {p.partner.name} {p.partner.version}".strip(),
            p.partner.criteria,
            p.import_warnings(Side.PARTNER),
        )
        self.splitter.addWidget(self.reference_pane)
        self.splitter.addWidget(self.partner_pane)
        self.countsChanged.emit()

    def current_ref(self) -> str | None:
        """The selected reference criterion, if any."""
        rows = self.reference_pane.table.selectionModel().selectedRows()
        return self.reference_pane.model.criterion(rows[0].row()).ref if rows else None

    def select_ref(self, ref: str) -> None:
        """Select the reference criterion ``ref``."""
        row = self.reference_pane.model.row_of(ref)
        if row >= 0:
            self.reference_pane.table.selectRow(row)

    def save_state(self) -> QByteArray:
        """Splitter sizes."""
        return self.splitter.saveState()

    def restore_state(self, state: QByteArray) -> None:
        """Restore splitter sizes saved by save_state."""
        self.splitter.restoreState(state)

    def header_text(self) -> str:
        """One line about the comparison."""
        p = self.project
        return (
            f"{len(p.reference.criteria)} reference criteria · "
            f"{len(p.partner.criteria)} partner criteria"
        )
