"""Cell values as the text a user sees in Excel: number formats, dates, line breaks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "EXCEL_CELL_CHARS",
    "clean_text",
    "column_letter",
    "decode_excel_escapes",
    "format_number",
    "format_temporal",
    "looks_like_ref",
    "printable",
    "single_line",
    "utf16_without_bom",
]

EXCEL_CELL_CHARS = 32_767
"""Most characters an Excel cell holds; longer cells (only a crafted file or a CSV has them)
are cut to this when imported, with a warning."""

_BRACKETS = re.compile(r"\[[^\]]*\]")
_BARE_REF = re.compile(r"[A-Za-z]{0,6}[-\s]?\d+(?:[.\-]\d+)*[a-z]?\.?")
_NUMERIC = re.compile(r"[0#?][0#?,]*(?:\.[0#?]*)?|\.[0#?]+")


_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_excel_escapes(value: str) -> str:
    """Text with Excel's ``_xHHHH_`` escapes decoded (``_x000D_`` is a carriage return, as
    Excel stores pasted Windows line breaks), then cleaned like any cell."""
    return clean_text(_OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value))


def utf16_without_bom(head: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` when the bytes read like UTF-16 text with no
    byte-order mark: mostly Latin text, so nearly every other byte is NUL, on the same side."""
    pairs = len(head) // 2
    if pairs < 4 or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    sample = head[: pairs * 2]
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if odd_nuls >= pairs * 0.7 and even_nuls <= pairs * 0.05:
        return "utf-16-le"
    if even_nuls >= pairs * 0.7 and odd_nuls <= pairs * 0.05:
        return "utf-16-be"
    return None


def printable(text: str) -> str:
    """A file name or path as text that can be shown and stored (bytes that are not UTF-8,
    surrogate-escaped by the operating system, become U+FFFD)."""
    if text.isprintable():
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def clean_text(value: str) -> str:
    """Normalise line endings and strip surrounding whitespace, keeping line breaks inside."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.strip()


def looks_like_ref(text: str) -> bool:
    """Whether a lone cell reads like a criterion ref (``7.10``, ``S-4.2.1``) rather than a heading."""
    return len(text) <= 20 and _BARE_REF.fullmatch(text) is not None


def single_line(value: str) -> str:
    """Collapse every run of whitespace (line breaks included) into one space."""
    return " ".join(value.split())


def column_letter(index: int) -> str:
    """Excel column letter of a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _general(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


def _format_tokens(fmt: str) -> Iterator[tuple[str, str]]:
    """The pieces of a number format as ``(raw, literal)``: a quoted string, an escaped
    character, a padding (``_x``: one space) or fill (``*x``: nothing) pair, or one plain
    character; ``literal`` is the text Excel shows for it, ``raw`` the text as written.

    A plain ``;`` outside these pieces separates the format's sections.
    """
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) if end < 0 else end
            yield fmt[i : end + 1], fmt[i + 1 : end]
            i = end + 1
        elif ch in "\\_*" and i + 1 < len(fmt):
            yield fmt[i : i + 2], {"\\": fmt[i + 1], "_": " ", "*": ""}[ch]
            i += 2
        else:
            yield ch, ch
            i += 1


def _split_sections(fmt: str) -> list[str]:
    sections: list[str] = []
    current: list[str] = []
    for raw, _ in _format_tokens(fmt):
        if raw == ";":
            sections.append("".join(current))
            current = []
        else:
            current.append(raw)
    sections.append("".join(current))
    return sections


def _literals(part: str) -> str:
    """The literal text of a number-format fragment (quoted strings, escapes, plain symbols)."""
    return "".join(literal for _, literal in _format_tokens(part))


def _mask_literals(section: str) -> str:
    """The section with quoted and escaped text replaced by spaces (to find the digits)."""
    return "".join(
        raw if len(raw) == 1 and raw != '"' else " " * len(raw)
        for raw, _ in _format_tokens(section)
    )


def format_number(value: float, number_format: str | None) -> str:
    """Render a numeric cell the way Excel shows it for the common number formats.

    ``7.1`` with ``0.00`` gives ``7.10``; integers stay ``3``; formats this does
    not understand (scientific, fractions) fall back to Excel's General display.
    """
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    fmt = (number_format or "General").strip()
    if not fmt or fmt.lower() == "general" or fmt == "@":
        return _general(value)
    sections = _split_sections(fmt)
    section = sections[0]
    negative = value < 0
    if negative and len(sections) > 1 and sections[1].strip():
        section, value = sections[1], -value
        negative = False
    elif value == 0 and len(sections) > 2 and sections[2].strip():
        section = sections[2]
    section = _BRACKETS.sub("", section)
    masked = _mask_literals(section)
    if "E+" in masked.upper() or "E-" in masked.upper() or "/" in masked:
        return _general(value)
    match = _NUMERIC.search(masked)
    if match is None:
        literal = _literals(section)
        return literal if "@" not in literal else literal.replace("@", _general(value))
    pattern = match.group(0)
    prefix = _literals(section[: match.start()])
    suffix = _literals(section[match.end() :])
    int_part, _, dec_part = pattern.partition(".")
    if "%" in masked:
        value = value * 100
    max_dec = sum(1 for ch in dec_part if ch in "0#?")
    min_dec = dec_part.count("0")
    min_int = int_part.count("0")
    try:
        quantum = Decimal(1).scaleb(-max_dec)
        number = Decimal(repr(float(value))).quantize(quantum, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError, OverflowError):
        return _general(value)
    sign = "-" if number < 0 or (negative and number != 0) else ""
    digits = format(abs(number), "f")
    whole, _, frac = digits.partition(".")
    frac = frac.rstrip("0")
    if len(frac) < min_dec:
        frac = frac + "0" * (min_dec - len(frac))
    whole = whole.lstrip("0")
    whole = whole.rjust(min_int, "0") if min_int else whole
    if "," in int_part and whole:
        whole = f"{int(whole):,}"
    if not whole and not frac:
        whole = "0"
    text = whole + ("." + frac if frac else "")
    if "-" in prefix:
        sign = ""
    return f"{sign}{prefix}{text}{suffix}".strip()


def format_temporal(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> str:
    """ISO text of a date or time cell (a ref typed as 7.10 may have become 10 July)."""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
