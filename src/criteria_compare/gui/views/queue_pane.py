"""Left pane: the queue of reference criteria grouped by section, with filters, search and multi-select."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.gui.keys import combo_arrows
from criteria_compare.gui.models.criteria_table import (
    COL_LINKS,
    COL_MARKS,
    COL_PARTNER,
    COL_REF,
    COL_SCORE,
    COL_STATUS,
    KIND_ROLE,
    REF_ROLE,
    CriteriaTableModel,
)
from criteria_compare.gui.models.sort_proxy import QueueFilter, QueueProxyModel
from criteria_compare.gui.style import MARGIN, SPACING, STATUS_ORDER, mute, status_text
from criteria_compare.model import Band, Level, Stance, Status

__all__ = ["EXCLUDED", "LIKELY_GAPS", "MERGE_CONFLICTS", "QueuePane", "QueueTreeView"]

LIKELY_GAPS = "likely_gaps"  # band combo value: no candidate above Low
EXCLUDED = "excluded"  # status combo value: criteria taken out of the comparison
MERGE_CONFLICTS = (
    "merge_conflicts"  # status combo value: criteria with an unresolved merge conflict
)


def _value(member: Enum | None) -> str | None:
    return None if member is None else str(member.value)


class QueueTreeView(QTreeView):
    # Below this width for the Status column, the Links column gives way (the focus pane
    # counts the links too), so "○ Unreviewed" stays readable in a narrow window.
    STATUS_ROOM = "○ Unreviewed  "

    """The queue's view: keyboard moves (Shift+arrows, Page Up/Down) skip section headings.

    Typing letters does not search the rows: single keys are review shortcuts
    here, and a key whose action is switched off (a read-only project) must not
    jump to another criterion instead.
    """

    def keyboardSearch(self, search: str) -> None:
        return

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Hide the Links column when the Status column would be too narrow to read."""
        header = self.header()
        others = sum(
            header.sectionSize(c)
            for c in (COL_REF, COL_SCORE, COL_MARKS, COL_PARTNER)
            if c < header.count() and not header.isSectionHidden(c)
        )
        # The width Links takes when shown (a hidden section reports 0, which once brought
        # Links back on the next call and squeezed Status to "○ Unrevie…").
        links = self.links_width() if header.count() > COL_LINKS else 0
        room = self.viewport().width() - others - links
        header.setSectionHidden(
            COL_LINKS, room < self.fontMetrics().horizontalAdvance(self.STATUS_ROOM)
        )

    def links_width(self) -> int:
        """The Links column's width."""
        return self.fontMetrics().horizontalAdvance("Links") + 2 * SPACING

    def fit_ref_column(self, refs: list[str]) -> None:
        """The Ref column as wide as the longest ref (at least "00.00"), not a fixed guess."""
        fm = self.fontMetrics()
        widest = max((fm.horizontalAdvance(r) for r in refs[:5000]), default=0)
        self.header().resizeSection(
            COL_REF, max(widest, fm.horizontalAdvance("00.00")) + 3 * SPACING
        )
        self.fit_columns()

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        index = super().moveCursor(cursorAction, modifiers)
        up = cursorAction in (
            QAbstractItemView.CursorAction.MoveUp,
            QAbstractItemView.CursorAction.MovePageUp,
            QAbstractItemView.CursorAction.MoveHome,
        )
        model = self.model()
        row = index.row()
        while index.isValid() and index.data(KIND_ROLE) == "section":
            row += -1 if up else 1
            if not 0 <= row < model.rowCount():
                return self.currentIndex()
            index = model.index(row, index.column())
        return index


class QueuePane(QWidget):
    """The reference criteria; emits the ref the reviewer moves to."""

    currentRefChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._place: str | None = None  # hidden by the filter, shown again when it allows
        self.model = CriteriaTableModel(self)
        self.proxy = QueueProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self._text = QLineEdit()
        self._text.setPlaceholderText("Filter: all words, any order")
        self._text.setClearButtonEnabled(True)
        self._text.setAccessibleName("Filter the queue by text")
        self._text.setMaxLength(200)
        self._status = QComboBox()
        self._status.setAccessibleName("Filter by status")
        self._status.addItem("Any status", None)
        for s in STATUS_ORDER:
            self._status.addItem(status_text(s), s.value)
        self._status.addItem("Excluded", EXCLUDED)
        self._status.addItem("⇄ Merge conflicts", MERGE_CONFLICTS)
        self._section = QComboBox()
        self._section.setAccessibleName("Filter by section")
        self._section.setMinimumContentsLength(8)
        self._section.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._level = QComboBox()
        self._level.setAccessibleName("Filter by level")
        self._level.addItem("Must/Should", None)
        for lv in Level:
            self._level.addItem(lv.value, lv.value)
        self._band = QComboBox()
        self._band.setAccessibleName("Filter by score band of the best candidate")
        self._band.addItem("Any score", None)
        for b in Band:
            self._band.addItem(f"Best is {b.value}", b.value)
        self._band.addItem("Nothing above Low (likely gaps)", LIKELY_GAPS)
        for combo in (self._status, self._band):
            # Long entries ("Nothing above Low (likely gaps)") must not widen the pane.
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self._partner = QComboBox()
        self._partner.setAccessibleName("Filter by the partner administration's position")
        self._partner.addItem("Any partner position", None)
        for stance, text in (
            (Stance.DISAGREE, "They disagree"),
            (Stance.NEEDS_DISCUSSION, "Needs discussion"),
            (Stance.AGREE, "They agree"),
        ):
            self._partner.addItem(text, stance.value)
        self._partner.setMinimumContentsLength(6)
        self._partner.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._partner.setVisible(False)
        self._flagged = QCheckBox("⚑ Flagged")
        self._flagged.setAccessibleName("Show only criteria flagged for discussion")
        self._changed = QCheckBox("! Changed")
        self._changed.setAccessibleName("Show only criteria whose text changed since the decision")
        self._changed.setToolTip(
            "Changed since last review: criteria whose text, or a linked partner criterion's "
            "text, changed since the decision was made."
        )
        self._by_score = QCheckBox("Sort by score")
        self._by_score.setAccessibleName("Sort the queue by best score")
        self._shown = mute(QLabel())
        self._view = QueueTreeView()
        self._view.setModel(self.proxy)
        self._view.setAccessibleName("Reference criteria queue")
        self._view.setRootIsDecorated(False)
        self._view.setUniformRowHeights(True)
        self._view.setAllColumnsShowFocus(True)
        self._view.setAlternatingRowColors(False)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self._view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        header.resizeSection(COL_REF, fm.horizontalAdvance("0000.00.00") + 2 * SPACING)
        header.resizeSection(COL_SCORE, fm.horizontalAdvance("0.00") + 3 * SPACING)
        header.resizeSection(COL_LINKS, self._view.links_width())
        header.resizeSection(COL_MARKS, fm.horizontalAdvance("✎ ⚑ !") + 3 * SPACING)
        header.resizeSection(COL_PARTNER, fm.horizontalAdvance("Theirs") + 2 * SPACING)
        header.setSectionHidden(COL_PARTNER, True)

        row1 = QHBoxLayout()
        row1.setSpacing(SPACING)
        row1.addWidget(self._status)
        row1.addWidget(self._section, 1)
        row1.addWidget(self._partner)
        row2 = QHBoxLayout()
        row2.setSpacing(SPACING)
        row2.addWidget(self._level)
        row2.addWidget(self._band, 1)
        row3 = QHBoxLayout()
        row3.setSpacing(SPACING)
        row3.addWidget(self._flagged)
        row3.addWidget(self._changed)
        row3.addWidget(self._by_score)
        row3.addStretch(1)
        row0 = QHBoxLayout()
        row0.setSpacing(SPACING)
        row0.addWidget(self._text, 1)
        row0.addWidget(self._shown)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(row0)
        layout.addLayout(row1)
        layout.addLayout(row2)
        layout.addLayout(row3)
        layout.addWidget(self._view, 1)

        self._text.textChanged.connect(self._apply_filter)
        self._text.installEventFilter(self)  # Down/Enter: into the list; Esc: clear, then leave
        combos = (self._status, self._section, self._level, self._band, self._partner)
        for combo in combos:
            combo.currentIndexChanged.connect(self._apply_filter)
        combo_arrows(combos)  # Down on a focused filter changes the filter, not the criterion
        self._flagged.toggled.connect(self._apply_filter)
        self._changed.toggled.connect(self._apply_filter)
        self._by_score.toggled.connect(self.proxy.set_sort_by_score)
        self._view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._after_rows_changed)
        self.model.modelReset.connect(self._fill_sections)
        self.model.modelReset.connect(self._show_partner_controls)

    # -- widgets -----------------------------------------------------------------------------
    @property
    def view(self) -> QueueTreeView:
        return self._view

    @property
    def text_filter(self) -> QLineEdit:
        return self._text

    @property
    def partner_filter(self) -> QComboBox:
        """ "They disagree", "Needs discussion"...: shown once the partner's positions are in."""
        return self._partner

    def _show_partner_controls(self) -> None:
        shown = self.model.has_positions()
        self._partner.setVisible(shown)
        self._view.header().setSectionHidden(COL_PARTNER, not shown)
        self._view.fit_columns()

    def focus_queue(self) -> None:
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the text filter, Down or Enter moves into the list; Esc clears it, then leaves it."""
        if watched is self._text and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.current_ref() is None:
                    self.step(1)
                self.focus_queue()
                return True
            if key == Qt.Key.Key_Escape:
                if self._text.text():
                    self._text.clear()
                else:
                    self.focus_queue()
                return True
        return super().eventFilter(watched, event)

    # -- filters -----------------------------------------------------------------------------
    def set_filter(self, f: QueueFilter) -> None:
        """Set the filter controls to ``f`` and apply it."""
        widgets = (
            self._text,
            self._status,
            self._section,
            self._level,
            self._band,
            self._flagged,
            self._changed,
            self._partner,
        )
        for w in widgets:
            w.blockSignals(True)
        self._text.setText(f.text)
        status = (
            MERGE_CONFLICTS if f.merge_conflicts else EXCLUDED if f.excluded else _value(f.status)
        )
        self._status.setCurrentIndex(max(0, self._status.findData(status)))
        self._section.setCurrentIndex(max(0, self._section.findData(f.section)))
        self._level.setCurrentIndex(max(0, self._level.findData(_value(f.level))))
        band = LIKELY_GAPS if f.likely_gap else _value(f.band)
        self._band.setCurrentIndex(max(0, self._band.findData(band)))
        self._flagged.setChecked(f.flagged)
        self._changed.setChecked(f.changed)
        self._partner.setCurrentIndex(max(0, self._partner.findData(_value(f.partner))))
        for w in widgets:
            w.blockSignals(False)
        self._apply_filter()

    def current_filter(self) -> QueueFilter:
        band = self._band.currentData()
        status = self._status.currentData()
        level = self._level.currentData()
        partner = self._partner.currentData()
        return QueueFilter(
            status=Status(status) if status and status not in (MERGE_CONFLICTS, EXCLUDED) else None,
            merge_conflicts=status == MERGE_CONFLICTS,
            excluded=status == EXCLUDED,
            flagged=self._flagged.isChecked(),
            changed=self._changed.isChecked(),
            section=self._section.currentData(),
            level=Level(level) if level else None,
            band=Band(band) if band and band != LIKELY_GAPS else None,
            likely_gap=band == LIKELY_GAPS,
            text=self._text.text(),
            partner=Stance(partner) if partner else None,
        )

    def _apply_filter(self) -> None:
        # The criterion on screen stays the place to come back to while a filter hides it,
        # so ticking and unticking a box (Flagged) returns to it.
        current = self._place or self.current_ref()
        self.proxy.set_filter(self.current_filter())
        if current is not None:
            self._place = None if self.select_ref(current) else current

    def refilter(self) -> None:
        """Re-apply the filter to the current data (decisions may have changed what matches)."""
        current = self.current_ref()
        self.proxy.refilter()
        if current is not None:
            self.select_ref(current, emit=False)

    def set_sort_by_score(self, on: bool) -> None:
        self._by_score.setChecked(on)

    def _fill_sections(self) -> None:
        self._section.blockSignals(True)
        self._section.clear()
        self._section.addItem("All sections", None)
        for s in self.model.sections():
            self._section.addItem(s or "(no section)", s)
        self._section.blockSignals(False)

    def _after_rows_changed(self, *_: object) -> None:
        # Spans belong to persistent indexes, so only section rows need setting.
        root = QModelIndex()
        headings = 0
        for source_row in self.model.section_rows():
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
            if index.isValid():
                self._view.setFirstColumnSpanned(index.row(), root, True)
                headings += 1
        shown = self.proxy.rowCount() - headings
        total = len(self.model.refs())
        self._shown.setText(f"{shown} of {total}" if shown != total else f"{total} criteria")

    # -- current and selection ---------------------------------------------------------------
    def current_ref(self) -> str | None:
        index = self._view.currentIndex()
        return index.data(REF_ROLE) if index.isValid() else None

    def select_ref(self, ref: str, *, emit: bool = True) -> bool:
        """Make ``ref`` current (and the only selected row); False if the filter hides it."""
        row = self.model.row_of(ref)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        sel = self._view.selectionModel()
        if not emit:
            sel.blockSignals(True)
        sel.setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if not emit:
            sel.blockSignals(False)
            self._view.viewport().update()
        self._view.scrollTo(index)
        return True

    def selected_refs(self) -> list[str]:
        """Refs of the selected criterion rows, in queue order."""
        rows = sorted(self._view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [r for r in (i.data(REF_ROLE) for i in rows) if r]

    def visible_refs(self) -> list[str]:
        """Refs of the criteria the filter shows, in queue order."""
        return [
            r
            for r in (self.proxy.index(i, 0).data(REF_ROLE) for i in range(self.proxy.rowCount()))
            if r
        ]

    def next_unreviewed(self, current: str | None, *, backwards: bool = False) -> str | None:
        """The next unreviewed criterion after ``current`` that the filter shows, else any (None: all reviewed)."""
        visible = self.visible_refs()
        if backwards:
            visible.reverse()
        start = visible.index(current) + 1 if current in visible else 0
        for ref in visible[start:] + visible[:start]:
            entry = self.model.entry_for(ref)
            if ref != current and entry is not None and not entry.reviewed:
                return ref
        return self.model.next_unreviewed(current, backwards=backwards)

    def next_changed(self, current: str | None) -> str | None:
        """The next criterion after ``current`` whose texts changed since its decision (the filter's
        order first, then the whole queue); None when no other one is left."""
        for refs in (self.visible_refs(), self.model.refs()):
            start = refs.index(current) + 1 if current in refs else 0
            for ref in refs[start:] + refs[:start]:
                entry = self.model.entry_for(ref)
                if ref != current and entry is not None and entry.suspect:
                    return ref
        return None

    def step(self, delta: int) -> str | None:
        """Move ``delta`` criteria down (or up) in the shown order, skipping section rows."""
        proxy = self.proxy
        count = proxy.rowCount()
        if count == 0:
            return None
        current = self._view.currentIndex()
        direction = 1 if delta >= 0 else -1
        row = current.row() if current.isValid() else (-1 if direction > 0 else count)
        target: str | None = None
        remaining = abs(delta)
        probe = row
        while remaining and 0 <= probe + direction < count:
            probe += direction
            ref = proxy.index(probe, 0).data(REF_ROLE)
            if ref:
                target, remaining = ref, remaining - 1
        if target is None:
            return self.current_ref()
        self.select_ref(target)
        return target

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = current.data(REF_ROLE) if current.isValid() else None
        if ref:
            self.currentRefChanged.emit(ref)
