"""Each program of a comparison as an OSCAL 1.2 catalog, so that the mapping's resources resolve.

Every criterion is a control: its id is the ref made into a token (``7.37`` ->
``c-7.37``), its ``label`` property the ref itself, its ``statement`` part the text and
its ``guidance`` part the guidance; Must/Should is a ``level`` property in
criteria-compare's namespace. Sections are groups, in program order; criteria without
a section sit in the catalog itself (so they come first when the catalog is read
back). Such a catalog imports back as the same program (importing.oscal_catalog).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from criteria_compare.model import Criterion
from criteria_compare.report.data import ProgramInfo
from criteria_compare.report.interop import (
    Companion,
    Crosswalk,
    FilesInTheWay,
    in_the_way,
    latest_timestamp,
    slug,
    token_ids,
    write_json,
)

__all__ = [
    "NS",
    "OSCAL_VERSION",
    "catalog_companions",
    "catalog_document",
    "catalog_file_name",
    "control_ids",
    "group_id",
    "write_catalogs",
]

OSCAL_VERSION = "1.2.1"
NS = "https://criteria-compare.invalid/ns/oscal"
"""The namespace of the properties OSCAL does not define (``level``, ``origin``, ``verdict``)."""

_TITLE_CHARS = 80
_SIDES = ("reference", "partner")


def _line(text: str) -> str:
    return " ".join(text.split())


def short_title(criterion: Criterion) -> str:
    """A control title: the text's first words on one line (OSCAL requires a title)."""
    text = _line(criterion.text)
    if len(text) > _TITLE_CHARS:
        cut = text[:_TITLE_CHARS].rsplit(" ", 1)[0]
        text = f"{cut}…"
    return text or criterion.ref


def catalog_file_name(side: str, info: ProgramInfo) -> str:
    """``reference-ctpat-msc.catalog.json``: the side keeps the two names apart."""
    return f"{side}-{slug(info.name)}.catalog.json"


def group_id(n: int) -> str:
    """The id of the catalog's n-th group (1-based)."""
    return f"g-{n}"


def control_ids(criteria: tuple[Criterion, ...]) -> dict[str, str]:
    """Control id by ref (tokens, unique within the catalog: no group's id either)."""
    sections = len({" ".join(c.section.split()) for c in criteria})
    groups = (group_id(n) for n in range(1, sections + 1))
    return token_ids((c.ref for c in criteria), "c", reserved=groups)


def _control(criterion: Criterion, cid: str) -> dict[str, Any]:
    props: list[dict[str, str]] = [{"name": "label", "value": _line(criterion.ref) or cid}]
    if criterion.level is not None:
        props.append({"name": "level", "ns": NS, "value": criterion.level.value})
    parts: list[dict[str, str]] = []
    if criterion.text.strip():
        parts.append({"id": f"{cid}_smt", "name": "statement", "prose": criterion.text})
    if criterion.guidance.strip():
        parts.append({"id": f"{cid}_gdn", "name": "guidance", "prose": criterion.guidance})
    control: dict[str, Any] = {"id": cid, "title": short_title(criterion), "props": props}
    if parts:
        control["parts"] = parts
    return control


def _info(crosswalk: Crosswalk, side: str) -> ProgramInfo:
    return crosswalk.data.reference if side == "reference" else crosswalk.data.partner


def catalog_document(crosswalk: Crosswalk, side: str) -> dict[str, Any]:
    """The OSCAL catalog of one side (``"reference"`` or ``"partner"``) of the comparison."""
    info = _info(crosswalk, side)
    criteria = crosswalk.reference if side == "reference" else crosswalk.partner
    ids = control_ids(criteria)
    groups: dict[str, list[dict[str, Any]]] = {}
    for criterion in criteria:
        groups.setdefault(_line(criterion.section), []).append(
            _control(criterion, ids[criterion.ref])
        )
    metadata: dict[str, Any] = {
        "title": _line(info.name) or side.capitalize(),
        "last-modified": latest_timestamp(crosswalk.data),
        "version": _line(info.version) or "unversioned",
        "oscal-version": OSCAL_VERSION,
    }
    if info.source_file:
        metadata["remarks"] = (
            f"Written by criteria-compare from {info.source_file} (SHA-256 {info.sha256})."
        )
    catalog: dict[str, Any] = {"uuid": crosswalk.uuid("catalog", side), "metadata": metadata}
    if "" in groups:  # criteria without a section sit in the catalog itself
        catalog["controls"] = groups.pop("")
    listed = [
        {"id": group_id(n), "title": title, "controls": controls}
        for n, (title, controls) in enumerate(groups.items(), start=1)
    ]
    if listed:
        catalog["groups"] = listed
    return {"catalog": catalog}


def catalog_companions(crosswalk: Crosswalk, folder: str | Path) -> tuple[Companion, Companion]:
    """Both catalogs' files in ``folder`` (the reference's first), each marked by its uuid."""
    reference, partner = (
        Companion(
            Path(folder) / catalog_file_name(side, _info(crosswalk, side)),
            crosswalk.uuid("catalog", side),
        )
        for side in _SIDES
    )
    return reference, partner


def write_catalogs(
    crosswalk: Crosswalk, folder: str | Path, *, replace: bool = False
) -> tuple[Path, Path]:
    """Write both catalogs into ``folder`` (atomically each); the reference's path first.

    A file of a catalog's name that an export of the same program did not write is
    replaced only with ``replace``; otherwise FilesInTheWay, before anything is written.
    """
    companions = catalog_companions(crosswalk, folder)
    blocked = () if replace else in_the_way(companions)
    if blocked:
        raise FilesInTheWay(blocked)
    paths = [
        write_json(catalog_document(crosswalk, side), companion.path)
        for side, companion in zip(_SIDES, companions, strict=True)
    ]
    return paths[0], paths[1]
