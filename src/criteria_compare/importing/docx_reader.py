"""The Word (.docx) reader: tables anywhere in the body, the headings between them, list numbering.

python-docx opens the package (after the zip-bomb checks of source.check_docx) with an
XML parser that expands no entities; nothing is fetched or run (linked images, external
references and macros are never touched). The body is walked in order, content controls
included. A cell's paragraphs become lines of its text; a merged cell's text sits in its
first grid column (the columns it spans are blank) and a vertically merged cell repeats
its text down the rows it covers, except a ref cell merged down: the rows it covers are
one criterion, their text joined. Word draws list numbers itself (they are not in the
text), so the numbers are computed here from the numbering definitions: decimal, letters,
roman numerals and bullets, multi-level patterns such as ``%1.%2``, start values, start
overrides and restarts of deeper levels; a list's numbers continue across tables.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from criteria_compare.errors import CriteriaCompareError, ImportFailed
from criteria_compare.importing.cells import clean_text
from criteria_compare.importing.document import Block, Heading, Table, assemble
from criteria_compare.importing.raw import RawRow, RawSheet, refuse_width
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import SourceFile, check_docx
from criteria_compare.progress import CancelCheck, check_cancel

__all__ = ["DocxReader", "ListNumbers", "number_label"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt"
_T, _TAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"
_NB_HYPHEN, _VAL = f"{_W}noBreakHyphen", f"{_W}val"
_TEXT_TAGS = frozenset({_T, _TAB, _BR, _CR, _NB_HYPHEN})
_HEADING_STYLE = re.compile(r"heading\s*\d|überschrift|titre\s*\d|t[ií]tulo\s*\d", re.I)
_BULLET = "•"


def _val(element: Any, tag: str, default: str | None = None) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    if found is None:
        return default
    value = found.get(_VAL)
    return default if value is None else str(value)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + letters, n - value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz, aaa...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def number_label(value: int, fmt: str) -> str:
    """One level's number as Word shows it for the number format ``fmt``."""
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return _roman(value)
    if fmt == "upperRoman":
        return _roman(value).upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)  # decimal and the formats this reader does not render (ordinal, CJK...)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    legal: bool


@dataclass
class ListNumbers:
    """Word's list counters: one set per abstract list, advanced paragraph by paragraph."""

    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def from_part(cls, numbering: Any) -> ListNumbers:
        """The definitions of a numbering part's XML element (None: a document with no lists)."""
        found = cls()
        if numbering is None:
            return found
        for abstract in numbering.iterchildren(f"{_W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in abstract.iterchildren(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = _Level(
                    fmt=_val(lvl, "numFmt", "decimal") or "decimal",
                    text=_val(lvl, "lvlText", "") or "",
                    start=_int(_val(lvl, "start"), 1),
                    legal=lvl.find(f"{_W}isLgl") is not None,
                )
            found.abstract[str(abstract.get(f"{_W}abstractNumId"))] = levels
        for num in numbering.iterchildren(f"{_W}num"):
            num_id = str(num.get(f"{_W}numId"))
            found.nums[num_id] = _val(num, "abstractNumId", "") or ""
            starts: dict[int, int] = {}
            for override in num.iterchildren(f"{_W}lvlOverride"):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[_int(override.get(f"{_W}ilvl"), 0)] = _int(start, 1)
            if starts:
                found.overrides[num_id] = starts
        return found

    def next_label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list ``num_id`` at level ``ilvl`` ("" if none)."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or not 0 <= ilvl <= 8:
            return ""
        counters = self.counters.setdefault(abstract_id or "", [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in self.overrides.get(num_id, {}).items():
                if 0 <= level <= 8:
                    counters[level] = start - 1
        current = counters[ilvl]
        start = levels[ilvl].start if ilvl in levels else 1
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        this = levels.get(ilvl)
        if this is None:
            return ""
        if this.fmt == "bullet":
            return _BULLET

        def part(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            if not 0 <= k <= 8:
                return ""
            shown = levels.get(k)
            value = counters[k]
            if value is None:
                value = shown.start if shown is not None else 1
            fmt = "decimal" if shown is None or (this.legal and k < ilvl) else shown.fmt
            return number_label(value, fmt)

        return re.sub(r"%(\d)", part, this.text).strip()


@dataclass(frozen=True)
class _Style:
    name: str
    num: tuple[str, int] | None
    heading: bool
    bold: bool


def _styles(document: Any) -> dict[str, _Style]:
    """Paragraph styles by id: name, list numbering and whether they set headings."""
    raw: dict[str, tuple[str, tuple[str, int] | None, bool, bool, str | None]] = {}
    try:
        root = document.styles.element
    except Exception:  # a package without a styles part  # noqa: BLE001
        return {}
    for style in root.iterchildren(f"{_W}style"):
        style_id = str(style.get(f"{_W}styleId") or "")
        name = _val(style, "name", "") or ""
        ppr = style.find(f"{_W}pPr")
        num = None
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            if num_id is not None:
                num = (num_id, _int(_val(numpr, "ilvl"), 0))
        outline = ppr is not None and ppr.find(f"{_W}outlineLvl") is not None
        rpr = style.find(f"{_W}rPr")
        b = rpr.find(f"{_W}b") if rpr is not None else None
        bold = b is not None and b.get(_VAL) not in ("0", "false")
        heading = bool(_HEADING_STYLE.match(name)) or outline
        raw[style_id] = (name, num, heading, bold, _val(style, "basedOn"))
    styles: dict[str, _Style] = {}
    for style_id, (name, num, heading, bold, based) in raw.items():
        seen = {style_id}
        while based and based in raw and based not in seen and (num is None or not heading):
            seen.add(based)
            parent = raw[based]
            num = num or parent[1]
            heading = heading or parent[2]
            bold = bold or parent[3]
            based = parent[4]
        styles[style_id] = _Style(name, num, heading, bold)
    return styles


class _Walker:
    """Walks the body once, computing list numbers in document order."""

    def __init__(self, document: Any, source: SourceFile, limits: ImportLimits) -> None:
        self.source, self.limits = source, limits
        self.styles = _styles(document)
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbers = ListNumbers.from_part(numbering)
        self.tables = 0

    def paragraph_text(self, p: Any) -> str:
        parts: list[str] = []
        for node in p.iter():
            tag = node.tag
            if tag not in _TEXT_TAGS:
                continue
            if tag == _T:
                parts.append(node.text or "")
            elif tag == _TAB:
                parts.append(" " if node.getparent().tag != f"{_W}tabs" else "")
            elif tag == _NB_HYPHEN:
                parts.append("-")
            else:
                parts.append("\n")
        return "".join(parts)

    def paragraph(self, p: Any) -> tuple[str, bool, bool]:
        """The paragraph's text with its list number in front, whether it is a heading, and
        whether it is set in the Title style."""
        text = clean_text(self.paragraph_text(p))
        ppr = p.find(f"{_W}pPr")
        style = self.styles.get(_val(ppr, "pStyle", "") or "") if ppr is not None else None
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        num: tuple[str, int] | None = style.num if style is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId")
            if num_id is not None:
                ilvl = _val(numpr, "ilvl")
                num = (num_id, _int(ilvl, num[1] if num else 0))
        if num is not None and num[0] != "0":
            label = self.numbers.next_label(*num)
            if label and not text:
                text = label.rstrip(".)") if any(ch.isdigit() for ch in label) else label
            elif label:
                text = f"{label} {text}"
        heading = style is not None and style.heading
        if not heading and text and ppr is not None and _val(ppr, "outlineLvl") is not None:
            heading = True
        if not heading and text:
            runs = [r for r in p.iter(f"{_W}r") if r.find(_T) is not None]
            bold_style = style is not None and style.bold
            heading = bool(runs) and all(self._bold(r, bold_style) for r in runs)
        title = style is not None and style.name.lower() == "title"
        if style is not None and style.name.lower() in ("title", "subtitle"):
            heading = False
        return text, heading, title

    @staticmethod
    def _bold(run: Any, default: bool) -> bool:
        rpr = run.find(f"{_W}rPr")
        b = rpr.find(f"{_W}b") if rpr is not None else None
        if b is None:
            return default
        return b.get(_VAL) not in ("0", "false")

    def cell_text(self, tc: Any) -> str:
        lines: list[str] = []
        for child in tc.iterchildren():
            if child.tag == _P:
                lines.append(self.paragraph(child)[0])
            elif child.tag == _TBL:  # a table inside a cell: its text, row by row
                lines.extend(" ".join(c for c in row if c) for row in self.table_rows(child))
            elif child.tag == _SDT:
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    lines.append(self.cell_text(content))
        text = "\n".join(line for line in lines if line)
        if len(text) > self.limits.max_bytes:
            raise ImportFailed(f"{self.source.name} has a table cell over the size limit.")
        return text

    def table_rows(
        self, tbl: Any, merged: set[tuple[int, int]] | None = None
    ) -> list[tuple[str, ...]]:
        """The rows' cell texts; ``merged`` collects the (row, column) of cells merged with
        the cell above."""
        rows: list[tuple[str, ...]] = []
        above: dict[int, str] = {}  # grid column -> text, for vertically merged cells
        max_columns = self.limits.max_columns
        for number, tr in enumerate(tbl.iterchildren(_TR), start=1):
            cells: list[str] = []
            trpr = tr.find(f"{_W}trPr")
            before = _int(_val(trpr, "gridBefore"), 0) if trpr is not None else 0
            cells.extend([""] * min(before, max_columns + 1))
            for tc in self._cells(tr):
                tcpr = tc.find(f"{_W}tcPr")
                span = _int(_val(tcpr, "gridSpan"), 1) if tcpr is not None else 1
                vmerge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
                column = len(cells)
                if column >= max_columns:
                    if self.cell_text(tc):
                        refuse_width(self.source.name, number, column + 1, max_columns)
                    continue
                if vmerge is not None and vmerge.get(_VAL) in (None, "continue"):
                    text = above.get(column, "")
                    if merged is not None:
                        merged.add((number - 1, column))
                else:
                    text = self.cell_text(tc)
                above[column] = text
                cells.append(text)
                cells.extend([""] * min(max(span - 1, 0), max_columns))
            rows.append(tuple(cells[:max_columns]))
        return rows

    @staticmethod
    def _cells(tr: Any) -> Iterator[Any]:
        for child in tr.iterchildren():
            if child.tag == _TC:
                yield child
            elif child.tag == _SDT:  # a content control around cells
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    yield from (c for c in content.iterchildren() if c.tag == _TC)

    def blocks(self, parent: Any, cancel: CancelCheck | None) -> Iterator[Block]:
        for child in parent.iterchildren():
            if child.tag == _P:
                text, heading, title = self.paragraph(child)
                if text:
                    where = f"before table {self.tables + 1}" if self.tables else "before table 1"
                    yield Heading(text, heading, where, title=title)
            elif child.tag == _TBL:
                check_cancel(cancel)
                self.tables += 1
                if self.tables > self.limits.max_tables:
                    raise ImportFailed(
                        f"{self.source.name} holds more than {self.limits.max_tables:,} tables, "
                        "over the import limit; split the document or copy the criteria to a "
                        "workbook."
                    )
                merged: set[tuple[int, int]] = set()
                rows = tuple(self.table_rows(child, merged))
                yield Table(rows, f"table {self.tables}", merged_down=frozenset(merged))
            elif child.tag == _SDT or child.tag == f"{_W}customXml":
                content = child.find(f"{_W}sdtContent") if child.tag == _SDT else child
                if content is not None:
                    yield from self.blocks(content, cancel)


def _refuse_declarations(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse XML parts that declare a DTD or entities (Word never writes them): an external
    entity could name a local file, an entity chain could expand to gigabytes."""
    for info in archive.infolist():
        if not info.filename.endswith((".xml", ".rels")):
            continue
        try:
            with archive.open(info) as part:
                head = part.read(4096)
        except Exception as exc:  # a damaged member: zlib, CRC  # noqa: BLE001
            raise _unreadable(name, exc) from None
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise ImportFailed(
                f"{name} contains XML entity or DTD declarations, which are refused for "
                "safety; open it in Word and save it again as .docx."
            )


def _unreadable(name: str, exc: BaseException) -> ImportFailed:
    text = str(exc)
    if "macroEnabled" in text:
        return ImportFailed(
            f"{name} is a macro-enabled Word document; save it as Word Document (.docx) "
            "and import that."
        )
    if "not a Word file" in text or "content type" in text:
        return ImportFailed(
            f"{name} is not a Word document (its main part is of another kind); save the "
            "criteria as .docx."
        )
    return ImportFailed(
        f"{name} could not be read as a Word document (it is damaged or its parts are not "
        "laid out as Word writes them); open it in Word and save it again as .docx."
    )


class DocxReader:
    """Reads the tables of a Word document as one sheet without a name."""

    encoding: str | None = None
    delimiter: str | None = None

    def __init__(self, source: SourceFile, limits: ImportLimits) -> None:
        self._source, self._limits = source, limits
        archive = check_docx(source, limits)
        try:
            _refuse_declarations(source.name, archive)
        finally:
            archive.close()
        self._sheet: RawSheet | None = None
        try:
            import docx

            self._document: Any = docx.Document(io.BytesIO(source.data))
        except CriteriaCompareError:
            raise
        except Exception as exc:  # python-docx and lxml raise many types  # noqa: BLE001
            raise _unreadable(source.name, exc) from None

    def sheet_names(self) -> tuple[str, ...]:
        return ()

    def is_hidden(self, sheet: str | None) -> bool:
        return False

    def _read(self, cancel: CancelCheck | None = None) -> RawSheet:
        if self._sheet is None:
            walker = _Walker(self._document, self._source, self._limits)
            try:
                blocks = list(walker.blocks(self._document.element.body, cancel))
            except CriteriaCompareError:
                raise
            except Exception as exc:  # lxml on a damaged part  # noqa: BLE001
                raise _unreadable(self._source.name, exc) from None
            self._sheet = assemble(
                blocks, self._source.name, self._limits, metadata_title=self._metadata_title()
            )
        return self._sheet

    def _metadata_title(self) -> str | None:
        """The document's Title property (File > Info), when set."""
        title = getattr(getattr(self._document, "core_properties", None), "title", None)
        return title if isinstance(title, str) and title.strip() else None

    def head(self, sheet: str | None, max_rows: int) -> tuple[RawRow, ...]:
        return self._read().rows[:max_rows]

    def read(self, sheet: str | None, cancel: CancelCheck | None = None) -> RawSheet:
        return self._read(cancel)

    def close(self) -> None:
        self._document = None
