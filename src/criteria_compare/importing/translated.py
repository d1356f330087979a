"""Choosing the language of a sheet whose text columns come in several languages.

The default is the language the caller prefers (the other program's, when it is
known), else English, else the file's own. The columns of the chosen language
replace the untagged ones; where a translated cell is empty, the untagged cell is
read instead. The other languages are not imported: a notice names them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing.cells import single_line
from criteria_compare.importing.columns import ColumnMap
from criteria_compare.importing.languages import (
    LANGUAGE_NAMES,
    guess_language,
    language_label,
    normalise_locale,
    split_language,
)
from criteria_compare.importing.raw import RawRow

__all__ = ["LanguageChoice", "choose_language"]

_GUESS_ROWS = 60


@dataclasses.dataclass(frozen=True)
class LanguageChoice:
    """The columns to read, the language taken, every language offered, and the notice."""

    columns: ColumnMap
    language: str | None
    languages: tuple[str, ...]
    notice: str | None


def _own_language(columns: ColumnMap, rows: Sequence[RawRow], locale: str | None) -> str | None:
    """The language of the untagged text column: the metadata's locale, else a guess."""
    if locale:
        found = normalise_locale(locale)
        if found:
            return found
    index = columns.indexes["text"]
    sample = [c[index] for n, c in rows if n > columns.header_row and index < len(c)]
    return guess_language(sample[:_GUESS_ROWS])


def _tag(columns: ColumnMap, index: int) -> str | None:
    cells = columns.header_cells
    return split_language(cells[index])[1] if index < len(cells) else None


def choose_language(
    columns: ColumnMap,
    rows: Sequence[RawRow],
    *,
    language: str | None,
    prefer: str | None,
    locale: str | None,
    where: str,
) -> LanguageChoice:
    """Pick the language to import and the columns that hold it (see the module docstring).

    ``language`` is the user's choice (an error names the ones the file holds);
    ``prefer`` the other program's language; ``locale`` the file's own, from its metadata.
    """
    text_tag = _tag(columns, columns.indexes["text"])
    own = text_tag or (
        _own_language(columns, rows, locale)
        if columns.translations
        else normalise_locale(locale)
        if locale
        else None
    )
    offered: list[str] = []
    if own:
        offered.append(own)
    offered += sorted(code for code in columns.translations if code != own)
    if not columns.translations:
        if language and own and language.strip().lower() != own:
            raise ColumnMappingError(
                f"{where} holds its criteria in one language only; leave out the language "
                f"'{language}'."
            )
        return LanguageChoice(columns, own, tuple(offered), None)
    wanted = language.strip().lower() if language else None
    if wanted is not None and wanted not in offered:
        listed = ", ".join(language_label(code) for code in offered)
        raise ColumnMappingError(
            f"{where} has no text in the language '{language}'; it holds {listed}."
        )
    preferred = prefer.strip().lower() if prefer else None
    chosen = wanted or next(
        (code for code in (preferred, "en") if code and code in offered), own or offered[0]
    )
    indexes, fallbacks = dict(columns.indexes), {}
    for role, index in columns.translations.get(chosen, {}).items():
        current = indexes.get(role)
        if current is not None and current != index and _tag(columns, current) != chosen:
            fallbacks[role] = current
        if role in indexes or role in ("text", "title", "guidance"):
            indexes[role] = index
    headers = {
        role: single_line(columns.header_cells[i]) if i < len(columns.header_cells) else role
        for role, i in indexes.items()
    }
    picked = dataclasses.replace(
        columns, indexes=indexes, headers=headers, fallbacks=fallbacks, language=chosen
    )
    others = ", ".join(language_label(code) for code in offered if code != chosen)
    taken = ", ".join(f"'{headers[r]}'" for r in ("text", "title", "guidance") if r in headers)
    why = (
        "as asked"
        if wanted
        else "the other program's language"
        if chosen == preferred
        else "English by default"
        if chosen == "en"
        else "the file's own language"
    )
    notice = (
        f"this sheet holds the criteria in several languages; the text was taken in "
        f"{LANGUAGE_NAMES.get(chosen, chosen)} ({why}) from {taken}; the {others} "
        "columns were not imported; choose another language to import those instead."
    )
    return LanguageChoice(picked, chosen, tuple(offered), notice)
