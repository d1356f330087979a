"""Filter and sort proxy for the queue: status, flag, changed text, section, level, band, likely gaps,
the partner's position, text terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from criteria_compare.gui.models.columns import ModelIndex
from criteria_compare.gui.models.criteria_table import (
    COL_SCORE,
    SORT_ROLE,
    CriteriaTableModel,
    QueueEntry,
    SectionEntry,
)
from criteria_compare.model import Band, Level, Stance, Status

__all__ = [
    "MAX_QUERY",
    "QueueFilter",
    "QueueProxyModel",
    "entry_matches",
    "is_ref_term",
    "ref_matches",
    "split_terms",
]

MAX_QUERY = 200  # characters of filter text considered (qutebrowser caps its input too)


_REF_TERM = re.compile(r"^\d+(?:\.\d+)*\.?$")  # 2, 2.3, 2.3.1, "2.3." — typed as a ref


def is_ref_term(term: str) -> bool:
    """True for a filter term written like a ref (digits and dots): it matches refs only."""
    return _REF_TERM.match(term) is not None


def ref_matches(ref: str, term: str) -> bool:
    """``ref`` is ``term`` or lies under it ("2.3" matches 2.3 and 2.3.1, never 12.3 or 2.30)."""
    ref, term = ref.lower(), term.rstrip(".")
    return ref == term or ref.startswith(term + ".")


def split_terms(text: str) -> tuple[str, ...]:
    """Lower-cased search terms of ``text`` (capped at MAX_QUERY characters)."""
    return tuple(text[:MAX_QUERY].lower().split())


@dataclass(frozen=True)
class QueueFilter:
    """Which criteria the queue shows; a field left at its default does not filter."""

    status: Status | None = None
    flagged: bool = False
    changed: bool = False  # only criteria whose text changed since the decision (suspect)
    section: str | None = None
    level: Level | None = None
    band: Band | None = None  # best candidate's band
    likely_gap: bool = False  # no candidate above Low
    merge_conflicts: bool = False  # only criteria with an unresolved merge conflict
    text: str = ""
    partner: Stance | None = None  # the partner administration's position
    excluded: bool = False  # only the criteria taken out of the comparison (else never them)

    @property
    def active(self) -> bool:
        return self != QueueFilter()


def entry_matches(entry: QueueEntry, f: QueueFilter, terms: tuple[str, ...] = ()) -> bool:
    """Whether ``entry`` passes filter ``f``; ``terms`` must all occur, in any order."""
    if entry.excluded != f.excluded:
        return False
    if f.status is not None and entry.status != f.status:
        return False
    if f.flagged and not entry.discussion:
        return False
    if f.changed and not entry.suspect:
        return False
    if f.merge_conflicts and not entry.conflicts:
        return False
    if f.section is not None and entry.section != f.section:
        return False
    if f.level is not None and entry.level != f.level:
        return False
    if f.band is not None and entry.best_band != f.band:
        return False
    if f.likely_gap and entry.best_band not in (None, Band.LOW):
        return False
    if f.partner is not None and entry.stance is not f.partner:
        return False
    ref = entry.criterion.ref
    return all(ref_matches(ref, t) if is_ref_term(t) else t in entry.haystack for t in terms)


class QueueProxyModel(QSortFilterProxyModel):
    """Shows the queue filtered; section rows stay while one of their criteria is shown.

    Filtering is re-applied only when the filter changes (``dynamicSortFilter``
    is off), so a row the reviewer just decided does not vanish under the cursor.
    With ``set_sort_by_score(True)``, section rows are hidden and criteria are ordered by
    their best score, highest first.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = QueueFilter()
        self._terms: tuple[str, ...] = ()
        self._by_score = False
        self.setDynamicSortFilter(False)
        self.setSortRole(SORT_ROLE)

    def queue(self) -> CriteriaTableModel:
        source = self.sourceModel()
        assert isinstance(source, CriteriaTableModel)
        return source

    def set_filter(self, f: QueueFilter) -> None:
        """Show only the criteria that pass ``f``."""
        if f == self._filter:
            return
        self._begin_filter_change()
        self._filter = f
        self._terms = split_terms(f.text)
        self._end_filter_change()

    def set_sort_by_score(self, on: bool) -> None:
        """Order by best score (highest first) instead of program order."""
        if on == self._by_score:
            return
        self._begin_filter_change()
        self._by_score = on
        self._end_filter_change()
        if on:
            self.sort(COL_SCORE, Qt.SortOrder.DescendingOrder)
        else:
            self.sort(-1)

    def refilter(self) -> None:
        """Apply the current filter again (e.g. after decisions changed what matches)."""
        self._begin_filter_change()
        self._end_filter_change()

    def _begin_filter_change(self) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()

    def _end_filter_change(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - Qt < 6.9
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if source_parent.isValid():
            return False
        model = self.queue()
        entry = model.entry(source_row)
        if isinstance(entry, SectionEntry):
            if self._by_score:
                return False
            return any(self._accepts(model.entry(r)) for r in entry.members)
        return self._accepts(entry)

    def _accepts(self, entry: QueueEntry | SectionEntry) -> bool:
        return isinstance(entry, QueueEntry) and entry_matches(entry, self._filter, self._terms)
