""" "Re-fit from confirmed links…": what re-fitting found (how many confirmed links come first) and the choice to use it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.align.refit import RefitResult
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.gui.style import MARGIN, SPACING
from criteria_compare.workflow.refit_words import refit_words

__all__ = ["RefitDialog"]


class RefitDialog(QDialog):
    """Shows a RefitResult; emits ``settingsChosen`` with settings to store and re-align with."""

    settingsChosen = Signal(object)

    def __init__(
        self,
        result: RefitResult,
        current: AlignerSettings,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-fit the suggestions from confirmed links")
        self.setMinimumWidth(480)
        self.refit_result = result
        self._current = current
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)

        self.words = words = refit_words(result)
        self.message = QLabel(words.headline)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

        grid = QGridLayout()
        grid.setHorizontalSpacing(2 * SPACING)
        headers = ("", "Now", "Re-fitted")
        for col, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            grid.addWidget(
                label,
                0,
                col,
                alignment=Qt.AlignmentFlag.AlignRight if col else Qt.AlignmentFlag.AlignLeft,
            )
        rows: list[tuple[str, str, str]] = []
        if words.measured:
            rows.append(
                (
                    "Confirmed link suggested first",
                    words.first_place(words.first_now),
                    words.first_place(words.first_after),
                )
            )
        rows.append(("<b>Weight of each kind of evidence</b>", "", ""))
        rows += [(f"    {name}", now, after) for name, now, after in words.weights]
        self.cells: dict[tuple[int, int], QLabel] = {}
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row):
                label = QLabel(text)
                if c:
                    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, r, c)
                self.cells[(r, c)] = label
        layout.addLayout(grid)

        note = QLabel(
            "Each confirmed link is judged by suggestions re-fitted without it, so the figures "
            "are fair. Applying stores the new weights in this project (the history records "
            "the change) and re-computes the suggestions; every decision is kept."
        )
        note.setWordWrap(True)
        font = note.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        note.setFont(font)
        layout.addWidget(note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = QPushButton("&Apply and re-align")
        self.apply_button.setEnabled(result.adopted and not read_only)
        self.apply_button.setToolTip(
            "This project is open read-only."
            if read_only
            else "Store the re-fitted weights and re-compute the suggestions."
            if result.adopted
            else "The re-fit did not rank the held-out links better; nothing to apply."
        )
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button = QPushButton("Restore &shipped weights")
        self.restore_button.setEnabled(not read_only)
        self.restore_button.setToolTip(
            "Go back to the fixed setting the product ships with, and re-align."
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        # After addButton, which shows the buttons it is given.
        self.restore_button.setVisible(current.with_shipped_weights() != current)
        buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self._apply)
        self.restore_button.clicked.connect(self._restore)
        layout.addWidget(buttons)
        if self.apply_button.isEnabled():
            self.apply_button.setDefault(True)
            self.apply_button.setFocus()

    def _apply(self) -> None:
        self.settingsChosen.emit(self.refit_result.settings)
        self.accept()

    def _restore(self) -> None:
        self.settingsChosen.emit(self._current.with_shipped_weights())
        self.accept()
