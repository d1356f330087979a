"""The PDF reader: the criteria tables of a PDF with a text layer, rebuilt from the page layout.

pdfplumber (on pdfminer.six, pure Python) opens the file and interprets each page; nothing
in the file is run or fetched (JavaScript, embedded files, links and remote images are
never touched; a note says when the file holds any). From each page's characters and
drawn lines this module rebuilds:

- ruled tables: the grid of the ruling lines, found with pdfplumber's edge merging and
  cell detection; each character goes to the cell that holds its centre, so the text of
  neighbouring columns never interleaves;
- borderless tables: a line that reads like a criteria header sets the columns by where
  its cells start; below it a line with text in the ref column starts a row, the other
  lines carry on the cells above them; the columns carry over to the next page;
- headings: lines outside the tables set in bold or a larger font, or numbered like a
  category ("3. Business Partners"), become section rows between the tables;
- running headers, footers and page numbers (lines in the top or bottom band of the page
  that repeat on other pages, or read like "Page 3 of 60") are dropped.

A table that breaks across a page is handed on as parts; importing.document drops the
repeated header row and joins a row split between two pages.
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from criteria_compare.errors import CriteriaCompareError, ImportFailed
from criteria_compare.importing import pdf_streams
from criteria_compare.importing.columns import HEADER_MIN_SCORE, detect_header, header_score
from criteria_compare.importing.document import Block, Heading, Table, assemble
from criteria_compare.importing.raw import RawRow, RawSheet
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["PdfReader"]

_BAND = 0.09  # share of the page height at the top and the bottom where running lines sit
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|seite|página|pagina)?\s*[-–]?\s*\d{1,5}\s*[-–]?\s*(?:(?:of|/|de|sur|von)\s*\d{1,5})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Z]\.)\s+\S")


class _Char(NamedTuple):
    """One drawn character, top-down coordinates (a tuple: pages hold thousands of them)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool
    size: float


@dataclass
class _Line:
    chars: list[_Char]
    more: list[_Line] = dataclasses.field(default_factory=list)
    """The lines a wrapped heading carries on to (see ``_join_wrapped``)."""

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def bottom(self) -> float:
        return max(c.bottom for c in (self.more[-1] if self.more else self).chars)

    @property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def bold(self) -> bool:
        letters = [c for c in self.chars if c.text.strip()]
        return bool(letters) and all(c.bold for c in letters)

    def text(self, chars: Sequence[_Char] | None = None) -> str:
        if chars is None and self.more:
            return " ".join([self.text(self.chars), *(line.text() for line in self.more)])
        return _join(sorted(chars if chars is not None else self.chars, key=lambda c: c.x0))

    def segments(self, gap: float) -> list[list[_Char]]:
        """The line cut where the space between two characters is wider than ``gap``."""
        parts: list[list[_Char]] = []
        for ch in sorted(self.chars, key=lambda c: c.x0):
            if not ch.text.strip():
                continue
            if parts and ch.x0 - parts[-1][-1].x1 <= gap:
                parts[-1].append(ch)
            else:
                parts.append([ch])
        return parts


def _join(chars: Sequence[_Char]) -> str:
    """Characters of one line in reading order, a space where the layout leaves one."""
    out: list[str] = []
    last: _Char | None = None
    for ch in chars:
        gap = last is not None and ch.x0 - last.x1 > 0.2 * max(ch.size, 1.0)
        if gap and out and out[-1] != " " and ch.text != " ":
            out.append(" ")
        if ch.text == " " and (not out or out[-1] == " "):
            last = ch
            continue
        out.append(ch.text)
        last = ch
    return "".join(out).strip()


def _join_wrapped(lines: list[_Line], body: float) -> list[_Line]:
    """``lines`` with a heading wrapped over several lines joined into one: consecutive lines
    in the same heading type (bold or larger than the body), each a single run of text,
    aligned left or centred alike and set close below each other."""
    out: list[_Line] = []
    for line in lines:
        last = out[-1] if out else None
        if (
            last is not None
            and _heading_like(last, body)
            and _heading_like(line, body)
            and abs(line.size - last.size) < 0.3
            and line.bold == last.bold
            and line.top - last.bottom < 0.7 * line.size
            and _aligned(last.more[-1] if last.more else last, line)
        ):
            last.more.append(line)
            continue
        out.append(line)
    return out


def _heading_like(line: _Line, body: float) -> bool:
    return (line.bold or line.size > body * 1.15) and len(line.segments(1.2 * line.size)) == 1


def _aligned(upper: _Line, lower: _Line) -> bool:
    centred = abs((upper.x0 + upper.x1) - (lower.x0 + lower.x1)) / 2 < 3.0
    return abs(upper.x0 - lower.x0) < 2.0 or centred


def _lines(chars: Sequence[_Char]) -> list[_Line]:
    """Characters grouped into lines by their vertical position (top to bottom)."""
    lines: list[_Line] = []
    for ch in sorted(chars, key=lambda c: (round(c.top, 1), c.x0)):
        if lines:
            line = lines[-1]
            first = line.chars[0]
            if abs(ch.top - first.top) <= 0.4 * max(first.size, 1.0):
                line.chars.append(ch)
                continue
        lines.append(_Line([ch]))
    return lines


def _cell_text(chars: Sequence[_Char], left: float, right: float) -> str:
    """A cell's lines joined: a line ending well short of the cell's right edge ends a
    paragraph or a list item (a line break), the others wrapped (a space); a word
    hyphenated at the end of a full line is joined again."""
    lines = _lines(chars)
    out = ""
    for i, line in enumerate(lines):
        text = line.text()
        if not text:
            continue
        if out:
            previous = lines[i - 1]
            short = previous.x1 < right - max(0.25 * (right - left), 4 * previous.size)
            if not short and out[-1] == "-" and out[-2:-1].isalpha() and text[:1].islower():
                out = out[:-1] + text  # a word hyphenated at the end of the line
                continue
            out += ("\n" if short else " ") + text
        else:
            out = text
    return out


def _edges(obj: Any, height: float) -> Iterator[dict[str, Any]]:
    """The ruling edges of one drawn line or rectangle, in pdfplumber's edge form."""
    from pdfminer.layout import LTCurve, LTLine, LTRect

    def edge(x0: float, top: float, x1: float, bottom: float, kind: str) -> dict[str, Any]:
        return {
            "x0": x0,
            "x1": x1,
            "top": top,
            "bottom": bottom,
            "doctop": top,
            "width": x1 - x0,
            "height": bottom - top,
            "orientation": "v" if kind == "v" else "h",
            "object_type": "rect_edge",
        }

    x0, x1 = obj.x0, obj.x1
    top, bottom = height - obj.y1, height - obj.y0
    if isinstance(obj, LTRect) or (isinstance(obj, LTCurve) and not isinstance(obj, LTLine)):
        if x1 - x0 < 3 and bottom - top > 3:  # a thin filled rectangle drawn as a rule
            yield edge((x0 + x1) / 2, top, (x0 + x1) / 2, bottom, "v")
        elif bottom - top < 3 and x1 - x0 > 3:
            yield edge(x0, (top + bottom) / 2, x1, (top + bottom) / 2, "h")
        elif isinstance(obj, LTRect):
            yield edge(x0, top, x1, top, "h")
            yield edge(x0, bottom, x1, bottom, "h")
            yield edge(x0, top, x0, bottom, "v")
            yield edge(x1, top, x1, bottom, "v")
    elif isinstance(obj, LTLine):
        if abs(x1 - x0) < 1:
            yield edge(x0, top, x0, bottom, "v")
        elif abs(bottom - top) < 1:
            yield edge(x0, top, x1, top, "h")


def _closing_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rules that close a row left open where a table breaks across a page: where several
    vertical rules end (or start) at the same height with no horizontal rule there."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    added: list[dict[str, Any]] = []
    for key in ("bottom", "top"):
        ends: dict[int, list[dict[str, Any]]] = {}
        for e in vertical:
            ends.setdefault(round(e[key]), []).append(e)
        for y, group in ends.items():
            if len(group) < 2:
                continue
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            closed = any(
                abs(h["top"] - y) <= 2 and h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2
                for h in horizontal
            )
            if not closed:
                added.append({**group[0], "x0": x0, "x1": x1, "top": y, "bottom": y,
                              "doctop": y, "width": x1 - x0, "height": 0,
                              "orientation": "h"})  # fmt: skip
    return added


def _grids(edges: list[dict[str, Any]]) -> list[list[list[tuple[float, ...] | None]]]:
    """Ruled tables as rows of cell boxes (None where a merged cell spans), top to bottom."""
    from pdfplumber.table import (
        Table as PlumberTable,
    )
    from pdfplumber.table import (
        cells_to_tables,
        edges_to_intersections,
        intersections_to_cells,
        merge_edges,
    )

    if len(edges) < 4:
        return []
    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [e for e in merged if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
    merged += _closing_edges(merged)
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
    grids = []
    for found in cells_to_tables(cells):
        table = PlumberTable(None, found)  # type: ignore[arg-type]  # rows need only the cells
        rows: list[list[tuple[float, ...] | None]] = [list(row.cells) for row in table.rows]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            grids.append(rows)
    grids.sort(key=lambda rows: min(c[1] for r in rows for c in r if c))
    return grids


@dataclass
class _Columns:
    """A borderless table's column starts and the index of its ref column."""

    starts: list[float]
    ref: int

    def index(self, x: float) -> int:
        found = 0
        for i, start in enumerate(self.starts):
            if x >= start - 2:
                found = i
        return found


class _PageReader:
    """Turns pages into blocks (headings and table parts), remembering what crosses pages."""

    def __init__(self, name: str, limits: ImportLimits) -> None:
        self.name, self.limits = name, limits
        self.table_count = 0
        self.columns: _Columns | None = None  # a borderless table running on

    def place(self, page: int) -> str:
        self.table_count += 1
        if self.table_count > self.limits.max_tables:
            raise ImportFailed(
                f"{self.name} holds more than {self.limits.max_tables:,} tables, over the "
                "import limit; split the document or copy the criteria to a workbook."
            )
        return f"page {page}, table {self.table_count}"

    def ruled(
        self, page: int, grid: list[list[tuple[float, ...] | None]], chars: list[_Char]
    ) -> Table:
        width = max(len(r) for r in grid)
        if width > self.limits.max_columns:
            raise ImportFailed(
                f"{self.name}, page {page} has a table of {width} columns, beyond the import "
                f"limit of {self.limits.max_columns}; copy the criteria to a workbook."
            )
        boxes = [box for row in grid for box in row if box is not None]
        texts: dict[tuple[float, ...], list[_Char]] = {box: [] for box in boxes}
        # the row by its top edge, then the cell by its left edge (bisect both); a cell
        # merged down from a row above is looked for in the rows above
        rows_by_top = sorted(
            (min(b[1] for b in row if b), sorted(b for b in row if b)) for row in grid if any(row)
        )
        tops = [top for top, _ in rows_by_top]
        lefts = [[b[0] for b in row] for _, row in rows_by_top]
        for ch in chars:
            cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
            for k in range(bisect.bisect_right(tops, cy) - 1, -1, -1):
                row = rows_by_top[k][1]
                i = bisect.bisect_right(lefts[k], cx) - 1
                if i >= 0:
                    b = row[i]
                    if cx <= b[2] and b[1] <= cy <= b[3]:
                        texts[b].append(ch)
                        break
        rows = tuple(
            tuple("" if box is None else _cell_text(texts[box], box[0], box[2]) for box in row)
            for row in grid
        )
        return Table(rows, f"page {page}, table {self.table_count}")

    def header_columns(self, line: _Line) -> _Columns | None:
        gap = 1.2 * line.size
        segments = line.segments(gap)
        if len(segments) < 2:
            return None
        cells = tuple(_join(s) for s in segments)
        if header_score(cells) < HEADER_MIN_SCORE:
            return None
        found = detect_header([(1, cells)])
        ref = found[1]["ref"][0] if found is not None and "ref" in found[1] else 0
        return _Columns([s[0].x0 for s in segments], ref)

    def heading(self, page: int, line: _Line, text: str, body: float) -> Heading:
        """A line outside the tables: a heading (bold, larger or numbered) or a paragraph."""
        strong = line.bold or line.size > body * 1.15
        numbered = _NUMBERED.match(text) is not None and len(text) < 150
        return Heading(text, strong or numbered, f"page {page}", size=line.size)

    def borderless(self, page: int, lines: list[_Line]) -> Iterator[Block]:
        """Blocks of the lines outside ruled tables: headings, and table rows laid out by
        the columns of a header line (on this page, or carried over from the last one)."""
        rows: list[list[list[_Char]]] = []
        table_place = ""

        def flush() -> Iterator[Block]:
            nonlocal rows
            if rows and self.columns is not None:
                width = len(self.columns.starts)
                cells = []
                for row in rows:
                    texts = []
                    for i in range(width):
                        left = self.columns.starts[i]
                        right = self.columns.starts[i + 1] if i + 1 < width else 10_000.0
                        texts.append(_cell_text(row[i], left, right))
                    cells.append(tuple(texts))
                continues = not table_place.endswith("*")
                yield Table(tuple(cells), table_place.rstrip("*"), continues=continues)
            rows = []

        body = _body_size([c for line in lines for c in line.chars])
        lines = _join_wrapped(lines, body)
        for line in lines:
            strong = line.bold or line.size > body * 1.15
            header = self.header_columns(line)
            if header is not None:
                yield from flush()
                self.columns = header
                table_place = self.place(page) + "*"  # a new table starts here
                rows = [[[] for _ in header.starts]]
                for segment in line.segments(1.2 * line.size):
                    rows[0][header.index(segment[0].x0)].extend(segment)
                continue
            segments = line.segments(1.2 * line.size)
            text = line.text()
            if self.columns is None or (strong and len(segments) == 1) or not text:
                yield from flush()
                self.columns = None if strong or self.columns is None else self.columns
                if text:
                    yield self.heading(page, line, text, body)
                continue
            if not rows:
                table_place = self.place(page)
                rows = []
            placed: list[list[_Char]] = [[] for _ in self.columns.starts]
            for segment in segments:
                placed[self.columns.index(segment[0].x0)].extend(segment)
            if placed[self.columns.ref] or not rows:
                rows.append(placed)
            else:
                for i, chars in enumerate(placed):
                    rows[-1][i].extend(chars)
        yield from flush()

    def blocks(self, page: int, chars: list[_Char], edges: list[dict[str, Any]]) -> list[Block]:
        grids = _grids(edges)
        boxes = []
        for grid in grids:
            cells = [c for r in grid for c in r if c]
            boxes.append((min(c[0] for c in cells), min(c[1] for c in cells),
                          max(c[2] for c in cells), max(c[3] for c in cells)))  # fmt: skip
        outside: list[_Char] = []
        in_table: list[list[_Char]] = [[] for _ in boxes]
        for ch in chars:
            cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
            for k, b in enumerate(boxes):
                if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]:
                    in_table[k].append(ch)
                    break
            else:
                outside.append(ch)
        events: list[tuple[float, int, Any]] = [
            (b[1], 1, (g, found)) for b, g, found in zip(boxes, grids, in_table, strict=True)
        ]
        if not grids:
            return list(self.borderless(page, _lines(outside)))
        self.columns = None
        blocks: list[Block] = []
        body = _body_size(chars)
        events.extend((line.top, 0, line) for line in _join_wrapped(_lines(outside), body))
        events.sort(key=lambda e: (e[0], e[1]))
        first_table = True
        for _, kind, item in events:
            if kind == 0:
                text = item.text()
                if text:
                    blocks.append(self.heading(page, item, text, body))
                    first_table = False
                continue
            grid, found = item
            self.place(page)
            table = self.ruled(page, grid, found)
            continues = first_table and not any(isinstance(b, Heading) for b in blocks)
            blocks.append(Table(table.rows, table.place, continues=continues))
            first_table = False
        return blocks


def _body_size(chars: Sequence[_Char]) -> float:
    """The most common font size: the size of the body text."""
    sizes = Counter(round(c.size, 1) for c in chars if c.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _page_objects(layout: Any, height: float) -> tuple[list[_Char], list[dict[str, Any]]]:
    from pdfminer.layout import LTChar, LTContainer, LTCurve

    chars: list[_Char] = []
    edges: list[dict[str, Any]] = []
    bold_fonts: dict[str, bool] = {}
    stack = [layout]
    while stack:
        container = stack.pop()
        for obj in container:
            if obj.__class__ is LTChar or isinstance(obj, LTChar):
                text = obj.get_text()
                if not text.isascii():
                    text = unicodedata.normalize("NFKC", text)
                font = obj.fontname
                bold = bold_fonts.get(font)
                if bold is None:
                    name = str(font).lower()
                    bold = bold_fonts[font] = any(w in name for w in ("bold", "black", "heavy"))
                chars.append(
                    _Char(text, obj.x0, obj.x1, height - obj.y1, height - obj.y0, bold, obj.size)
                )
            elif isinstance(obj, LTCurve):
                edges.extend(_edges(obj, height))
            elif isinstance(obj, LTContainer):
                stack.append(obj)
    return chars, edges


def _running_lines(pages: list[tuple[list[_Char], float]]) -> list[set[int]]:
    """Per page, the indexes of characters on running header, footer and page-number lines."""
    keyed: list[list[tuple[str, list[int]]]] = []
    counts: Counter[str] = Counter()
    for chars, height in pages:
        found: list[tuple[str, list[int]]] = []
        index = {id(c): k for k, c in enumerate(chars)}
        band = [c for c in chars if c.bottom < height * _BAND or c.top > height * (1 - _BAND)]
        for line in _lines(band):
            text = line.text()
            key = _DIGITS.sub("#", text.casefold())
            found.append(
                (
                    key if not _PAGE_NUMBER.fullmatch(text) else "#page",
                    [index[id(c)] for c in line.chars],
                )
            )
        keyed.append(found)
        counts.update({k for k, _ in found})
    dropped: list[set[int]] = []
    for found in keyed:
        drop: set[int] = set()
        for key, members in found:
            if key == "#page" or (counts[key] >= 2 and len(pages) >= 2):
                drop.update(members)
        dropped.append(drop)
    return dropped


def _refused(name: str, exc: BaseException) -> ImportFailed:
    # pdfplumber wraps pdfminer's exception in its own (the original is its first argument)
    inner = next((a for a in exc.args if isinstance(a, ImportFailed)), None)
    if inner is not None:  # the stream budget, raised inside pdfminer
        return inner
    kinds = [type(exc).__name__, *(type(a).__name__ for a in exc.args if isinstance(a, Exception))]
    if any("Password" in kind or "Encrypt" in kind for kind in kinds):
        return ImportFailed(
            f"{name} is encrypted with a password; open it, save a copy without the password "
            "(or export it again from the source document) and import that."
        )
    return ImportFailed(
        f"{name} could not be read as a PDF (it is damaged or not a PDF); export it again "
        "from the source document."
    )


class PdfReader:
    """Reads the criteria tables of a PDF with a text layer as one sheet without a name."""

    encoding: str | None = None
    delimiter: str | None = None

    def __init__(self, source: SourceFile, limits: ImportLimits) -> None:
        self._source, self._limits = source, limits
        self._sheet: RawSheet | None = None
        try:
            import pdfplumber

            with pdf_streams.budget(source.name, len(source.data), limits):
                self._pdf: Any = pdfplumber.open(io.BytesIO(source.data))
                self._notes = self._check_catalog()
        except CriteriaCompareError:
            raise
        except Exception as exc:  # pdfminer raises many types on damaged files  # noqa: BLE001
            raise _refused(source.name, exc) from None

    def _check_catalog(self) -> tuple[str, ...]:
        from pdfminer.pdftypes import resolve1

        doc = self._pdf.doc
        catalog = resolve1(doc.catalog) or {}
        pages = resolve1(catalog.get("Pages")) or {}
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
        if isinstance(count, int) and count > self._limits.max_pages:
            raise ImportFailed(
                f"{self._source.name} has {count:,} pages, over the import limit of "
                f"{self._limits.max_pages:,}; export only the pages that hold the criteria."
            )
        names = resolve1(catalog.get("Names")) or {}
        active = []
        if (
            (isinstance(names, dict) and "JavaScript" in names)
            or "OpenAction" in catalog
            or "AA" in catalog
        ):
            active.append("scripts or actions")
        if isinstance(names, dict) and "EmbeddedFiles" in names:
            active.append("embedded files")
        if not active:
            return ()
        return (f"this PDF holds {' and '.join(active)}; they were ignored (never run or opened).",)

    def _metadata_title(self) -> str | None:
        """The document information's Title, when it is text (pdfplumber decodes it)."""
        try:
            title = (self._pdf.metadata or {}).get("Title")
        except Exception:  # noqa: BLE001 - a damaged Info dictionary proposes nothing
            return None
        return title if isinstance(title, str) and title.strip() else None

    def sheet_names(self) -> tuple[str, ...]:
        return ()

    def is_hidden(self, sheet: str | None) -> bool:
        return False

    def _pages(
        self, cancel: CancelCheck | None
    ) -> list[tuple[list[_Char], list[dict[str, Any]], float]]:
        from pdfminer.pdfpage import PDFPage
        from pdfplumber.page import Page

        found = []
        for number, page_obj in enumerate(PDFPage.create_pages(self._pdf.doc), start=1):
            if number > self._limits.max_pages:
                raise ImportFailed(
                    f"{self._source.name} has more than {self._limits.max_pages:,} pages, over "
                    "the import limit; export only the pages that hold the criteria."
                )
            check_cancel(cancel)
            page = Page(self._pdf, page_obj, page_number=number, initial_doctop=0)
            layout = page.layout
            chars, edges = _page_objects(layout, float(layout.height))
            found.append((chars, edges, float(layout.height)))
        return found

    def _read(self, cancel: CancelCheck | None = None) -> RawSheet:
        if self._sheet is not None:
            return self._sheet
        name = self._source.name
        try:
            with pdf_streams.budget(name, len(self._source.data), self._limits):
                pages = self._pages(cancel)
        except CriteriaCompareError:
            raise
        except Exception as exc:  # noqa: BLE001  # pdfminer on a damaged page
            raise _refused(name, exc) from None
        if not pages:
            raise ImportFailed(f"{name} has no pages; export it again from the source document.")
        letters = sum(1 for chars, _, _ in pages for c in chars if c.text.strip())
        unmapped = sum(1 for chars, _, _ in pages for c in chars if c.text.startswith("(cid:"))
        if letters == 0:
            raise ImportFailed(
                f"{name} has no text layer (it is a scan or an image of the pages), so there "
                "is no text to read; export the PDF again from the source document, or use "
                "the Word or spreadsheet version."
            )
        if unmapped > letters // 2:
            raise ImportFailed(
                f"{name} has a text layer whose fonts do not say which letters they draw, so "
                "the text cannot be read; export the PDF again from the source document."
            )
        running = _running_lines([(chars, height) for chars, _, height in pages])
        reader = _PageReader(name, self._limits)
        blocks: list[Block] = []
        for number, ((chars, edges, _), drop) in enumerate(zip(pages, running, strict=True), 1):
            kept = [c for k, c in enumerate(chars) if k not in drop]
            blocks.extend(reader.blocks(number, kept, edges))
        sheet = assemble(
            blocks, name, self._limits, pages=len(pages), metadata_title=self._metadata_title()
        )
        if self._notes:
            sheet = dataclasses.replace(sheet, notes=self._notes + sheet.notes)
        self._sheet = sheet
        return sheet

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        return self._read().rows[:max_rows]

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        return self._read(cancel)

    def close(self) -> None:
        pdf, self._pdf = self._pdf, None
        if pdf is not None:
            pdf.close()
