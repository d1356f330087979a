"""The first screen: new comparison, open a project, recent projects with counts, the bundled sample."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from criteria_compare import __version__
from criteria_compare.gui.settings import RecentProject
from criteria_compare.gui.style import follow_palette, inherited_palette, mute, muted_color

__all__ = ["RecentDelegate", "StartScreen"]

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1
_TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
_COUNTS_ROLE = Qt.ItemDataRole.UserRole + 3
_PAD = 8


class RecentDelegate(QStyledItemDelegate):
    """Two lines per recent project: bold title with the reviewed count, then the muted path."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.height()
        return QSize(max(option.rect.width(), 200), 2 * line + 3 * _PAD // 2 + 4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = text_color if selected else muted_color(palette)
        rect = opt.rect.adjusted(_PAD + 4, _PAD // 2 + 2, -_PAD - 4, -_PAD // 2)
        line = opt.fontMetrics.height()
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        counts = str(index.data(_COUNTS_ROLE) or "")
        painter.setFont(opt.font)
        painter.setPen(muted)
        counts_width = opt.fontMetrics.horizontalAdvance(counts) + _PAD if counts else 0
        painter.drawText(
            rect.adjusted(0, 0, 0, -(rect.height() - line)),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            counts,
        )
        painter.setFont(bold)
        painter.setPen(text_color)
        title_rect = rect.adjusted(0, 0, -counts_width, -(rect.height() - line))
        title = QFontMetrics(bold).elidedText(
            str(index.data(_TITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title
        )
        painter.setFont(opt.font)
        painter.setPen(muted)
        path_rect = rect.adjusted(0, line + 2, 0, 0)
        path = opt.fontMetrics.elidedText(
            str(index.data(_PATH_ROLE) or ""), Qt.TextElideMode.ElideMiddle, path_rect.width()
        )
        painter.drawText(
            path_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), path
        )
        painter.restore()


class StartScreen(QWidget):
    """Buttons for the file actions and a list of recent projects; emits openRequested(path)."""

    openRequested = Signal(Path)
    forgetRequested = Signal(Path)

    def __init__(self, actions: Mapping[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_screen")
        self.setAccessibleName("Start screen")

        title = QLabel("criteria-compare")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            "Compare the CTPAT Minimum Security Criteria with a partner AEO program, "
            "criterion by criterion, and export a compatibility report."
        )
        subtitle.setWordWrap(True)

        self.new_button = self._button(actions["new_comparison"], primary=True)
        self.open_button = self._button(actions["open_project"])
        self.sample_button = self._button(actions["open_sample"])

        recent_title = QLabel("Recent projects")
        bold = QFont(recent_title.font())
        bold.setBold(True)
        recent_title.setFont(bold)
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName("Recent projects")
        self.recent_list.setUniformItemSizes(False)
        self.recent_list.setWordWrap(True)
        self.recent_list.setItemDelegate(RecentDelegate(self.recent_list))
        self.recent_list.setFrameShape(QFrame.Shape.NoFrame)
        self.recent_list.setSpacing(2)
        self.recent_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.forget_action = QAction("Remove from this list", self.recent_list)
        self.forget_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.forget_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.recent_list.addAction(self.forget_action)
        self.forget_action.triggered.connect(self._forget_current)
        follow_palette(self.recent_list, _on_window_colour)
        self.recent_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.empty_label = QLabel(
            "No recent projects yet. Start a new comparison, open a .ccproj file, "
            "or explore the bundled sample."
        )
        self.empty_label.setWordWrap(True)
        self.drop_hint = QLabel(
            f"Tip: drop a .ccproj file anywhere on this window to open it.  ·  version {__version__}"
        )
        mute(self.empty_label)
        mute(self.drop_hint)

        buttons = QVBoxLayout()
        buttons.setSpacing(8)
        for b in (self.new_button, self.open_button, self.sample_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        recent = QVBoxLayout()
        recent.addWidget(recent_title)
        recent.addWidget(self.empty_label)
        recent.addWidget(self.recent_list, 1)
        recent.addStretch(0)
        self._recent_layout = recent

        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(buttons, 0)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        columns.addWidget(line)
        columns.addLayout(recent, 1)

        card = QVBoxLayout()
        card.setContentsMargins(0, 0, 0, 0)
        card.setSpacing(12)
        title_row = QHBoxLayout()
        title_row.setSpacing(12)
        icon = QApplication.windowIcon()
        if not icon.isNull():
            logo = QLabel()
            logo.setPixmap(icon.pixmap(QSize(48, 48)))
            logo.setAccessibleName("criteria-compare logo")
            title_row.addWidget(logo)
        title_row.addWidget(title)
        title_row.addStretch(1)
        card.addLayout(title_row)
        card.addWidget(subtitle)
        card.addSpacing(12)
        card.addLayout(columns, 1)
        card.addWidget(self.drop_hint)

        holder = QWidget()
        holder.setLayout(card)
        holder.setMaximumWidth(980)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 24)
        outer.addStretch(1)
        outer.addWidget(holder, 8)
        outer.addStretch(1)

        self.recent_list.itemActivated.connect(self._activated)

    def _button(self, action: QAction, *, primary: bool = False) -> QPushButton:
        button = QPushButton(action.text().replace("&", ""))
        button.setToolTip(action.toolTip())
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        button.setMinimumHeight(40)
        button.setMinimumWidth(240)
        button.setDefault(primary)
        button.setAutoDefault(primary)
        button.clicked.connect(action.trigger)
        return button

    def set_recent(self, entries: Sequence[RecentProject]) -> None:
        """Show ``entries`` (newest first), each with its title, folder and reviewed counts."""
        self.recent_list.clear()
        for entry in entries:
            name = entry.title or entry.path.stem
            counts = entry.counts_text
            if counts and entry.total > 0:
                counts = f"{counts} ({round(100 * entry.reviewed / entry.total)} %)"
            item = QListWidgetItem(f"{name}, {counts}" if counts else name)  # accessible text
            item.setData(_PATH_ROLE, str(entry.path))
            item.setData(_TITLE_ROLE, name)
            item.setData(_COUNTS_ROLE, counts)
            item.setToolTip(f"Open {entry.path}")
            self.recent_list.addItem(item)
        has = bool(entries)
        self.recent_list.setVisible(has)
        self.empty_label.setVisible(not has)
        self._recent_layout.setStretch(self._recent_layout.count() - 1, 0 if has else 1)
        if has:
            self.recent_list.setCurrentRow(0)

    def recent_paths(self) -> list[Path]:
        """The paths listed, top to bottom."""
        return [
            Path(self.recent_list.item(i).data(_PATH_ROLE)) for i in range(self.recent_list.count())
        ]

    def _forget_current(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self.forgetRequested.emit(Path(item.data(_PATH_ROLE)))

    def _activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(Path(item.data(_PATH_ROLE)))


def _on_window_colour(widget: QWidget) -> None:
    """The recent list drawn on the window's colour rather than a white box."""
    window = inherited_palette(widget).color(QPalette.ColorRole.Window)
    palette = widget.palette()
    if palette.color(QPalette.ColorRole.Base) != window:
        palette.setColor(QPalette.ColorRole.Base, window)
        palette.setColor(QPalette.ColorRole.AlternateBase, window)
        widget.setPalette(palette)
