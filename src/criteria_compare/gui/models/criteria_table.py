"""Queue model: the reference criteria in program order, grouped by section, one row per criterion."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication

from criteria_compare.gui.models.columns import ColumnsModel, ModelIndex
from criteria_compare.gui.style import status_text, subtle_fill
from criteria_compare.model import (
    Assessment,
    Band,
    Criterion,
    Exclusion,
    Level,
    Link,
    Position,
    Program,
    Side,
    Stance,
    Status,
    Suggestion,
)
from criteria_compare.progress import check_cancel
from criteria_compare.project.conflicts import MergeConflict

__all__ = [
    "COLUMNS",
    "COL_LINKS",
    "COL_MARKS",
    "COL_PARTNER",
    "COL_REF",
    "COL_SCORE",
    "COL_STATUS",
    "ENTRY_ROLE",
    "EXCLUDED_SECTION",
    "KIND_ROLE",
    "REF_ROLE",
    "SORT_ROLE",
    "CriteriaTableModel",
    "QueueCounts",
    "QueueEntry",
    "QueueRows",
    "SectionEntry",
    "build_entry",
    "build_queue_rows",
    "partner_words",
]

COL_REF, COL_STATUS, COL_SCORE, COL_LINKS, COL_MARKS, COL_PARTNER = range(6)
COLUMNS = ("Ref", "Status", "Best", "Links", "Marks", "Theirs")
#: The queue's marker for the partner administration's position.
STANCE_MARKS = {
    Stance.AGREE: "✓",
    Stance.DISAGREE: "✗",
    Stance.NEEDS_DISCUSSION: "?",
    Stance.BLANK: "",
}
_TOOLTIPS = {
    COL_REF: "Reference criterion",
    COL_STATUS: "Verdict",
    COL_SCORE: "Score of the best candidate",
    COL_LINKS: "Confirmed links",
    COL_MARKS: (
        "✎ note · ⚑ flagged for discussion · ! text changed since the decision · "
        "⇄ merge conflict to resolve"
    ),
    COL_PARTNER: "The partner administration's position: ✓ agree · ✗ disagree · ? needs discussion",
}

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # native value for sorting
REF_ROLE = Qt.ItemDataRole.UserRole + 2  # the criterion ref (None on section rows)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3  # the QueueEntry / SectionEntry object
KIND_ROLE = Qt.ItemDataRole.UserRole + 4  # "criterion" or "section"

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        SORT_ROLE,
        REF_ROLE,
        ENTRY_ROLE,
        KIND_ROLE,
    }
)


class QueueSource(Protocol):
    """What the queue reads from a project (criteria_compare.project.Project satisfies it)."""

    @property
    def reference(self) -> Program: ...
    def assessments(self) -> dict[str, Assessment]: ...
    def links(self, reference_ref: str | None = None) -> tuple[Link, ...]: ...
    def suggestions(self, reference_ref: str) -> tuple[Suggestion, ...]: ...
    def assessment(self, ref: str) -> Assessment: ...
    def positions(self) -> dict[str, Position]: ...
    def position(self, ref: str) -> Position | None: ...
    def merge_conflicts(self, reference_ref: str | None = None) -> Sequence[MergeConflict]: ...
    def excluded(self, side: Side | str | None = None) -> tuple[Exclusion, ...]: ...


@dataclass(frozen=True)
class QueueEntry:
    """What the queue shows about one reference criterion."""

    criterion: Criterion
    status: Status = Status.UNREVIEWED
    discussion: bool = False
    note: str = ""
    suspect: bool = False
    best_score: float | None = None
    best_band: Band | None = None
    n_links: int = 0
    conflicts: int = 0  # unresolved merge conflicts on this criterion
    haystack: str = ""  # lower-cased ref, text, guidance and note for the text filter
    position: Position | None = None  # the partner administration's, if imported
    excluded: bool = False  # taken out of the comparison (shown only by the Excluded filter)

    @property
    def stance(self) -> Stance:
        return self.position.stance if self.position is not None else Stance.BLANK

    @property
    def ref(self) -> str:
        return self.criterion.ref

    @property
    def section(self) -> str:
        return self.criterion.section

    @property
    def level(self) -> Level | None:
        return self.criterion.level

    @property
    def reviewed(self) -> bool:
        return self.status is not Status.UNREVIEWED

    @property
    def marks(self) -> str:
        """Note ✎, flag ⚑, suspect ! and merge conflict ⇄ markers."""
        parts = []
        if self.note.strip():
            parts.append("✎")
        if self.discussion:
            parts.append("⚑")
        if self.suspect:
            parts.append("!")
        if self.conflicts:
            parts.append("⇄")
        return " ".join(parts)


@dataclass(frozen=True)
class SectionEntry:
    """A section heading row; ``members`` are the source rows of its criteria."""

    title: str
    members: tuple[int, ...] = field(default=())


@dataclass(frozen=True)
class QueueCounts:
    """Totals for the header line."""

    total: int
    reviewed: int
    by_status: Mapping[Status, int]
    flagged: int

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.total) if self.total else 0


def build_entry(
    criterion: Criterion,
    assessment: Assessment | None,
    suggestions: Sequence[Suggestion],
    n_links: int,
    position: Position | None = None,
    conflicts: int = 0,
) -> QueueEntry:
    """Combine one criterion's assessment, best suggestion and link count into a queue entry."""
    a = assessment or Assessment(criterion.ref)
    best = max(suggestions, key=lambda s: s.score) if suggestions else None
    haystack = " ".join((criterion.ref, criterion.text, criterion.guidance, a.note)).lower()
    return QueueEntry(
        criterion=criterion,
        status=a.status,
        discussion=a.discussion,
        note=a.note,
        suspect=a.suspect,
        best_score=best.score if best else None,
        best_band=best.band if best else None,
        n_links=n_links,
        conflicts=conflicts,
        haystack=haystack,
        position=position,
    )


EXCLUDED_SECTION = "Excluded from the comparison"
_BULK_REFRESH = 40  # more refs than this are re-read and repainted in one go


def _section_title(section: str) -> str:
    return section or "(no section)"


@dataclass(frozen=True)
class QueueRows:
    """Every row of the queue, built without Qt (so a worker thread can build it)."""

    rows: tuple[QueueEntry | SectionEntry, ...]
    row_of: Mapping[str, int]  # ref -> row
    section_row: Mapping[str, int]  # section -> row of its heading
    order: tuple[str, ...]  # refs in program order


def build_queue_rows(
    project: QueueSource,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> QueueRows:
    """Read the assessments, links and best suggestion of every reference criterion into rows.

    Pure Python over the project (no Qt objects), so opening a big project can do it
    off the GUI thread; ``progress(done, total)`` is called every few hundred criteria
    and ``cancel()`` is checked as often (``Cancelled`` when it says so).
    """
    assessments = project.assessments()
    positions = project.positions()
    n_links: dict[str, int] = {}
    for link in project.links():
        n_links[link.reference_ref] = n_links.get(link.reference_ref, 0) + 1
    conflicts = Counter(c.ref for c in project.merge_conflicts())
    criteria = project.reference.criteria
    grouped: dict[str, list[Criterion]] = {}
    for c in criteria:
        grouped.setdefault(c.section, []).append(c)
    rows: list[QueueEntry | SectionEntry] = []
    row_of: dict[str, int] = {}
    section_row: dict[str, int] = {}
    total, done = len(criteria), 0
    for section, members in grouped.items():
        head = len(rows)
        section_row[section] = head
        rows.append(SectionEntry(_section_title(section)))
        for c in members:
            row_of[c.ref] = len(rows)
            rows.append(
                build_entry(
                    c,
                    assessments.get(c.ref),
                    project.suggestions(c.ref),
                    n_links.get(c.ref, 0),
                    positions.get(c.ref),
                    conflicts[c.ref],
                )
            )
            done += 1
            if done % 250 == 0:
                if cancel is not None:
                    check_cancel(cancel)
                if progress is not None:
                    progress(done, total)
        rows[head] = SectionEntry(_section_title(section), tuple(range(head + 1, len(rows))))
    out = project.excluded(Side.REFERENCE)
    if out:  # listed apart, after the program, for the Excluded filter
        head = len(rows)
        rows.append(SectionEntry(EXCLUDED_SECTION))
        for ex in out:
            row_of[ex.criterion.ref] = len(rows)
            rows.append(
                QueueEntry(
                    ex.criterion,
                    note=ex.reason,
                    excluded=True,
                    haystack=f"{ex.criterion.ref} {ex.criterion.text} {ex.reason}".casefold(),
                )
            )
        rows[head] = SectionEntry(EXCLUDED_SECTION, tuple(range(head + 1, len(rows))))
    return QueueRows(
        rows=tuple(rows),
        row_of=row_of,
        section_row=section_row,
        order=tuple(c.ref for c in criteria),
    )


def partner_words(position: Position) -> str:
    """ "Partner (round 2): Disagree — their comment" for tooltips and screen readers."""
    label = position.stance.label or "No position"
    comment = position.comment.strip()
    if len(comment) > 300:
        comment = comment[:300] + "…"
    return f"Partner (round {position.round}): {label}" + (f" — {comment}" if comment else "")


class CriteriaTableModel(ColumnsModel):
    """Section rows and criterion rows of the reference program; reads everything from the project."""

    columns = COLUMNS
    tooltips = _TOOLTIPS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: QueueSource | None = None
        self._rows: list[QueueEntry | SectionEntry] = []
        self._row_of: dict[str, int] = {}
        self._section_row: dict[str, int] = {}  # section -> row of its heading
        self._order: list[str] = []  # refs in program order
        self._counts: QueueCounts | None = None

    # -- loading --------------------------------------------------------------------------
    def set_project(self, project: QueueSource | None, rows: QueueRows | None = None) -> None:
        """Rebuild every row from ``project`` (None empties the queue).

        ``rows`` (from :func:`build_queue_rows`, e.g. built by the worker that opened
        the project) are used as they are instead of reading the project again.
        """
        if project is not None and rows is None:
            rows = build_queue_rows(project)
        self.beginResetModel()
        self._project = project
        self._rows, self._row_of, self._section_row, self._order = [], {}, {}, []
        self._counts = None
        if project is not None and rows is not None:
            self._rows = list(rows.rows)
            self._row_of = dict(rows.row_of)
            self._section_row = dict(rows.section_row)
            self._order = list(rows.order)
        self.endResetModel()

    def refresh(self, refs: Iterable[str]) -> None:
        """Re-read the given criteria from the project and repaint their rows and section rows.

        Many refs at once (a bulk step, its undo) are read with one call for all
        assessments and one for all links, and repainted with one signal.
        """
        project = self._project
        if project is None:
            return
        wanted = list(dict.fromkeys(refs))
        if len(wanted) > _BULK_REFRESH:
            assessments = project.assessments()
            n_links: dict[str, int] = {}
            for link in project.links():
                n_links[link.reference_ref] = n_links.get(link.reference_ref, 0) + 1

            positions = project.positions()
            conflicts = Counter(c.ref for c in project.merge_conflicts())

            def read(ref: str) -> tuple[Assessment | None, int, Position | None, int]:
                return assessments.get(ref), n_links.get(ref, 0), positions.get(ref), conflicts[ref]
        else:

            def read(ref: str) -> tuple[Assessment | None, int, Position | None, int]:
                return (
                    project.assessment(ref),
                    len(project.links(ref)),
                    project.position(ref),
                    len(project.merge_conflicts(ref)),
                )

        changed: list[int] = []
        for ref in wanted:
            row = self._row_of.get(ref)
            if row is None:
                continue
            old = self._rows[row]
            assert isinstance(old, QueueEntry)
            assessment, links, position, conflicts_here = read(ref)
            entry = build_entry(
                old.criterion,
                assessment,
                project.suggestions(ref),
                links,
                position,
                conflicts_here,
            )
            if entry != old:
                self._rows[row] = entry
                changed.append(row)
                changed.append(self._section_row[old.section])
        if not changed:
            return
        self._counts = None
        last = self.columnCount() - 1
        if len(changed) > _BULK_REFRESH:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
            return
        for row in dict.fromkeys(changed):  # each row, then its section heading
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    # -- lookups --------------------------------------------------------------------------
    def entry(self, row: int) -> QueueEntry | SectionEntry:
        """The entry shown on source row ``row``."""
        return self._rows[row]

    def entry_for(self, ref: str) -> QueueEntry | None:
        """The entry of criterion ``ref`` (None if unknown)."""
        row = self._row_of.get(ref)
        entry = self._rows[row] if row is not None else None
        return entry if isinstance(entry, QueueEntry) else None

    def row_of(self, ref: str) -> int:
        """Source row of ``ref`` (-1 if unknown)."""
        return self._row_of.get(ref, -1)

    def refs(self) -> list[str]:
        """Every reference ref in program order."""
        return list(self._order)

    def entries(self) -> list[QueueEntry]:
        """Every criterion entry in program order."""
        return [e for e in self._rows if isinstance(e, QueueEntry)]

    def section_progress(self, row: int) -> tuple[int, int]:
        """(reviewed, total) of the section heading on ``row``."""
        entry = self._rows[row]
        assert isinstance(entry, SectionEntry)
        members = [self._rows[r] for r in entry.members]
        return sum(1 for m in members if isinstance(m, QueueEntry) and m.reviewed), len(members)

    def section_rows(self) -> list[int]:
        """Source rows of the section headings, in program order."""
        return list(self._section_row.values())

    def sections(self) -> list[str]:
        """Section names in program order."""
        return list(self._section_row)

    def next_unreviewed(self, after: str | None, *, backwards: bool = False) -> str | None:
        """The next (or previous) unreviewed ref after ``after`` in program order, wrapping; None if all done."""
        order = self._order[::-1] if backwards else self._order
        if not order:
            return None
        entry = self.entry_for(after) if after is not None else None
        # An excluded criterion is in no order: start from the top.
        start = 0
        if after is not None and entry is not None and not entry.excluded:
            start = order.index(after) + 1
        for ref in order[start:] + order[:start]:
            entry = self.entry_for(ref)
            if entry is not None and not entry.reviewed and ref != after:
                return ref
        return None

    def has_positions(self) -> bool:
        """True when any criterion carries a position of the partner administration."""
        return any(e.position is not None for e in self.entries())

    def counts(self) -> QueueCounts:
        """Reviewed, per-status and flagged totals (cached until a row changes)."""
        if self._counts is not None:
            return self._counts
        entries = [e for e in self.entries() if not e.excluded]
        by_status = dict.fromkeys(Status, 0)
        for e in entries:
            by_status[e.status] += 1
        self._counts = QueueCounts(
            total=len(entries),
            reviewed=sum(1 for e in entries if e.reviewed),
            by_status=by_status,
            flagged=sum(1 for e in entries if e.discussion),
        )
        return self._counts

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], SectionEntry):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid():  # the view asks for many roles we lack
            return None
        if not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == KIND_ROLE:
            return "section" if isinstance(entry, SectionEntry) else "criterion"
        if isinstance(entry, SectionEntry):
            return self._section_data(index, entry, role)
        return self._entry_data(index.column(), entry, role)

    def _section_data(self, index: ModelIndex, entry: SectionEntry, role: int) -> object:
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_REF:
                done, total = self.section_progress(index.row())
                return f"{entry.title}   {done}/{total}"
            return None
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            done, total = self.section_progress(index.row())
            return f"Section {entry.title}: {done} of {total} reviewed"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return subtle_fill(QGuiApplication.palette())
        if role == SORT_ROLE:
            return -2.0 if col == COL_SCORE else ""
        return None

    def _entry_data(self, col: int, e: QueueEntry, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_REF:
                return e.ref
            if col == COL_STATUS:
                return status_text(e.status)
            if col == COL_SCORE:
                return f"{e.best_score:.2f}" if e.best_score is not None else "—"
            if col == COL_LINKS:
                return str(e.n_links) if e.n_links else ""
            if col == COL_MARKS:
                return e.marks
            if col == COL_PARTNER:
                return STANCE_MARKS[e.stance]
            return None
        if role == REF_ROLE:
            return e.ref
        if role == SORT_ROLE:
            if col == COL_SCORE:
                return e.best_score if e.best_score is not None else -1.0
            if col == COL_LINKS:
                return e.n_links
            if col == COL_STATUS:
                return e.status.value
            if col == COL_PARTNER:
                return e.stance.value
            return e.ref
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SCORE, COL_LINKS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_PARTNER and e.position:
            return partner_words(e.position)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = e.criterion.text
            tip = text if len(text) <= 300 else text[:300] + "…"
            band = f" · best {e.best_band.value} {e.best_score:.2f}" if e.best_band else ""
            level = f" · {e.level.value}" if e.level else ""
            return f"{e.ref}{level}{band}\n{tip}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(col, e)
        return None

    @staticmethod
    def _accessible(col: int, e: QueueEntry) -> str:
        if col == COL_STATUS:
            return e.status.label
        if col == COL_SCORE:
            return f"best score {e.best_score:.2f}" if e.best_score is not None else "no candidate"
        if col == COL_LINKS:
            return f"{e.n_links} confirmed links"
        if col == COL_MARKS:
            words = [
                w
                for w, on in (
                    ("has a note", bool(e.note.strip())),
                    ("flagged for discussion", e.discussion),
                    ("text changed", e.suspect),
                )
                if on
            ]
            return ", ".join(words) or "no markers"
        if col == COL_PARTNER:
            return partner_words(e.position) if e.position else "no position of the partner"
        return e.ref
