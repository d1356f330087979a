"""The importer's entry points: read_criteria, list_sheets and preview."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing.build import build_criteria
from criteria_compare.importing.columns import (
    HEADER_MIN_SCORE,
    HEADER_SCAN_ROWS,
    HeaderNotFound,
    detect_header,
    find_named_header,
    header_score,
    map_columns,
)
from criteria_compare.importing.meta import SheetMetadata, read_metadata
from criteria_compare.importing.raw import RawRow, SheetReader
from criteria_compare.importing.registry import open_reader
from criteria_compare.importing.result import (
    ImportLimits,
    ImportResult,
    ImportWarning,  # noqa: A004
    Preview,
)
from criteria_compare.importing.source import SourceFile, load_source
from criteria_compare.importing.title import ProposedTitle, propose_title
from criteria_compare.importing.translated import choose_language
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel

__all__ = ["list_sheets", "preview", "read_criteria"]


def _where(source: SourceFile, sheet: str | None) -> str:
    return f"{source.name}, sheet '{sheet}'" if sheet is not None else source.name


@dataclass(frozen=True)
class _SheetChoice:
    sheet: str | None
    also_criteria: tuple[str, ...] = ()  # other sheets that look like criteria tables
    metadata: SheetMetadata = field(default_factory=SheetMetadata)


#: Score bonus of the sheet a metadata sheet names as the requirements table, and the
#: penalty of the metadata sheets themselves and of the tables declared as something else.
_DECLARED_BONUS = 5.0
_META_PENALTY = 20.0
_OTHER_PENALTY = 3.0


def _choose_sheet(
    reader: SheetReader,
    source: SourceFile,
    sheet: str | None,
    columns: Mapping[str, str | None] | None,
) -> _SheetChoice:
    """The sheet the user named, else the one that looks most like a criteria table."""
    names = reader.sheet_names()
    if not names:
        if sheet is not None:
            raise ColumnMappingError(
                f"{source.name} is a text file with no sheets; leave out the sheet name '{sheet}'."
            )
        return _SheetChoice(None)
    heads = {name: reader.head(name, HEADER_SCAN_ROWS + 20) for name in names}
    metadata = read_metadata(heads) if len(names) > 1 else SheetMetadata()
    if sheet is not None:
        return _SheetChoice(_named_sheet(names, sheet, source), metadata=metadata)
    if len(names) == 1:
        return _SheetChoice(names[0])
    scored: list[tuple[tuple[float, int, int], str]] = []
    for position, name in enumerate(names):
        head = heads[name]
        score = max((header_score(cells) for _, cells in head[:HEADER_SCAN_ROWS]), default=0.0)
        if columns and find_named_header(head, columns) is not None:
            score += 10.0  # the headers the user named are on this sheet
        if reader.is_hidden(name):
            score -= 0.5
        if name in metadata.content_sheets:
            score += _DECLARED_BONUS
        elif name in metadata.meta_sheets:
            score -= _META_PENALTY
        elif name in metadata.other_sheets:
            score -= _OTHER_PENALTY
        scored.append(((score, len(head), -position), name))
    scored.sort(reverse=True)
    best_score = scored[0][0][0]
    rivals = tuple(
        name
        for (score, _, _), name in scored[1:]
        if score >= HEADER_MIN_SCORE and score >= best_score - 1
    )
    return _SheetChoice(scored[0][1], rivals, metadata)


def _named_sheet(names: tuple[str, ...], sheet: str, source: SourceFile) -> str:
    """The sheet the user named, matched without regard to case when that is unambiguous."""
    if sheet in names:
        return sheet
    folded = [n for n in names if n.casefold() == sheet.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    listed = ", ".join(f"'{n}'" for n in names)
    raise ColumnMappingError(
        f"{source.name} has no sheet named '{sheet}'; its sheets are {listed}."
    )


def _title_lines(rows: tuple[RawRow, ...], header_row: int) -> list[tuple[str, str]]:
    """The lines above the header row that hold one text (title rows), as ``(where, text)``."""
    lines: list[tuple[str, str]] = []
    for number, cells in rows:
        if number >= header_row:
            break
        filled = [c for c in cells if c]
        if len(filled) == 1:
            lines.append((f"row {number}", filled[0]))
    return lines


def _proposed(
    rows: tuple[RawRow, ...],
    header_row: int,
    document_title: str | None,
    choice: _SheetChoice,
    document_version: str | None,
    language: str | None,
) -> ProposedTitle:
    metadata = choice.metadata
    where = ", ".join(f"'{n}'" for n in metadata.meta_sheets)
    return propose_title(
        _title_lines(rows, header_row),
        document_title=document_title,
        meta_name=metadata.name_in(language),
        meta_version=metadata.version or document_version,
        meta_source=f"the metadata sheet {where}" if where else "",
    )


def read_criteria(
    path: str | Path,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    limits: ImportLimits | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    language: str | None = None,
    prefer_language: str | None = None,
) -> ImportResult:
    """Import the criteria of one workbook sheet or CSV file.

    ``columns`` maps a role (see ROLES) to a header text or a column letter
    and overrides detection for that role; ``None`` says the role has no
    column (it is not detected either). When the text comes in several
    languages (``description[fr]``), ``language`` picks one; by default it is
    ``prefer_language`` (the other program's) when the file has it, else
    English, else the file's own. Raises
    ImportFailed for files that cannot be read, ColumnMappingError for a
    sheet or column that does not exist, and HeaderNotFound (both of those)
    when no header row or no ref/text column can be found.
    """
    limits = limits or ImportLimits()
    if progress is not None:
        progress(0, 3, "Reading the file")
    source = load_source(path, limits)
    with closing(open_reader(source, limits)) as reader:
        choice = _choose_sheet(reader, source, sheet, columns)
        chosen = choice.sheet
        check_cancel(cancel)
        if progress is not None:
            progress(1, 3, "Reading the rows")
        raw = reader.read(chosen, cancel)
        sheets = reader.sheet_names()
        encoding, delimiter = reader.encoding, reader.delimiter
    check_cancel(cancel)
    if progress is not None:
        progress(2, 3, "Recognising the columns")
    where = _where(source, chosen)
    column_map = map_columns(raw.rows, columns, where)
    picked = choose_language(
        column_map,
        raw.rows,
        language=language,
        prefer=prefer_language,
        locale=choice.metadata.locale,
        where=where,
    )
    column_map = picked.columns
    criteria, warnings = build_criteria(raw, column_map, source.name, source.sha256)
    if picked.notice:
        notice = ImportWarning(picked.notice, source.name, chosen, advice="language")
        warnings = (notice, *warnings)
    title = _proposed(
        raw.rows,
        column_map.header_row,
        raw.document_title,
        choice,
        raw.document_version,
        picked.language,
    )
    if choice.also_criteria:
        others = ", ".join(f"'{n}'" for n in choice.also_criteria)
        notice = ImportWarning(
            f"this sheet was chosen, but {others} also looks like a criteria table; name the "
            "sheet to read another one.",
            source.name,
            chosen,
            advice="sheet",
        )
        warnings = (notice, *warnings)
    if progress is not None:
        progress(3, 3, "Done")
    return ImportResult(
        criteria=criteria,
        file=source.name,
        path=source.path,
        sha256=source.sha256,
        sheet=chosen,
        sheets=sheets,
        header_row=column_map.header_row,
        columns=dict(column_map.headers),
        column_letters=column_map.letters,
        warnings=warnings,
        encoding=encoding,
        delimiter=delimiter,
        tables=raw.tables,
        pages=raw.pages,
        language=picked.language,
        languages=picked.languages,
        proposed_name=title.name,
        proposed_version=title.version,
        title_source=title.source,
    )


def list_sheets(path: str | Path, *, limits: ImportLimits | None = None) -> tuple[str, ...]:
    """Worksheet names in workbook order (empty for a CSV file)."""
    limits = limits or ImportLimits()
    source = load_source(path, limits)
    with closing(open_reader(source, limits)) as reader:
        return reader.sheet_names()


def preview(
    path: str | Path,
    *,
    sheet: str | None = None,
    max_rows: int = 20,
    columns: Mapping[str, str | None] | None = None,
    limits: ImportLimits | None = None,
    tail_rows: int = 0,
) -> Preview:
    """The top of the sheet as text with the detected header row and column roles, and
    with ``tail_rows`` the last rows too (reading the whole sheet).

    Never fails for want of a header: ``header_row`` is then None and ``roles``
    empty, so a wizard can ask the user to name the columns.
    """
    limits = limits or ImportLimits()
    source = load_source(path, limits)
    raw = None
    with closing(open_reader(source, limits)) as reader:
        chosen = _choose_sheet(reader, source, sheet, columns).sheet
        head = reader.head(chosen, HEADER_SCAN_ROWS + max_rows)
        sheets, encoding = reader.sheet_names(), reader.encoding
        if tail_rows > 0:
            raw = reader.read(chosen)
    header_row: int | None = None
    roles: dict[int, str] = {}
    mapped = None
    if columns:
        try:
            mapped = map_columns(head, columns, _where(source, chosen))
        except HeaderNotFound:
            mapped = None  # not enough named yet: show what detection finds
    if mapped is not None:
        header_row = mapped.header_row
        roles = {i: role for role, i in mapped.indexes.items()}
    else:
        detected = detect_header(head)
        if detected is not None:
            header_row = detected[0]
            roles = {i: role for role, (i, _) in detected[1].items()}
    if header_row is None:
        rows = head[:max_rows]
    else:
        rows = tuple((n, c) for n, c in head if n <= header_row)
        rows += tuple((n, c) for n, c in head if n > header_row)[:max_rows]
    tail: tuple[tuple[int, tuple[str, ...]], ...] = ()
    places: dict[int, str] = {}
    if raw is not None:
        shown = rows[-1][0] if rows else 0
        tail = tuple((n, c) for n, c in raw.rows if n > shown)[-tail_rows:]
        for n, _ in (*rows, *tail):
            place = raw.places.get(n)
            if place is not None:
                places[n] = (
                    f"{place[0]}, heading" if place[1] is None else f"{place[0]}, row {place[1]}"
                )
    return Preview(
        file=source.name,
        sheet=chosen,
        sheets=sheets,
        header_row=header_row,
        rows=rows,
        roles=roles,
        encoding=encoding,
        tail=tail,
        places=places,
    )
