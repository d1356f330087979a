"""Plain data shared by every layer: criteria, programs, suggestions, links, assessments, positions.

All classes are frozen dataclasses or str-valued enums, so they can be passed
between threads, compared in tests and stored as text in the project file.
Refs are always strings (``"7.10"`` is not ``"7.1"``).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "PARTNER_ADMINISTRATION",
    "Assessment",
    "Band",
    "Criterion",
    "Edition",
    "EditionChange",
    "Evidence",
    "Exclusion",
    "HistoryEntry",
    "Level",
    "Link",
    "LinkOrigin",
    "LockHolder",
    "Position",
    "Program",
    "Provenance",
    "Relation",
    "Side",
    "Stance",
    "Status",
    "Suggestion",
    "text_fingerprint",
]


class Side(str, Enum):
    """Which program a criterion belongs to."""

    REFERENCE = "reference"
    PARTNER = "partner"


class Level(str, Enum):
    """CTPAT's Must (mandatory) / Should (recommended)."""

    MUST = "Must"
    SHOULD = "Should"


class Relation(str, Enum):
    """NIST IR 8477 set relation, read "reference criterion <relation> partner criterion"."""

    EQUAL = "equal"
    SUBSET_OF = "subset_of"
    SUPERSET_OF = "superset_of"
    INTERSECTS_WITH = "intersects_with"

    @property
    def label(self) -> str:
        return {
            "equal": "equal",
            "subset_of": "subset",
            "superset_of": "superset",
            "intersects_with": "intersects",
        }[self.value]


class Status(str, Enum):
    """Assessment of one reference criterion."""

    UNREVIEWED = "unreviewed"
    ALIGNED = "aligned"
    PARTIAL = "partial"
    GAP = "gap"
    CONFLICT = "conflict"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return "N/A" if self is Status.NOT_APPLICABLE else self.value.capitalize()


#: Who the history names for the partner's positions: the other delegation, not the reviewer who
#: imported them.
PARTNER_ADMINISTRATION = "Partner administration"


class Stance(str, Enum):
    """The partner administration's answer on one reference criterion (BLANK: no answer given)."""

    AGREE = "agree"
    DISAGREE = "disagree"
    NEEDS_DISCUSSION = "needs_discussion"
    BLANK = ""

    @property
    def label(self) -> str:
        """The word the exchange workbook's drop-down and the review screen show."""
        return {
            "agree": "Agree",
            "disagree": "Disagree",
            "needs_discussion": "Needs discussion",
            "": "",
        }[self.value]

    @property
    def is_open(self) -> bool:
        """True when the partner's answer leaves the point to be resolved."""
        return self in (Stance.DISAGREE, Stance.NEEDS_DISCUSSION)


class LinkOrigin(str, Enum):
    """Whether a link was confirmed from a suggestion or made by hand."""

    SUGGESTED = "suggested"
    MANUAL = "manual"


class Band(str, Enum):
    """Coarse confidence of a suggestion, shown as a word next to the score."""

    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"


def text_fingerprint(text: str) -> str:
    """SHA-256 of the NFKC-normalised, whitespace-collapsed text (detects changed criteria)."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Provenance:
    """Where a criterion came from: file name, SHA-256 of the file, sheet and 1-based row.

    For a Word or PDF document ``sheet`` names the page and table (``"page 3, table 2"``, or
    ``"table 2"`` in a Word document, which has no fixed pages) and ``row`` is the row within it.
    """

    file: str
    sha256: str
    sheet: str | None
    row: int


@dataclass(frozen=True)
class Criterion:
    """One requirement row of a program, identified by the program's own ref."""

    ref: str
    text: str
    section: str = ""
    guidance: str = ""
    level: Level | None = None
    provenance: Provenance | None = None

    @property
    def fingerprint(self) -> str:
        return text_fingerprint(self.text)


@dataclass(frozen=True)
class Program:
    """A set of criteria with its name, version/date label and source file."""

    name: str
    criteria: tuple[Criterion, ...]
    version: str = ""
    source_file: str = ""
    sha256: str = ""

    def by_ref(self) -> dict[str, Criterion]:
        return {c.ref: c for c in self.criteria}


@dataclass(frozen=True)
class Evidence:
    """Why a suggestion was made.

    ``source_spans``/``target_spans`` are ``(start, end)`` character offsets into
    the original ``Criterion.text`` of each side, covering the words the scorer
    matched (whole words or stem matches), for highlighting. ``channels`` maps a
    channel name (``"tfidf"``, ``"bm25"``, ``"char"``, ``"embedding"``...) to its
    normalised score in [0, 1].
    """

    shared_terms: tuple[str, ...] = ()
    source_spans: tuple[tuple[int, int], ...] = ()
    target_spans: tuple[tuple[int, int], ...] = ()
    channels: Mapping[str, float] = field(default_factory=dict)
    margin: float = 0.0
    section_match: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A machine-ranked candidate pair: ``source_ref`` (the side asked about) → ``target_ref``.

    For the forward direction source is the reference criterion and target the
    partner criterion; for the backward direction it is the other way round.
    ``rank`` starts at 1. ``pinned`` suggestions are listed first.
    """

    source_ref: str
    target_ref: str
    rank: int
    score: float
    band: Band
    evidence: Evidence = field(default_factory=Evidence)
    pinned: bool = False


@dataclass(frozen=True)
class Link:
    """A reviewer-confirmed pair between a reference and a partner criterion."""

    reference_ref: str
    partner_ref: str
    relation: Relation = Relation.EQUAL
    origin: LinkOrigin = LinkOrigin.SUGGESTED
    score: float | None = None
    reviewer: str = ""
    timestamp: str = ""


@dataclass(frozen=True)
class Assessment:
    """The verdict on one reference criterion."""

    reference_ref: str
    status: Status = Status.UNREVIEWED
    note: str = ""
    discussion: bool = False
    reviewer: str = ""
    timestamp: str = ""
    suspect: bool = False


@dataclass(frozen=True)
class HistoryEntry:
    """One append-only audit record: who did what, when, with old and new values.

    ``origin`` is empty for the file's own rows and "merged from NAME" for rows a
    merge brought in from another reviewer's copy.
    """

    id: int
    timestamp: str
    reviewer: str
    action: str
    reference_ref: str | None
    partner_ref: str | None
    old_value: str | None
    new_value: str | None
    bulk: bool = False
    origin: str = ""


@dataclass(frozen=True)
class LockHolder:
    """Who has a project open for writing, as its lock file says (see ``project.lock``).

    ``since`` is UTC ISO-8601; ``process`` names one run of ``pid`` where the system tells
    (so a reused id is not taken for the writer); ``token`` tells one lock from another.
    """

    user: str
    host: str
    pid: int
    since: str
    app: str = ""
    process: str | None = None
    token: str = ""

    @property
    def since_text(self) -> str:
        """``since`` as people read it, e.g. ``2026-12-03 12:40 UTC`` (as stored if it is not a time)."""
        stamp = self.since
        if len(stamp) >= 16 and stamp[10] == "T":
            return f"{stamp[:10]} {stamp[11:16]} UTC"
        return stamp or "an unknown time"


@dataclass(frozen=True)
class Position:
    """The partner administration's position on one reference criterion, from one exchange round.

    It is brought in from the exchange workbook the partner filled in (``sha256``
    is that file's) and never changes our own assessment.
    """

    reference_ref: str
    stance: Stance = Stance.BLANK
    comment: str = ""
    round: int = 1
    sha256: str = ""
    imported_at: str = ""
    imported_by: str = ""


@dataclass(frozen=True)
class Edition:
    """One imported version of a program: number 1 is the first import, each update adds one."""

    side: Side
    number: int
    label: str
    source_file: str
    sha256: str
    imported_at: str
    imported_by: str
    criteria: int


@dataclass(frozen=True)
class EditionChange:
    """What one update did to one criterion (or one old/new pair of a split or merge).

    ``change`` is ``reworded``, ``renumbered``, ``renumbered_reworded``, ``split``,
    ``merged``, ``removed`` or ``added``; ``old_ref``/``new_ref`` is None for an
    added/removed criterion. ``decision`` describes the carried (or, for a removed
    criterion, the dropped) decision at the time of the update.
    """

    side: Side
    edition: int
    change: str
    old_ref: str | None
    new_ref: str | None
    old_text: str = ""
    new_text: str = ""
    decision: str = ""


@dataclass(frozen=True)
class Exclusion:
    """A criterion a reviewer took out of the comparison (a footer, note or duplicate row)."""

    side: Side
    criterion: Criterion
    reviewer: str
    timestamp: str
    reason: str = ""
