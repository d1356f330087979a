"""Importing criteria from the spreadsheets people actually keep (.xlsx, .xlsm, .csv, .tsv).

``read_criteria(path)`` picks the sheet that looks most like a criteria table,
finds the header row and the role of each column, reads section rows, keeps
refs as the text Excel shows, and returns an ImportResult whose warnings say
what was odd, by file, sheet, row and column. Files that cannot be imported
raise ImportFailed; a sheet or column that does not exist raises
ColumnMappingError. No Qt here.
"""

from __future__ import annotations

from criteria_compare.importing.api import list_sheets, preview, read_criteria
from criteria_compare.importing.columns import HeaderNotFound
from criteria_compare.importing.headers import match_header, normalise_header
from criteria_compare.importing.languages import LANGUAGE_NAMES, language_label, text_language
from criteria_compare.importing.levels import parse_level
from criteria_compare.importing.result import (
    NO_LEVEL,
    ROLES,
    ImportLimits,
    ImportResult,
    ImportWarning,  # noqa: A004
    Preview,
)

__all__ = [
    "LANGUAGE_NAMES",
    "NO_LEVEL",
    "ROLES",
    "HeaderNotFound",
    "ImportLimits",
    "ImportResult",
    "ImportWarning",
    "Preview",
    "language_label",
    "list_sheets",
    "match_header",
    "normalise_header",
    "parse_level",
    "preview",
    "read_criteria",
    "text_language",
]
