"""The .xlsx/.xlsm reader: openpyxl in read-only mode with cached values, never evaluating formulas."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from criteria_compare.errors import CriteriaCompareError, ImportFailed
from criteria_compare.importing.cells import (
    clean_text,
    decode_excel_escapes,
    format_number,
    format_temporal,
)
from criteria_compare.importing.raw import (
    HEAD_SCAN_LIMIT,
    RawRow,
    RawSheet,
    check_width,
    refuse_width,
    take_head,
)
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.sheet_xml import SheetFacts, scan_sheet_xml
from criteria_compare.importing.source import SourceFile, check_zip
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["EXCEL_MAX_ROWS", "XlsxReader"]

_TEMPORAL = (dt.datetime, dt.date, dt.time, dt.timedelta)
EXCEL_MAX_ROWS = 1_048_576

# openpyxl warns about workbook features it drops (data validation, extensions); they do not
# change cell values and would only clutter the one-line CLI output.
warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl(\..*)?$")


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _unreadable(name: str, exc: BaseException) -> ImportFailed:
    if any(type(e).__module__.startswith("defusedxml") for e in _causes(exc)):
        return ImportFailed(
            f"{name} contains XML entity or DTD declarations, which are refused for "
            "safety; open it in Excel and save it again as .xlsx."
        )
    if isinstance(exc, zlib.error):
        reason = "a compressed part is damaged"
    elif isinstance(exc, (AttributeError, TypeError, IndexError, KeyError, NotImplementedError)):
        reason = "its parts are not laid out as Excel writes them"  # openpyxl internals, not news
    elif str(exc).strip():
        reason = str(exc).strip().splitlines()[0][:120]
    else:
        reason = type(exc).__name__
    return ImportFailed(
        f"{name} could not be read as an Excel workbook ({reason}); open it in Excel and "
        "save it again as .xlsx."
    )


def _bound_row_width(ws: Any, max_columns: int, where: str) -> None:
    """Make the read-only sheet build rows no wider than ``max_columns``.

    openpyxl pads every row with empty cells up to its last cell, so one formatted
    empty cell at column XFD makes a row of 16,384 cells to walk. The cells the
    XML holds arrive first as a short list; those beyond the limit are checked
    for data (refused, as check_width does) and dropped before the padding is
    built. A future openpyxl without this hook keeps the slower check_width path.
    """
    build = getattr(ws, "_get_row", None)
    if build is None or getattr(build, "bounded", False):
        return

    def bounded(row: list[dict[str, Any]], *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        if row and row[-1]["column"] > max_columns:
            for cell in row:
                value = cell["value"]
                if cell["column"] > max_columns and value is not None and value != "":
                    refuse_width(where, cell["row"], cell["column"], max_columns)
            row = [c for c in row if c["column"] <= max_columns]
        built: tuple[Any, ...] = build(row, *args, **kwargs)
        return built

    bounded.bounded = True  # type: ignore[attr-defined]
    ws._get_row = bounded


@dataclass
class _Marks:
    """Cells (row, 1-based column) that need a word in the report: dates and Excel error values."""

    dates: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


class XlsxReader:
    """Reads worksheets of one workbook through openpyxl's read-only, cached-values mode."""

    encoding: str | None = None
    delimiter: str | None = None

    def __init__(self, source: SourceFile, limits: ImportLimits) -> None:
        self._source = source
        self._limits = limits
        self._archive: zipfile.ZipFile = check_zip(source, limits)
        try:
            import openpyxl

            self._book = openpyxl.load_workbook(
                io.BytesIO(source.data), read_only=True, data_only=True, keep_links=False
            )
            self._sheets = {ws.title: ws for ws in self._book.worksheets}
        except Exception as exc:
            self._archive.close()
            if isinstance(exc, CriteriaCompareError):
                raise
            raise _unreadable(source.name, exc) from None
        if not self._sheets:
            self.close()
            raise ImportFailed(
                f"{source.name} has no worksheets (only charts or nothing); put the "
                "criteria on a worksheet and save it again."
            )

    def sheet_names(self) -> tuple[str, ...]:
        return tuple(self._sheets)

    def is_hidden(self, sheet: str | None) -> bool:
        ws = self._sheets.get(sheet or "")
        return ws is not None and getattr(ws, "sheet_state", "visible") != "visible"

    def _rows(
        self,
        sheet: str,
        max_rows: int | None,
        marks: _Marks,
        cancel: CancelCheck | None = None,
    ) -> Iterator[tuple[int, tuple[str, ...] | None]]:
        """Yield (row number, cell texts or None for a blank row) within the limits."""
        ws = self._sheets[sheet]
        ws.reset_dimensions()  # the stored dimension may lie; rows come as wide as they are
        limits, name = self._limits, self._source.name
        _bound_row_width(ws, limits.max_columns, f"{name}, sheet '{sheet}'")
        number = filled = 0
        rows = ws.iter_rows()
        try:
            for row in rows:
                number += 1
                if max_rows is not None and number > max_rows:
                    return
                if number > EXCEL_MAX_ROWS:
                    raise ImportFailed(
                        f"{name}, sheet '{sheet}' claims more than {EXCEL_MAX_ROWS:,} rows, which "
                        "Excel cannot hold; the file is damaged or was not made by a spreadsheet "
                        "program; save it again from Excel."
                    )
                if not number % 2000:
                    check_cancel(cancel)
                if not row:
                    yield number, None
                    continue
                if len(row) > limits.max_columns:
                    check_width(row, limits.max_columns, f"{name}, sheet '{sheet}'", number)
                    row = row[: limits.max_columns]  # formatted but empty cells further right
                cells = [
                    v.strip()
                    if (v := cell.value).__class__ is str and "\r" not in v
                    else ("" if v is None else self._text(v, cell, number, marks))
                    for cell in row
                ]
                joined = "".join(cells)
                if "#" in joined:
                    for i, text in enumerate(cells):
                        if text[:1] == "#" and getattr(row[i], "data_type", "") == "e":
                            marks.errors[(number, i + 1)] = text
                            cells[i] = ""
                    joined = "".join(cells)
                if "_x" in joined:  # Excel's escapes, e.g. _x000D_ for a pasted CR
                    cells = [decode_excel_escapes(t) if "_x" in t else t for t in cells]
                    joined = "".join(cells)
                if not joined:
                    yield number, None
                    continue
                filled += 1
                if filled > limits.max_rows:
                    raise ImportFailed(
                        f"{name}, sheet '{sheet}' has more than {limits.max_rows:,} rows with data, "
                        "over the import limit; delete unused rows or copy the criteria to a new "
                        "workbook."
                    )
                while not cells[-1]:
                    cells.pop()
                yield number, tuple(cells)
        except CriteriaCompareError:
            raise
        except Exception as exc:  # openpyxl raises many types on damaged files  # noqa: BLE001
            raise _unreadable(name, exc) from None
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()

    @staticmethod
    def _text(value: object, cell: Any, number: int, marks: _Marks) -> str:
        """Text of a non-string cell: numbers through their number format, dates as ISO."""
        kind = value.__class__
        if kind is str:
            return clean_text(value)  # type: ignore[arg-type]
        if kind is int or kind is float:
            return format_number(value, cell.number_format)  # type: ignore[arg-type]
        if kind is bool:
            return "TRUE" if value else "FALSE"
        if isinstance(value, _TEMPORAL):
            marks.dates.add((number, cell.column))
            return format_temporal(value)
        return clean_text(str(value))

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        return take_head(self._rows(sheet or "", HEAD_SCAN_LIMIT, _Marks()), max_rows)

    def _facts(self, sheet: str) -> SheetFacts:
        path = getattr(self._sheets[sheet], "_worksheet_path", None)
        if not path:
            return SheetFacts()
        try:
            xml = self._archive.read(path.lstrip("/"))
        except KeyError:
            return SheetFacts()
        except Exception as exc:  # damaged zip member: zlib, CRC, version errors  # noqa: BLE001
            raise _unreadable(self._source.name, exc) from None
        return scan_sheet_xml(xml, self._limits.max_columns)

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        name = sheet or ""
        marks = _Marks()
        rows: list[RawRow] = []
        last = 0
        for number, cells in self._rows(name, None, marks, cancel):
            last = number
            if cells is not None:
                rows.append((number, cells))
        facts = self._facts(name)
        return RawSheet(
            name=name,
            rows=tuple(rows),
            last_row=last,
            hidden=self.is_hidden(name),
            hidden_rows=facts.hidden_rows,
            hidden_columns=facts.hidden_columns,
            formulas_without_value=facts.formulas_without_value,
            date_cells=frozenset(marks.dates),
            error_cells=dict(marks.errors),
            outline_levels=facts.outline_levels,
            document_title=self._title(),
        )

    def _title(self) -> str | None:
        """The workbook's Title property (File > Info), when set."""
        title = getattr(getattr(self._book, "properties", None), "title", None)
        return " ".join(title.split())[:200] if isinstance(title, str) and title.strip() else None

    def close(self) -> None:
        try:
            self._book.close()
        finally:
            self._archive.close()
