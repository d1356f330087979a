"""Make user-supplied text safe: literal in reportlab paragraph markup, never a formula in a sheet."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

__all__ = ["FORMULA_PREFIXES", "clean_cell_text", "escaped_markup", "is_formula_like", "tidy_text"]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

_ENTITIES = {'"': "&quot;"}


def escaped_markup(text: str) -> str:
    """Escape ``text`` for a reportlab Paragraph: ``<``, ``>``, ``&`` print literally, newlines break."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters other than newline and tab have no glyph and upset the PDF text layer.
    text = "".join(ch for ch in text if ch in "\n\t" or ch >= " ")
    return escape(text, _ENTITIES).replace("\t", " ").replace("\n", "<br/>")


#: A line that starts a list item: "1.", "a)", "-", "•", "V –" and the like.
_ITEM = re.compile(r"^\s*(?:[-–—•·*▪◦]|\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]\s|[A-Z]{1,3}\s+[–—-]\s)")
#: A line that ends a sentence, a clause or an introduction: the next one is a new line.
_ENDS = tuple(".:;!?。！？：；)")


def tidy_text(text: str) -> str:
    """Join line breaks inside a sentence (wrapped spreadsheet cells); keep real breaks.

    A single line break is joined with a space unless the line before ends a
    sentence or clause (``. : ; ! ?``) or the next line starts a list item.
    Blank lines (paragraph breaks) are kept, as one empty line.
    """
    if "\n" not in text and "\r" not in text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = re.split(r"\n\s*\n", text.strip("\n"))
    out = []
    for paragraph in paragraphs:
        lines = [line.rstrip() for line in paragraph.split("\n")]
        joined = lines[0]
        for line in lines[1:]:
            if not line.strip():
                continue
            if joined.rstrip().endswith(_ENDS) or _ITEM.match(line):
                joined += "\n" + line
            else:
                joined = joined.rstrip() + " " + line.lstrip()
        out.append(joined)
    return "\n\n".join(out)


def clean_cell_text(text: str) -> str:
    """Drop control characters that XML (and so .xlsx) cannot hold; keep tab, newline, CR."""
    return "".join(ch for ch in text if ch in "\n\t\r" or ch >= " ")


def is_formula_like(value: object) -> bool:
    """True for strings a spreadsheet could read as a formula (``= + - @``, tab, CR first).

    The workbook writer stores such strings as plain text cells with Excel's
    quote-prefix flag (what typing a leading apostrophe does), so the original
    characters show and reopen unchanged, and editing the cell keeps it text.
    """
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)
