"""JSON and YAML documents read safely: OSCAL catalogs and CISO Assistant framework libraries.

The bytes were already read within the size limit (source.load_source). JSON is parsed
with the standard library; YAML with PyYAML's safe loader only (no Python objects, no
tags that run code), refusing a document with more than ``MAX_ALIASES`` aliases or
anchors (an "alias bomb" expands a few lines into billions of nodes) and one nested
deeper than ``MAX_DEPTH``. The parsed document then picks its reader: a ``catalog`` is
an OSCAL catalog, ``objects.framework`` a CISO Assistant library; anything else is one
sentence saying what the file is and what to give instead.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.raw import SheetReader
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile

__all__ = [
    "JSON_EXTENSIONS",
    "MAX_ALIASES",
    "MAX_DEPTH",
    "YAML_EXTENSIONS",
    "YAML_MAX_BYTES",
    "load_document",
    "open_structured",
]

JSON_EXTENSIONS = (".json",)
YAML_EXTENSIONS = (".yaml", ".yml")
MAX_ALIASES = 10
"""Aliases and anchors a YAML document may hold (CISO Assistant libraries use none; ten
expand a document at most a few hundred times, and every reader's walk is capped too)."""
MAX_DEPTH = 64
"""How deeply a document may nest mappings and lists (OSCAL catalogs nest about 12 deep)."""
YAML_MAX_BYTES = 16 * 1_048_576
"""YAML is slow to parse (about 2.5 s per 10 MB with libyaml): larger files are refused."""

_OSCAL_OTHER_MODELS = {
    "profile": "an OSCAL profile; resolve it into a catalog (for example with oscal-cli or "
    "trestle) and import the resolved catalog",
    "mapping-collection": "an OSCAL mapping, not a catalog; import the catalogs it maps",
    "component-definition": "an OSCAL component definition, not a catalog",
    "system-security-plan": "an OSCAL system security plan, not a catalog",
    "assessment-plan": "an OSCAL assessment plan, not a catalog",
    "assessment-results": "an OSCAL assessment results document, not a catalog",
    "plan-of-action-and-milestones": "an OSCAL plan of action and milestones, not a catalog",
}


#: PyYAML's C parser and safe constructor when libyaml is there (the wheels ship it), else
#: the pure-Python ones (about five times slower).
_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TooManyAliases(Exception):
    pass


class _TooDeep(Exception):
    pass


def _check_events(text: str) -> None:
    """Count aliases and anchors and follow the nesting in the event stream, before any
    object is built (the events are cheap; expanding an alias bomb is not)."""
    aliases = depth = 0
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise _TooManyAliases
        if isinstance(event, MappingStartEvent | SequenceStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            depth -= 1


def _depth_of(value: object, limit: int) -> int:
    """How deeply ``value`` nests, counting no further than ``limit + 1``."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return depth
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _decode(source: SourceFile) -> str:
    try:
        return source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed(
            f"{source.name} is not UTF-8 text; save it again as UTF-8 and import it."
        ) from None


def _too_deep(source: SourceFile) -> ImportFailed:
    return ImportFailed(
        f"{source.name} nests more than {MAX_DEPTH} levels deep, far deeper than a catalog or "
        "framework does; it was refused; check that it is the file you meant."
    )


def load_document(source: SourceFile) -> object:
    """The parsed JSON or YAML document (by extension; a ``.json`` file must be JSON)."""
    text = _decode(source)
    if source.suffix in JSON_EXTENSIONS:
        try:
            document: object = json.loads(text)
        except RecursionError:
            raise _too_deep(source) from None
        except json.JSONDecodeError as exc:
            raise ImportFailed(
                f"{source.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
                f"{exc.msg.lower()}); export it again from the tool that made it."
            ) from None
        if _depth_of(document, MAX_DEPTH) > MAX_DEPTH:
            raise _too_deep(source)
        return document
    if len(source.data) > YAML_MAX_BYTES:
        raise ImportFailed(
            f"{source.name} is {len(source.data) / 1_048_576:.1f} MB of YAML, over the "
            f"{YAML_MAX_BYTES // 1_048_576} MB that YAML files are read up to; save it as JSON "
            "(which may be larger) or split it."
        )
    try:
        _check_events(text)
        return yaml.load(text, Loader=_SAFE_LOADER)  # the safe constructor only
    except _TooManyAliases:
        raise ImportFailed(
            f"{source.name} holds more than {MAX_ALIASES} YAML aliases or anchors, which "
            "framework libraries never need (it may be an alias bomb); it was refused."
        ) from None
    except (_TooDeep, RecursionError):
        raise _too_deep(source) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = exc.problem or "it cannot be parsed"
        raise ImportFailed(
            f"{source.name} is not valid YAML{where}: {problem}; export it again from the "
            "tool that made it."
        ) from None
    except yaml.YAMLError:
        raise ImportFailed(
            f"{source.name} is not valid YAML; export it again from the tool that made it."
        ) from None


def _what_is(document: object, source: SourceFile) -> ImportFailed:
    """The sentence for a parsed document that is neither an OSCAL catalog nor a CISO library."""
    if isinstance(document, Mapping):
        for key, what in _OSCAL_OTHER_MODELS.items():
            if key in document:
                return ImportFailed(f"{source.name} is {what}.")
        objects = document.get("objects")
        if isinstance(objects, Mapping) and "framework" not in objects:
            return ImportFailed(
                f"{source.name} is a CISO Assistant library without a framework (it holds "
                f"{', '.join(sorted(str(k) for k in objects)) or 'no objects'}); choose a "
                "framework library."
            )
    kind = "JSON" if source.suffix in JSON_EXTENSIONS else "YAML"
    return ImportFailed(
        f"{source.name} is {kind} but neither an OSCAL catalog (a top-level 'catalog') nor a "
        "CISO Assistant framework library ('objects: framework:'); choose one of those, or "
        "save the criteria as .xlsx or .csv."
    )


def open_structured(source: SourceFile, limits: ImportLimits) -> SheetReader:
    """The reader for a JSON or YAML document: an OSCAL catalog or a CISO Assistant library."""
    from criteria_compare.importing.ciso_library import CisoLibraryReader
    from criteria_compare.importing.oscal_catalog import OscalCatalogReader

    document: Any = load_document(source)
    if isinstance(document, Mapping):
        if isinstance(document.get("catalog"), Mapping):
            return OscalCatalogReader(source, document["catalog"], limits)
        objects = document.get("objects")
        if isinstance(objects, Mapping) and isinstance(objects.get("framework"), Mapping):
            return CisoLibraryReader(source, document, limits)
    raise _what_is(document, source)
