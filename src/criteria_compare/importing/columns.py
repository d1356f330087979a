"""Finding the header row and deciding which column holds each role, or applying the user's mapping."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from criteria_compare.errors import ColumnMappingError, ImportFailed
from criteria_compare.importing.cells import column_letter, looks_like_ref, single_line
from criteria_compare.importing.headers import FUZZY_CUTOFF, match_header, normalise_header
from criteria_compare.importing.languages import split_language
from criteria_compare.importing.raw import RawRow
from criteria_compare.importing.result import ROLES

__all__ = [
    "HEADER_MIN_SCORE",
    "HEADER_SCAN_ROWS",
    "REQUIRED_ROLES",
    "TAGGED_SCORE",
    "ColumnMap",
    "HeaderNotFound",
    "column_index",
    "detect_header",
    "find_named_header",
    "header_score",
    "map_columns",
]

HEADER_SCAN_ROWS = 40
"""How many rows from the top are searched for the header row."""

HEADER_MIN_SCORE = 1.6
"""header_score() a row needs to count as a header: two sure roles, or one and a partial one."""

REQUIRED_ROLES = ("ref", "text")
TAGGED_SCORE = 50.0
"""Score of a header naming a role in another language (``description[fr]``): it counts
towards finding the header row but never takes the role from an untagged column."""
_SMALL_INT = re.compile(r"\d{1,2}")
_LETTERS = re.compile(r"[A-Za-z]{1,3}")
_EXAMPLE = '--columns \'{"ref": "ID", "text": "Criteria"}\''


class HeaderNotFound(ColumnMappingError, ImportFailed):
    """No header row, or no ref or text column: the file cannot be read until the columns are named.

    Both an ImportFailed (the file was not understood) and a ColumnMappingError
    (a column mapping would fix it), so a wizard can offer the mapping step.
    """


@dataclass(frozen=True)
class ColumnMap:
    """The header row (1-based; 0 when the file has none) and, per role, the 0-based column
    index and its header text (the column letter when there is no header)."""

    header_row: int
    indexes: Mapping[str, int]
    headers: Mapping[str, str]
    header_cells: tuple[str, ...]
    translations: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """language code -> role -> column of the translation columns (``description[fr]``)."""
    fallbacks: Mapping[str, int] = field(default_factory=dict)
    """role -> untagged column read where the chosen language's cell is empty."""
    language: str | None = None
    """The language the text columns are read in, when the sheet holds several."""

    @property
    def letters(self) -> dict[str, str]:
        return {role: column_letter(i + 1) for role, i in self.indexes.items()}


def _assign(
    cells: Sequence[str], taken: Mapping[str, int], skip: Collection[str] = ()
) -> dict[str, tuple[int, float]]:
    """Best one-to-one role -> (column, score) for a row, leaving out roles/columns in ``taken``
    and the roles in ``skip`` (the ones the user said have no column)."""
    used = set(taken.values())
    candidates: list[tuple[float, int, str]] = []
    for index, cell in enumerate(cells):
        if not cell or index in used:
            continue
        base, language = split_language(cell)
        match = match_header(base)
        if match is not None and match.role not in taken and match.role not in skip:
            score = match.score if language is None else min(match.score, TAGGED_SCORE)
            candidates.append((score, -index, match.role))
    chosen: dict[str, tuple[int, float]] = {}
    for score, neg_index, role in sorted(candidates, reverse=True):
        index = -neg_index
        if role in chosen or index in used:
            continue
        chosen[role] = (index, score)
        used.add(index)
    return chosen


def header_score(cells: Sequence[str]) -> float:
    """How much a row looks like a criteria header: roles found, full points for sure matches."""
    roles = _assign(cells, {})
    if "text" not in roles and "ref" not in roles:
        return 0.0
    return sum(1.0 if score >= FUZZY_CUTOFF else 0.6 for _, score in roles.values())


def detect_header(rows: Sequence[RawRow]) -> tuple[int, dict[str, tuple[int, float]]] | None:
    """The header row among the first rows and its roles, or None when no row names two roles."""
    best: tuple[float, int, dict[str, tuple[int, float]]] | None = None
    for number, cells in rows[:HEADER_SCAN_ROWS]:
        if sum(1 for c in cells if c) < 2:
            continue
        score = header_score(cells)
        if score >= HEADER_MIN_SCORE and (best is None or score > best[0]):
            best = (score, number, _assign(cells, {}))
    if best is None:
        return None
    return best[1], best[2]


def column_index(letters: str) -> int:
    """0-based index of an Excel column letter (A -> 0)."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def _shown(cells: Sequence[str]) -> str:
    found = [f"'{single_line(c)[:40]}'" for c in cells if c][:12]
    return ", ".join(found) if found else "no header cells"


def find_named_header(
    rows: Sequence[RawRow], wanted: Mapping[str, str | None]
) -> tuple[int, tuple[str, ...]] | None:
    """The first row naming at least one of the user's headers, where the rest are letters."""
    values = [v.strip() for v in wanted.values() if v is not None and normalise_header(v)]
    if not values:
        return None
    for number, cells in rows[:HEADER_SCAN_ROWS]:
        if sum(1 for c in cells if c) < 2:
            continue
        present = {normalise_header(c) for c in cells if c}
        found = [v for v in values if normalise_header(v) in present]
        if found and all(v in found or _LETTERS.fullmatch(v) for v in values):
            return number, cells
    return None


def _reads_like_data(cells: Sequence[str], explicit: Mapping[str, str]) -> bool:
    """Whether a row under letter-only mapping holds a ref and a sentence, not header names."""
    ref, text = explicit.get("ref", "").strip(), explicit.get("text", "").strip()
    if not (_LETTERS.fullmatch(ref) and _LETTERS.fullmatch(text)):
        return False
    ref_i, text_i = column_index(ref), column_index(text)
    ref_cell = cells[ref_i] if ref_i < len(cells) else ""
    text_cell = cells[text_i] if text_i < len(cells) else ""
    return looks_like_ref(ref_cell) and len(text_cell.split()) >= 4


def map_columns(
    rows: Sequence[RawRow], explicit: Mapping[str, str | None] | None, where: str
) -> ColumnMap:
    """Header row and role columns: the user's mapping first, detection for the other roles.

    A role mapped to ``None`` has no column: it is not detected either (the
    wizard's "ignore"); ref and text cannot be left out. ``where`` names the file
    and sheet for messages. Raises ColumnMappingError when a named column does
    not exist or a required role has no column.
    """
    given = {k.strip().lower(): v for k, v in (explicit or {}).items()}
    unknown = sorted(set(given) - set(ROLES))
    if unknown:
        raise ColumnMappingError(
            f"unknown column role {', '.join(repr(u) for u in unknown)} in the column "
            f"mapping; use {', '.join(ROLES)}."
        )
    skipped = frozenset(role for role, value in given.items() if value is None)
    required = [r for r in REQUIRED_ROLES if r in skipped]
    if required:
        raise ColumnMappingError(
            f"the column mapping leaves out the {' and '.join(required)} column for {where}; "
            "every criterion needs a ref and a text, so name the columns that hold them."
        )
    named: dict[str, str] = {r: v for r, v in given.items() if isinstance(v, str)}
    if not rows:
        raise HeaderNotFound(f"{where} has no data; choose another sheet or file.")
    header: tuple[int, tuple[str, ...]] | None = find_named_header(rows, named)
    detected = detect_header(rows)
    if header is None:
        if detected is not None:
            header = next((n, c) for n, c in rows if n == detected[0])
        elif named:
            # only letters given and no recognisable header: the first row with two cells,
            # unless it already reads like a criterion (a file without a header row)
            header = next(((n, c) for n, c in rows if sum(1 for x in c if x) >= 2), rows[0])
            if _reads_like_data(header[1], named):
                header = (header[0] - 1, ())
        else:
            several = next(((n, c) for n, c in rows if sum(1 for x in c if x) >= 2), None)
            first = several or rows[0]
            kind = "the first with several filled cells" if several else "the first filled row"
            raise HeaderNotFound(
                f"{where} has no recognisable header row in its first {HEADER_SCAN_ROWS} non-blank rows "
                f"(row {first[0]}, {kind}, holds "
                f"{_shown(first[1])}); name the columns with {_EXAMPLE}."
            )
    number, cells = header
    indexes: dict[str, int] = {}
    for role, value in named.items():
        value = value.strip()
        norm = normalise_header(value)
        hit = [i for i, c in enumerate(cells) if c and normalise_header(c) == norm and norm]
        if hit:
            indexes[role] = hit[0]
        elif _LETTERS.fullmatch(value):
            indexes[role] = column_index(value)
        else:
            raise ColumnMappingError(
                f"the column '{value}' given for {role} is not in the header row (row "
                f"{number}) of {where}; the headers there are {_shown(cells)}."
            )
    clash = [r for r in indexes if list(indexes.values()).count(indexes[r]) > 1]
    if clash:
        raise ColumnMappingError(
            f"the column mapping gives one column to several roles ({', '.join(clash)}) in "
            f"{where}; give each role its own column."
        )
    for role, (index, score) in _assign(cells, indexes, skipped).items():
        if score >= 60.0 or (role in REQUIRED_ROLES and score >= TAGGED_SCORE):
            indexes[role] = index  # a required role only in other languages: one of them
    missing = [r for r in REQUIRED_ROLES if r not in indexes]
    if missing:
        names = " or ".join("ID (ref)" if r == "ref" else "criteria text" for r in missing)
        raise HeaderNotFound(
            f"{where} has no {names} column in header row {number} (found {_shown(cells)}); "
            f"name the columns with {_EXAMPLE}."
        )
    if (
        "level" in indexes
        and "level" not in named
        and "depth" not in indexes
        and "depth" not in skipped
        and _holds_depths(rows, number, indexes["level"])
    ):
        indexes["depth"] = indexes.pop("level")  # "Level" holding 1, 2, 3: the hierarchy
    headers = {
        role: (single_line(cells[i]) if i < len(cells) and cells[i] else column_letter(i + 1))
        for role, i in indexes.items()
    }
    ordered = {r: indexes[r] for r in ROLES if r in indexes}
    return ColumnMap(
        header_row=number,
        indexes=ordered,
        headers={r: headers[r] for r in ordered},
        header_cells=cells,
        translations=_translations(cells),
    )


def _holds_depths(rows: Sequence[RawRow], header_row: int, index: int) -> bool:
    """Whether a column below the header holds only small whole numbers (1, 2, 3...)."""
    values = [c[index] for n, c in rows if n > header_row and index < len(c) and c[index]]
    return bool(values) and all(_SMALL_INT.fullmatch(v) for v in values)


def _translations(cells: Sequence[str]) -> dict[str, dict[str, int]]:
    """language -> role -> column for the headers tagged with a language (``name[fr]``)."""
    found: dict[str, dict[str, int]] = {}
    for index, cell in enumerate(cells):
        if not cell:
            continue
        base, language = split_language(cell)
        match = match_header(base) if language is not None else None
        if language is None or match is None or match.role not in _TRANSLATABLE:
            continue
        found.setdefault(language, {}).setdefault(match.role, index)
    return found


_TRANSLATABLE = ("text", "title", "guidance", "section")
