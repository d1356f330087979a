"""The comparison as a CISO Assistant mapping library, and each program as a framework library.

URNs follow CISO Assistant's scheme under the ``criteria-compare`` packager and are
derived from the programs' names and refs only (``urn:criteria-compare:risk:req_node:
ctpat-msc-importers:7.37``), so the mapping's URNs resolve against the framework
libraries written beside it, and a re-export diffs cleanly. Relations map to CISO
Assistant's ``equal``, ``subset``, ``superset`` and ``intersect`` (read "source is a
subset of target"); the rationale is ``semantic``; ``strength_of_relationship`` says how
fully the reviewer found the reference criterion covered: 10 aligned, 5 partial,
0 conflict (left out for other verdicts). The reviewer's note is the annotation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from criteria_compare.model import Criterion, Relation, Status
from criteria_compare.report.data import ProgramInfo
from criteria_compare.report.interop import (
    Companion,
    Crosswalk,
    FilesInTheWay,
    in_the_way,
    no_links,
    slug,
    urn_parts,
    write_yaml,
)

__all__ = [
    "PACKAGER",
    "RELATIONSHIPS",
    "STRENGTHS",
    "framework_companions",
    "framework_file_name",
    "framework_library",
    "mapping_library",
    "write_ciso_mapping",
]

PACKAGER = "criteria-compare"
RELATIONSHIPS = {
    Relation.EQUAL: "equal",
    Relation.SUBSET_OF: "subset",
    Relation.SUPERSET_OF: "superset",
    Relation.INTERSECTS_WITH: "intersect",
}
STRENGTHS = {Status.ALIGNED: 10, Status.PARTIAL: 5, Status.CONFLICT: 0}
_BASE = f"urn:{PACKAGER}:risk"


def _line(text: str) -> str:
    return " ".join(text.split())


def _side(crosswalk: Crosswalk, side: str) -> tuple[ProgramInfo, tuple[Criterion, ...]]:
    if side == "reference":
        return crosswalk.data.reference, crosswalk.reference
    return crosswalk.data.partner, crosswalk.partner


def _framework_slug(crosswalk: Crosswalk, side: str) -> str:
    """The programs' slugs, kept apart when both programs have the same name."""
    ref, partner = slug(crosswalk.data.reference.name), slug(crosswalk.data.partner.name)
    if ref == partner:
        return f"{ref}-{side}"
    return ref if side == "reference" else partner


def framework_file_name(crosswalk: Crosswalk, side: str) -> str:
    return f"{_framework_slug(crosswalk, side)}.yaml"


def _section_part(n: int) -> str:
    return f"section-{n}"


def _parts(criteria: tuple[Criterion, ...]) -> dict[str, str]:
    """URN parts by ref, none of them a section node's."""
    sections = len({_line(c.section) for c in criteria if _line(c.section)})
    reserved = (_section_part(n) for n in range(1, sections + 1))
    return urn_parts((c.ref for c in criteria), reserved=reserved)


def framework_library(crosswalk: Crosswalk, side: str) -> dict[str, Any]:
    """One program as a CISO Assistant framework library: sections are the nodes above
    the criteria (not assessable), each criterion an assessable node."""
    info, criteria = _side(crosswalk, side)
    name = _framework_slug(crosswalk, side)
    parts = _parts(criteria)
    node_base = f"{_BASE}:req_node:{name}"
    nodes: list[dict[str, Any]] = []
    sections: dict[str, str] = {}
    for criterion in criteria:
        section = _line(criterion.section)
        parent = None
        if section:
            parent = sections.get(section)
            if parent is None:
                parent = f"{node_base}:{_section_part(len(sections) + 1)}"
                sections[section] = parent
                nodes.append({"urn": parent, "assessable": False, "depth": 1, "name": section})
        node: dict[str, Any] = {
            "urn": f"{node_base}:{parts[criterion.ref]}",
            "assessable": True,
            "depth": 2 if parent else 1,
        }
        if parent:
            node["parent_urn"] = parent
        node["ref_id"] = criterion.ref
        node["description"] = criterion.text
        if criterion.guidance.strip():
            node["annotation"] = criterion.guidance
        nodes.append(node)
    described = f"{_line(info.name)} {_line(info.version)}".strip()
    return {
        "urn": f"{_BASE}:library:{name}",
        "locale": "en",
        "ref_id": name,
        "name": _line(info.name) or name,
        "description": f"{described}, as imported into criteria-compare from "
        f"{info.source_file or 'its source file'}.",
        "version": 1,
        "provider": PACKAGER,
        "packager": PACKAGER,
        "objects": {
            "framework": {
                "urn": f"{_BASE}:framework:{name}",
                "ref_id": name,
                "name": _line(info.name) or name,
                "description": described,
                "requirement_nodes": nodes,
            }
        },
    }


def mapping_library(crosswalk: Crosswalk) -> dict[str, Any]:
    """The comparison as a CISO Assistant library holding one requirement mapping set."""
    data = crosswalk.data
    source, target = _framework_slug(crosswalk, "reference"), _framework_slug(crosswalk, "partner")
    source_parts, target_parts = _parts(crosswalk.reference), _parts(crosswalk.partner)
    mappings: list[dict[str, Any]] = []
    for row in data.rows:
        for link in row.links:
            entry: dict[str, Any] = {
                "source_requirement_urn": f"{_BASE}:req_node:{source}:{source_parts[row.ref]}",
                "target_requirement_urn": (
                    f"{_BASE}:req_node:{target}:{target_parts[link.criterion.ref]}"
                ),
                "relationship": RELATIONSHIPS[link.relation],
                "rationale": "semantic",
            }
            if row.status in STRENGTHS:
                entry["strength_of_relationship"] = STRENGTHS[row.status]
            if row.note.strip():
                entry["annotation"] = row.note
            mappings.append(entry)
    if not mappings:
        raise no_links("a CISO Assistant mapping")
    ref_id = f"mapping-{source}-to-{target}"
    title = f"{_line(data.reference.name)} to {_line(data.partner.name)}"
    description = (
        f"Requirement mapping of {title}, confirmed by the reviewers with criteria-compare. "
        f"{data.status_line}."
    )
    return {
        "urn": f"{_BASE}:library:{ref_id}",
        "locale": "en",
        "ref_id": ref_id,
        "name": title,
        "description": description,
        "version": 1,
        "provider": PACKAGER,
        "packager": PACKAGER,
        "dependencies": [f"{_BASE}:library:{source}", f"{_BASE}:library:{target}"],
        "objects": {
            "requirement_mapping_sets": [
                {
                    "urn": f"{_BASE}:req_mapping_set:{source}-to-{target}",
                    "ref_id": f"{source}-to-{target}",
                    "name": title,
                    "description": description,
                    "source_framework_urn": f"{_BASE}:framework:{source}",
                    "target_framework_urn": f"{_BASE}:framework:{target}",
                    "requirement_mappings": mappings,
                }
            ]
        },
    }


def framework_companions(crosswalk: Crosswalk, folder: str | Path) -> tuple[Companion, ...]:
    """Both framework libraries' files in ``folder`` (the reference's first), each marked by
    its library URN (the whole line, so that a longer URN starting the same does not count)."""
    return tuple(
        Companion(
            Path(folder) / framework_file_name(crosswalk, side),
            f"urn: {_BASE}:library:{_framework_slug(crosswalk, side)}\n",  # its first line
        )
        for side in ("reference", "partner")
    )


def write_ciso_mapping(
    crosswalk: Crosswalk,
    path: str | Path,
    *,
    frameworks: str | Path | None = None,
    replace: bool = False,
) -> tuple[Path, tuple[Path, ...]]:
    """Write the mapping library (and with ``frameworks`` a folder, both framework libraries
    there); returns the mapping's path and the frameworks'.

    Framework files someone else wrote under the same names are replaced only with
    ``replace`` (else FilesInTheWay, and nothing is written)."""
    document = mapping_library(crosswalk)
    written: list[Path] = []
    if frameworks is not None:
        companions = framework_companions(crosswalk, frameworks)
        blocked = () if replace else in_the_way(companions)
        if blocked:
            raise FilesInTheWay(blocked)
        for side, companion in zip(("reference", "partner"), companions, strict=True):
            written.append(write_yaml(framework_library(crosswalk, side), companion.path))
    return write_yaml(document, path), tuple(written)
