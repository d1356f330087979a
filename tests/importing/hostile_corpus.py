"""Hostile input files written in code: each function writes one file and returns its path.

The regression tests of the importer use them one by one; ``CASES`` names every one of them
(with the classic hostile files) for test_importing_corpus, which runs each through
``criteria-compare inspect --json`` under CPU and memory limits.
"""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable, Iterator
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
    body = [
        f'<row r="{n}">{inline(f"A{n}", f"1.{n}")}{inline(f"B{n}", "Gates lock.")}'
        f'<c r="XFD{n}" s="0"/></row>'
        for n in range(2, rows + 2)
    ]
    return write_xlsx(path, header_row() + "".join(body))


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


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_file(path: Path, stream_names: list[str]) -> Path:
    """An OLE compound-file header plus a directory sector naming the given streams."""
    header = OLE_MAGIC + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 480
    directory = b""
    for name in ["Root Entry", *stream_names]:
        encoded = (name + "\x00").encode("utf-16-le")
        entry = encoded.ljust(64, b"\x00") + len(encoded).to_bytes(2, "little") + b"\x02"
        directory += entry.ljust(128, b"\x00")
    path.write_bytes(header + directory.ljust(512, b"\x00"))
    return path


def good_workbook(path: Path) -> Path:
    """Two criteria under a header: what the damaged variants start from."""
    body = header_row() + "".join(
        f'<row r="{n}">{inline(f"A{n}", f"1.{n}")}{inline(f"B{n}", "Gates lock at night.")}</row>'
        for n in (2, 3)
    )
    return write_xlsx(path, body)


def _with_doctype(path: Path, doctype: str, cell_text: str) -> Path:
    body = f'{header_row()}<row r="2">{inline("A2", "1.1")}'
    body += f'<c r="B2" t="inlineStr"><is><t>{cell_text}</t></is></c></row>'
    write_xlsx(path, body)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    prolog, _, rest = sheet.partition(b"?>")
    parts["xl/worksheets/sheet1.xml"] = prolog + b"?>" + doctype.encode() + rest
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _random_bytes(path: Path) -> Path:
    path.write_bytes(random.Random(16).randbytes(64 * 1024))
    return path


def _truncated(path: Path) -> Path:
    good = good_workbook(path.with_name("whole.xlsx")).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def _xxe(path: Path) -> Path:
    doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _with_doctype(path, doctype, "&xxe;")


def _billion_laughs(path: Path) -> Path:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    return _with_doctype(path, f"<!DOCTYPE worksheet [{entities}]>", "&i;")


def _deflate_bomb(path: Path) -> Path:
    zeros = [b"\x00" * (1024 * 1024)] * 40
    return write_xlsx(path, header_row(), shared_strings=zeros)


def _too_many_parts(path: Path) -> Path:
    good_workbook(path)
    with zipfile.ZipFile(path, "a") as zf:
        for n in range(5_001):
            zf.writestr(f"xl/media/p{n}.bin", b"")
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _link(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(path if target == "itself" else target)
        return path

    return make


def _terminal_tricks(path: Path) -> Path:
    text = "Gates lock.\u202e\u2066 txt.exe _x0007_ _x001B_[31m red"  # Excel's escapes
    rows = header_row() + f'<row r="2">{inline("A2", "1.1")}{inline("B2", text)}</row>'
    return write_xlsx(path, rows)


def _non_utf8_name(path: Path) -> Path:
    # bytes paths on purpose: pathlib cannot name a file whose name is not valid in the locale
    raw = os.path.join(os.fsencode(path.parent), b"\xe9t\xe9.csv")  # noqa: PTH118
    with open(raw, "w", encoding="utf-8") as handle:  # noqa: PTH123
        handle.write("ID,Criteria\n1.1,Gates lock.\n")
    return Path(os.fsdecode(raw))


def good_docx(path: Path) -> Path:
    """A Word document with one criteria table: what the damaged variants start from."""
    from tests.importing.docx_fixtures import HEADER, add_table, new_document, save

    document = new_document()
    add_table(document, [HEADER, ("1.1", "Gates lock at night.", "", "Must")])
    return save(document, path)


def _truncated_docx(path: Path) -> Path:
    good = good_docx(path.with_name("whole.docx")).read_bytes()
    path.write_bytes(good[: len(good) // 2])
    return path


def _docx_bomb(path: Path) -> Path:
    good_docx(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/media/zeros.bin", b"\x00" * (40 * 1024 * 1024))
    return path


def _docx_entities(path: Path) -> Path:
    """document.xml with an external entity and a billion-laughs chain in its DOCTYPE."""
    good_docx(path)
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    entities = '<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    xml = parts["word/document.xml"]
    prolog, _, rest = xml.partition(b"?>")
    rest = rest.replace(b"Gates lock at night.", b"&xxe; &i;")
    parts["word/document.xml"] = (
        prolog + b"?>" + f"<!DOCTYPE w:document [{entities}]>".encode() + rest
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def _pdf(kind: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        from tests.importing import pdf_fixtures

        rows = pdf_fixtures.criteria_rows("1", 3)
        if kind == "encrypted":
            return pdf_fixtures.booklet(path, [("1. Seals", rows)], encrypt="secret")
        if kind == "scanned":
            return pdf_fixtures.image_only(path)
        if kind == "pages":
            return pdf_fixtures.claimed_pages(path, 10_000_000)
        good = pdf_fixtures.booklet(path, [("1. Seals", rows)])
        data = good.read_bytes()
        if kind == "damaged":
            path.write_bytes(data[: len(data) // 3])
        elif kind == "javascript":  # an OpenAction script and an embedded file: never run
            script = (
                rb"/OpenAction << /S /JavaScript /JS (app.launchURL\('http://example.invalid'\)) >>"
                b" /Names << /EmbeddedFiles << /Names [] >> >>"
            )
            path.write_bytes(data.replace(b"/Type /Catalog", b"/Type /Catalog " + script, 1))
        return path

    return make


def pdf_flate_bomb(path: Path, mebibytes: int = 400) -> Path:
    """A one-page PDF whose content stream inflates to ``mebibytes`` MiB of spaces."""
    import zlib

    packer = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    stream = b"".join(packer.compress(chunk) for _ in range(mebibytes)) + packer.flush()
    return _one_stream_pdf(path, stream, b"/FlateDecode")


def _lzw_codes(mebibytes: int) -> Iterator[tuple[int, int]]:
    """(code, width) of an LZW stream of spaces: each code the entry it creates, so entries
    grow by one byte each, then the longest entry again and again (about 2,500 bytes out for
    each 12-bit code in)."""
    yield 256, 9
    yield 32, 9
    size, out, longest = 258, 1, 1
    width = 9
    while size < 4096:
        yield size, width
        size += 1
        longest += 1
        out += longest
        width = 12 if size >= 2047 else 11 if size >= 1023 else 10 if size >= 511 else 9
    while out < mebibytes * 1024 * 1024:
        yield 4095, 12
        out += longest


def pdf_lzw_bomb(path: Path, mebibytes: int = 400) -> Path:
    """A one-page PDF whose LZW content stream decodes to ``mebibytes`` MiB of spaces."""
    bits = bytearray()
    acc = n = 0
    for code, width in _lzw_codes(mebibytes):
        acc, n = (acc << width) | code, n + width
        while n >= 8:
            n -= 8
            bits.append((acc >> n) & 0xFF)
        acc &= (1 << n) - 1
    if n:
        bits.append((acc << (8 - n)) & 0xFF)
    return _one_stream_pdf(path, bytes(bits), b"/LZWDecode")


def _one_stream_pdf(path: Path, stream: bytes, filter_name: bytes) -> Path:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(stream), filter_name)
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n"
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


def _yaml_alias_bomb(path: Path) -> Path:
    """Nine levels of nine aliases each: a billion nodes once expanded."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _deep_json(path: Path) -> Path:
    """A catalog nested 100,000 lists deep."""
    path.write_text('{"catalog": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    return path


def _big_yaml(path: Path) -> Path:
    """A 17 MB framework library: over the size YAML is read up to."""
    node = "  - {urn: u, ref_id: r, description: " + "word " * 200 + "}\n"
    path.write_text("objects:\n framework:\n  requirement_nodes:\n" + node * 17_000, "utf-8")
    return path


def _code_tag(path: Path) -> Path:
    """A YAML tag that would run a command with an unsafe loader."""
    path.write_text("objects: !!python/object/apply:os.system ['touch pwned']\n", "utf-8")
    return path


CASES: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "random bytes named .xlsx": ("random.xlsx", _random_bytes),
    "random bytes named .csv": ("random.csv", _random_bytes),
    "truncated zip": ("truncated.xlsx", _truncated),
    "OLE2 .xls": ("old.xls", lambda p: ole_file(p, ["Workbook", "SummaryInformation"])),
    "encrypted OOXML": (
        "locked.xlsx",
        lambda p: ole_file(p, ["EncryptionInfo", "EncryptedPackage"]),
    ),
    "XXE": ("xxe.xlsx", _xxe),
    "billion laughs": ("laughs.xlsx", _billion_laughs),
    "deflate zip bomb": ("bomb.xlsx", _deflate_bomb),
    "5,001 zip parts": ("parts.xlsx", _too_many_parts),
    "rows padded to XFD": ("padded.xlsx", padded_rows),
    'hidden=" repeated': ("hidden.xlsx", repeated_hidden_attribute),
    "1 MB cell": ("long.xlsx", long_cell),
    "200,000-character CSV field": ("field.csv", long_csv_field),
    "300 MiB shared strings": ("strings.xlsx", huge_shared_strings),
    "UTF-16 without BOM": ("utf16.csv", utf16_without_bom),
    "FIFO": ("fifo.csv", _fifo),
    "symlink to /dev/zero": ("zero.csv", _link("/dev/zero")),
    "symlink loop": ("loop.csv", _link("itself")),
    "terminal escapes and bidi in a cell": ("tricks.xlsx", _terminal_tricks),
    "non-UTF-8 file name": ("name.csv", _non_utf8_name),
    "empty file": ("empty.csv", lambda p: (p.write_bytes(b""), p)[1]),
    "encrypted Word document": (
        "locked.docx",
        lambda p: ole_file(p, ["EncryptionInfo", "EncryptedPackage"]),
    ),
    "old binary Word .doc": ("old.doc", lambda p: ole_file(p, ["WordDocument", "1Table"])),
    "truncated docx": ("torn.docx", _truncated_docx),
    "docx zip bomb": ("bomb.docx", _docx_bomb),
    "docx with entity declarations": ("entities.docx", _docx_entities),
    "encrypted PDF": ("locked.pdf", _pdf("encrypted")),
    "truncated PDF": ("torn.pdf", _pdf("damaged")),
    "scanned PDF (no text layer)": ("scan.pdf", _pdf("scanned")),
    "PDF claiming 10 million pages": ("pages.pdf", _pdf("pages")),
    "PDF with JavaScript and embedded files": ("script.pdf", _pdf("javascript")),
    "PDF flate bomb (400 MiB content stream)": ("flate.pdf", pdf_flate_bomb),
    "YAML alias bomb": ("laughs.yaml", _yaml_alias_bomb),
    "JSON nested 100,000 deep": ("deep.json", _deep_json),
    "17 MB YAML library": ("big.yaml", _big_yaml),
    "YAML tag that runs code": ("tag.yml", _code_tag),
}
"""Case name -> (file name, writer): every hostile file the corpus test tries."""
