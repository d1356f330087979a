"""A row of widgets that wraps onto more rows when the pane is too narrow for one (verdict bar, card headers)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

__all__ = ["ReflowGrid", "wrapping"]


class ReflowGrid(QWidget):
    """``widgets`` in a grid with as many columns (out of ``columns``) as the width allows.

    One row while everything fits at its preferred size; otherwise the next
    smaller column count from ``columns``, so nothing is squeezed below its
    size hint (elided to "Ali… (A)") or cut off. The minimum width is the one
    of the fewest columns, so a narrow window always gets the wrapped layout
    instead of pushing the neighbouring panes aside; the height is the one of
    the rows in use (the parent lays out again when the count changes).
    """

    def __init__(
        self,
        widgets: Sequence[QWidget],
        columns: Sequence[int],
        spacing: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._choices = sorted({max(1, c) for c in columns}, reverse=True)
        self._spacing = spacing
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._columns = 0
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._place(self._choices[0])

    @property
    def columns(self) -> int:
        """How many columns the widgets are laid out in now."""
        return self._columns

    def _rows(self, n: int) -> list[list[QWidget]]:
        return [self._widgets[i : i + n] for i in range(0, len(self._widgets), n)]

    def _width(self, n: int) -> int:
        """The width ``n`` columns need: each column as wide as its widest widget."""
        widths = [0] * n
        for row in self._rows(n):
            for i, w in enumerate(row):
                if not w.isHidden():
                    widths[i] = max(widths[i], w.sizeHint().width())
        used = [x for x in widths if x]
        return sum(used) + self._spacing * max(0, len(used) - 1)

    def _height(self, n: int) -> int:
        heights = [
            max((w.sizeHint().height() for w in row if not w.isHidden()), default=0)
            for row in self._rows(n)
        ]
        used = [h for h in heights if h]
        return sum(used) + self._spacing * max(0, len(used) - 1)

    def _fitting(self, width: int) -> int:
        for n in self._choices:
            if self._width(n) <= width:
                return n
        return self._choices[-1]

    def _place(self, n: int) -> None:
        if n == self._columns:
            return
        for w in self._widgets:
            self._grid.removeWidget(w)
        for i, w in enumerate(self._widgets):
            self._grid.addWidget(w, i // n, i % n)
        for c in range(max(self._choices)):
            self._grid.setColumnStretch(c, 1 if c < n else 0)
        self._columns = n
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self._width(self._choices[0]), self._height(max(1, self._columns)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width(self._choices[-1]), self._height(max(1, self._columns)))

    def event(self, event: QEvent) -> bool:
        # A widget inside changed its size hint (Confirm became Unlink): wrap again.
        if event.type() == QEvent.Type.LayoutRequest and self.width() > 0:
            self._place(self._fitting(self.width()))
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(self._fitting(event.size().width()))
        super().resizeEvent(event)


def wrapping(label: QLabel) -> QLabel:
    """``label`` word-wrapped at whatever width its pane has.

    A wrapping QLabel otherwise asks for the width of its longest word as a
    minimum and more as its preferred width, so a long text pushed the
    neighbouring panes aside and moving between criteria made them jump.
    """
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    return label
