"""Help → Keyboard shortcuts: a legend generated from ACTION_SPECS, grouped by menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.actions import MENU_LAYOUT, spec
from criteria_compare.gui.screen_fit import fit_to_screen

__all__ = ["ShortcutsDialog", "legend_rows"]


def _keys(shortcuts: tuple[str, ...]) -> str:
    return "  or  ".join(
        QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in shortcuts
    )


# Numbered families shown as one line each in the legend.
_FAMILIES = {
    "confirm": (
        "Confirm candidate 1–5",
        "1 … 5",
        "Confirm (or un-confirm) the candidate with that number as a link. The number-row "
        "keys count by position: on an AZERTY keyboard press them without Shift.",
    ),
    "reject": (
        "Reject candidate 1–5",
        "Shift+1 … Shift+5",
        "Reject the candidate with that number (again to take it back); it is never proposed "
        "again. Shift with the number-row key, whatever character your layout puts there. "
        "A candidate keeps its number while its criterion is on screen.",
    ),
}


def legend_rows(*, compact: bool = True) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(menu, [(action text, keys, tip), ...]) for every action that has a shortcut.

    With ``compact``, confirm_1..5 and reject_1..5 are one line each.
    """
    rows = []
    for menu, names in MENU_LAYOUT:
        entries: list[tuple[str, str, str]] = []
        seen_families: set[str] = set()
        for name in names:
            if name is None:
                continue
            s = spec(name)
            if not s.shortcuts:
                continue
            family = name.rsplit("_", 1)[0]
            if compact and family in _FAMILIES and name[-1].isdigit():
                if family not in seen_families:
                    seen_families.add(family)
                    entries.append(_FAMILIES[family])
                continue
            entries.append((s.text.replace("&", ""), _keys(s.shortcuts), s.tip))
        if entries:
            rows.append((menu.replace("&", ""), entries))
    return rows


class ShortcutsDialog(QDialog):
    """A non-modal list of every shortcut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        fit_to_screen(self, 940, 600)

        intro = QLabel(
            "Single-key shortcuts work when no text field has the focus; "
            "press Esc to leave a text field (↓ or Enter leaves the queue filter for the list). "
            "In the partner criteria list, ↑/↓ and J/K move in that list and Enter links the "
            "selected row; Esc goes back to the queue."
        )
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Shortcut list")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Action", "Keys", "What it does"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        for menu, entries in legend_rows():
            group = QTreeWidgetItem([menu])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for text, keys, tip in entries:
                child = QTreeWidgetItem([text, keys, tip])
                child.setToolTip(2, tip)
                group.addChild(child)
            group.setExpanded(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
