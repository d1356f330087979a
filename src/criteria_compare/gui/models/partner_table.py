"""Partner criteria with their "used by" reference refs; related sections first, filters and search hits."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from criteria_compare.gui.models.columns import ColumnsModel, ModelIndex
from criteria_compare.model import Criterion, Link

__all__ = [
    "COLUMNS",
    "COL_REF",
    "COL_SECTION",
    "COL_TEXT",
    "COL_USED_BY",
    "PARTNER_ROLE",
    "REF_ROLE",
    "USED_BY_ROLE",
    "PartnerEntry",
    "PartnerTableModel",
]

COL_REF, COL_USED_BY, COL_SECTION, COL_TEXT = range(4)
COLUMNS = ("Ref", "Used by", "Section", "Text")
_TOOLTIPS = {COL_USED_BY: "Reference criteria linked to this partner criterion; click to jump"}

REF_ROLE = Qt.ItemDataRole.UserRole + 20
PARTNER_ROLE = Qt.ItemDataRole.UserRole + 21  # the PartnerEntry
USED_BY_ROLE = Qt.ItemDataRole.UserRole + 22  # tuple of reference refs

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        REF_ROLE,
        PARTNER_ROLE,
        USED_BY_ROLE,
    }
)


@dataclass(frozen=True)
class PartnerEntry:
    """One partner criterion and the reference criteria linked to it."""

    criterion: Criterion
    used_by: tuple[str, ...] = ()

    @property
    def ref(self) -> str:
        return self.criterion.ref


def _one_line(text: str) -> str:
    return " ".join(text.split())


class PartnerTableModel(ColumnsModel):
    """All partner criteria, ordered for the current reference criterion.

    The order and the filters are computed in Python (a few list operations,
    cheap for thousands of rows) and applied with one model reset, so moving
    between reference criteria never runs a per-row sort through Qt.
    """

    columns = COLUMNS
    tooltips = _TOOLTIPS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[PartnerEntry] = []
        self._index: dict[str, int] = {}
        self._by_section: dict[str, list[int]] = {}
        self._visible: list[int] = []
        self._related: tuple[str, ...] = ()
        self._unlinked_only = False
        self._hits: tuple[str, ...] | None = None
        self._current_links: frozenset[str] = frozenset()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading --------------------------------------------------------------------------
    def set_criteria(self, criteria: Sequence[Criterion], links: Iterable[Link]) -> None:
        """Load the partner program and every confirmed link."""
        used: dict[str, list[str]] = {}
        for link in links:
            used.setdefault(link.partner_ref, []).append(link.reference_ref)
        self.beginResetModel()
        self._entries = [PartnerEntry(c, tuple(used.get(c.ref, ()))) for c in criteria]
        self._index = {e.ref: i for i, e in enumerate(self._entries)}
        self._by_section = {}
        for i, e in enumerate(self._entries):
            self._by_section.setdefault(e.criterion.section, []).append(i)
        self._visible = self._compute_visible()
        self.endResetModel()

    def update_used_by(self, changes: Mapping[str, Sequence[str]]) -> None:
        """Set the "used by" refs of some partner criteria (after a link changed)."""
        last = self.columnCount() - 1
        rows = {v: r for r, v in enumerate(self._visible)}
        for pref, refs in changes.items():
            i = self._index.get(pref)
            if i is None:
                continue
            entry = PartnerEntry(self._entries[i].criterion, tuple(refs))
            if entry == self._entries[i]:
                continue
            self._entries[i] = entry
            row = rows.get(i)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def used_by(self, partner_ref: str) -> tuple[str, ...]:
        i = self._index.get(partner_ref)
        return self._entries[i].used_by if i is not None else ()

    # -- view state -----------------------------------------------------------------------
    def set_context(
        self, related_sections: Sequence[str], current_links: Iterable[str] = ()
    ) -> None:
        """Put the criteria of ``related_sections`` first (in that order); mark ``current_links``."""
        related = tuple(dict.fromkeys(s for s in related_sections if s in self._by_section))
        links = frozenset(current_links)
        if related == self._related and links == self._current_links:
            return
        order_changed = related != self._related
        self._related, self._current_links = related, links
        if order_changed and self._hits is None:
            self._reset_visible()
        elif self._visible:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._visible) - 1, self.columnCount() - 1)
            )

    def set_unlinked_only(self, on: bool) -> None:
        """Show only partner criteria no reference criterion is linked to (partner-only)."""
        if on != self._unlinked_only:
            self._unlinked_only = on
            self._reset_visible()

    def set_hits(self, refs: Sequence[str] | None) -> None:
        """Show only these refs in this order (search results); None shows everything."""
        hits = None if refs is None else tuple(r for r in refs if r in self._index)
        if hits != self._hits:
            self._hits = hits
            self._reset_visible()

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def refilter(self) -> None:
        """Recompute the shown rows (e.g. after links changed with "not linked" on)."""
        if self._unlinked_only:
            self._reset_visible()

    def _reset_visible(self) -> None:
        visible = self._compute_visible()
        if visible != self._visible:
            self.beginResetModel()
            self._visible = visible
            self.endResetModel()

    def _compute_visible(self) -> list[int]:
        if self._hits is not None:
            order = [self._index[r] for r in self._hits]
        elif self._related:
            first = [i for s in self._related for i in self._by_section[s]]
            seen = set(first)
            order = first + [i for i in range(len(self._entries)) if i not in seen]
        else:
            order = list(range(len(self._entries)))
        if self._unlinked_only:
            order = [i for i in order if not self._entries[i].used_by]
        return order

    # -- lookups --------------------------------------------------------------------------
    def entry(self, row: int) -> PartnerEntry:
        """The entry shown on ``row``."""
        return self._entries[self._visible[row]]

    def row_of(self, partner_ref: str) -> int:
        """Row showing ``partner_ref`` (-1 if filtered out or unknown)."""
        i = self._index.get(partner_ref)
        if i is None:
            return -1
        try:
            return self._visible.index(i)
        except ValueError:
            return -1

    def visible_refs(self) -> list[str]:
        return [self._entries[i].ref for i in self._visible]

    def criteria(self) -> list[Criterion]:
        return [e.criterion for e in self._entries]

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():  # the view asks for many roles we lack
            return None
        row = index.row()
        if not 0 <= row < len(self._visible):
            return None
        e = self._entries[self._visible[row]]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_REF:
                return e.ref
            if col == COL_USED_BY:
                return self._used_by_text(e)
            if col == COL_SECTION:
                return e.criterion.section
            if col == COL_TEXT:
                return _one_line(e.criterion.text)
            return None
        if role == REF_ROLE:
            return e.ref
        if role == PARTNER_ROLE:
            return e
        if role == USED_BY_ROLE:
            return e.used_by
        if role == Qt.ItemDataRole.ToolTipRole:
            used = f"\nUsed by: {', '.join(e.used_by)}" if e.used_by else "\nNot linked yet"
            return f"{e.ref} · {e.criterion.section}\n{e.criterion.text}{used}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == COL_USED_BY:
                return (
                    f"used by {len(e.used_by)}: {', '.join(e.used_by)}"
                    if e.used_by
                    else "not linked"
                )
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.FontRole and e.ref in self._current_links:
            return self._bold
        return None

    @staticmethod
    def _used_by_text(e: PartnerEntry) -> str:
        """ "0" when nothing links to it (never a blank cell, which reads as "not loaded")."""
        n = len(e.used_by)
        if n == 0:
            return "0"
        refs = ", ".join(e.used_by[:2]) + (", …" if n > 2 else "")
        return f"{n} · {refs}"
