"""Which reader opens which file: a small registry keyed by file kind and extension."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from criteria_compare.importing.csv_reader import CsvReader
from criteria_compare.importing.docx_reader import DocxReader
from criteria_compare.importing.pdf_reader import PdfReader
from criteria_compare.importing.raw import SheetReader
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import (
    CSV_EXTENSIONS,
    DOCX_EXTENSIONS,
    PDF_EXTENSIONS,
    STRUCTURED_EXTENSIONS,
    XLSX_EXTENSIONS,
    SourceFile,
    sniff_kind,
)
from criteria_compare.importing.structured import open_structured
from criteria_compare.importing.xlsx import XlsxReader

__all__ = ["ReaderEntry", "open_reader", "register_reader"]

ReaderFactory = Callable[[SourceFile, ImportLimits], SheetReader]


@dataclass(frozen=True)
class ReaderEntry:
    """A reader for one kind of content (``"xlsx"``, ``"text"``) and the extensions it claims."""

    name: str
    kind: str
    extensions: tuple[str, ...]
    factory: ReaderFactory
    priority: int = 0


_REGISTRY: list[ReaderEntry] = []


def register_reader(entry: ReaderEntry) -> None:
    """Add a reader; for a kind of content, the highest-priority reader claiming the extension wins."""
    _REGISTRY.append(entry)
    _REGISTRY.sort(key=lambda e: -e.priority)


def open_reader(source: SourceFile, limits: ImportLimits) -> SheetReader:
    """Open the file with the reader for its content (a workbook named .csv is still a workbook)."""
    kind = sniff_kind(source)
    candidates = [e for e in _REGISTRY if e.kind == kind]
    for entry in candidates:
        if source.suffix in entry.extensions:
            return entry.factory(source, limits)
    return candidates[0].factory(source, limits)


register_reader(ReaderEntry("Excel workbook", "xlsx", XLSX_EXTENSIONS, XlsxReader))
register_reader(ReaderEntry("Delimited text", "text", CSV_EXTENSIONS, CsvReader))
register_reader(ReaderEntry("Word document", "docx", DOCX_EXTENSIONS, DocxReader))
register_reader(ReaderEntry("PDF document", "pdf", PDF_EXTENSIONS, PdfReader))
register_reader(
    ReaderEntry(
        "OSCAL catalog or CISO Assistant library",
        "structured",
        STRUCTURED_EXTENSIONS,
        open_structured,
    )
)
