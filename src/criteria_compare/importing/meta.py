"""Key/value metadata sheets (``framework_meta``, ``library_meta``, ``library_content``).

Exports of GRC tools keep a framework in two sheets: one of ``key | value`` rows
(``type``, ``urn``, ``ref_id``, ``name``, ``version``, ``locale``, ``description``)
and one table of requirements. This module recognises the key/value sheets, reads
the program's name, version and language from them, and says which table sheet
they describe, so the table is chosen and the metadata is never read as criteria.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from criteria_compare.importing.headers import normalise_header
from criteria_compare.importing.raw import RawRow

__all__ = ["SheetMetadata", "is_key_value_sheet", "read_metadata"]

#: Keys (normalised) that only a metadata sheet lists down its first column.
_KEYS = frozenset(
    {
        "type", "urn", "ref id", "name", "description", "version", "locale", "copyright",
        "provider", "packager", "publication date", "base urn", "dependencies", "tab",
        "library urn", "library version", "library locale", "library ref id", "library name",
        "library description", "library copyright", "library provider", "library packager",
        "framework urn", "framework ref id", "framework name", "framework description",
        "min score", "max score", "scores definition", "implementation groups definition",
        "answers definition", "annotation", "title", "edition", "language", "source",
    }
)  # fmt: skip
_REQUIREMENT_TYPES = frozenset({"framework", "requirements"})
_LANGUAGE_KEY = re.compile(r"^(.*)\[[a-z]{2}(?:-[a-z]{2})?\]$")


@dataclass(frozen=True)
class SheetMetadata:
    """What the metadata sheets say: values by key, the content sheets they point at."""

    values: Mapping[str, str] = field(default_factory=dict)
    content_sheets: tuple[str, ...] = ()
    """Sheets the metadata declares as requirement tables (``framework`` / ``requirements``)."""
    other_sheets: tuple[str, ...] = ()
    """Sheets the metadata declares as something else (threats, scores, answers, mappings)."""
    meta_sheets: tuple[str, ...] = ()

    @property
    def name(self) -> str | None:
        return self.values.get("framework name") or self.values.get("name")

    def name_in(self, language: str | None) -> str | None:
        """The name in ``language`` when the metadata translates it (``name[fr]``), else the name."""
        if language:
            for key in (f"framework name[{language}]", f"name[{language}]"):
                if self.values.get(key):
                    return self.values[key]
        return self.name

    @property
    def version(self) -> str | None:
        """The version label: ``"version 2"`` for a bare number, so it reads apart from the name."""
        value = (
            self.values.get("framework version")
            or self.values.get("edition")
            or self.values.get("version")
            or self.values.get("library version")
        )
        return f"version {value}" if value and value.isdigit() else value

    @property
    def locale(self) -> str | None:
        return (
            self.values.get("locale")
            or self.values.get("library locale")
            or self.values.get("language")
        )


def _key(cell: str) -> str:
    match = _LANGUAGE_KEY.match(cell.strip().lower())
    return normalise_header(match.group(1) if match else cell)


def is_key_value_sheet(rows: Sequence[RawRow]) -> bool:
    """Whether a sheet's first rows are ``key | value`` pairs with known keys (three at least)."""
    if not rows:
        return False
    narrow = [cells for _, cells in rows[:40] if sum(1 for c in cells if c) <= 4]
    known = {_key(cells[0]) for cells in narrow if cells and cells[0]} & _KEYS
    return len(known) >= 3 and len(narrow) >= 0.8 * min(len(rows), 40)


def read_metadata(heads: Mapping[str, Sequence[RawRow]]) -> SheetMetadata:
    """The metadata of a workbook from the first rows of each sheet (sheet name -> rows)."""
    names = list(heads)
    meta = [n for n in names if is_key_value_sheet(heads[n])]
    if not meta:
        return SheetMetadata()
    values: dict[str, str] = {}
    content: list[str] = []
    other: list[str] = []
    # the framework's own sheet speaks before the library's
    ordered = sorted(meta, key=lambda n: (n.lower().startswith("library"), names.index(n)))
    for name in ordered:
        sheet_values: dict[str, str] = {}
        for _, cells in heads[name]:
            if len(cells) < 2 or not cells[0]:
                continue
            key = _key(cells[0])
            if key == "tab" and len(cells) >= 3:  # v1: tab | sheet | requirements
                target = next((n for n in names if n == cells[1].strip()), None)
                if target is not None:
                    kind = normalise_header(cells[2])
                    (content if kind in _REQUIREMENT_TYPES else other).append(target)
                continue
            tagged = _LANGUAGE_KEY.match(cells[0].strip().lower())
            if tagged is not None:  # a translated value: name[fr] is kept as "name[fr]"
                key = f"{key}[{cells[0].strip().lower()[len(tagged.group(1)) + 1 : -1]}]"
            sheet_values.setdefault(key, " ".join(cells[1].split()))
        kind = normalise_header(sheet_values.get("type", ""))
        stem = name[: -len("_meta")] if name.lower().endswith("_meta") else None
        partner = next((n for n in names if stem and n.lower() == f"{stem.lower()}_content"), None)
        if partner is not None and kind:
            (content if kind in _REQUIREMENT_TYPES else other).append(partner)
        if (
            kind in _REQUIREMENT_TYPES
            or kind in ("library", "")
            or name.lower().startswith("library")
        ):
            for key, value in sheet_values.items():
                if value:
                    values.setdefault(key, value)
    return SheetMetadata(values, tuple(content), tuple(other), tuple(meta))
