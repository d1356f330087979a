"""A CISO Assistant framework library (YAML) read as the two sheets of its Excel template.

``objects.framework.requirement_nodes`` becomes a ``framework_content`` table with the
template's columns (``urn``, ``assessable``, ``depth``, ``ref_id``, ``name``,
``description``, ``annotation`` and one ``name[fr]``-style column per translation),
and the library's and framework's own fields a ``framework_meta`` sheet of
``key | value`` rows. The common pipeline then reads them exactly as it reads the
workbook: assessable nodes are criteria, the nodes above them their sections, the
translations a choice of language, the metadata the proposed name and version. A node
without ``depth`` takes its parent's plus one; one without ``assessable`` is assessable
when nothing hangs below it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.raw import RawRow, RawSheet
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile
from criteria_compare.importing.tabled import TabledReader, cell, check_rows

__all__ = ["CONTENT_SHEET", "META_SHEET", "CisoLibraryReader", "library_sheets"]

CONTENT_SHEET = "framework_content"
META_SHEET = "framework_meta"
_FIELDS = ("name", "description", "annotation")
_BASE = ("urn", "assessable", "depth", "ref_id", *_FIELDS)


def _translations(item: Mapping[str, Any]) -> Mapping[str, Mapping[str, Any]]:
    found = item.get("translations")
    if not isinstance(found, Mapping):
        return {}
    return {
        str(lang).strip().lower(): values
        for lang, values in found.items()
        if isinstance(values, Mapping) and str(lang).strip()
    }


def _nodes(
    framework: Mapping[str, Any], name: str, limits: ImportLimits
) -> list[Mapping[str, Any]]:
    nodes = framework.get("requirement_nodes")
    if not isinstance(nodes, list) or not nodes:
        raise ImportFailed(
            f"{name} is a CISO Assistant library whose framework has no requirement_nodes; "
            "choose the library that holds the framework's requirements."
        )
    check_rows(len(nodes), limits.max_rows, name, "requirement nodes")
    return [n for n in nodes if isinstance(n, Mapping)]


def _depths(nodes: Sequence[Mapping[str, Any]]) -> list[int]:
    """Each node's depth: its own, else its parent's plus one (1 at the top)."""
    by_urn: dict[str, int] = {}
    depths: list[int] = []
    for node in nodes:
        own = node.get("depth")
        if isinstance(own, int) and not isinstance(own, bool) and own > 0:
            depth = own
        else:
            depth = by_urn.get(cell(node.get("parent_urn")).lower(), 0) + 1
        urn = cell(node.get("urn")).lower()
        if urn:
            by_urn[urn] = depth
        depths.append(depth)
    return depths


def _assessable(node: Mapping[str, Any], depth: int, next_depth: int | None) -> str:
    mark = node.get("assessable")
    if isinstance(mark, bool):
        return "yes" if mark else "no"
    if mark is not None and cell(mark):
        return cell(mark)
    return "yes" if next_depth is None or next_depth <= depth else "no"


def _content(nodes: Sequence[Mapping[str, Any]]) -> tuple[RawRow, ...]:
    languages = sorted({lang for node in nodes for lang in _translations(node)})
    header = (*_BASE, *(f"{field}[{lang}]" for lang in languages for field in _FIELDS))
    depths = _depths(nodes)
    rows: list[RawRow] = [(1, header)]
    for pos, node in enumerate(nodes):
        next_depth = depths[pos + 1] if pos + 1 < len(nodes) else None
        translated = _translations(node)
        cells = (
            cell(node.get("urn")),
            _assessable(node, depths[pos], next_depth),
            str(depths[pos]),
            cell(node.get("ref_id")),
            *(cell(node.get(field)) for field in _FIELDS),
            *(cell(translated.get(lang, {}).get(field)) for lang in languages for field in _FIELDS),
        )
        rows.append((pos + 2, cells))
    return tuple(rows)


def _meta(library: Mapping[str, Any], framework: Mapping[str, Any]) -> tuple[RawRow, ...]:
    pairs: list[tuple[str, str]] = [("type", "framework")]
    for key in ("urn", "ref_id", "name", "description"):
        value = cell(framework.get(key)) or cell(library.get(key))
        if value:
            pairs.append((key, " ".join(value.split())))
    for key in ("version", "locale", "provider", "copyright"):
        value = cell(library.get(key))
        if value:
            pairs.append((key, " ".join(value.split())))
    names = {**_translations(library), **_translations(framework)}
    for lang, values in sorted(names.items()):
        value = cell(values.get("name"))
        if value:
            pairs.append((f"name[{lang}]", " ".join(value.split())))
    return tuple((n, pair) for n, pair in enumerate(pairs, start=1))


def library_sheets(
    library: Mapping[str, Any], name: str, limits: ImportLimits
) -> dict[str | None, RawSheet]:
    """The library's two sheets, the requirement table first."""
    objects = library["objects"]
    framework = objects["framework"]
    content = _content(_nodes(framework, name, limits))
    meta = _meta(library, framework)
    return {
        CONTENT_SHEET: RawSheet(CONTENT_SHEET, content, last_row=content[-1][0]),
        META_SHEET: RawSheet(META_SHEET, meta, last_row=meta[-1][0]),
    }


class CisoLibraryReader(TabledReader):
    """A CISO Assistant framework library as its content and metadata sheets."""

    def __init__(
        self, source: SourceFile, library: Mapping[str, Any], limits: ImportLimits
    ) -> None:
        super().__init__(library_sheets(library, source.name, limits))
