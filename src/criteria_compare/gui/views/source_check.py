"""What the wizard learns from one spreadsheet: preview, import result, column roles (no widgets)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.resources import sample_path
from criteria_compare.workflow.sample import SAMPLE_PARTNER, SAMPLE_REFERENCE

if TYPE_CHECKING:  # the importer is loaded by the first check, not at start-up
    from criteria_compare.importing import ImportResult, Preview

__all__ = [
    "IGNORE",
    "OPTIONAL_ROLES",
    "PREVIEW_ROWS",
    "PREVIEW_TAIL",
    "REQUIRED_ROLES",
    "ROLE_LABELS",
    "SPREADSHEET_FILTER",
    "SPREADSHEET_SUFFIXES",
    "SourceCheck",
    "check_source",
    "column_letter",
    "column_number",
    "default_name",
]

IGNORE = "ignore"
ROLE_LABELS: dict[str, str] = {
    "ref": "Ref (ID)",
    "text": "Criterion text",
    "section": "Section",
    "level": "Must / Should",
    "guidance": "Guidance",
    "title": "Title (name)",
    "depth": "Depth (hierarchy)",
    "assessable": "Assessable mark",
    IGNORE: "— ignore —",
}
SPREADSHEET_FILTER = (
    "Criteria files (*.xlsx *.xlsm *.csv *.tsv *.txt *.docx *.pdf *.json *.yaml *.yml);;"
    "Spreadsheets (*.xlsx *.xlsm *.csv *.tsv *.txt);;Word documents (*.docx);;"
    "PDF documents (*.pdf);;OSCAL catalogs and CISO Assistant libraries (*.json *.yaml *.yml);;"
    "All files (*)"
)
SPREADSHEET_SUFFIXES = frozenset(
    {".xlsx", ".xlsm", ".csv", ".tsv", ".txt", ".xls", ".docx", ".doc", ".pdf"}
    | {".json", ".yaml", ".yml"}
)
PREVIEW_ROWS = 12
PREVIEW_TAIL = 4  # the last rows too: footer and summary rows sit there
REQUIRED_ROLES = ("ref", "text")
OPTIONAL_ROLES = frozenset({"section", "level", "guidance", "title", "depth", "assessable"})


def column_letter(index: int) -> str:
    """Spreadsheet letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class SourceCheck:
    """What one read of a spreadsheet found: its sheets, a preview and the import result or error."""

    path: Path
    sheets: tuple[str, ...]
    preview: Preview | None
    result: ImportResult | None
    error: str | None


def column_number(letters: str) -> int:
    """0-based index of spreadsheet column letters (A -> 0, AA -> 26)."""
    n = 0
    for ch in letters.strip().upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def check_source(
    path: Path,
    sheet: str | None,
    columns: Mapping[str, str | None] | None,
    progress: ProgressCallback,
    cancel: CancelCheck,
    *,
    language: str | None = None,
    other: ImportResult | None = None,
) -> SourceCheck:
    """Preview and import one spreadsheet (run in a worker); user errors become ``error``.

    ``columns`` maps roles to column letters; a role mapped to None has no column
    (the importer neither reads nor detects it), so "ignore" in the wizard means ignore.
    ``language`` is the user's choice for a file in several languages; without it the
    language of ``other`` (the other program, when already read) is preferred.
    """
    from criteria_compare.importing import preview, read_criteria, text_language

    progress(0, 2, f"Reading {path.name}…")
    pre = preview(path, sheet=sheet, max_rows=PREVIEW_ROWS, tail_rows=PREVIEW_TAIL)
    sheets = tuple(pre.sheets)
    progress(1, 2, f"Importing {path.name}…")
    try:
        result = read_criteria(
            path,
            sheet=pre.sheet,
            columns=columns,
            cancel=cancel,
            language=language,
            prefer_language=text_language(other) if other is not None and not language else None,
        )
    except CriteriaCompareError as exc:
        return SourceCheck(path, sheets, pre, None, str(exc))
    return SourceCheck(path, sheets, pre, result, None)


def default_name(path: Path, side: str) -> str:
    if path == sample_path(SAMPLE_REFERENCE):
        return "CTPAT MSC (Importers)"
    if path == sample_path(SAMPLE_PARTNER):
        return "Meridia AEO"
    if path == sample_path("partner_oea_es.csv"):
        return "Valdoria OEA"
    stem = re.sub(r"[_\-]+", " ", path.stem).strip()
    return stem[:1].upper() + stem[1:] if stem else side.capitalize()
