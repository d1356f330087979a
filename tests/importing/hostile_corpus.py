"""Hostile input files written in code: each function writes one file and returns its path.

The regression tests of the importer use them one by one; test_importing_corpus runs every
one of them through ``criteria-compare inspect --json`` under CPU and memory limits.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_BOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def inline(ref: str, text: str) -> str:
    """One inline-string cell."""
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>'


def header_row() -> str:
    """Row 1: ID | Criteria."""
    return f'<row r="1">{inline("A1", "ID")}{inline("B1", "Criteria")}</row>'


def write_xlsx(
    path: Path,
    sheet_data: str | bytes,
    *,
    shared_strings: bytes | list[bytes] | None = None,
    compresslevel: int | None = None,
) -> Path:
    """A minimal workbook with one sheet 'Criteria' whose <sheetData> body is ``sheet_data``."""
    body = sheet_data.encode() if isinstance(sheet_data, str) else sheet_data
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
        + body
        + b"</sheetData></worksheet>"
    )
    sst_override = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/>'
        if shared_strings is not None
        else ""
    )
    sst_rel = (
        f'<Relationship Id="rId2" Target="sharedStrings.xml" Type="{REL_NS}/sharedStrings"/>'
        if shared_strings is not None
        else ""
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_BOOK_TYPE}"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SHEET_TYPE}"/>'
            f"{sst_override}</Types>"
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}"><sheets><sheet name="Criteria" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f"{sst_rel}</Relationships>"
        ).encode(),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        if shared_strings is not None:
            with zf.open("xl/sharedStrings.xml", "w") as handle:
                for piece in (
                    [shared_strings] if isinstance(shared_strings, bytes) else shared_strings
                ):
                    handle.write(piece)
    return path


def padded_rows(path: Path, rows: int = 20_000) -> Path:
    """Every criterion row ends in a formatted empty cell at XFD, the last column Excel has."""
    body = [header_row()]
    for n in range(2, rows + 2):
        body.append(
            f'<row r="{n}">{inline(f"A{n}", f"1.{n}")}{inline(f"B{n}", "Gates lock.")}'
            f'<c r="XFD{n}" s="0"/></row>'
        )
    return write_xlsx(path, "".join(body))


def repeated_hidden_attribute(path: Path, repeats: int = 300_000) -> Path:
    """A criterion text that repeats ``hidden=">`` (legal XML text) 300,000 times."""
    text = 'hidden=">' * repeats  # written raw: ">" needs no escape in XML text
    cell = f'<c r="B2" t="inlineStr"><is><t>{text}</t></is></c>'
    body = f'{header_row()}<row r="2">{inline("A2", "1.1")}{cell}</row>'
    return write_xlsx(path, body)


def long_cell(path: Path, chars: int = 1_000_000) -> Path:
    """One criterion whose text is a million characters of repeated words (packs to ~3 KB)."""
    text = ("Gates lock at night. " * (chars // 21 + 1))[:chars]
    body = f'{header_row()}<row r="2">{inline("A2", "1.1")}{inline("B2", text)}</row>'
    return write_xlsx(path, body)


def long_csv_field(path: Path, chars: int = 200_000) -> Path:
    """A CSV whose second criterion has a 200,000-character text (over csv's 131,072 default)."""
    text = ("Seals are checked. " * (chars // 19 + 1))[: chars - 1] + "!"
    path.write_text(f"ID,Criteria\n1.1,Gates lock.\n1.2,{text}\n1.3,Staff train.\n")
    return path


def utf16_without_bom(path: Path) -> Path:
    """CSV text saved as UTF-16 little-endian with no byte-order mark (some exporters do)."""
    text = "ID,Criteria\n1.1,Gates lock at night.\n1.2,Zäune werden geprüft.\n"
    path.write_bytes(text.encode("utf-16-le"))
    return path


def huge_shared_strings(path: Path, mebibytes: int = 300) -> Path:
    """A 2 MB workbook whose shared-strings part unpacks to 300 MiB of ordinary text: under the
    compression-ratio limit (about 190 to 1), so only the unpacked-size limit stops it."""
    entry = b"<si><t>Gates lock at night.</t></si>"
    chunk = entry * 30_000
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN_NS}">'.encode()
    chunks = [head, *[chunk] * (mebibytes * 1024 * 1024 // len(chunk)), b"</sst>"]
    body = f'{header_row()}<row r="2">{inline("A2", "1.1")}<c r="B2" t="s"><v>0</v></c></row>'
    return write_xlsx(path, body, shared_strings=chunks, compresslevel=1)
