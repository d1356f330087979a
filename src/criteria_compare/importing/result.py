"""The importer's public data: limits, warnings, the import result and the preview."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from criteria_compare.importing.cells import printable
from criteria_compare.model import Criterion, Program

__all__ = [
    "NO_LEVEL",
    "ROLES",
    "ImportLimits",
    "ImportResult",
    "ImportWarning",
    "Preview",
    "split_warning",
]

ROLES: tuple[str, ...] = (
    "ref",
    "text",
    "section",
    "level",
    "guidance",
    "title",
    "depth",
    "assessable",
)
"""Column roles the importer understands, in the order they are shown.

``title`` is a short name beside the text (joined before it), ``depth`` a row's level in
the hierarchy (1 = top) and ``assessable`` the mark (``x``) on the rows that are
requirements; rows above them become sections."""

NO_LEVEL = "none"
"""Key of ``ImportResult.levels`` counting criteria without a Must/Should level."""

_MIB = 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """Sizes above which a file is refused before it can exhaust memory or time.

    ``max_uncompressed_bytes`` bounds what a workbook's parts unpack to: 256 MiB holds the
    row limit's 200,000 rows of five 200-character cells with their XML, and keeps the
    parse near 400 MB of memory (a 900 MiB shared-strings part took 1.1 GB and 25 s). The
    compression ratio is judged on the whole package, and only once it unpacks to more than
    ``ratio_floor_bytes``: below that, repetitive text that packs tightly is no threat.
    ``max_pages`` and ``max_tables`` bound a PDF's pages and a document's tables (the rows and
    columns of their tables count against ``max_rows`` and ``max_columns`` as in a sheet).
    """

    max_bytes: int = 50 * _MIB
    max_rows: int = 200_000
    max_columns: int = 500
    max_uncompressed_bytes: int = 256 * _MIB
    max_compression_ratio: float = 200.0
    ratio_floor_bytes: int = 32 * _MIB
    max_zip_entries: int = 5_000
    max_pages: int = 2_000
    max_tables: int = 5_000


@dataclass(frozen=True)
class ImportWarning:  # noqa: A001 (the name the contract uses)
    """One problem found while importing, located by file, sheet, row and column letter.

    In a Word or PDF document ``place`` names the page and table (``"page 3, table 2"``)
    and ``row`` is the row within that table.
    """

    message: str
    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    place: str | None = None
    advice: str = ""
    """What the user can do about it, as a key each front end words its own way
    (``"columns"``: map the column, ``"language"``: choose another language, ``"sheet"``)."""

    def __str__(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.place is not None:
            parts.append(self.place)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        return f"{', '.join(parts)}: {self.message}"


_PLACE = re.compile(r"^(.+?(?:, sheet '[^']*')?(?:, row \d+)?(?:, column [A-Z]+)?): (.*)$", re.S)


def split_warning(sentence: str) -> tuple[str, str]:
    """``("file.xlsx, sheet 'S', row 9", "message")`` of a warning kept as text (``str(w)``);
    ``("", sentence)`` when it names no place."""
    match = _PLACE.match(sentence)
    return (match.group(1), match.group(2)) if match else ("", sentence)


@dataclass(frozen=True)
class ImportResult:
    """The criteria read from one sheet or CSV file, with what was understood and what was odd."""

    criteria: tuple[Criterion, ...]
    file: str
    path: Path
    sha256: str
    sheet: str | None
    sheets: tuple[str, ...]
    header_row: int
    columns: Mapping[str, str]
    column_letters: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[ImportWarning, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    tables: int | None = None
    pages: int | None = None
    language: str | None = None
    """The language the text was taken in, when the file holds several (or says its own)."""
    languages: tuple[str, ...] = ()
    """Every language the file holds the text in (codes such as ``en``, ``fr``)."""
    proposed_name: str | None = None
    """The program's name as the document gives it (title row, metadata, document title)."""
    proposed_version: str | None = None
    """The version or date label the document gives (``Rev. 3``, ``1 July 2023``)."""
    title_source: str = ""
    """Where the proposed name was found, e.g. "row 1" or "the metadata sheet 'framework_meta'"."""

    @property
    def sections(self) -> dict[str, int]:
        """Criteria per section, in file order ("" counts criteria without a section)."""
        counts: dict[str, int] = {}
        for c in self.criteria:
            counts[c.section] = counts.get(c.section, 0) + 1
        return counts

    @property
    def levels(self) -> dict[str, int]:
        """Criteria per level ("Must", "Should", and ``NO_LEVEL`` for blank or unknown)."""
        counts: dict[str, int] = {}
        for c in self.criteria:
            key = c.level.value if c.level is not None else NO_LEVEL
            counts[key] = counts.get(key, 0) + 1
        return counts

    def to_program(self, name: str, version: str = "") -> Program:
        """The criteria as a Program named by the user."""
        return Program(
            name=name,
            criteria=self.criteria,
            version=version,
            source_file=self.file,
            sha256=self.sha256,
        )

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready summary (what ``criteria-compare inspect --json`` prints)."""
        return {
            "file": self.file,
            "path": printable(str(self.path)),
            "sha256": self.sha256,
            "sheet": self.sheet,
            "sheets": list(self.sheets),
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "tables": self.tables,
            "pages": self.pages,
            "header_row": self.header_row,
            "columns": dict(self.columns),
            "column_letters": dict(self.column_letters),
            "criteria": len(self.criteria),
            "sections": self.sections,
            "levels": self.levels,
            "language": self.language,
            "languages": list(self.languages),
            "proposed_name": self.proposed_name,
            "proposed_version": self.proposed_version,
            "warnings": [str(w) for w in self.warnings],
        }


@dataclass(frozen=True)
class Preview:
    """The top of a sheet as text, for a column-mapping wizard.

    ``rows`` holds the non-blank rows as ``(row_number, cells)``, from the top
    down to ``max_rows`` rows below the header; ``roles`` maps a 0-based column
    index to the role the importer would give it. ``header_row`` is None when
    no header was recognised (``rows`` then holds the first ``max_rows`` rows).
    ``tail`` holds the last non-blank rows after those (where footer and summary rows
    sit), when they were asked for; ``places`` names a document's rows by table and row.
    """

    file: str
    sheet: str | None
    sheets: tuple[str, ...]
    header_row: int | None
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    roles: Mapping[int, str]
    encoding: str | None = None
    tail: tuple[tuple[int, tuple[str, ...]], ...] = ()
    places: Mapping[int, str] = field(default_factory=dict)

    @property
    def headers(self) -> tuple[str, ...]:
        """The header row's cells (empty when no header was recognised)."""
        for number, cells in self.rows:
            if number == self.header_row:
                return cells
        return ()
