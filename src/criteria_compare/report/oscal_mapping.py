"""The comparison as one OSCAL 1.2 ``mapping-collection`` (NIST IR 8477 set-theory relations).

One ``map`` per confirmed link: its relationship is the link's relation (``equal-to``,
``subset-of``, ``superset-of``, ``intersects-with``, read "reference criterion is ...
of partner criterion"), its source and target the two criteria as controls of the
catalogs :mod:`criteria_compare.report.oscal_catalog` writes, the reviewer's note its
remarks. A partial verdict adds a ``has-requirement`` qualifier naming what is
missing (on the stricter side when the relations say which), a conflict a
``has-incompatibility`` one. Reference criteria assessed as gaps are the source gap
summary, partner-only criteria the target gap summary. Provenance: method ``human``,
matching rationale ``semantic``, status ``draft`` while criteria are unreviewed and
``complete`` once all are assessed; how many links the aligner proposed is in its remarks.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from criteria_compare.model import Relation, Status
from criteria_compare.report.data import ReferenceRow
from criteria_compare.report.interop import (
    Crosswalk,
    FilesInTheWay,
    in_the_way,
    latest_timestamp,
    no_links,
    write_json,
)
from criteria_compare.report.oscal_catalog import (
    NS,
    OSCAL_VERSION,
    catalog_companions,
    catalog_file_name,
    control_ids,
    write_catalogs,
)

__all__ = ["RELATIONSHIPS", "mapping_document", "write_oscal_mapping"]

RELATIONSHIPS = {
    Relation.EQUAL: "equal-to",
    Relation.SUBSET_OF: "subset-of",
    Relation.SUPERSET_OF: "superset-of",
    Relation.INTERSECTS_WITH: "intersects-with",
}


def _line(text: str) -> str:
    return " ".join(text.split())


def _qualifiers(row: ReferenceRow) -> list[dict[str, str]]:
    note = row.note.strip()
    if row.status is Status.PARTIAL:
        subject = {"Partner": "target", "Reference": "source"}.get(row.stricter_side, "both")
        return [
            {
                "subject": subject,
                "predicate": "has-requirement",
                "category": "addressable",
                "description": note or "Partly covered; the note names what is missing.",
            }
        ]
    if row.status is Status.CONFLICT:
        return [
            {
                "subject": "both",
                "predicate": "has-incompatibility",
                "category": "blocked",
                "description": note or "The partner requires something incompatible.",
            }
        ]
    return []


def _maps(crosswalk: Crosswalk) -> list[dict[str, Any]]:
    source_ids, target_ids = control_ids(crosswalk.reference), control_ids(crosswalk.partner)
    maps: list[dict[str, Any]] = []
    for row in crosswalk.data.rows:
        for link in row.links:
            pref = link.criterion.ref
            entry: dict[str, Any] = {
                "uuid": crosswalk.uuid("map", row.ref, pref),
                "relationship": RELATIONSHIPS[link.relation],
                "sources": [{"type": "control", "id-ref": source_ids[row.ref]}],
                "targets": [{"type": "control", "id-ref": target_ids[pref]}],
                "props": [
                    {"name": "verdict", "ns": NS, "value": row.status.value},
                    {"name": "origin", "ns": NS, "value": "manual" if link.manual else "suggested"},
                ],
            }
            qualifiers = _qualifiers(row)
            if qualifiers:
                entry["qualifiers"] = qualifiers
            if row.note.strip():
                entry["remarks"] = row.note
            maps.append(entry)
    return maps


def _gap(crosswalk: Crosswalk, side: str, refs: list[str], ids: dict[str, str]) -> dict[str, Any]:
    return {
        "uuid": crosswalk.uuid("gap-summary", side),
        "unmapped-controls": [{"with-ids": [ids[r] for r in refs]}],
    }


def _metadata(crosswalk: Crosswalk, marking: str) -> dict[str, Any]:
    data = crosswalk.data
    ref, partner = data.reference, data.partner
    versions = " / ".join(v for v in (_line(ref.version), _line(partner.version)) if v)
    metadata: dict[str, Any] = {
        "title": f"{_line(ref.name)} and {_line(partner.name)}: criteria mapping",
        "last-modified": latest_timestamp(data),
        "version": versions or "unversioned",
        "oscal-version": OSCAL_VERSION,
    }
    if _line(marking):
        metadata["props"] = [{"name": "marking", "value": _line(marking)}]
    parties = [
        {"uuid": crosswalk.uuid("party", r.reviewer), "type": "person", "name": _line(r.reviewer)}
        for r in data.reviewers
        if _line(r.reviewer)
    ]
    if parties:
        metadata["parties"] = parties
    return metadata


def _provenance(crosswalk: Crosswalk) -> dict[str, Any]:
    data = crosswalk.data
    suggested = data.link_count - data.manual_link_count
    return {
        "method": "human",
        "matching-rationale": "semantic",
        "status": "complete" if crosswalk.assessed else "draft",
        "mapping-description": (
            f"How each criterion of {_line(data.reference.name)} (the source) relates to the "
            f"criteria of {_line(data.partner.name)} (the target), as confirmed by the reviewers "
            f"with criteria-compare. {data.status_line}."
        ),
        "remarks": (
            f"{suggested} of the {data.link_count} {'link' if data.link_count == 1 else 'links'}"
            f" {_was(suggested)} proposed by criteria-compare's aligner (machine suggestions "
            f"ranked by text similarity) and confirmed by a reviewer; {data.manual_link_count} "
            f"{_was(data.manual_link_count)} made by hand. Every link was confirmed by a person."
        ),
    }


def _was(count: int) -> str:
    return "was" if count == 1 else "were"


def _href(target: Path, catalog: Path) -> str:
    return Path(os.path.relpath(catalog, target.parent)).as_posix()


def mapping_document(
    crosswalk: Crosswalk,
    *,
    marking: str = "",
    source_href: str | None = None,
    target_href: str | None = None,
) -> dict[str, Any]:
    """The mapping-collection of the comparison (refused while no link is confirmed)."""
    data = crosswalk.data
    maps = _maps(crosswalk)
    if not maps:
        raise no_links("an OSCAL mapping")
    mapping: dict[str, Any] = {
        "uuid": crosswalk.uuid("mapping"),
        "source-resource": {
            "type": "catalog",
            "href": source_href or catalog_file_name("reference", data.reference),
        },
        "target-resource": {
            "type": "catalog",
            "href": target_href or catalog_file_name("partner", data.partner),
        },
        "maps": maps,
    }
    gaps = list(crosswalk.gap_refs())
    if gaps:
        mapping["source-gap-summary"] = _gap(
            crosswalk, "source", gaps, control_ids(crosswalk.reference)
        )
    partner_only = [c.ref for c in data.partner_only]
    if partner_only:
        mapping["target-gap-summary"] = _gap(
            crosswalk, "target", partner_only, control_ids(crosswalk.partner)
        )
    return {
        "mapping-collection": {
            "uuid": crosswalk.uuid("mapping-collection"),
            "metadata": _metadata(crosswalk, marking),
            "provenance": _provenance(crosswalk),
            "mappings": [mapping],
        }
    }


def write_oscal_mapping(
    crosswalk: Crosswalk,
    path: str | Path,
    *,
    catalogs: str | Path | None = None,
    marking: str = "",
    replace: bool = False,
) -> tuple[Path, tuple[Path, ...]]:
    """Write the mapping (and with ``catalogs`` a folder, both catalogs there, which the
    mapping's resources then point at); returns the mapping's path and the catalogs'.

    Catalog files someone else wrote under the same names are replaced only with
    ``replace`` (else FilesInTheWay, and nothing is written)."""
    target = Path(path)
    hrefs: dict[str, str] = {}
    written: tuple[Path, ...] = ()
    if catalogs is not None:
        source, partner = catalog_companions(crosswalk, catalogs)
        blocked = () if replace else in_the_way((source, partner))
        if blocked:
            raise FilesInTheWay(blocked)
        hrefs = {
            "source_href": _href(target, source.path),
            "target_href": _href(target, partner.path),
        }
    document = mapping_document(crosswalk, marking=marking, **hrefs)
    if catalogs is not None:
        written = write_catalogs(crosswalk, catalogs, replace=True)
    return write_json(document, target), written
