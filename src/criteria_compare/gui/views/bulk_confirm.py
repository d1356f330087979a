""" "Confirm clear winners…": preview of unreviewed criteria whose top candidate clearly wins, rows can be unticked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.models.columns import ModelIndex
from criteria_compare.gui.style import MARGIN, SPACING
from criteria_compare.project.state import Decision
from criteria_compare.workflow.bulk import CLEAR_MARGIN, ClearWinner

__all__ = ["BulkConfirmDialog", "BulkConfirmModel"]


class BulkConfirmModel(QAbstractTableModel):
    """The preview rows, each with a tick box (ticked by default)."""

    COLUMNS = (
        "Confirm",
        "Reference",
        "Reference text",
        "Partner",
        "Partner text",
        "Score",
        "Margin",
    )

    def __init__(self, winners: Sequence[ClearWinner] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._winners = list(winners)
        self._ticked = [True] * len(self._winners)

    def set_all(self, ticked: bool) -> None:
        """Tick or untick every row."""
        self._ticked = [ticked] * len(self._winners)
        if self._winners:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._winners) - 1, 0))

    def chosen(self) -> list[ClearWinner]:
        """The ticked rows."""
        return [w for w, t in zip(self._winners, self._ticked, strict=False) if t]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._winners)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._winners)):
            return None
        w = self._winners[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if self._ticked[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "",
                w.reference.ref,
                " ".join(w.reference.text.split()),
                w.partner.ref,
                " ".join(w.partner.text.split()),
                f"{w.suggestion.score:.2f}",
                f"+{w.suggestion.evidence.margin:.2f}",
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{w.reference.ref}: {w.reference.text}\n\n{w.partner.ref}: {w.partner.text}"
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 0:
            return "ticked" if self._ticked[index.row()] else "not ticked"
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self._ticked[index.row()] = state == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class BulkConfirmDialog(QDialog):
    """Preview table; Confirm applies the ticked rows (the caller makes it one undo step)."""

    def __init__(self, winners: Sequence[ClearWinner], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Confirm clear winners")
        self.model = BulkConfirmModel(winners, self)
        intro = QLabel(
            f"{len(winners)} unreviewed criteria have a High top candidate that leads the next "
            f"by at least {CLEAR_MARGIN:.2f}. Each ticked row is linked (equal) and set to "
            "Aligned. This is one step: Undo takes it all back."
            if winners
            else "No unreviewed criterion has a clear winner right now."
        )
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Clear winners to confirm")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        all_button = QPushButton("Tick all")
        none_button = QPushButton("Untick all")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN * 2, MARGIN * 2, MARGIN * 2, MARGIN * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(1100, 560)

        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button.clicked.connect(lambda: self.model.set_all(False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._update_ok)
        self._update_ok()

    def decisions(self) -> list[Decision]:
        """One decision per ticked row."""
        return [w.decision() for w in self.model.chosen()]

    def _update_ok(self, *_: object) -> None:
        n = len(self.model.chosen())
        self._ok.setText(f"Confirm {n} criteria" if n != 1 else "Confirm 1 criterion")
        self._ok.setEnabled(n > 0)
