"""Plain values passed to and from the project's write API: one decision, one criterion's full state."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from criteria_compare.model import Assessment, Link, Program, Relation, Status

__all__ = ["AlignmentInputs", "CriterionState", "Decision", "Stamps", "StoredSettings"]


class StoredSettings(Protocol):
    """Aligner settings as the store keeps them (``align.AlignerSettings`` is one)."""

    def to_dict(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class AlignmentInputs:
    """What one aligner run reads from a project, taken in one consistent read."""

    reference: Program
    partner: Program
    rejected: frozenset[tuple[str, str]]
    pinned: frozenset[tuple[str, str]]
    links: tuple[tuple[str, str], ...]  # confirmed (reference_ref, partner_ref) pairs


@dataclass(frozen=True)
class Decision:
    """Everything one ``Project.decide()`` call changes on one reference criterion.

    ``None`` means "leave as it is"; ``note=""`` clears the note. ``link`` holds
    ``(partner_ref, relation)`` pairs; an existing link gets the new relation.
    """

    ref: str
    status: Status | str | None = None
    note: str | None = None
    discussion: bool | None = None
    link: Sequence[tuple[str, Relation | str]] = ()
    unlink: Sequence[str] = ()
    reject: Sequence[str] = ()
    unreject: Sequence[str] = ()


@dataclass(frozen=True)
class Stamps:
    """The fingerprints stored with one reference criterion's decision (assessment and links)."""

    ref: str
    assessment: str | None  # None: no assessment row
    links: tuple[tuple[str, str, str], ...]  # (partner ref, reference fp, partner fp)


@dataclass(frozen=True)
class CriterionState:
    """The exact reviewer state of one reference criterion (for undo/redo)."""

    ref: str
    links: tuple[Link, ...]
    rejected: frozenset[str]
    pinned: frozenset[str]
    assessment: Assessment
    #: The texts' fingerprints the decision was made on (``Project.snapshot`` fills them), so
    #: that an undo also brings back "changed since last review". Not part of equality: two
    #: states with the same decisions are the same state.
    stamps: Stamps | None = field(default=None, compare=False, repr=False)

    @property
    def status(self) -> Status:
        return self.assessment.status
