"""Make user-supplied text safe: literal in reportlab paragraph markup, never a formula in a sheet."""

from __future__ import annotations

from xml.sax.saxutils import escape

__all__ = ["FORMULA_PREFIXES", "clean_cell_text", "escaped_markup", "is_formula_like"]

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
