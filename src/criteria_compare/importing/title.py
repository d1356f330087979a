"""The program's name and edition as the document gives them: a title row, the document title.

``propose_title`` looks at the lines above the header row (a workbook's title
rows, the first lines of a PDF or Word document), the document's Title property
and any metadata sheet, and proposes a name such as "CTPAT Minimum Security
Criteria – Importers" and a version label such as "Rev. 3" or "1 July 2023". The
wizard shows them as defaults and ``new`` takes them when no name is given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["ProposedTitle", "propose_title", "split_version"]

_MONTHS = (
    r"(?:jan(?:uary|vier|uar)?|feb(?:ruary|ruar)?|f[ée]vrier|m(?:ar(?:ch|s)?|[äa]rz)|"
    r"apr(?:il)?|avril|may|mai|june?|juin|juli?|july|juillet|aug(?:ust)?|ao[uû]t|"
    r"sep(?:t(?:ember)?)?|septembre|oct(?:ober)?|octobre|okt(?:ober)?|nov(?:ember)?|novembre|"
    r"dec(?:ember)?|d[ée]cembre|dez(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|"
    r"agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|"
    r"luglio|settembre|ottobre|dicembre)"
)
_EDITION = re.compile(
    r"\b(?:rev(?:ision)?|r[ée]vision|revisi[oó]n|revisione|version|versi[oó]n|vers[aã]o|"
    r"ver|edition|[ée]dition|edici[oó]n|edizione|edi[cç][aã]o|ed|issue|release|ausgabe|"
    r"fassung|stand)\.?\s*:?\s*(?:no\.?\s*)?(\d+(?:[.\-]\d+)*[a-z]?)\b|\bv(\d+(?:\.\d+)+)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?)?{_MONTHS}\.?\s+(?:de\s+)?(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d-\d\d(?:-\d\d)?\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"[(\[]\s*((?:19|20)\d\d)\s*[)\]]")
_LEFT_EDGES = " \t-–—:;,.·|/)]"
_RIGHT_EDGES = " \t-–—:;,.·|/(["
_MAX_NAME = 150
_MAX_LINE = 400


@dataclass(frozen=True)
class ProposedTitle:
    """A program name and version label read from the document, and where they were found."""

    name: str | None = None
    version: str | None = None
    source: str = ""
    """Where: "title row 1", "the document title", "the metadata sheet 'framework_meta'"."""


def split_version(line: str) -> tuple[str, str | None]:
    """``("CTPAT MSC – Importers", "Rev. 3")`` from ``"CTPAT MSC – Importers (Rev. 3)"``.

    The edition (``Rev. 3``, ``Edition 3.1``, ``v2.0``) and a date (``March 2024``,
    ``2024-03-01``) are taken out of the line and joined; a year in brackets counts
    when nothing else does.
    """
    text = " ".join(line.split())
    found: list[str] = []
    for pattern in (_EDITION, _DATE):
        match = pattern.search(text)
        if match is not None:
            found.append(match.group(0).strip())
            text = (text[: match.start()] + " " + text[match.end() :]).strip()
    if not found:
        year = _YEAR.search(text)
        if year is not None:
            found.append(year.group(1))
            text = text[: year.start()] + text[year.end() :]
    name = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", "", text)
    name = re.sub(r"\s+([,;:)])", r"\1", " ".join(name.split()))
    name = name.lstrip(_LEFT_EDGES).rstrip(_RIGHT_EDGES)
    if name.count("(") > name.count(")"):
        name = name.rsplit("(", 1)[0].rstrip(_RIGHT_EDGES)
    return name, (", ".join(found) if found else None)


def _looks_like_title(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 25 and len(text) <= 200 and any(ch.isalpha() for ch in text)


def propose_title(
    lines: Sequence[tuple[str, str]],
    *,
    document_title: str | None = None,
    meta_name: str | None = None,
    meta_version: str | None = None,
    meta_source: str = "",
) -> ProposedTitle:
    """The name and version to propose from ``(where, text)`` title lines and the other sources.

    The metadata speaks first, then the first title line that reads like a
    title, then the document title; a version is looked for in every line.
    """
    name: str | None = None
    version: str | None = meta_version.strip() if meta_version and meta_version.strip() else None
    source = ""
    if meta_name and meta_name.strip():
        name, found = split_version(meta_name)
        version = version or found
        source = meta_source
    candidates = [(where, " ".join(text.split())) for where, text in lines if text.strip()]
    if document_title:
        candidates.append(("the document title", " ".join(document_title.split())))
    for where, text in candidates:
        if len(text) > _MAX_LINE:
            continue  # a paragraph, not a title (and not worth searching)
        stripped, found = split_version(text)
        if name is None and _looks_like_title(text) and stripped:
            name, source = stripped, where
            version = version or found
        elif version is None and found:
            version = found
    if name is not None and len(name) > _MAX_NAME:
        name = name[:_MAX_NAME].rsplit(" ", 1)[0]
    if name is None and version is None:
        return ProposedTitle()
    return ProposedTitle(name or None, version, source)
