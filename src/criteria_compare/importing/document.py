"""The tables and headings of a Word or PDF document laid out as the rows of one sheet.

A document reader hands over blocks in reading order: headings (or short paragraphs) and
table parts. The first table whose top rows read like a criteria header sets the layout.
A row that repeats that header (at the top of each table, or where a table breaks
across a page) is dropped; one headed with the same
roles in another column order is reordered to it; one that continues without a header is
appended; a table of another shape (a revision history, a signature block) is left out
with a note. A row broken at the end of a table part (no ref, only text) is joined to the
row before it. The nearest heading before each table becomes a section row, which the
common pipeline (columns, build) then treats like the category rows of a workbook.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.cells import single_line
from criteria_compare.importing.columns import HEADER_MIN_SCORE, detect_header, header_score
from criteria_compare.importing.headers import normalise_header
from criteria_compare.importing.raw import RawRow, RawSheet
from criteria_compare.importing.result import ImportLimits

__all__ = ["Block", "Heading", "Table", "assemble", "document_title"]

_HEADER_DEPTH = 3  # a table's header sits in its first rows
_MAX_HEADING = 150
_NUMBERED_HEADING = re.compile(
    r"(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.|(?:chapter|section|part|article|annex|appendix|"
    r"category|cap[ií]tulo|secci[oó]n|chapitre|kapitel|abschnitt)\b)\s*\S",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    """A paragraph between tables; ``strong`` when it is set as a heading (a heading style,
    bold, a larger font). ``place`` says where it is (``"page 3"``, ``"before table 2"``)."""

    text: str
    strong: bool
    place: str
    title: bool = False  # set in the document's Title style (never a section)
    size: float = 0.0  # the font size, where the format gives one (PDF)


@dataclass(frozen=True)
class Table:
    """One table (or the part of a table on one page) as rows of cell text.

    ``place`` names it for messages and provenance (``"page 3, table 2"``); ``continues``
    says the reader knows it carries on the table before it (a PDF table across a page).
    ``merged_down`` holds the (row, column), 0-based, of cells merged with the cell above
    (a Word vertical merge): a row whose ref cell is one of them carries on the row above.
    """

    rows: tuple[tuple[str, ...], ...]
    place: str
    continues: bool = False
    merged_down: frozenset[tuple[int, int]] = frozenset()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Heading | Table


def _signature(cells: Sequence[str]) -> tuple[str, ...]:
    sig = [normalise_header(c) for c in cells]
    while sig and not sig[-1]:
        sig.pop()
    return tuple(sig)


def _header_in(table: Table) -> int | None:
    """Index of the row among the table's first rows that reads like a criteria header."""
    for i, cells in enumerate(table.rows[:_HEADER_DEPTH]):
        if sum(1 for c in cells if c) >= 2 and header_score(cells) >= HEADER_MIN_SCORE:
            return i
    return None


def _section_text(headings: Sequence[Heading]) -> str | None:
    """The heading a table's criteria belong to: the last one set as a heading, else the last
    short paragraph that starts like a numbered heading ("3. Business Partners")."""
    short = [
        h
        for h in headings
        if h.text and len(h.text) <= _MAX_HEADING and not h.text.rstrip().endswith((".", ":"))
    ]
    strong = [h for h in short if h.strong]
    if strong:
        return strong[-1].text
    numbered = [h for h in short if _NUMBERED_HEADING.match(h.text)]
    return numbered[-1].text if numbered else None


def _roles(cells: Sequence[str]) -> dict[str, int]:
    found = detect_header([(1, tuple(cells))])
    return {} if found is None else {role: i for role, (i, _) in found[1].items()}


class _Assembler:
    def __init__(self, name: str, limits: ImportLimits) -> None:
        self.name, self.limits = name, limits
        self.rows: list[list[str]] = []
        self.places: dict[int, tuple[str, int | None]] = {}
        self.sections: set[int] = set()
        self.notes: list[str] = []
        self.last_is_data = False

    def emit(self, cells: Sequence[str], place: str, row: int | None) -> None:
        if len(self.rows) >= self.limits.max_rows:
            raise ImportFailed(
                f"{self.name} has more than {self.limits.max_rows:,} table rows, over the "
                "import limit; split the document or copy the criteria to a workbook."
            )
        self.rows.append(list(cells))
        self.places[len(self.rows)] = (place, row)
        self.last_is_data = True

    def section(self, text: str | None, place: str) -> None:
        if text is None:
            return
        self.rows.append([single_line(text)])
        self.places[len(self.rows)] = (place, None)
        self.sections.add(len(self.rows))
        self.last_is_data = False

    def join(self, cells: Sequence[str], ref_i: int, merged: bool = False) -> bool:
        """Join a row with no ref to the row before it (a row broken across a page), or,
        when ``merged``, a row whose ref cell is merged with the one above."""
        if not self.last_is_data or not self.rows:
            return False
        if (ref_i < len(cells) and cells[ref_i] and not merged) or not any(cells):
            return False
        previous = self.rows[-1]
        if ref_i >= len(previous) or not previous[ref_i]:
            return False
        for i, text in enumerate(cells):
            if not text or (merged and i == ref_i) or (merged and text == previous[i]):
                continue
            while len(previous) <= i:
                previous.append("")
            previous[i] = f"{previous[i]} {text}".strip() if previous[i] else text
        return True

    def sheet(self, tables: int, pages: int | None) -> RawSheet:
        rows: tuple[RawRow, ...] = tuple(
            (n, tuple(cells)) for n, cells in enumerate(self.rows, start=1) if any(cells)
        )
        return RawSheet(
            name=None,
            rows=rows,
            last_row=rows[-1][0] if rows else 0,
            notes=tuple(self.notes),
            places=dict(self.places),
            section_rows=frozenset(self.sections),
            tables=tables,
            pages=pages,
        )


def _reorder(cells: Sequence[str], own: dict[str, int], main: dict[str, int]) -> list[str]:
    width = max(main.values()) + 1
    out = [""] * width
    for role, i in own.items():
        if role in main and i < len(cells):
            out[main[role]] = cells[i]
    return out


_GENERIC_TITLE = re.compile(
    r"^(?:microsoft word\s*-|untitled\b|document\d*$|\(\w+\)$)|\.(?:docx?|pdf|rtf)$",
    re.IGNORECASE,
)


def document_title(blocks: Sequence[Block], metadata_title: str | None = None) -> str | None:
    """The title to propose the program's name from: the first paragraph before any table set
    in the Title style, or else set as a heading (not a numbered section heading); else the file's own Title
    property, unless it is a placeholder a word processor filled in ("Microsoft Word - x.doc")."""
    lead: list[Heading] = []
    for block in blocks:
        if isinstance(block, Table):
            break
        if " ".join(block.text.split()):
            lead.append(block)
    styled = [h for h in lead if h.title]
    strong = [h for h in lead if h.strong and not _NUMBERED_HEADING.match(h.text.strip())]
    for heading in (*styled, *_set_large(lead), *strong):
        return " ".join(heading.text.split())[:200]
    meta = " ".join((metadata_title or "").split())
    if meta and not _GENERIC_TITLE.search(meta):
        return meta[:200]
    return None


def _set_large(lead: Sequence[Heading]) -> list[Heading]:
    """The first of the lines before the first table set in the largest type, when that is
    well above the heading just before the table (which names its section): a title page's
    "Annex B: Security conditions", however it is numbered."""
    headings = [h for h in lead if h.strong and h.size]
    if len(headings) < 2:
        return []
    largest = max(headings[:-1], key=lambda h: h.size)
    return [largest] if largest.size >= 1.15 * headings[-1].size else []


def assemble(
    blocks: Sequence[Block],
    name: str,
    limits: ImportLimits,
    pages: int | None = None,
    metadata_title: str | None = None,
) -> RawSheet:
    """The document's tables as one sheet of rows (see the module docstring)."""
    return dataclasses.replace(
        _assemble(blocks, name, limits, pages),
        document_title=document_title(blocks, metadata_title),
    )


def _assemble(
    blocks: Sequence[Block], name: str, limits: ImportLimits, pages: int | None
) -> RawSheet:
    tables = [b for b in blocks if isinstance(b, Table) and b.rows]
    if len(tables) > limits.max_tables:
        raise ImportFailed(
            f"{name} holds {len(tables):,} tables, over the import limit of "
            f"{limits.max_tables:,}; split the document or copy the criteria to a workbook."
        )
    if not tables:
        raise ImportFailed(
            f"{name} holds no tables; criteria are read from a table with a column for the ref "
            "and one for the text; put them in a table, or save them as a workbook."
        )
    first = next(((t, i) for t in tables if (i := _header_in(t)) is not None), None)
    out = _Assembler(name, limits)
    headings: list[Heading] = []
    if first is None:  # no header anywhere: every table as it is, the user maps the columns
        for block in blocks:
            if isinstance(block, Heading):
                headings.append(block)
                continue
            if block.rows:
                out.section(_section_text(headings), block.place)
                headings = []
                for i, cells in enumerate(block.rows, start=1):
                    out.emit(cells, block.place, i)
        return out.sheet(len(tables), pages)
    main_table, header_index = first
    main_cells = main_table.rows[header_index]
    main_sig, main_roles = _signature(main_cells), _roles(main_cells)
    ref_i = main_roles.get("ref", 0)
    width = main_table.width
    seen_main = False
    skipped_before: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            headings.append(block)
            continue
        if not block.rows:
            continue
        if not seen_main and block is not main_table:
            skipped_before.append(block.place)
            headings = []
            continue
        section = _section_text(headings)
        headings = []
        rows: list[tuple[int, Sequence[str]]] = list(enumerate(block.rows, start=1))
        if block is main_table:
            seen_main = True
            for i, line in rows[: header_index + 1]:
                out.emit(line, block.place, i)
            out.section(section, block.place)
            rows = rows[header_index + 1 :]
        else:
            own = _header_in(block)
            if own is not None and _signature(block.rows[own]) == main_sig:
                rows = rows[own + 1 :]
            elif own is not None and {"ref", "text"} <= set(_roles(block.rows[own])):
                roles = _roles(block.rows[own])
                rows = [(i, _reorder(c, roles, main_roles)) for i, c in rows[own + 1 :]]
            elif block.width != width and not block.continues:
                out.notes.append(
                    f"{block.place} has {block.width} columns, not the {width} of the criteria "
                    "table, and was not read; copy its rows into the criteria table if they "
                    "hold criteria."
                )
                continue
            out.section(section, block.place)
        rows = [(i, line) for i, line in rows if _signature(line) != main_sig]
        for position, (i, line) in enumerate(rows):
            if position == 0 and section is None and out.join(line, ref_i):
                continue
            if (i - 1, ref_i) in block.merged_down and out.join(line, ref_i, merged=True):
                continue
            out.emit(line, block.place, i)
    if skipped_before:
        listed = ", ".join(skipped_before[:3]) + (" …" if len(skipped_before) > 3 else "")
        out.notes.append(
            f"{len(skipped_before)} table(s) before the criteria table ({listed}) were not read."
        )
    return out.sheet(len(tables), pages)
