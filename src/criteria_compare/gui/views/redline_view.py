"""The redline of a changed criterion: old and new text word by word, for it and each linked partner criterion.

Removed words are struck through, added words highlighted and underlined (so
the change never relies on colour alone). The spans come from
:func:`criteria_compare.textdiff.redline`, the one copy shared with the report.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from criteria_compare.gui.style import MARGIN, SPACING, highlight_color, muted_color
from criteria_compare.model import Side
from criteria_compare.textdiff import DiffSpan, redline

__all__ = ["RedlinePanel", "TextChange", "redline_html"]


@dataclass(frozen=True)
class TextChange:
    """One criterion's text at the decision and now; ``old_ref`` when it was renumbered."""

    side: Side
    ref: str
    old: str
    new: str
    old_ref: str = ""

    @property
    def title(self) -> str:
        who = "This criterion" if self.side is Side.REFERENCE else f"Linked partner {self.ref}"
        moved = f" (was {self.old_ref})" if self.old_ref and self.old_ref != self.ref else ""
        return f"{who}{moved}"


def _span_html(span: DiffSpan, added: QColor, removed: QColor) -> str:
    text = html.escape(span.text).replace("\n", "<br>")
    if span.kind == "removed":
        return f'<s style="color:{removed.name()}">{text}</s>'
    if span.kind == "added":
        return f'<u style="background-color:{added.name()}">{text}</u>'
    return text


def redline_html(old: str, new: str, added: QColor, removed: QColor) -> str:
    """Escaped HTML of the word-level redline from ``old`` to ``new``."""
    return "".join(_span_html(s, added, removed) for s in redline(old, new))


class RedlinePanel(QFrame):
    """ "Changed since the decision": each changed text as a redline, and the still-holds button."""

    confirmRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Changes since the decision")
        self._title = QLabel("Changed since the decision")
        bold = self._title.font()
        bold.setBold(True)
        self._title.setFont(bold)
        self._hint = QLabel(
            "Struck-through words were removed, underlined ones added. If the decision "
            "still holds, confirm it; otherwise change it as usual."
        )
        self._hint.setWordWrap(True)
        self.confirm_button = QPushButton("Decision still holds  (H)")
        self.confirm_button.setAccessibleName("Confirm that the decision still holds")
        self.confirm_button.setToolTip(
            "Keep the decision for the new text; the criterion leaves the changed queue (H)."
        )
        self._rows = QVBoxLayout()
        self._rows.setSpacing(SPACING)
        self._labels: list[QLabel] = []
        self._changes: tuple[TextChange, ...] = ()

        head = QHBoxLayout()
        head.addWidget(self._title, 1)
        head.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(head)
        layout.addWidget(self._hint)
        layout.addLayout(self._rows)

        self.confirm_button.clicked.connect(self.confirmRequested)
        self.setVisible(False)

    def show_changes(self, changes: Sequence[TextChange]) -> None:
        """Show ``changes`` (hidden when there are none)."""
        self._changes = tuple(changes)
        for label in self._labels:
            self._rows.removeWidget(label)
            label.deleteLater()
        self._labels = []
        palette = self.palette()
        added, removed = highlight_color(palette), muted_color(palette)
        for change in changes:
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(f"Changes of {change.ref}")
            body = redline_html(change.old, change.new, added, removed)
            label.setText(f"<b>{html.escape(change.title)}</b><br>{body}")
            self._rows.addWidget(label)
            self._labels.append(label)
        self.setVisible(bool(changes))

    def texts(self) -> list[str]:
        """The plain text of each redline shown (for tests and accessibility checks)."""
        return [label.text() for label in self._labels]

    def set_read_only(self, read_only: bool) -> None:
        self.confirm_button.setEnabled(not read_only)

    def changeEvent(self, event: QEvent) -> None:
        """Struck and added words take the new palette's colours (light or dark)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._changes:
            self.show_changes(self._changes)
