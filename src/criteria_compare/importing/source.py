"""Reading an input file once: existence and size checks, SHA-256, and what kind of file it is.

Everything here runs before any spreadsheet, Word or PDF library sees the bytes, so a
hostile or wrong file is refused with one sentence: an old binary ``.xls`` or ``.doc``, a
password-protected workbook or document, random bytes, an empty file, a file over the size
limit, or a zip bomb (declared sizes and compression ratios are checked first).
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from criteria_compare.errors import ImportFailed
from criteria_compare.importing.cells import printable, utf16_without_bom
from criteria_compare.importing.result import ImportLimits

__all__ = [
    "CSV_EXTENSIONS",
    "DOCX_EXTENSIONS",
    "PDF_EXTENSIONS",
    "XLSX_EXTENSIONS",
    "SourceFile",
    "check_docx",
    "check_package",
    "check_zip",
    "load_source",
    "sniff_kind",
]

XLSX_EXTENSIONS = (".xlsx", ".xlsm", ".xltx", ".xltm")
CSV_EXTENSIONS = (".csv", ".tsv", ".txt", ".tab")
DOCX_EXTENSIONS = (".docx", ".docm", ".dotx")
PDF_EXTENSIONS = (".pdf",)
STRUCTURED_EXTENSIONS = (".json", ".yaml", ".yml")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF-"
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class SourceFile:
    """An input file read into memory once, so its hash and its content always agree."""

    path: Path
    data: bytes
    sha256: str

    @property
    def name(self) -> str:
        """The file name as printable text (bytes that are not UTF-8 shown as U+FFFD)."""
        return printable(self.path.name)

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _too_big(p: Path, size: int, limit: int) -> ImportFailed:
    return ImportFailed(
        f"{printable(p.name)} is {_megabytes(size)}, over the import limit of "
        f"{_megabytes(limit)}; remove unused sheets or rows and try again."
    )


def _read_regular(p: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, reading no more than one byte
    past it. Opened without blocking, so a FIFO is refused like a device, socket or folder:
    st_size says nothing about those."""
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(
                f"{printable(str(p))} is not a regular file; choose a spreadsheet or CSV file."
            )
        if info.st_size > limit:
            raise _too_big(p, info.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while being read
        raise _too_big(p, len(data), limit)
    return data


def load_source(path: str | Path, limits: ImportLimits) -> SourceFile:
    """Read the file after checking it is a regular file, not empty and under the size limit."""
    p = Path(path).expanduser()
    try:
        data = _read_regular(p, limits.max_bytes)
    except FileNotFoundError:
        raise ImportFailed(
            f"{printable(str(p))} was not found; check the file name and folder."
        ) from None
    except IsADirectoryError:
        raise ImportFailed(
            f"{printable(str(p))} is a folder, not a file; give the path of a .xlsx or .csv file."
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ImportFailed(
                f"{printable(str(p))} is a link that leads back to itself (a symlink loop); "
                "choose the spreadsheet or CSV file itself."
            ) from None
        raise ImportFailed(
            f"{printable(p.name)} could not be read ({exc.strerror or exc}); check that the "
            "file is not open elsewhere and that you may read it."
        ) from None
    if not data.strip():
        raise ImportFailed(
            f"{printable(p.name)} is empty; export the criteria again from the original workbook."
        )
    return SourceFile(path=p, data=data, sha256=hashlib.sha256(data).hexdigest())


def _looks_like_text(head: bytes) -> bool:
    if head.startswith(_BOMS) or utf16_without_bom(head) is not None:
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        if exc.start < len(head) - 4:
            return _mostly_printable(head)
    return True


def _mostly_printable(head: bytes) -> bool:
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return control <= len(head) // 100


def _sniff_ole(name: str, suffix: str, data: bytes) -> ImportFailed:
    """The sentence for an OLE2 compound file: an encrypted Office package or an old binary file."""
    word = suffix in (*DOCX_EXTENSIONS, ".doc") or (
        _WORD_STREAM in data and _ENCRYPTED_STREAM not in data
    )
    if _ENCRYPTED_STREAM in data and word:
        return ImportFailed(
            f"{name} is a password-protected Word document; open it in Word, remove the "
            "password (File > Info > Protect Document > Encrypt with Password) and save it "
            "again as .docx."
        )
    if word:
        return ImportFailed(
            f"{name} is an old binary Word (.doc) file; open it in Word and save it as "
            "Word Document (.docx)."
        )
    if _ENCRYPTED_STREAM in data:
        return ImportFailed(
            f"{name} is a password-protected workbook; open it in Excel, remove the "
            "password (File > Info > Protect Workbook > Encrypt with Password) and save "
            "it again as .xlsx."
        )
    return ImportFailed(
        f"{name} is an old binary Excel (.xls) file; open it in Excel and save it as "
        "Excel Workbook (.xlsx)."
    )


def _zip_kind(source: SourceFile) -> str:
    """``"docx"`` for a Word package (by its name, or its main part), else ``"xlsx"``."""
    if source.suffix in DOCX_EXTENSIONS:
        return "docx"
    if source.suffix not in XLSX_EXTENSIONS and b"word/document.xml" in source.data:
        return "docx"
    return "xlsx"


def sniff_kind(source: SourceFile) -> str:
    """``"xlsx"``, ``"docx"``, ``"pdf"``, ``"text"`` or ``"structured"`` (JSON or YAML: an
    OSCAL catalog or a CISO Assistant library) from the file's content and name; anything
    else is refused."""
    data, name, suffix = source.data, source.name, source.suffix
    if data.startswith(_OLE_MAGIC):
        raise _sniff_ole(name, suffix, data)
    if data.startswith(_ZIP_MAGIC):
        return _zip_kind(source)
    if data[:1024].lstrip().startswith(_PDF_MAGIC) or (
        suffix in PDF_EXTENSIONS and _PDF_MAGIC in data[:1024]
    ):
        return "pdf"
    if suffix in PDF_EXTENSIONS or suffix in DOCX_EXTENSIONS:
        what = "PDF file" if suffix in PDF_EXTENSIONS else "Word document (.docx)"
        raise ImportFailed(
            f"{name} is not a valid {what} (its content does not start like one); "
            "export it again from the source document."
        )
    text = _looks_like_text(data[:8192])
    if suffix in XLSX_EXTENSIONS or suffix == ".xls":
        if text and suffix == ".xls" and data.lstrip()[:1] == b"<":
            raise ImportFailed(
                f"{name} is a web page (HTML) saved with an .xls name; open it in Excel "
                "and save it as Excel Workbook (.xlsx)."
            )
        if text:
            raise ImportFailed(
                f"{name} is a text file, not an Excel workbook; rename it to .csv if it "
                "holds comma- or semicolon-separated values, or save it from Excel as .xlsx."
            )
        raise ImportFailed(
            f"{name} is not a valid Excel workbook (it is not the zip package .xlsx files "
            "are); open it in Excel and save it again as .xlsx."
        )
    if suffix in STRUCTURED_EXTENSIONS:
        if not text:
            raise ImportFailed(
                f"{name} holds binary data, not JSON or YAML text; export the catalog or "
                "library again from the tool that made it."
            )
        return "structured"
    if suffix in CSV_EXTENSIONS:
        if not text:
            raise ImportFailed(
                f"{name} holds binary data, not text; export the criteria as .csv (UTF-8) "
                "or save them as .xlsx."
            )
        return "text"
    shown = suffix or "(no extension)"
    raise ImportFailed(
        f"{name} has an unsupported file type {shown}; save the criteria as .xlsx, .csv, "
        ".docx or .pdf (or give an OSCAL catalog or CISO Assistant library as .json or .yaml)."
    )


def _open_zip(source: SourceFile, what: str, app: str, save_as: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(source.data))
        archive.infolist()
    except Exception:  # BadZipFile, LargeZipFile, EOFError, ValueError, struct errors...  # noqa: BLE001
        raise ImportFailed(
            f"{source.name} is damaged or not a real {what} (its zip structure cannot be "
            f"read); open it in {app} and save it again as {save_as}."
        ) from None
    return archive


def check_package(
    source: SourceFile, archive: zipfile.ZipFile, limits: ImportLimits, save_as: str
) -> None:
    """Refuse an Office package that is encrypted or would unpack beyond the limits (a zip bomb):
    declared sizes, part count and compression ratio, before any part is read."""
    name, infos = source.name, archive.infolist()
    if len(infos) > limits.max_zip_entries:
        raise ImportFailed(
            f"{name} holds {len(infos)} parts, over the limit of {limits.max_zip_entries}; "
            "it may be a zip bomb; refused."
        )
    if any(i.flag_bits & 0x1 for i in infos):
        raise ImportFailed(
            f"{name} is encrypted; remove the password and save it again as {save_as}."
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise ImportFailed(
            f"{name} would unpack to {_megabytes(total)}, over the limit of "
            f"{_megabytes(limits.max_uncompressed_bytes)}; it may be a zip bomb; refused."
        )
    packed = sum(i.compress_size for i in infos)
    ratio = total / max(packed, 1)
    if total > limits.ratio_floor_bytes and ratio > limits.max_compression_ratio:
        biggest = max(infos, key=lambda i: i.file_size)
        raise ImportFailed(
            f"{name} unpacks to {_megabytes(total)} from {_megabytes(packed)} (mostly "
            f"{biggest.filename}), {ratio:.0f} to 1, beyond the limit of "
            f"{limits.max_compression_ratio:.0f} to 1; it looks like a zip bomb; refused."
        )


def check_docx(source: SourceFile, limits: ImportLimits) -> zipfile.ZipFile:
    """Open the zip package after checking it is a Word document and not a zip bomb."""
    archive = _open_zip(source, "Word document", "Word", ".docx")
    names = {i.filename for i in archive.infolist()}
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        archive.close()
        if any(n.startswith("xl/") for n in names):
            raise ImportFailed(
                f"{source.name} is an Excel workbook with a Word name; rename it to .xlsx."
            )
        raise ImportFailed(
            f"{source.name} is a zip file but not a Word document; save the criteria as "
            ".docx, .xlsx or .csv."
        )
    try:
        check_package(source, archive, limits, ".docx")
    except ImportFailed:
        archive.close()
        raise
    return archive


def check_zip(source: SourceFile, limits: ImportLimits) -> zipfile.ZipFile:
    """Open the zip package after checking it is an Excel workbook and not a zip bomb."""
    name = source.name
    archive = _open_zip(source, "Excel workbook", "Excel", ".xlsx")
    names = {i.filename for i in archive.infolist()}
    if "content.xml" in names and "mimetype" in names:
        raise ImportFailed(
            f"{name} is an OpenDocument spreadsheet; save it as Excel Workbook (.xlsx) "
            "or .csv and import that."
        )
    if "xl/workbook.bin" in names:
        raise ImportFailed(
            f"{name} is an Excel Binary Workbook (.xlsb); open it in Excel and save it as "
            "Excel Workbook (.xlsx)."
        )
    if not any(n.startswith("xl/") for n in names) or "[Content_Types].xml" not in names:
        raise ImportFailed(
            f"{name} is a zip file but not an Excel workbook; save the criteria as .xlsx or .csv."
        )
    check_package(source, archive, limits, ".xlsx")
    return archive
