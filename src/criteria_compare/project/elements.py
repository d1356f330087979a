"""A project's reviewer decisions as separate elements (verdict, note, flag, each link, rejection, pin,
exclusion), and what identifies the comparison a file holds; read for a three-way merge.

An element is keyed by :class:`ElementKey` and holds a plain JSON value; an
element at its default (unreviewed, no note, not flagged, not linked, not
rejected, not pinned, not excluded) is simply absent from
:attr:`DecisionElements.values`, so two copies compare key by key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from criteria_compare.model import Assessment, Exclusion, Link, Status

if TYPE_CHECKING:
    from criteria_compare.project.store import Project

__all__ = [
    "DEFAULTS",
    "ComparisonIdentity",
    "DecisionElements",
    "ElementKey",
    "ElementValue",
    "Field",
    "identity",
    "read_elements",
]

#: The JSON value of one element: a status or relation word, a note, a flag, or None (no link).
ElementValue = str | bool | None


class Field(str, Enum):
    """Which decision element: the names the merge's ``--json`` output uses."""

    STATUS = "status"
    NOTE = "note"
    DISCUSSION = "discussion"
    LINK = "link"
    REJECTION = "rejection"
    PIN = "pin"
    EXCLUSION = "exclusion"

    @property
    def paired(self) -> bool:
        """True for the elements of a (reference, partner) pair: link, rejection, pin."""
        return self in (Field.LINK, Field.REJECTION, Field.PIN)


#: The value an absent element has.
DEFAULTS: Mapping[Field, ElementValue] = {
    Field.STATUS: Status.UNREVIEWED.value,
    Field.NOTE: "",
    Field.DISCUSSION: False,
    Field.LINK: None,
    Field.REJECTION: False,
    Field.PIN: False,
    Field.EXCLUSION: False,
}


@dataclass(frozen=True, order=True)
class ElementKey:
    """One decision element: ``ref`` is the reference criterion (for an exclusion: the excluded
    criterion, with ``partner`` naming its side); ``partner`` is the partner criterion of a link,
    rejection or pin, otherwise ""."""

    ref: str
    field: Field
    partner: str = ""


@dataclass(frozen=True)
class DecisionElements:
    """Every non-default decision element of one copy, with the stored records behind them."""

    values: Mapping[ElementKey, ElementValue]
    assessments: Mapping[str, Assessment]
    links: Mapping[tuple[str, str], Link]
    exclusions: Mapping[tuple[str, str], Exclusion] = dataclasses.field(default_factory=dict)
    """(side, ref) -> the stored exclusion, for who, when and why."""

    def get(self, key: ElementKey) -> ElementValue:
        """The element's value (its default when absent)."""
        return self.values.get(key, DEFAULTS[key.field])


def read_elements(project: Project) -> DecisionElements:
    """Every decision element of ``project``, read through its decision index in one pass."""
    values: dict[ElementKey, ElementValue] = {}
    assessments: dict[str, Assessment] = {}
    for ref, a in project.stored_assessments().items():
        if a.status is Status.UNREVIEWED and not a.note and not a.discussion:
            continue
        assessments[ref] = dataclasses.replace(a, suspect=False)
        if a.status is not Status.UNREVIEWED:
            values[ElementKey(ref, Field.STATUS)] = a.status.value
        if a.note:
            values[ElementKey(ref, Field.NOTE)] = a.note
        if a.discussion:
            values[ElementKey(ref, Field.DISCUSSION)] = True
    links: dict[tuple[str, str], Link] = {}
    for link in project.links():
        links[(link.reference_ref, link.partner_ref)] = link
        values[ElementKey(link.reference_ref, Field.LINK, link.partner_ref)] = link.relation.value
    for ref, pref in project.rejected():
        values[ElementKey(ref, Field.REJECTION, pref)] = True
    for ref, pref in project.pinned():
        values[ElementKey(ref, Field.PIN, pref)] = True
    excluded: dict[tuple[str, str], Exclusion] = {}
    for e in project.excluded():
        excluded[(e.side.value, e.criterion.ref)] = e
        values[ElementKey(e.criterion.ref, Field.EXCLUSION, e.side.value)] = True
    return DecisionElements(
        values=values, assessments=assessments, links=links, exclusions=excluded
    )


@dataclass(frozen=True)
class ComparisonIdentity:
    """What makes two files copies of one comparison: the project they were created as (the first
    history row) and the exact criteria of both programs (refs and text fingerprints, in order)."""

    created: tuple[str, str, str]  # timestamp, reviewer, description of the ``create`` row
    reference: tuple[tuple[str, str], ...]  # (ref, fingerprint) in program order
    partner: tuple[tuple[str, str], ...]


def identity(project: Project) -> ComparisonIdentity:
    """The comparison ``project`` holds (see :class:`ComparisonIdentity`), from stored fingerprints."""
    first = project.first_history_entry()
    created = (
        ("", "", "") if first is None else (first.timestamp, first.reviewer, first.new_value or "")
    )
    fps = project.criterion_fingerprints(with_excluded=True)
    return ComparisonIdentity(
        created=created,
        reference=tuple(fps.reference.items()),
        partner=tuple(fps.partner.items()),
    )
