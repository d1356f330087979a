"""From rows of cell text to criteria: section rows, refs, levels, and a warning for every oddity."""

from __future__ import annotations

import re
from collections.abc import Iterable

from criteria_compare.importing.cells import (
    EXCEL_CELL_CHARS,
    column_letter,
    looks_like_ref,
    single_line,
)
from criteria_compare.importing.columns import ColumnMap
from criteria_compare.importing.footers import BareNumbers, footer_label, is_totals_label
from criteria_compare.importing.headers import EXACT_SCORE, match_header
from criteria_compare.importing.languages import split_language
from criteria_compare.importing.levels import parse_level
from criteria_compare.importing.raw import RawSheet
from criteria_compare.importing.result import ImportWarning  # noqa: A004
from criteria_compare.model import Criterion, Provenance

__all__ = ["SECTION_JOIN", "build_criteria", "is_totals_label"]

SECTION_JOIN = " › "
"""Between the names of nested sections: "Chapter II › Article 5"."""

_HEADING_REF = re.compile(r"(?:\d+|[IVXLC]+|[A-Z])\.?")
_MAX_HEADING = 120
#: Rows whose unknown level is reported one by one; beyond them one summary follows.
_LEVEL_WARNINGS_BY_ROW = 5
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_NUMBERED = re.compile(r"[A-Za-z]{0,6}[-\s]?\d+((?:[.\-]\d+)*)[a-z]?\.?")
_NOT_ASSESSABLE = frozenset(
    {"", "no", "n", "false", "0", "non", "nein", "nao", "não", "-", "–", "none", "falso", "falsch"}
)
_URN_TAIL = re.compile(r"[^:\s]+$")
_WORD = re.compile(r"[^\W_]+")


def _compose(title: str, text: str) -> str:
    """A requirement's text with its short name before it ("Name: text"), unless one holds the other."""
    if not title or title == text:
        return text or title
    if not text:
        return title
    if text.casefold().startswith(title.casefold()) or len(title) > 200:
        return text
    return f"{title}: {text}"


def _numbering_depth(ref: str) -> int | None:
    """1 for ``5``, 2 for ``5.1``, 3 for ``A.5.1``... when the ref is numbered, else None."""
    match = _NUMBERED.fullmatch(ref.strip())
    if match is None:
        return None
    return 1 + len(re.findall(r"[.\-]\d", match.group(1)))


def _short_heading(text: str) -> bool:
    return len(text) <= _MAX_HEADING and "\n" not in text and not text.rstrip().endswith(".")


def _ranges(numbers: Iterable[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if out and n == out[-1][1] + 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return out


class _Builder:
    def __init__(self, raw: RawSheet, columns: ColumnMap, file: str, sha256: str) -> None:
        self.raw, self.columns, self.file, self.sha256 = raw, columns, file, sha256
        self.warnings: list[ImportWarning] = []
        self.criteria: list[Criterion] = []
        idx = columns.indexes
        self.ref_i, self.text_i = idx["ref"], idx["text"]
        self.section_i = idx.get("section")
        self.level_i = idx.get("level")
        self.guidance_i = idx.get("guidance")
        self.title_i = idx.get("title")
        self.depth_i = idx.get("depth")
        self.assess_i = idx.get("assessable")
        self.fallbacks = columns.fallbacks
        self.first_column = min(idx.values())
        self.urn_i = next(
            (i for i, c in enumerate(columns.header_cells) if c.strip().casefold() == "urn"), None
        )
        self.unknown_levels: dict[str, int] = {}  # value -> rows, in file order
        self.unknown_level_rows = 0

    def warn(
        self, message: str, row: int | None = None, column: int | None = None, advice: str = ""
    ) -> None:
        letter = column_letter(column + 1) if column is not None else None
        place = self.raw.places.get(row) if row is not None else None
        if place is not None:  # a document: the page and table, and the row within that table
            self.warnings.append(
                ImportWarning(message, self.file, self.raw.name, place[1], letter, place[0], advice)
            )
            return
        self.warnings.append(
            ImportWarning(message, self.file, self.raw.name, row, letter, advice=advice)
        )

    def provenance(self, number: int) -> Provenance:
        place = self.raw.places.get(number)
        if place is not None and place[1] is not None:
            return Provenance(self.file, self.sha256, place[0], place[1])
        return Provenance(self.file, self.sha256, self.raw.name, number)

    @staticmethod
    def cell(cells: tuple[str, ...], index: int | None) -> str:
        return cells[index] if index is not None and index < len(cells) else ""

    def role_cell(self, cells: tuple[str, ...], role: str, index: int | None) -> str:
        """The cell of a role, or of its untranslated column when the translation is empty."""
        value = self.cell(cells, index)
        if not value and role in self.fallbacks:
            return self.cell(cells, self.fallbacks[role])
        return value

    def capped(self, value: str, number: int, index: int | None) -> str:
        """The cell's text cut to Excel's 32,767 characters, with a warning when it was longer."""
        if len(value) <= EXCEL_CELL_CHARS:
            return value
        self.warn(
            f"this cell holds {len(value):,} characters, more than the {EXCEL_CELL_CHARS:,} an "
            f"Excel cell can hold; only the first {EXCEL_CELL_CHARS:,} were imported.",
            number,
            index,
        )
        return value[:EXCEL_CELL_CHARS]

    def is_heading(self, cells: tuple[str, ...], index: int) -> bool:
        """Whether a row whose only filled cell is ``cells[index]`` is a section row.

        Headings sit in the ref, text or section column, or left of the table
        (merged cells keep their text in the first one); a lone value in the
        level or guidance column or in an unmapped column to the right is not one.
        """
        value = cells[index]
        if index == self.ref_i:
            return not looks_like_ref(value)
        if index in (self.text_i, self.title_i):
            return _short_heading(value)
        return index == self.section_i or index < self.first_column

    def numbered_heading(self, cells: tuple[str, ...], next_ref: str) -> bool:
        """``1 | Business Partners`` with nothing else, followed by ``1.1``: a numbered section row."""
        ref, text = single_line(self.cell(cells, self.ref_i)), self.cell(cells, self.text_i)
        if not ref or not text or not _HEADING_REF.fullmatch(ref) or not _short_heading(text):
            return False
        if self.cell(cells, self.level_i) or self.cell(cells, self.guidance_i):
            return False
        return next_ref.startswith(ref.rstrip(".") + ".")

    def run(self) -> None:
        raw, header_row = self.raw, self.columns.header_row
        for note in raw.notes:
            self.warn(note)
        if raw.hidden:
            self.warn("this sheet is hidden in Excel; check that it is the one you meant.")
        data = [(n, cells) for n, cells in raw.rows if n > header_row]
        if self.depth_i is not None or self.assess_i is not None or raw.outline_levels:
            self.run_tree(data)
        else:
            self.run_flat(data)
        if not self.criteria:
            self.warn(
                f"no criteria were found below the header row (row {header_row}); check the "
                "sheet and the column mapping."
            )
        self.report_unknown_levels()
        self.report_second_columns(data)
        self.report_trailing(data)

    def run_flat(self, data: list[tuple[int, tuple[str, ...]]]) -> None:
        """Rows of a plain table: section rows between criteria, or a section column."""
        raw = self.raw
        section = ""
        pending: tuple[int, str] | None = None
        pending_in_text = False
        seen: dict[str, int] = {}
        used_rows: list[int] = []
        ref_i, text_i = self.ref_i, self.text_i
        cell_marks = bool(raw.formulas_without_value or raw.error_cells)
        section_rows = raw.section_rows
        bare = BareNumbers([single_line(self.cell(c, ref_i)) for _, c in data])
        for pos, (number, cells) in enumerate(data):
            filled = len(cells) - cells.count("")
            if number in section_rows:  # a document's heading between two tables
                filled, cells = 1, (" ".join(c for c in cells if c),)
            if filled <= 3:
                nonempty = [i for i, c in enumerate(cells) if c]
                footer = footer_label(cells, text_i)
                if footer is not None:
                    self.warn_footer(footer, number, pending)
                    pending = None
                    continue
                heading = (
                    number in section_rows
                    or (filled == 1 and self.is_heading(cells, nonempty[0]))
                    or (
                        filled == 2
                        and pos + 1 < len(data)
                        and self.numbered_heading(cells, self.cell(data[pos + 1][1], ref_i))
                    )
                )
                if heading:
                    if pending is not None and pending_in_text:
                        self.warn_empty_heading(pending)
                    section = " ".join(single_line(cells[i]) for i in nonempty)
                    section = self.capped(section, number, nonempty[0])
                    pending = (number, section)
                    # a lone sentence-like text (4+ words) with no ref may be a criterion
                    # whose ref was forgotten; short names are ordinary headings
                    pending_in_text = (
                        filled == 1 and nonempty[0] == text_i and len(section.split()) >= 4
                    )
                    used_rows.append(number)
                    continue
            if cell_marks:
                self.check_formulas(number)
            ref = cells[ref_i] if ref_i < len(cells) else ""
            if not ref.isascii() or "  " in ref or "\n" in ref or "\t" in ref:
                ref = single_line(ref.translate(_INVISIBLE))
            if bare.is_count(ref, self.cell(cells, text_i)):
                self.warn_footer(" | ".join(single_line(c) for c in cells if c), number, pending)
                pending = None
                continue
            if ref in seen:
                pending = None
                self.warn_repeated(ref, seen[ref], number)
                continue
            criterion = self.criterion(number, ref, cells, section)
            if criterion is None:
                continue
            pending = None
            section = criterion.section
            seen[criterion.ref] = number
            self.criteria.append(criterion)
            used_rows.append(number)
        if pending is not None:
            self.warn(
                f"'{pending[1][:60]}' stands alone after the last criterion and was not "
                "imported; delete it if it is a note.",
                pending[0],
            )
        self.report_hidden(used_rows, data)

    def row_depth(self, number: int, cells: tuple[str, ...], previous: int) -> int:
        """A row's depth: the depth column, else the Excel outline level, else the numbering."""
        if self.depth_i is not None:
            value = self.cell(cells, self.depth_i).strip()
            if value.isdigit():
                return int(value)
        elif self.raw.outline_levels:
            return self.raw.outline_levels.get(number, 0) + 1
        found = _numbering_depth(self.cell(cells, self.ref_i))
        return found if found is not None else previous

    def heading_label(self, cells: tuple[str, ...]) -> str:
        """A heading row's name: its ref and title ("Chapter II Risk management"), or either."""
        ref = single_line(self.cell(cells, self.ref_i))
        title = single_line(self.role_cell(cells, "title", self.title_i))
        if not title:
            text = single_line(self.role_cell(cells, "text", self.text_i))
            title = text if _short_heading(text) else ""
        ref_words = set(_WORD.findall(ref.casefold())) - {"art", "sec", "ch", "no"}
        if ref and title and not ref_words <= set(_WORD.findall(title.casefold())):
            return f"{ref} {title}"[: _MAX_HEADING * 2]  # "GV Govern"; not "I Chapter I"
        return (title or ref)[: _MAX_HEADING * 2]

    def is_requirement(self, cells: tuple[str, ...], depth: int, next_depth: int | None) -> bool:
        """The ``assessable`` mark when there is one, else: a row with nothing below it."""
        if self.assess_i is not None:
            mark = single_line(self.cell(cells, self.assess_i)).casefold()
            return mark not in _NOT_ASSESSABLE
        return next_depth is None or next_depth <= depth

    def run_tree(self, data: list[tuple[int, tuple[str, ...]]]) -> None:
        """Rows of a hierarchy (a depth column, outline levels, an assessable mark): headings
        above requirements become their sections, nested ones joined with " › "."""
        depths: list[int] = []
        previous = 1
        for number, cells in data:
            previous = self.row_depth(number, cells, previous)
            depths.append(previous)
        stack: list[tuple[int, str, str]] = []  # (depth, label, ref) of the open headings
        children: dict[tuple[int, str], int] = {}
        seen: dict[str, int] = {}
        used_rows: list[int] = []
        generated: list[str] = []
        unmarked_leaves: list[int] = []
        cell_marks = bool(self.raw.formulas_without_value or self.raw.error_cells)
        for pos, (number, cells) in enumerate(data):
            depth = depths[pos]
            next_depth = depths[pos + 1] if pos + 1 < len(data) else None
            while stack and stack[-1][0] >= depth:
                stack.pop()
            marks = (self.depth_i, self.assess_i)  # the hierarchy's own columns say nothing
            footer = footer_label(
                tuple("" if i in marks else c for i, c in enumerate(cells)), self.text_i
            )
            if footer is not None:
                self.warn_footer(footer, number, None)
                continue
            if not self.is_requirement(cells, depth, next_depth):
                if next_depth is None or next_depth <= depth:
                    unmarked_leaves.append(number)
                label = self.heading_label(cells)
                if label:
                    stack.append((depth, label, single_line(self.cell(cells, self.ref_i))))
                used_rows.append(number)
                continue
            if cell_marks:
                self.check_formulas(number)
            parent = stack[-1] if stack else (0, "", "")
            place = (parent[0], parent[1])
            children[place] = children.get(place, 0) + 1
            ref = single_line(self.cell(cells, self.ref_i).translate(_INVISIBLE))
            if not ref and self.urn_i is not None:
                tail = _URN_TAIL.search(self.cell(cells, self.urn_i).strip())
                ref = tail.group(0) if tail else ""
            if not ref and (self.role_cell(cells, "text", self.text_i) or self.title_i is not None):
                ref = f"{parent[2]}.{children[place]}" if parent[2] else f"R{number}"
                if ref in seen:
                    ref = f"{ref}-{number}"
                generated.append(ref)
            if ref in seen:
                self.warn_repeated(ref, seen[ref], number)
                continue
            section = SECTION_JOIN.join(label for _, label, _ in stack)
            criterion = self.criterion(number, ref, cells, section)
            if criterion is None:
                continue
            seen[criterion.ref] = number
            self.criteria.append(criterion)
            used_rows.append(number)
        self.report_tree(generated, unmarked_leaves)
        self.report_hidden(used_rows, data)

    def report_tree(self, generated: list[str], unmarked_leaves: list[int]) -> None:
        if generated:
            examples = ", ".join(f"'{r}'" for r in generated[:3])
            many = len(generated) > 1
            self.warn(
                f"{len(generated)} requirement{'s have' if many else ' has'} no ref, so "
                f"{'each was' if many else 'it was'} given one from its place under its "
                f"heading ({examples}); check {'them' if many else 'it'} against the document.",
                None,
                self.ref_i,
            )
        if unmarked_leaves and self.assess_i is not None:
            rows = ", ".join(str(n) for n in unmarked_leaves[:5])
            more = f" and {len(unmarked_leaves) - 5} more" if len(unmarked_leaves) > 5 else ""
            self.warn(
                f"{len(unmarked_leaves)} rows are not marked as requirements and have nothing "
                f"below them (rows {rows}{more}); they were read as headings or notes and not "
                "imported; mark them in the assessable column if they are requirements.",
                None,
                self.assess_i,
            )

    def warn_repeated(self, ref: str, first: int, number: int) -> None:
        """Row ``number`` repeats the ref of row ``first``: it is skipped, and the user told."""
        self.warn(
            f"ref '{ref}' already appears in row {first}; kept that row and skipped this one; "
            "give this criterion its own ref.",
            number,
            self.ref_i,
        )

    def warn_footer(self, label: str, number: int, pending: tuple[int, str] | None) -> None:
        """A totals, end-note or bare-count row; and the heading above it when it holds
        nothing else (a "Summary" section)."""
        alone = ""
        if pending is not None:
            alone = f", and '{pending[1][:60]}' above it holds nothing else"
        self.warn(
            f"'{label[:60]}' looks like a totals or footer row (a total, a count or an end "
            f"note), not a criterion{alone}; it was not imported.",
            number,
        )

    def warn_empty_heading(self, pending: tuple[int, str]) -> None:
        """A text-column heading directly followed by another heading: a section with no
        criteria, or more likely a criterion whose ref is missing."""
        self.warn(
            f"'{pending[1][:60]}' has no ref and no criteria follow it, so it was read as an "
            "empty section heading and not imported; if it is a criterion, give it a ref.",
            pending[0],
            self.text_i,
        )

    def check_formulas(self, number: int) -> None:
        missing, errors = self.raw.formulas_without_value, self.raw.error_cells
        for index in self.columns.indexes.values():
            error = errors.get((number, index + 1))
            if error is not None:
                self.warn(
                    f"this cell shows the Excel error {error}, so it reads as empty; fix the "
                    "formula in Excel and save the file again.",
                    number,
                    index,
                )
            if (number, index + 1) in missing:
                self.warn(
                    "this cell holds a formula with no saved value, so it reads as empty; open "
                    "the file in Excel, let it calculate, and save it.",
                    number,
                    index,
                )

    def criterion(
        self, number: int, ref: str, cells: tuple[str, ...], section: str
    ) -> Criterion | None:
        text = self.capped(self.role_cell(cells, "text", self.text_i), number, self.text_i)
        if self.title_i is not None:
            title = single_line(self.role_cell(cells, "title", self.title_i))
            text = _compose(self.capped(title, number, self.title_i), text)
        ref = self.capped(ref, number, self.ref_i)
        if not ref:
            if text:
                self.warn(
                    "this row has criteria text but no ref, so it was not imported; give it an ID.",
                    number,
                    self.ref_i,
                )
            else:
                self.warn(
                    "this row has neither a ref nor criteria text, so it was not imported.",
                    number,
                )
            return None
        if self.raw.date_cells and (number, self.ref_i + 1) in self.raw.date_cells:
            self.warn(
                f"the ref reads as the date {ref}; Excel may have turned a number like 7.10 "
                "into a date; format the column as Text and type the ref again.",
                number,
                self.ref_i,
            )
        if not text:
            self.warn(
                f"criterion '{ref}' has no text; it was imported with empty text.",
                number,
                self.text_i,
            )
        width = len(cells)
        section_i, level_i, guidance_i = self.section_i, self.level_i, self.guidance_i
        own_section = self.capped(self.cell(cells, section_i), number, section_i)
        if "\n" in own_section or "  " in own_section:
            own_section = single_line(own_section)
        level_text = cells[level_i] if level_i is not None and level_i < width else ""
        level, understood = parse_level(level_text) if level_text else (None, True)
        if not understood:
            self.unknown_level_rows += 1
            shown = single_line(level_text)[:30]
            self.unknown_levels[shown] = self.unknown_levels.get(shown, 0) + 1
            if self.unknown_level_rows <= _LEVEL_WARNINGS_BY_ROW:
                self.warn(
                    f"level '{shown}' is neither Must nor Should (nor Mandatory, Required, "
                    "Recommended, Optional); imported without a level.",
                    number,
                    self.level_i,
                )
        return Criterion(
            ref=ref,
            text=text,
            section=own_section or section,
            guidance=self.capped(self.role_cell(cells, "guidance", guidance_i), number, guidance_i),
            level=level,
            provenance=self.provenance(number),
        )

    def report_hidden(self, used_rows: list[int], data: list[tuple[int, tuple[str, ...]]]) -> None:
        hidden_rows = self.raw.hidden_rows
        if hidden_rows:
            for lo, hi in _ranges(n for n in used_rows if n in hidden_rows):
                span = "this row is" if lo == hi else f"rows {lo}–{hi} are"
                self.warn(
                    f"{span} hidden in Excel but imported; unhide to review, or delete rows "
                    "that should not count.",
                    lo,
                )
        roles = {i: role for role, i in self.columns.indexes.items()}
        for column in sorted(self.raw.hidden_columns):
            index = column - 1
            header = self.cell(self.columns.header_cells, index)
            label = f" ('{single_line(header)[:40]}')" if header else ""
            if index in roles:
                self.warn(
                    f"this column{label} is hidden in Excel but was imported as {roles[index]}.",
                    None,
                    index,
                )
            elif any(self.cell(cells, index) for _, cells in data):
                self.warn(
                    f"this column{label} is hidden in Excel and holds data that was not "
                    "imported; give it a role if it matters.",
                    None,
                    index,
                    advice="columns",
                )

    def report_unknown_levels(self) -> None:
        """One summary when many rows have a level that is neither Must nor Should (often a
        "Status" or "Type" column taken for the level), after the first rows' warnings."""
        if self.unknown_level_rows <= _LEVEL_WARNINGS_BY_ROW or self.level_i is None:
            return
        header = single_line(self.cell(self.columns.header_cells, self.level_i))[:40]
        examples = ", ".join(f"'{v}'" for v in list(self.unknown_levels)[:4])
        self.warn(
            f"in {self.unknown_level_rows} rows this level column ('{header}') holds neither "
            f"Must nor Should (values such as {examples}); those criteria were imported without "
            "a level; if this column is not the Must/Should level, map the level to another "
            "column or to none.",
            None,
            self.level_i,
        )

    def report_second_columns(self, data: list[tuple[int, tuple[str, ...]]]) -> None:
        """Columns headed like a role already taken by another column (two "Criteria"
        columns): their data was not imported, so say which column was used instead."""
        used = {i: role for role, i in self.columns.indexes.items()}
        used.update({i: role for role, i in self.columns.fallbacks.items()})
        for index, header in enumerate(self.columns.header_cells):
            if not header or index in used or split_language(header)[1] is not None:
                continue
            match = match_header(header)
            if match is None or match.score < EXACT_SCORE or match.role not in self.columns.indexes:
                continue
            if not any(self.cell(cells, index) for _, cells in data):
                continue
            taken = column_letter(self.columns.indexes[match.role] + 1)
            self.warn(
                f"this column ('{single_line(header)[:40]}') is also headed like the "
                f"{match.role} column, but column {taken} was imported as {match.role} and this "
                "one was not; map the columns explicitly if this one should be used.",
                None,
                index,
            )

    def report_trailing(self, data: list[tuple[int, tuple[str, ...]]]) -> None:
        last_content = data[-1][0] if data else self.columns.header_row
        first, last = last_content + 1, self.raw.last_row
        if last >= first:
            span = f"row {first} is" if first == last else f"rows {first}–{last} are"
            end = (
                "the end of the sheet (formatted but empty)"
                if self.raw.name is not None
                else "the end of the file (separators only)"
            )
            self.warn(f"{span} blank at {end} and skipped.", first)


def build_criteria(
    raw: RawSheet, columns: ColumnMap, file: str, sha256: str
) -> tuple[tuple[Criterion, ...], tuple[ImportWarning, ...]]:
    """The criteria below the header row, and the warnings by row and column."""
    builder = _Builder(raw, columns, file, sha256)
    builder.run()
    # sheet-wide notes first, then by row, then whole-column notes
    ordered = sorted(
        builder.warnings,
        key=lambda w: (0, 0) if w.row is None and w.column is None else (1, w.row or 10**9),
    )
    return tuple(builder.criteria), tuple(ordered)
