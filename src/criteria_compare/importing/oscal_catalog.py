"""An OSCAL catalog (JSON or YAML) read as one table of criteria.

Each control and each of its enhancements (controls inside a control) is one row:
the ``label`` property is the ref (the control's id when it has none), the
``statement`` part is the text (its items joined below it with their labels; the
control's title when there is no statement), the ``guidance`` part is the guidance,
and the titles of the groups around it are the section. Parameters inside the prose
(``{{ insert: param, ac-1_prm_1 }}``) read as NIST prints them: the value when the
catalog sets one, else ``[Assignment: label]`` or ``[Selection (one or more): a; b]``.
Withdrawn controls (``status`` property ``withdrawn``) are skipped with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.build import SECTION_JOIN
from criteria_compare.importing.raw import RawRow, RawSheet
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile
from criteria_compare.importing.tabled import TabledReader, cell, check_rows
from criteria_compare.importing.title import split_version

__all__ = ["HEADER", "LEVEL_PROP", "OscalCatalogReader", "catalog_rows"]

HEADER = ("Ref", "Section", "Requirement", "Guidance", "Level")
LEVEL_PROP = "level"
"""The property (in criteria-compare's namespace) that carries Must/Should in our own exports."""

_INSERT = re.compile(r"\{\{\s*insert:\s*param,\s*([^}\s]+)\s*\}\}")
_SHOWN_WITHDRAWN = 5


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _props(item: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    return [p for p in _list(item.get("props")) if isinstance(p, Mapping) and p.get("name") == name]


def _label(item: Mapping[str, Any]) -> str:
    """The label property without a class (NIST's ``AC-1``), else the first label."""
    labels = _props(item, "label")
    plain = [p for p in labels if not p.get("class")]
    for prop in plain or labels:
        text = cell(prop.get("value"))
        if text:
            return text
    return ""


class _Walk:
    """One pass over the catalog: rows, withdrawn controls, parameters, and a node budget."""

    def __init__(self, catalog: Mapping[str, Any], name: str, limits: ImportLimits) -> None:
        self.name, self.limits = name, limits
        self.params: dict[str, Mapping[str, Any]] = {}
        self.withdrawn: list[str] = []
        self.rows: list[tuple[str, ...]] = []
        self.levels = False
        self.visited = 0
        self.budget = limits.max_rows * 20

    def visit(self) -> None:
        self.visited += 1
        if self.visited > self.budget:
            raise ImportFailed(
                f"{self.name} holds more than {self.budget:,} controls, groups and parts, over "
                "the import limit; import only the part of the catalog you compare."
            )

    def collect_params(self, item: Mapping[str, Any]) -> None:
        for param in _list(item.get("params")):
            self.visit()
            if isinstance(param, Mapping) and isinstance(param.get("id"), str):
                self.params.setdefault(param["id"], param)

    def param_text(self, pid: str, seen: frozenset[str]) -> str:
        param = self.params.get(pid)
        if param is None or pid in seen:
            return f"[Assignment: {pid}]"
        values = [cell(v) for v in _list(param.get("values")) if cell(v)]
        if values:
            return ", ".join(values)
        select = param.get("select")
        if isinstance(select, Mapping):
            choices = [self.prose(c, seen | {pid}) for c in _list(select.get("choice")) if cell(c)]
            how = " (one or more)" if select.get("how-many") == "one-or-more" else ""
            return f"[Selection{how}: {'; '.join(choices)}]"
        label = cell(param.get("label")) or pid
        return f"[Assignment: {self.prose(label, seen | {pid})}]"

    def prose(self, text: object, seen: frozenset[str] = frozenset()) -> str:
        value = cell(text)
        if "{{" not in value:
            return value
        return _INSERT.sub(lambda m: self.param_text(m.group(1), seen), value)

    def part_text(self, part: Mapping[str, Any], depth: int = 0) -> list[str]:
        """A part's prose and, below it, each sub-part prefixed with its label."""
        self.visit()
        lines: list[str] = []
        prose = self.prose(part.get("prose"))
        label = _label(part) if depth else ""
        if prose or label:
            lines.append(f"{label} {prose}".strip())
        for child in _list(part.get("parts")):
            if isinstance(child, Mapping):
                lines.extend(self.part_text(child, depth + 1))
        return lines

    def parts_named(self, control: Mapping[str, Any], name: str) -> str:
        found = [
            p
            for p in _list(control.get("parts"))
            if isinstance(p, Mapping) and p.get("name") == name
        ]
        return "\n".join(line for part in found for line in self.part_text(part))

    def control(self, control: Mapping[str, Any], sections: Sequence[str]) -> None:
        self.visit()
        self.collect_params(control)
        cid = cell(control.get("id"))
        ref = _label(control) or cid
        status = [cell(p.get("value")).casefold() for p in _props(control, "status")]
        if "withdrawn" in status:
            self.withdrawn.append(ref or "(no id)")
        else:
            text = self.parts_named(control, "statement") or self.prose(control.get("title"))
            guidance = self.parts_named(control, "guidance")
            level = next((cell(p.get("value")) for p in _props(control, LEVEL_PROP)), "")
            self.levels = self.levels or bool(level)
            self.rows.append((ref, SECTION_JOIN.join(sections), text, guidance, level))
            check_rows(len(self.rows), self.limits.max_rows, self.name, "controls")
        for child in _list(control.get("controls")):
            if isinstance(child, Mapping):
                self.control(child, sections)

    def container(self, item: Mapping[str, Any], sections: Sequence[str]) -> None:
        """A catalog or group: its parameters, its controls, then its groups."""
        self.visit()
        self.collect_params(item)
        for control in _list(item.get("controls")):
            if isinstance(control, Mapping):
                self.control(control, sections)
        for group in _list(item.get("groups")):
            if isinstance(group, Mapping):
                title = " ".join(cell(group.get("title")).split()) or cell(group.get("id"))
                self.container(group, [*sections, title] if title else list(sections))

    def prepare_params(self, item: Mapping[str, Any]) -> None:
        """Every parameter of the catalog, wherever it is declared, before any prose is read."""
        stack: list[Mapping[str, Any]] = [item]
        while stack:
            node = stack.pop()
            self.collect_params(node)
            for key in ("groups", "controls"):
                stack.extend(c for c in _list(node.get(key)) if isinstance(c, Mapping))


def _withdrawn_note(refs: Sequence[str]) -> str:
    shown = ", ".join(refs[:_SHOWN_WITHDRAWN])
    more = f" and {len(refs) - _SHOWN_WITHDRAWN:,} more" if len(refs) > _SHOWN_WITHDRAWN else ""
    if len(refs) == 1:
        return f"control {shown} is withdrawn from the catalog; it was not imported."
    return (
        f"{len(refs):,} controls are withdrawn from the catalog ({shown}{more}); they were not "
        "imported."
    )


def catalog_rows(
    catalog: Mapping[str, Any], name: str, limits: ImportLimits
) -> tuple[tuple[RawRow, ...], tuple[str, ...]]:
    """The catalog as numbered rows under :data:`HEADER`, and the notes on what was skipped."""
    walk = _Walk(catalog, name, limits)
    walk.prepare_params(catalog)
    walk.visited = 0
    walk.container(catalog, [])
    width = len(HEADER) if walk.levels else len(HEADER) - 1
    rows: Iterator[tuple[str, ...]] = (r[:width] for r in walk.rows)
    numbered = ((1, HEADER[:width]), *((n, r) for n, r in enumerate(rows, start=2)))
    notes = (_withdrawn_note(walk.withdrawn),) if walk.withdrawn else ()
    if not walk.rows and not walk.withdrawn:
        raise ImportFailed(
            f"{name} is an OSCAL catalog with no controls; choose a catalog that holds them "
            "(a profile must be resolved into a catalog first)."
        )
    return numbered, notes


def _title(catalog: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The catalog's title, and its version when the title does not name one."""
    metadata = catalog.get("metadata")
    if not isinstance(metadata, Mapping):
        return None, None
    title = " ".join(cell(metadata.get("title")).replace("*", "").split())
    version = " ".join(cell(metadata.get("version")).split())
    if not version or version in title or split_version(title)[1] is not None:
        return title or None, None
    return title or None, version


class OscalCatalogReader(TabledReader):
    """An OSCAL catalog as one sheet without a name."""

    def __init__(
        self, source: SourceFile, catalog: Mapping[str, Any], limits: ImportLimits
    ) -> None:
        rows, notes = catalog_rows(catalog, source.name, limits)
        title, version = _title(catalog)
        sheet = RawSheet(
            name=None,
            rows=rows,
            last_row=rows[-1][0],
            notes=notes,
            document_title=title,
            document_version=version,
        )
        super().__init__({None: sheet})
