"""Build the bundled sample files from the text modules beside this script (run with the venv's python).

Usage: ``.venv/bin/python sample_criteria/make_samples.py [--check]``

The criteria live as reviewable Python text in ``ctpat_importer_data.py``,
``meridia_data.py`` and ``valdoria_data.py``; this script writes

- ``ctpat_msc_importer.xlsx``   reference side, laid out like a user's own copy
- ``partner_aeo_meridia.xlsx``  partner side (fictional Meridia, EU/WCO style)
- ``partner_aeo_meridia.docx``  the same partner as a Word annex: numbered headings, one table
  per section, refs drawn by Word's own list numbering
- ``ctpat_msc_importer.pdf``    the reference side laid out like CBP's booklets: category
  headings, one 4-column table per category breaking across pages (header repeated, rows
  split), a running page header and footer
- ``reference_mapping.csv``     CTPAT ref -> Meridia ref gold pairs
- ``partner_oea_es.csv``        Spanish partner (fictional Valdoria), cp1252, ``;``
- ``reference_mapping_es.csv``  CTPAT ref -> Valdoria ref gold pairs

Output is byte-for-byte reproducible (fixed workbook dates and zip entry
times), so regenerating without changing the text leaves git clean.
``--check`` rebuilds into memory and exits 1 if any file on disk differs.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

# openpyxl writes XML through lxml when it is installed (python-docx brings it) and through the
# standard library otherwise, with other bytes for the same workbook; the committed files were
# written by the standard library, so --check compares like with like wherever it runs.
os.environ.setdefault("OPENPYXL_LXML", "False")

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
_BYTECODE, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # keep the folder clean

import ctpat_importer_data as ctpat  # noqa: E402
import meridia_data as meridia  # noqa: E402
import valdoria_data as valdoria  # noqa: E402

sys.dont_write_bytecode = _BYTECODE

__all__ = ["build_all", "main"]

RELATIONS = ("equal", "subset_of", "superset_of", "intersects_with")
FIXED_TIME = dt.datetime(2024, 3, 14, 9, 30, 0)
ZIP_TIME = (2024, 3, 14, 9, 30, 0)
MODIFIED_RE = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
MODIFIED_FIXED = rb"\g<1>2024-03-14T09:30:00Z\g<2>"

THIN = Side(style="thin", color="A6A6A6")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def ref_key(ref: str) -> tuple[object, ...]:
    """Sort key that puts 7.9 before 7.10 and keeps prefixes such as OEA- together."""
    return tuple(
        (0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk)
        for chunk in ref.replace("-", ".").split(".")
    )


def _reproducible_zip(data: bytes) -> bytes:
    """Rewrite an xlsx with fixed entry times so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now()
                content = MODIFIED_RE.sub(MODIFIED_FIXED, content)
            dst.writestr(fixed, content)
    return out.getvalue()


def _save(wb: Workbook) -> bytes:
    wb.properties.creator = "Trade Compliance"
    wb.properties.lastModifiedBy = "Trade Compliance"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    return _reproducible_zip(buf.getvalue())


def build_ctpat_workbook() -> bytes:
    """The reference side: title rows, a blank row, header, merged bold category rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "MSC Importers"
    headers = ("ID", "Criteria", "Implementation Guidance", "Must/Should")
    widths = (8, 62, 58, 12)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    ws["A1"] = ctpat.TITLE
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:D1")
    ws["A2"] = ctpat.SUBTITLE
    ws["A2"].font = Font(italic=True, size=9, color="595959")
    ws.merge_cells("A2:D2")
    # Row 3 stays blank on purpose: the header is on row 4.
    header_row = 4
    head_fill = PatternFill("solid", fgColor="1F3864")
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = head_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    cat_fill = PatternFill("solid", fgColor="D9E2F3")
    row = header_row + 1
    current = ""
    for ref, level, text, guidance in ctpat.CRITERIA:
        category = ref.split(".")[0]
        if category != current:
            current = category
            cell = ws.cell(row=row, column=1, value=f"{category}. {ctpat.CATEGORIES[category]}")
            cell.font = Font(bold=True, size=11)
            cell.alignment = Alignment(vertical="center")
            for col in range(1, 5):
                ws.cell(row=row, column=col).fill = cat_fill
                ws.cell(row=row, column=col).border = BOX
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
            ws.row_dimensions[row].height = 20
            row += 1
        values = (ref, text, guidance or None, level)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.alignment = WRAP_TOP
            cell.border = BOX
        ws.cell(row=row, column=1).number_format = "@"  # IDs stay text: 7.10 is not 7.1
        ws.cell(row=row, column=4).alignment = Alignment(horizontal="center", vertical="top")
        row += 1
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    notes = wb.create_sheet("Read me")
    notes.column_dimensions["A"].width = 100
    for i, line in enumerate(ctpat.NOTES, start=1):
        cell = notes.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True)
        if i == 1:
            cell.font = Font(bold=True, size=12)
    return _save(wb)


def build_meridia_workbook() -> bytes:
    """The partner side: its own column names and order, a section column, no section rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "AEO-S conditions"
    headers = ("Section", "Requirement text", "Ref.", "Explanatory notes", "Level")
    widths = (30, 60, 9, 55, 13)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width

    ws["A1"] = meridia.TITLE
    ws["A1"].font = Font(bold=True, size=13, color="7B2C00")
    ws["A2"] = meridia.SUBTITLE
    ws["A2"].font = Font(size=9, italic=True)
    header_row = 4
    fill = PatternFill("solid", fgColor="F4B183")
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=header_row, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center")
    ws.freeze_panes = ws.cell(row=header_row + 1, column=3)

    row = header_row + 1
    for item in meridia.CRITERIA:
        section = meridia.section_title(item.ref)
        values = (section, item.text, item.ref, item.notes or None, item.level)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=row, column=col, value=value)
            cell.alignment = WRAP_TOP
            cell.border = BOX
        ws.cell(row=row, column=3).number_format = "@"
        row += 1
    last = row - 1
    ws.auto_filter.ref = f"A{header_row}:E{last}"

    history = wb.create_sheet("Version history")
    history.column_dimensions["A"].width = 12
    history.column_dimensions["B"].width = 14
    history.column_dimensions["C"].width = 80
    for i, line in enumerate(meridia.HISTORY, start=1):
        for col, value in enumerate(line, start=1):
            cell = history.cell(row=i, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if i == 1:
                cell.font = Font(bold=True)
    return _save(wb)


#: Meridia's three-level list: "Chapter 1", "1.1" (sections), "1.1.1" (requirements).
_MERIDIA_LIST = f"""<w:abstractNum {nsdecls("w")} w:abstractNumId="77">
<w:multiLevelType w:val="multilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Chapter %1"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/></w:lvl>
</w:abstractNum>"""


def _numbered(paragraph: object, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'
        )
    )


def build_meridia_docx() -> bytes:
    """The partner side as a Word annex: numbered chapter and section headings, a table per
    section (Ref. | Requirement text | Explanatory notes | Level) whose refs Word numbers."""
    document = docx.Document()
    document.core_properties.author = "Trade Compliance"
    document.core_properties.last_modified_by = "Trade Compliance"
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.revision = 1
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_MERIDIA_LIST))
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    )
    document.add_paragraph(meridia.TITLE, style="Title")
    document.add_paragraph(meridia.SUBTITLE)
    chapter = section = ""
    table = None
    for item in meridia.CRITERIA:
        parts = item.ref.split(".")
        if parts[0] != chapter:
            chapter = parts[0]
            _numbered(document.add_heading("", level=1), 0)
        if ".".join(parts[:2]) != section:
            section = ".".join(parts[:2])
            _numbered(document.add_heading(meridia.SECTIONS[section], level=2), 1)
            table = document.add_table(rows=1, cols=4)
            table.style = "Table Grid"
            for cell, text in zip(
                table.rows[0].cells,
                ("Ref.", "Requirement text", "Explanatory notes", "Level"),
                strict=True,
            ):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
        assert table is not None
        cells = table.add_row().cells
        _numbered(cells[0].paragraphs[0], 2)
        for cell, text in ((cells[1], item.text), (cells[2], item.notes), (cells[3], item.level)):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.size = run.font.size or Pt(10)
    buf = io.BytesIO()
    document.save(buf)
    return _reproducible_zip(buf.getvalue())


_PDF_BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=8.5, leading=10.5)
_PDF_HEAD = ParagraphStyle("head", parent=_PDF_BODY, fontName="Helvetica-Bold", textColor="white")
_PDF_CATEGORY = ParagraphStyle(
    "category", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=10, spaceAfter=4
)
_PDF_INTRO = ParagraphStyle("intro", parent=_PDF_BODY, fontSize=9, leading=11.5, spaceAfter=6)
_PDF_TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22)


def _pdf_cell(text: str, style: ParagraphStyle = _PDF_BODY) -> Paragraph:
    return Paragraph(xml_escape(text).replace("\n", "<br/>"), style)


def _pdf_page(canvas: object, doc: object) -> None:
    """The running header and footer on every page, as CBP's booklets have them."""
    c = canvas
    c.saveState()  # type: ignore[attr-defined]
    c.setFont("Helvetica", 8)  # type: ignore[attr-defined]
    c.setFillColor(colors.HexColor("#595959"))  # type: ignore[attr-defined]
    width, height = letter
    c.drawString(0.75 * inch, height - 0.5 * inch, ctpat.TITLE)  # type: ignore[attr-defined]
    c.drawRightString(  # type: ignore[attr-defined]
        width - 0.75 * inch, height - 0.5 * inch, "Working copy, March 2024"
    )
    c.drawString(0.75 * inch, 0.5 * inch, "Paraphrased for internal use")  # type: ignore[attr-defined]
    c.drawRightString(  # type: ignore[attr-defined]
        width - 0.75 * inch,
        0.5 * inch,
        f"Page {c.getPageNumber()}",  # type: ignore[attr-defined]
    )
    c.restoreState()  # type: ignore[attr-defined]


def build_ctpat_pdf() -> bytes:
    """The reference side as a booklet: title, then per category a heading, a short paragraph
    and a ruled table ID | Criteria | Implementation Guidance | Must/Should that breaks across
    pages with its header repeated and long rows split between pages."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=letter,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.8 * inch,
        bottomMargin=0.8 * inch,
        title=ctpat.TITLE,
        author="Trade Compliance",
        invariant=1,
    )
    story: list[object] = [Paragraph(xml_escape(ctpat.TITLE), _PDF_TITLE), Spacer(1, 6)]
    story.append(_pdf_cell(ctpat.SUBTITLE, _PDF_INTRO))
    header = [
        _pdf_cell(h, _PDF_HEAD)
        for h in ("ID", "Criteria", "Implementation Guidance", "Must/Should")
    ]
    by_category: dict[str, list[tuple[str, str, str, str]]] = {}
    for item in ctpat.CRITERIA:
        by_category.setdefault(item[0].split(".")[0], []).append(item)
    for number, name in ctpat.CATEGORIES.items():
        story.append(Paragraph(xml_escape(f"{number}. {name}"), _PDF_CATEGORY))
        story.append(_pdf_cell(ctpat.CATEGORY_INTROS[number], _PDF_INTRO))
        rows = [header] + [
            [_pdf_cell(ref), _pdf_cell(text), _pdf_cell(guidance), _pdf_cell(level)]
            for ref, level, text, guidance in by_category[number]
        ]
        table = Table(
            rows,
            colWidths=(0.55 * inch, 2.85 * inch, 2.7 * inch, 0.9 * inch),
            repeatRows=1,
            splitInRow=1,
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F7F7F")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3864")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    doc.build(story, onFirstPage=_pdf_page, onLaterPages=_pdf_page)
    return buf.getvalue()


def _csv_bytes(
    rows: Iterable[Sequence[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerows(rows)
    return buf.getvalue().encode(encoding)


def _mapping_rows(pairs: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    rows = sorted(set(pairs), key=lambda p: (ref_key(p[0]), ref_key(p[1])))
    for source, target, relation in rows:
        if relation not in RELATIONS:
            raise ValueError(f"{source} -> {target}: unknown relationship {relation!r}")
    return [("source_id", "target_id", "relationship"), *rows]


def _check_mapping(
    pairs: Iterable[tuple[str, str, str]], sources: set[str], targets: set[str], name: str
) -> None:
    for source, target, _ in pairs:
        if source not in sources:
            raise ValueError(f"{name}: CTPAT ref {source} does not exist in the CTPAT sample")
        if target not in targets:
            raise ValueError(f"{name}: partner ref {target} does not exist in the partner sample")


def build_all() -> dict[str, bytes]:
    """Every sample file name -> its bytes."""
    ctpat_refs = {c[0] for c in ctpat.CRITERIA}
    meridia_refs = {c.ref for c in meridia.CRITERIA}
    valdoria_refs = {c.ref for c in valdoria.CRITERIA}
    for name, refs, count in (
        ("CTPAT", ctpat_refs, len(ctpat.CRITERIA)),
        ("Meridia", meridia_refs, len(meridia.CRITERIA)),
        ("Valdoria", valdoria_refs, len(valdoria.CRITERIA)),
    ):
        if len(refs) != count:
            raise ValueError(f"{name}: duplicate refs in the data module")

    meridia_pairs = [(s, c.ref, r) for c in meridia.CRITERIA for s, r in c.maps.items()]
    valdoria_pairs = [(s, c.ref, r) for c in valdoria.CRITERIA for s, r in c.maps.items()]
    _check_mapping(meridia_pairs, ctpat_refs, meridia_refs, "reference_mapping.csv")
    _check_mapping(valdoria_pairs, ctpat_refs, valdoria_refs, "reference_mapping_es.csv")

    valdoria_rows = [
        valdoria.HEADER,
        *((c.ref, c.section, c.text, c.notes) for c in valdoria.CRITERIA),
    ]
    return {
        "ctpat_msc_importer.xlsx": build_ctpat_workbook(),
        "ctpat_msc_importer.pdf": build_ctpat_pdf(),
        "partner_aeo_meridia.xlsx": build_meridia_workbook(),
        "partner_aeo_meridia.docx": build_meridia_docx(),
        "reference_mapping.csv": _csv_bytes(_mapping_rows(meridia_pairs)),
        "partner_oea_es.csv": _csv_bytes(valdoria_rows, delimiter=";", encoding="cp1252"),
        "reference_mapping_es.csv": _csv_bytes(_mapping_rows(valdoria_pairs)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with --check, compare) every sample file; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if files on disk are stale")
    args = parser.parse_args(argv)
    stale = []
    for name, data in build_all().items():
        path = HERE / name
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data):,} bytes)")
    if stale:
        print("stale sample files (run make_samples.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
