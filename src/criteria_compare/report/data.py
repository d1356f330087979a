"""Everything a report shows, gathered once from a project into plain frozen data.

The PDF and workbook writers render a :class:`ReportData`; tests can build one
in code. Counting helpers live here so both writers show the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from criteria_compare.model import (
    Criterion,
    Edition,
    HistoryEntry,
    Level,
    Position,
    Relation,
    Status,
)
from criteria_compare.project.agreement import PairAgreement

if TYPE_CHECKING:
    from criteria_compare.report.i18n import Translator

__all__ = [
    "CHANGE_ORDER",
    "DECISION_ACTIONS",
    "REGISTER_STATUSES",
    "STATUS_ORDER",
    "UNSECTIONED",
    "ChangeRow",
    "Counts",
    "EditionsInfo",
    "LinkedCriterion",
    "ProgramInfo",
    "ReferenceRow",
    "ReportData",
    "ReviewerActivity",
    "level_label",
]

#: The group of criteria that have no section (the writers print it in the report's language).
UNSECTIONED = "Unsectioned"

#: Order in which assessments are listed in every summary.
STATUS_ORDER = (
    Status.ALIGNED,
    Status.PARTIAL,
    Status.GAP,
    Status.CONFLICT,
    Status.NOT_APPLICABLE,
    Status.UNREVIEWED,
)

#: Assessments shown in the gap and conflict register, in this order within a level.
REGISTER_STATUSES = (Status.CONFLICT, Status.GAP, Status.PARTIAL)


#: History actions that record a reviewer's own decision on a criterion. Creating the project,
#: computing suggestions, settings, reviewer names, imports, updates, carried decisions, merges
#: and the partner's positions are not decisions of a reviewer.
DECISION_ACTIONS = frozenset(
    {
        "status",
        "note",
        "discussion",
        "link",
        "unlink",
        "reject",
        "unreject",
        "pin",
        "unpin",
        "confirm_unchanged",
        "exclude",
        "unexclude",
        "undo",
    }
)

#: Order of the change kinds in the "Changes since the previous edition" appendix.
CHANGE_ORDER = (
    "added",
    "removed",
    "reworded",
    "renumbered",
    "renumbered_reworded",
    "split",
    "merged",
)


def level_label(level: Level | None) -> str:
    """ "Must", "Should" or "Unspecified"."""
    return level.value if level is not None else "Unspecified"


@dataclass(frozen=True)
class ProgramInfo:
    """One program as the cover shows it: name, version label, source file and its SHA-256."""

    name: str
    version: str = ""
    source_file: str = ""
    sha256: str = ""
    criteria_count: int = 0
    import_warnings: tuple[str, ...] = ()
    """What the importer noticed in the source file (rows skipped, columns not imported)."""


@dataclass(frozen=True)
class LinkedCriterion:
    """A partner criterion confirmed as a counterpart of a reference criterion."""

    criterion: Criterion
    relation: Relation
    reviewer: str = ""
    timestamp: str = ""
    manual: bool = False


@dataclass(frozen=True)
class ReferenceRow:
    """One reference criterion with its assessment and confirmed links."""

    criterion: Criterion
    status: Status = Status.UNREVIEWED
    note: str = ""
    discussion: bool = False
    suspect: bool = False
    reviewer: str = ""
    timestamp: str = ""
    links: tuple[LinkedCriterion, ...] = ()
    position: Position | None = None  # the partner administration's, if imported

    @property
    def ref(self) -> str:
        return self.criterion.ref

    @property
    def section(self) -> str:
        return self.criterion.section or UNSECTIONED

    @property
    def level(self) -> str:
        return level_label(self.criterion.level)

    @property
    def stricter_side(self) -> str:
        """Which side is stricter for a partial verdict, from the relations of its links.

        ``subset_of`` (the reference asks for less than the partner) makes the
        partner stricter; ``superset_of`` makes the reference stricter. Mixed or
        other relations leave it to the note.
        """
        relations = {link.relation for link in self.links}
        if relations == {Relation.SUBSET_OF}:
            return "Partner"
        if relations == {Relation.SUPERSET_OF}:
            return "Reference"
        return "See note"


@dataclass(frozen=True)
class ChangeRow:
    """One criterion changed by the last update of its program, with the state of its decision.

    ``state`` is the carried decision as it stands now (e.g. "Aligned; to be checked
    again"), or for a removed criterion the decision that went with it.
    """

    change: str
    old_ref: str | None
    new_ref: str | None
    old_text: str = ""
    new_text: str = ""
    state: str = ""


@dataclass(frozen=True)
class EditionsInfo:
    """One program's editions on record and what its last update changed (empty if never updated)."""

    side: str  # "reference" or "partner"
    program: str
    editions: tuple[Edition, ...] = ()
    changes: tuple[ChangeRow, ...] = ()

    def counts(self) -> dict[str, int]:
        """Changed criteria per kind, in :data:`CHANGE_ORDER`."""
        counter = Counter(row.change for row in self.changes)
        return {kind: counter.get(kind, 0) for kind in CHANGE_ORDER}


@dataclass(frozen=True)
class ReviewerActivity:
    """How many decisions one reviewer recorded, and when the first and last were."""

    reviewer: str
    decisions: int
    first: str
    last: str


@dataclass(frozen=True)
class Counts:
    """Number of reference criteria per assessment."""

    by_status: Mapping[Status, int]

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def count(self, status: Status) -> int:
        return self.by_status.get(status, 0)

    def percent(self, status: Status) -> float:
        return 100.0 * self.count(status) / self.total if self.total else 0.0

    @property
    def reviewed(self) -> int:
        """Criteria that carry an assessment (every status but unreviewed)."""
        return self.total - self.count(Status.UNREVIEWED)

    def share(self, status: Status) -> float:
        """Percent of the *reviewed* criteria with ``status`` (0 when none is reviewed yet)."""
        if status is Status.UNREVIEWED or not self.reviewed:
            return 0.0
        return 100.0 * self.count(status) / self.reviewed

    @classmethod
    def of(cls, rows: Iterable[ReferenceRow]) -> Counts:
        counter = Counter(row.status for row in rows)
        return cls({status: counter.get(status, 0) for status in STATUS_ORDER})


@dataclass(frozen=True)
class ReportData:
    """The content of one compatibility report, in program order."""

    reference: ProgramInfo
    partner: ProgramInfo
    rows: tuple[ReferenceRow, ...]
    partner_only: tuple[Criterion, ...] = ()
    settings: Mapping[str, object] = field(default_factory=dict)
    reviewers: tuple[ReviewerActivity, ...] = ()
    agreement: tuple[PairAgreement, ...] = ()  # each pair of reviewers (project.agreement)
    history_actions: Mapping[str, int] = field(default_factory=dict)
    history: tuple[HistoryEntry, ...] = ()
    project_file: str = ""
    aligned_at: str = ""
    notices: tuple[str, ...] = ()
    editions: tuple[EditionsInfo, ...] = ()  # reference first; empty for data built in code
    partner_candidates: frozenset[str] | None = None
    """Unlinked partner refs still among the top candidates of an unreviewed reference criterion
    (None: not known, as for data built in code; then, in a draft, every unlinked one counts)."""

    def with_unsectioned(self, label: str) -> ReportData:
        """This data with criteria that have no section under ``label`` (the report's own word
        for "Unsectioned"), so every table, heading and chart prints it in one language."""
        if label == UNSECTIONED:
            return self

        def placed(criterion: Criterion) -> Criterion:
            return criterion if criterion.section else replace(criterion, section=label)

        rows = tuple(
            row if row.criterion.section else replace(row, criterion=placed(row.criterion))
            for row in self.rows
        )
        return replace(self, rows=rows, partner_only=tuple(map(placed, self.partner_only)))

    # -- counts ---------------------------------------------------------------------------

    @property
    def counts(self) -> Counts:
        return Counts.of(self.rows)

    @property
    def unreviewed(self) -> int:
        return self.counts.count(Status.UNREVIEWED)

    @property
    def is_draft(self) -> bool:
        return self.unreviewed > 0

    def draft_counts(self) -> dict[str, int]:
        """The figures a draft's notice gives: ``reviewed`` of ``total`` criteria, ``remaining``
        still unreviewed."""
        counts = self.counts
        return {
            "reviewed": counts.reviewed,
            "total": counts.total,
            "remaining": counts.count(Status.UNREVIEWED),
        }

    def status_words(self, t: Translator) -> str:
        """ "Complete — all N criteria reviewed" or "DRAFT — N of M criteria not yet reviewed",
        in ``t``'s language (the cover, the workbook's summary)."""
        total = len(self.rows)
        if self.is_draft:
            return t.n(
                "status.draft_line", self.unreviewed, unreviewed=self.unreviewed, total=total
            )
        return t("status.complete_line", total=total)

    @property
    def status_line(self) -> str:
        """:meth:`status_words` in English (the command line and the OSCAL and CISO exports)."""
        from criteria_compare.report.i18n import translator

        return self.status_words(translator("en"))

    def sections(self) -> tuple[str, ...]:
        """Reference sections (CTPAT categories) in program order."""
        return tuple(dict.fromkeys(row.section for row in self.rows))

    def rows_by_section(self) -> dict[str, list[ReferenceRow]]:
        grouped: dict[str, list[ReferenceRow]] = {}
        for row in self.rows:
            grouped.setdefault(row.section, []).append(row)
        return grouped

    def counts_by_section(self) -> dict[str, Counts]:
        return {name: Counts.of(rows) for name, rows in self.rows_by_section().items()}

    def counts_by_level(self) -> dict[str, Counts]:
        """Counts for Must, Should and (only if present) criteria without a level."""
        grouped: dict[str, list[ReferenceRow]] = {"Must": [], "Should": []}
        for row in self.rows:
            grouped.setdefault(row.level, []).append(row)
        return {k: Counts.of(v) for k, v in grouped.items() if v or k in ("Must", "Should")}

    # -- selections -----------------------------------------------------------------------

    def discussion_rows(self) -> tuple[ReferenceRow, ...]:
        return tuple(row for row in self.rows if row.discussion)

    def register_rows(self) -> tuple[ReferenceRow, ...]:
        """Gap, conflict and partial criteria: Must first, then Should, then the rest, stable."""
        level_rank = {"Must": 0, "Should": 1}
        picked = [row for row in self.rows if row.status in REGISTER_STATUSES]
        return tuple(sorted(picked, key=lambda r: level_rank.get(r.level, 2)))

    @property
    def confirmed_partner_only(self) -> tuple[Criterion, ...]:
        """Unlinked partner criteria that no unreviewed reference criterion may still claim.

        In a complete review that is every unlinked one. In a draft, a partner
        criterion among the top candidates of a reference criterion not yet
        reviewed is *not yet linked* instead (:attr:`not_yet_linked`).
        """
        if not self.is_draft:
            return self.partner_only
        if self.partner_candidates is None:
            return ()
        pending = self.partner_candidates
        return tuple(c for c in self.partner_only if c.ref not in pending)

    @property
    def not_yet_linked(self) -> tuple[Criterion, ...]:
        """Unlinked partner criteria that a reference criterion still to be reviewed may claim."""
        if not self.is_draft:
            return ()
        confirmed = {c.ref for c in self.confirmed_partner_only}
        return tuple(c for c in self.partner_only if c.ref not in confirmed)

    def partner_only_by_section(
        self, criteria: Iterable[Criterion] | None = None
    ) -> dict[str, list[Criterion]]:
        grouped: dict[str, list[Criterion]] = {}
        for criterion in self.partner_only if criteria is None else criteria:
            grouped.setdefault(criterion.section or UNSECTIONED, []).append(criterion)
        return grouped

    @property
    def has_positions(self) -> bool:
        """True once the partner administration's positions were imported."""
        return any(row.position is not None for row in self.rows)

    @property
    def link_count(self) -> int:
        return sum(len(row.links) for row in self.rows)

    @property
    def manual_link_count(self) -> int:
        return sum(1 for row in self.rows for link in row.links if link.manual)
