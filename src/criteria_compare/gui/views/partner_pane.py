"""Right pane: every partner criterion with "used by", a "not linked" filter and search-as-you-type that links on Enter."""

from __future__ import annotations

import functools
import html
import unicodedata
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.align import search  # the aligner owns fuzzy ranking
from criteria_compare.gui.keys import own_keys
from criteria_compare.gui.models.partner_table import (
    COL_REF,
    COL_SECTION,
    COL_TEXT,
    COL_USED_BY,
    PartnerTableModel,
)
from criteria_compare.gui.style import MARGIN, SPACING, mute
from criteria_compare.gui.views.guidance_fold import GuidanceFold
from criteria_compare.gui.views.reflow import wrapping
from criteria_compare.gui.workers import Worker
from criteria_compare.model import Criterion, Link

__all__ = [
    "PRECISE_LIMIT",
    "SEARCH_DELAY_MS",
    "SEARCH_LIMIT",
    "PartnerPane",
    "PartnerSearch",
]

SEARCH_DELAY_MS = 60  # coalesce keystrokes before searching
SEARCH_LIMIT = 50
PRECISE_LIMIT = 250  # hit sets up to this size are ranked by align.search on every keystroke


def _fold(text: str) -> str:
    """Case- and accent-folded text, cheap for ASCII."""
    text = text.casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class PartnerSearch:
    """Search as you type over the partner criteria, quick enough for every keystroke.

    A substring prefilter over cached folded texts (all terms, any order; or a
    ref prefix) narrows thousands of criteria to the few that can match; up to
    ``PRECISE_LIMIT`` of them are then ranked by :func:`criteria_compare.align.search`.
    Larger hit sets (one or two letters typed) are listed ref matches first, then
    in program order. When nothing contains the terms, :meth:`fuzzy` (slow, typo
    tolerant) runs over everything; the pane calls it off the GUI thread.
    """

    def __init__(self, criteria: Sequence[Criterion]) -> None:
        self._criteria = list(criteria)
        self._haystacks: list[str] | None = None

    def _hay(self) -> list[str]:
        if self._haystacks is None:
            self._haystacks = [
                _fold(f"{c.ref} {c.section} {c.text} {c.guidance}") for c in self._criteria
            ]
        return self._haystacks

    def quick(self, query: str, limit: int = SEARCH_LIMIT) -> list[str] | None:
        """Refs of the best matches, or None when only a fuzzy search can find anything."""
        folded = _fold(query[:200]).strip()
        terms = folded.split()
        if not terms:
            return []
        pool = [
            c
            for c, hay in zip(self._criteria, self._hay(), strict=True)
            if all(t in hay for t in terms)
        ]
        if not pool:
            return None
        if len(pool) <= PRECISE_LIMIT:
            ranked = [c.ref for c, _score in search(query, pool, limit)]
            return ranked or [c.ref for c in pool[:limit]]
        first = [c.ref for c in pool if _fold(c.ref).startswith(folded)][:limit]
        taken = set(first)
        rest = [c.ref for c in pool[: limit * 2] if c.ref not in taken]
        return (first + rest)[:limit]

    def fuzzy(self, query: str, limit: int = SEARCH_LIMIT) -> list[str]:
        """Typo-tolerant matches over every criterion (hundreds of ms for thousands)."""
        return [c.ref for c, _score in search(query, self._criteria, limit)]


class PartnerPane(QWidget):
    """Partner criteria list; emits link and jump requests, the view acts on them."""

    linkRequested = Signal(str)  # partner ref to link to the current reference criterion
    jumpRequested = Signal(str)  # reference ref
    leaveRequested = Signal()  # Esc in the search box or the list: back to the queue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_ref: str | None = None
        self._read_only = False
        self._finder = PartnerSearch(())
        self._fuzzy_worker: Worker | None = None
        self.model = PartnerTableModel(self)

        self._title = wrapping(QLabel("Partner criteria"))
        bold = self._title.font()
        bold.setBold(True)
        self._title.setFont(bold)
        self._search = QLineEdit()
        self._search.setPlaceholderText("Search partner criteria (/) — Enter links the hit")
        self._search.setClearButtonEnabled(True)
        self._search.setAccessibleName("Search partner criteria")
        self._search.setMaxLength(200)
        self._unlinked = QCheckBox("Not linked only")
        self._unlinked.setToolTip("Show only partner criteria no reference criterion is linked to")
        self._unlinked.setAccessibleName("Show only partner criteria that are not linked")
        self._count = mute(QLabel())
        self._table = QTableView()
        self._table.setModel(self.model)
        self._table.setAccessibleName("Partner criteria")
        self._table.setToolTip(
            "Related sections first: partner sections named like the criterion on screen, "
            "then the sections of its candidates in rank order; the rest in program order."
        )
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.setShowGrid(False)
        self._table.verticalHeader().setVisible(False)
        self._table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self._table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        fm = self.fontMetrics()
        header.resizeSection(COL_REF, fm.horizontalAdvance("MMM-00.00"))
        header.resizeSection(COL_USED_BY, fm.horizontalAdvance("0 · 00.00, …"))
        header.resizeSection(COL_SECTION, fm.horizontalAdvance("Section name"))
        self._detail = wrapping(QLabel())
        self._detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._detail.setAccessibleName("Selected partner criterion")
        self._guidance = GuidanceFold("Guidance", "Show the selected criterion's guidance")
        self._link_button = QPushButton("Link")
        # One width for every criterion (a long ref is elided), so the pane never jumps.
        self._link_button.setFixedWidth(
            self._link_button.fontMetrics().horizontalAdvance("Link to 00.00.00") + 4 * SPACING
        )
        self._link_button.setAccessibleName("Link the selected partner criterion")
        self._link_button.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)

        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self._count)
        filters = QHBoxLayout()
        filters.addWidget(self._unlinked)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._detail, 1)
        bottom.addWidget(self._link_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addLayout(top)
        layout.addWidget(self._search)
        layout.addLayout(filters)
        layout.addWidget(self._table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self._guidance)

        self._search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self.run_search)
        self._search.returnPressed.connect(self.link_selected)
        self._search.installEventFilter(self)
        self._table.installEventFilter(self)  # Esc: back to the queue; narrow: Section hides
        own_keys([self._table], enter=True)  # Up/Down/J/K move here, Enter links the row
        self._unlinked.toggled.connect(self.model.set_unlinked_only)
        self._table.clicked.connect(self._on_clicked)
        self._table.activated.connect(self._on_activated)
        self._table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._link_button.clicked.connect(self.link_selected)
        self.model.modelReset.connect(self._on_reset)

    # -- state -------------------------------------------------------------------------------
    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def search_edit(self) -> QLineEdit:
        return self._search

    @property
    def unlinked_box(self) -> QCheckBox:
        return self._unlinked

    def set_program_name(self, name: str) -> None:
        self._title.setText(f"Partner criteria · {name}" if name else "Partner criteria")

    def set_current(
        self, ref: str | None, related_sections: Sequence[str], links: Sequence[str]
    ) -> None:
        """Follow the current reference criterion: related sections first, its links in bold."""
        self._current_ref = ref
        self.model.set_context(related_sections, links)
        label = f"Link to {ref}" if ref else "Link"
        room = self._link_button.width() - 3 * SPACING
        self._link_button.setText(
            self._link_button.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, room)
        )
        self._link_button.setToolTip(label)
        self._update_detail()

    def set_read_only(self, read_only: bool) -> None:
        """Searching and reading stay; linking by hand (button, Enter) is switched off."""
        self._read_only = read_only
        self._search.setPlaceholderText(
            "Search partner criteria (/)"
            if read_only
            else "Search partner criteria (/) — Enter links the hit"
        )
        self._update_detail()

    def focus_search(self) -> None:
        """Put the keyboard in the search box, its text selected."""
        self._search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._search.selectAll()

    def set_criteria(self, criteria: Sequence[Criterion], links: Sequence[Link]) -> None:
        """Load the partner program and its links."""
        self._finder = PartnerSearch(criteria)
        self.model.set_criteria(criteria, links)

    def run_search(self) -> None:
        """Filter the list to the best matches of the search text (all rows when empty)."""
        self._timer.stop()
        query = self._search.text().strip()
        if not query:
            self._show_hits(None)
            return
        hits = self._finder.quick(query)
        if hits is not None:
            self._show_hits(hits)
            return
        self._count.setText("searching…")
        self._start_fuzzy(query)

    def _start_fuzzy(self, query: str) -> None:
        if self._fuzzy_worker is not None:
            self._fuzzy_worker.cancel()
        finder = self._finder
        worker = Worker(lambda _progress, _cancel: (query, finder.fuzzy(query)), name="search")
        worker.signals.finished.connect(self._on_fuzzy_done)
        self._fuzzy_worker = worker
        worker.start(QThreadPool.globalInstance())

    def _on_fuzzy_done(self, result: tuple[str, list[str]]) -> None:
        query, hits = result
        if query == self._search.text().strip():  # ignore answers to older keystrokes
            self._show_hits(hits)
            self._fuzzy_worker = None

    def _show_hits(self, hits: Sequence[str] | None) -> None:
        self.model.set_hits(hits)
        self._on_reset()
        if hits and self.model.rowCount():
            self._table.selectRow(0)

    def selected_ref(self) -> str | None:
        index = self._table.currentIndex()
        if not index.isValid():
            return None
        return self.model.entry(index.row()).ref

    def select_ref(self, partner_ref: str) -> bool:
        row = self.model.row_of(partner_ref)
        if row < 0:
            return False
        self._table.selectRow(row)
        self._table.scrollTo(self.model.index(row, 0))
        return True

    def link_selected(self) -> None:
        """Ask to link the selected partner criterion (the top hit if none is selected)."""
        if self._timer.isActive():
            self.run_search()
        if self._read_only:
            return
        ref = self.selected_ref()
        if ref is None and self.model.rowCount():
            ref = self.model.entry(0).ref
        if ref is not None and self._current_ref is not None:
            self.linkRequested.emit(ref)

    # -- events ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            self._fit_columns(event.size().width())
        if watched is self._table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.leaveRequested.emit()
                return True
        if watched is self._search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                row = self._table.currentIndex().row()
                row = row + (1 if key == Qt.Key.Key_Down else -1)
                self._table.selectRow(max(0, min(self.model.rowCount() - 1, row)))
                return True
            if key == Qt.Key.Key_Escape:
                # One Esc goes back to the queue, as the help says; the list is whole again.
                if self._search.text():
                    self._search.clear()
                    self.run_search()
                self.leaveRequested.emit()
                return True
        return super().eventFilter(watched, event)

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() != COL_USED_BY:
            return
        used_by = self.model.entry(index.row()).used_by
        if len(used_by) == 1:
            self.jumpRequested.emit(used_by[0])
        elif used_by:
            menu = QMenu(self)
            for ref in used_by:
                menu.addAction(f"Go to {ref}", functools.partial(self.jumpRequested.emit, ref))
            rect = self._table.visualRect(index)
            menu.popup(self._table.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))

    def _on_activated(self, index: QModelIndex) -> None:
        if index.column() != COL_USED_BY:
            self.link_selected()

    def _on_current_changed(self, *_: object) -> None:
        self._update_detail()

    def _on_reset(self) -> None:
        self._count.setText(f"{self.model.rowCount()} shown")
        self._count.setToolTip(
            "Search hits, best first"
            if self.model.searching
            else "Related sections first (named like the criterion's, then its candidates'), "
            "then the rest in program order"
        )
        self._update_detail()

    @property
    def guidance_toggle(self) -> QToolButton:
        return self._guidance.toggle

    def guidance_shown(self) -> str:
        """The selected criterion's guidance on screen ("" while collapsed or absent)."""
        return self._guidance.shown_text()

    def _show_guidance(self, guidance: str) -> None:
        self._guidance.set_guidance(guidance)  # collapsed for each criterion

    def _update_detail(self) -> None:
        ref = self.selected_ref()
        if ref is None and self.model.searching and self.model.rowCount() == 0:
            self._show_guidance("")
            query = html.escape(self._search.text().strip())
            self._detail.setText(
                f"No partner criterion matches “{query}”. Try fewer or shorter words."
            )
            self._link_button.setEnabled(False)
            return
        if ref is None:
            self._show_guidance("")
            self._detail.setText("Select a partner criterion to read it in full.")
            self._link_button.setEnabled(False)
            return
        entry = self.model.entry(self._table.currentIndex().row())
        self._show_guidance(entry.criterion.guidance)
        used = ", ".join(entry.used_by) or "none"
        self._detail.setText(
            f"<b>{html.escape(ref)}</b> · {html.escape(entry.criterion.section)}<br>"
            f"{html.escape(entry.criterion.text)}<br><i>Used by: {html.escape(used)}</i>"
        )
        self._link_button.setEnabled(self._current_ref is not None and not self._read_only)

    def _fit_columns(self, width: int) -> None:
        """Below a readable Text column, hide Section (it is in the detail below the list)."""
        header = self._table.horizontalHeader()
        fixed = header.sectionSize(COL_REF) + header.sectionSize(COL_USED_BY)
        section = header.sectionSize(COL_SECTION)
        chrome = 2 * self._table.frameWidth() + self._table.verticalScrollBar().sizeHint().width()
        room = width - chrome - fixed - section
        header.setSectionHidden(COL_SECTION, room < self.fontMetrics().averageCharWidth() * 18)
