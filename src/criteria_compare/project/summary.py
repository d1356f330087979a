"""The project's counts as one plain dict: the ``status --json`` object and the report's totals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from criteria_compare.model import (
    Assessment,
    Edition,
    EditionChange,
    Link,
    Program,
    Relation,
    Side,
    Status,
)

__all__ = ["CHANGE_KINDS", "build_summary", "change_counts"]

#: The kinds an update sorts criteria into, in the order ``status`` lists them.
CHANGE_KINDS = (
    "unchanged",
    "reworded",
    "renumbered",
    "renumbered_reworded",
    "split",
    "merged",
    "removed",
    "added",
)


def build_summary(
    *,
    path: Path,
    reference: Program,
    partner: Program,
    assessments: Mapping[str, Assessment],
    links: Sequence[Link],
    rejected: int,
    pinned: int,
    suggestions: int,
    alignment: Mapping[str, Any],
    schema: int,
    import_warnings: Mapping[str, int] | None = None,
    agreement: Sequence[Mapping[str, Any]] = (),
    editions: Mapping[Side, Sequence[Edition]] | None = None,
    excluded: Mapping[Side, int] | None = None,
    changes: Sequence[EditionChange] = (),
) -> dict[str, Any]:
    """Counts by verdict, links, rejections, partner-only criteria and discussion points.

    ``partner_only`` counts partner criteria with no confirmed link; ``agreement`` lists each
    pair of reviewers' agreement (``project.agreement.PairAgreement.to_dict()``). Each edition
    brought in by an update carries its ``changes`` (:func:`change_counts` of ``changes``).
    """
    counts = {status.value: 0 for status in Status}
    for assessment in assessments.values():
        counts[assessment.status.value] += 1
    total = len(reference.criteria)
    linked_partner = {link.partner_ref for link in links}
    partner_only = sum(1 for c in partner.criteria if c.ref not in linked_partner)
    by_relation = {relation.value: 0 for relation in Relation}
    for link in links:
        by_relation[link.relation.value] += 1
    return {
        "project": path.name,
        "schema": schema,
        "reference": {
            "name": reference.name,
            "version": reference.version,
            "source_file": reference.source_file,
            "total": total,
            **counts,
            "reviewed": total - counts[Status.UNREVIEWED.value],
            "suspect": sum(1 for a in assessments.values() if a.suspect),
            "import_warnings": (import_warnings or {}).get("reference", 0),
            "excluded": (excluded or {}).get(Side.REFERENCE, 0),
            "editions": _editions((editions or {}).get(Side.REFERENCE, ()), changes),
        },
        "partner": {
            "name": partner.name,
            "version": partner.version,
            "source_file": partner.source_file,
            "total": len(partner.criteria),
            "linked": len(linked_partner),
            "partner_only": partner_only,
            "import_warnings": (import_warnings or {}).get("partner", 0),
            "excluded": (excluded or {}).get(Side.PARTNER, 0),
            "editions": _editions((editions or {}).get(Side.PARTNER, ()), changes),
        },
        "links": len(links),
        "links_by_relation": by_relation,
        "rejected": rejected,
        "pinned": pinned,
        "partner_only": partner_only,
        "discussion_points": sum(1 for a in assessments.values() if a.discussion),
        "suspect": sum(1 for a in assessments.values() if a.suspect),
        "suggestions": suggestions,
        "aligned_at": alignment.get("timestamp"),
        "notices": list(alignment.get("notices", ())),
        "agreement": [dict(pair) for pair in agreement],
    }


def change_counts(edition: Edition, changes: Sequence[EditionChange]) -> dict[str, int]:
    """How many criteria the update to ``edition`` found of each kind (a split or merge counts
    each old/new pair, as ``update`` does); ``unchanged``: the new edition's criteria that no
    change names."""
    mine = [c for c in changes if c.side is edition.side and c.edition == edition.number]
    out = dict.fromkeys(CHANGE_KINDS, 0)
    for change in mine:
        out[change.change] = out.get(change.change, 0) + 1
    named = {c.new_ref for c in mine if c.new_ref is not None}
    out["unchanged"] = max(0, edition.criteria - len(named))
    return out


def _editions(
    editions: Sequence[Edition], changes: Sequence[EditionChange]
) -> list[dict[str, Any]]:
    return [
        {
            "number": e.number,
            "label": e.label,
            "source_file": e.source_file,
            "sha256": e.sha256,
            "imported_at": e.imported_at,
            "imported_by": e.imported_by,
            "criteria": e.criteria,
            "changes": None if e.number == 1 else change_counts(e, changes),
        }
        for e in editions
    ]
