""" "Confirm clear winners…": preview of unreviewed criteria whose first suggestion is very likely
right, with its evidence and runner-up; each row's tick, relation and verdict are the reviewer's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.align.calibration import band_meaning
from criteria_compare.gui.models.columns import ModelIndex
from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.style import MARGIN, SPACING
from criteria_compare.model import Relation, Status
from criteria_compare.project.state import Decision
from criteria_compare.workflow.bulk import CLEAR_PROBABILITY, ClearWinner

__all__ = ["BulkConfirmDialog", "BulkConfirmModel", "ChoiceDelegate"]

#: The verdicts a row may set; "Unreviewed" (the default) links without a verdict.
VERDICTS: tuple[Status, ...] = (Status.UNREVIEWED, Status.ALIGNED, Status.PARTIAL)
_MAX_TERMS = 4


def _evidence(w: ClearWinner) -> str:
    ev = w.suggestion.evidence
    parts = []
    if ev.shared_terms:
        terms = ", ".join(ev.shared_terms[:_MAX_TERMS])
        more = f" +{len(ev.shared_terms) - _MAX_TERMS}" if len(ev.shared_terms) > _MAX_TERMS else ""
        parts.append(f"shared: {terms}{more}")
    if ev.section_match:
        parts.append("same section words")
    parts.append(f"leads by {ev.margin:.2f}")
    return "; ".join(parts)


def _runner_up(w: ClearWinner) -> str:
    if w.runner_up is None:
        return "none"
    return f"{w.runner_up.target_ref} ({w.runner_up.score:.2f})"


class BulkConfirmModel(QAbstractTableModel):
    """The preview rows: tick box (ticked unless the partner is proposed for other rows too),
    texts, chance of being right, evidence, runner-up, and the relation and verdict to set."""

    COLUMNS = (
        "Confirm",
        "Reference",
        "Reference text",
        "Partner",
        "Partner text",
        "Right",
        "Evidence",
        "Runner-up",
        "Relation",
        "Verdict",
    )
    RELATION = 8
    VERDICT = 9

    def __init__(self, winners: Sequence[ClearWinner] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._winners = list(winners)
        self._ticked = [w.ticked for w in self._winners]
        self._relation = [Relation.EQUAL] * len(self._winners)
        self._verdict = [Status.UNREVIEWED] * len(self._winners)

    def set_all(self, ticked: bool) -> None:
        """Tick or untick every row."""
        self._ticked = [ticked] * len(self._winners)
        if self._winners:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._winners) - 1, 0))

    def chosen(self) -> list[ClearWinner]:
        """The ticked rows."""
        return [w for w, t in zip(self._winners, self._ticked, strict=False) if t]

    def decisions(self) -> list[Decision]:
        """One decision per ticked row, with that row's relation and verdict (Unreviewed = none)."""
        return [
            w.decision(rel, None if verdict is Status.UNREVIEWED else verdict)
            for w, t, rel, verdict in zip(
                self._winners, self._ticked, self._relation, self._verdict, strict=False
            )
            if t
        ]

    def choices(self, column: int) -> list[str]:
        """The labels an editable column offers."""
        if column == self.RELATION:
            return [r.label for r in Relation]
        return [v.label for v in VERDICTS]

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
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (self.RELATION, self.VERDICT):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._winners)):
            return None
        row = index.row()
        w = self._winners[row]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if self._ticked[row] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            partner = w.partner.ref
            if w.shared_with:
                partner += " ⚠"
            return (
                "",
                w.reference.ref,
                " ".join(w.reference.text.split()),
                partner,
                " ".join(w.partner.text.split()),
                f"{w.probability:.0%}",
                _evidence(w),
                _runner_up(w),
                self._relation[row].label,
                self._verdict[row].label,
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(w)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == 0:
            return "ticked" if self._ticked[row] else "not ticked"
        return None

    @staticmethod
    def _tooltip(w: ClearWinner) -> str:
        lines = [
            f"{w.reference.ref}: {w.reference.text}",
            "",
            f"{w.partner.ref}: {w.partner.text}",
            "",
            f"Evidence: {_evidence(w)}.",
            band_meaning(w.suggestion.band),
        ]
        if w.shared_with:
            lines += [
                "",
                f"{w.partner.ref} is also proposed for {', '.join(w.shared_with)}: not ticked, "
                "check whether it really covers all of them.",
            ]
        if w.runner_up is not None and w.runner_up_partner is not None:
            lines += ["", f"Runner-up {w.runner_up_partner.ref}: {w.runner_up_partner.text}"]
        return "\n".join(lines)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, col = index.row(), index.column()
        if col == 0 and role == Qt.ItemDataRole.CheckStateRole:
            state = Qt.CheckState(value) if isinstance(value, int) else value
            self._ticked[row] = state == Qt.CheckState.Checked
        elif col == self.RELATION and role == Qt.ItemDataRole.EditRole:
            found = [r for r in Relation if r.label == value]
            if not found:
                return False
            self._relation[row] = found[0]
        elif col == self.VERDICT and role == Qt.ItemDataRole.EditRole:
            verdicts = [v for v in VERDICTS if v.label == value]
            if not verdicts:
                return False
            self._verdict[row] = verdicts[0]
        else:
            return False
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the model's choices for the Relation and Verdict columns (kept on Enter or
    when the focus leaves it)."""

    def __init__(self, model: BulkConfirmModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        box = QComboBox(parent)
        box.addItems(self._model.choices(index.column()))
        box.setAccessibleName(BulkConfirmModel.COLUMNS[index.column()])
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class BulkConfirmDialog(QDialog):
    """Preview table; Confirm applies the ticked rows (the caller makes it one undo step)."""

    def __init__(self, winners: Sequence[ClearWinner], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Confirm clear winners")
        self.model = BulkConfirmModel(winners, self)
        shared = sum(1 for w in winners if w.shared_with)
        text = (
            f"{len(winners)} unreviewed criteria have a first suggestion that was right at least "
            f"{CLEAR_PROBABILITY:.0%} of the time on the test crosswalks. Each ticked row is "
            "linked with the relation in its row; its verdict is set only if you choose one "
            "(Unreviewed leaves it for you to review). This is one step: Undo takes it all back."
            if winners
            else "No unreviewed criterion has a clear winner right now."
        )
        if shared:
            text += (
                f" {shared} rows (⚠) share their partner criterion with another row and are "
                "not ticked: check that it really covers each of them."
            )
        self.intro = intro = QLabel(text)
        intro.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = ChoiceDelegate(self.model, self.table)
        self.table.setItemDelegateForColumn(BulkConfirmModel.RELATION, self.delegate)
        self.table.setItemDelegateForColumn(BulkConfirmModel.VERDICT, self.delegate)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
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
        # The evidence line can be long: a fixed share of the width (whole line in the tooltip),
        # so the two texts keep room to be read.
        evidence = BulkConfirmModel.COLUMNS.index("Evidence")
        header.setSectionResizeMode(evidence, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(evidence, self.fontMetrics().averageCharWidth() * 34)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        fit_to_screen(self, 1100, 560)

        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button.clicked.connect(lambda: self.model.set_all(False))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.dataChanged.connect(self._update_ok)
        self._update_ok()

    def decisions(self) -> list[Decision]:
        """One decision per ticked row, with its relation and verdict."""
        return self.model.decisions()

    def _update_ok(self, *_: object) -> None:
        n = len(self.model.chosen())
        self._ok.setText(f"Confirm {n} criteria" if n != 1 else "Confirm 1 criterion")
        self._ok.setEnabled(n > 0)
