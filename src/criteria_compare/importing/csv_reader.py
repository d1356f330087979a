"""The .csv/.tsv/.txt reader: encoding detection (UTF-8, BOM, UTF-16, cp1252) and delimiter sniffing."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.cells import (
    clean_text,
    column_letter,
    looks_like_ref,
    utf16_without_bom,
)
from criteria_compare.importing.raw import (
    HEAD_SCAN_LIMIT,
    RawRow,
    RawSheet,
    check_width,
    take_head,
)
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["DELIMITERS", "CsvReader", "allow_fields_up_to", "decode_text", "sniff_delimiter"]

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_LINES = 60


def decode_text(data: bytes) -> tuple[str, str, str | None]:
    """``(text, encoding, notice)``: UTF-8 (with or without BOM), UTF-16 with a BOM or
    recognised without one, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = utf16_without_bom(data[:8192]) or "utf-8"
    try:
        return data.decode(encoding), encoding, None
    except UnicodeDecodeError:
        if encoding.startswith("utf-16-"):
            raise ImportFailed(
                "the file looks like UTF-16 text without a byte-order mark but does not decode "
                "as such; save it as UTF-8 (CSV UTF-8)."
            ) from None
        if encoding != "utf-8":
            raise ImportFailed(
                f"the file starts with a {encoding} byte-order mark but is not valid "
                f"{encoding}; save it again as CSV UTF-8."
            ) from None
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        notice = (
            f"the file is not UTF-8, so it was read as Windows-1252 ({fallback}); check accented "
            "letters, or save it as CSV UTF-8 to be sure."
        )
        return text, fallback, notice
    raise AssertionError("latin-1 decodes any bytes")


def sniff_delimiter(text: str, preferred: str = ",") -> str:
    """The delimiter among , ; tab | that splits the first lines into the most consistent columns."""
    sample = "\n".join(text.splitlines()[:_SNIFF_LINES])
    best, best_key = preferred, (0.0, 0, 0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:  # the reader names the row when it meets the same problem
            continue
        if not widths:
            continue
        common = Counter(w for w in widths if w > 1).most_common(1)
        if not common:
            continue
        width, count = common[0]
        # the share of lines at the common width comes first: a delimiter that also occurs
        # inside cells (or breaks quoted line breaks apart) splits more lines, less evenly
        share = round(count / len(widths), 2)
        key = (share, count, width, 1 if delimiter == preferred else 0)
        if key > best_key:
            best, best_key = delimiter, key
    return best


def allow_fields_up_to(chars: int) -> None:
    """Let the csv module read fields of up to ``chars`` characters.

    Its default of 131,072 is not a limit of ours: a field can be as long as the file
    allows (ImportLimits.max_bytes), and the importer then cuts cells to Excel's 32,767
    characters with a warning naming the cell. The setting is process-wide, so it only grows.
    """
    if csv.field_size_limit() < chars:
        csv.field_size_limit(chars)


class CsvReader:
    """Reads one delimited text file as a single sheet without a name."""

    def __init__(self, source: SourceFile, limits: ImportLimits) -> None:
        self._source = source
        self._limits = limits
        allow_fields_up_to(limits.max_bytes + 1)
        try:
            text, encoding, notice = decode_text(source.data)
        except ImportFailed as exc:
            raise ImportFailed(f"{source.name}: {exc}") from None
        if "\x00" in text:
            raise ImportFailed(
                f"{source.name} holds binary data, not text; export the criteria as .csv "
                "(UTF-8) or save them as .xlsx."
            )
        self._text = text.lstrip("\ufeff")
        self.encoding: str | None = encoding
        self._notice = notice
        preferred = "\t" if source.suffix in (".tsv", ".tab") else ","
        self.delimiter: str | None = sniff_delimiter(self._text, preferred)

    def sheet_names(self) -> tuple[str, ...]:
        return ()

    def is_hidden(self, sheet: str | None) -> bool:
        return False

    def _records(
        self, max_rows: int | None, cancel: CancelCheck | None = None
    ) -> Iterator[tuple[int, tuple[str, ...] | None]]:
        limits, name = self._limits, self._source.name
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter or ",")
        number = filled = 0
        try:
            for record in reader:
                number += 1
                if max_rows is not None and number > max_rows:
                    return
                if not number % 2000:
                    check_cancel(cancel)
                if len(record) > limits.max_columns:
                    check_width(record, limits.max_columns, name, number)
                    record = record[: limits.max_columns]
                cells = [clean_text(c) for c in record]
                while cells and not cells[-1]:
                    cells.pop()
                if not cells:
                    yield number, None
                    continue
                filled += 1
                if filled > limits.max_rows:
                    raise ImportFailed(
                        f"{name} has more than {limits.max_rows:,} rows with data, over the "
                        "import limit; split the file or delete unused rows."
                    )
                yield number, tuple(cells)
        except csv.Error as exc:
            raise ImportFailed(
                f"{name}, row {number + 1} could not be read as CSV ({exc}); check the quotes "
                "in that row."
            ) from None

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        return take_head(self._records(HEAD_SCAN_LIMIT), max_rows)

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        rows: list[RawRow] = []
        last = 0
        for number, cells in self._records(None, cancel):
            last = number
            if cells is not None:
                rows.append((number, cells))
        notes: tuple[str, ...] = (self._notice,) if self._notice else ()
        notes += tuple(self._unclosed_quotes(rows))
        return RawSheet(name=None, rows=tuple(rows), last_row=last, notes=notes)

    def _unclosed_quotes(self, rows: list[RawRow]) -> Iterator[str]:
        """Cells whose later lines read like rows of their own (``1.2,Text``): a quote opened
        in that row was never closed, so the rows after it became part of one cell."""
        delimiter = self.delimiter or ","
        # a torn-off row holds (nearly) a full row's delimiters, not a comma in a sentence
        width = max((len(cells) for _, cells in rows[:50]), default=2)
        needed = max(1, width - 2)
        for number, cells in rows:
            for index, cell in enumerate(cells):
                if "\n" not in cell or delimiter not in cell:
                    continue
                swallowed = sum(
                    1
                    for line in cell.split("\n")[1:]
                    if line.count(delimiter) >= needed
                    and looks_like_ref(line.split(delimiter, 1)[0].strip().strip('"'))
                )
                if swallowed:
                    rows_were = "row was" if swallowed == 1 else "rows were"
                    yield (
                        f'row {number}, column {column_letter(index + 1)}: a quote (") opened '
                        f"in this cell is never closed, so {swallowed} more {rows_were} read as "
                        "part of its text; close the quote, or save the file again from the "
                        "spreadsheet program."
                    )

    def close(self) -> None:
        self._text = ""
