"""Fonts of the PDF, all shipped and embedded: DejaVu Sans, then fallbacks chosen per run of text.

Every character is printed in the first shipped font that has a glyph for it:
DejaVu Sans (Latin, Greek, Cyrillic, many symbols), Droid Sans Fallback
(Chinese characters and Japanese kana), NanumGothic (Korean hangul), then
Symbola (emoji and other symbols). A character no shipped font covers is
printed as a visible placeholder (``�``), and the :class:`FontChooser` keeps
the characters it replaced so the export can warn once. Every font is a
TrueType font that reportlab embeds (as a subset): no standard PDF font is
ever referenced.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from criteria_compare.report.escape import escaped_markup, tidy_text
from criteria_compare.resources import resource_path

__all__ = [
    "BODY_FONT",
    "BOLD_FONT",
    "FALLBACK_FONTS",
    "ITALIC_FONT",
    "PLACEHOLDER",
    "FontChooser",
    "cjk_language",
    "font_runs",
    "has_cjk",
    "missing_glyphs_warning",
    "register_fonts",
]

BODY_FONT = "DejaVuSans"
BOLD_FONT = "DejaVuSans-Bold"
ITALIC_FONT = "DejaVuSans-Oblique"

#: Fallback fonts in the order they are tried, with their files under resources/fonts.
FALLBACK_FONTS = (
    ("DroidSansFallback", "DroidSansFallbackFull.ttf"),
    ("NanumGothic", "NanumGothic.ttf"),
    ("Symbola", "Symbola.ttf"),
)

#: Printed where no shipped font has a glyph (DejaVu Sans has this one).
PLACEHOLDER = "\ufffd"

_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF65, 0xFF9F))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
_CJK_OTHER = ((0x3000, 0x303F), (0xFF00, 0xFF64), (0xFFA0, 0xFFEF))
_ALL_CJK = _KANA + _HANGUL + _HAN + _CJK_OTHER

#: Characters that print nothing and need no glyph (joiners, variation selectors...).
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff") | frozenset(
    chr(c) for c in range(0xFE00, 0xFE10)
)


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x1100 and _in(ch, _ALL_CJK)


def has_cjk(text: str) -> bool:
    """True if ``text`` holds any Chinese, Japanese or Korean character."""
    return any(_is_cjk(ch) for ch in text)


def cjk_language(texts: Iterable[str]) -> str | None:
    """Best guess of the CJK language in ``texts``: ``"ja"``, ``"ko"``, ``"zh"`` or None."""
    kana = hangul = han = 0
    for text in texts:
        for ch in text:
            if ord(ch) < 0x1100:
                continue
            if _in(ch, _KANA):
                kana += 1
            elif _in(ch, _HANGUL):
                hangul += 1
            elif _in(ch, _HAN):
                han += 1
    if kana:
        return "ja"
    if hangul:
        return "ko"
    if han:
        return "zh"
    return None


def _unicode_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode CMap wants (a surrogate pair past U+FFFF)."""
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, with characters past U+FFFF (emoji) written as surrogate
    pairs: reportlab writes them as odd-length hex, which PDF readers drop from the text layer."""
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_unicode_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def _register(name: str, file: str) -> None:
    if name in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))


def register_fonts() -> None:
    """Register the shipped DejaVu Sans family with reportlab (once per process)."""
    for name, file in (
        (BODY_FONT, "DejaVuSans.ttf"),
        (BOLD_FONT, "DejaVuSans-Bold.ttf"),
        (ITALIC_FONT, "DejaVuSans-Oblique.ttf"),
    ):
        _register(name, file)
    addMapping(BODY_FONT, 0, 0, BODY_FONT)
    addMapping(BODY_FONT, 1, 0, BOLD_FONT)
    addMapping(BODY_FONT, 0, 1, ITALIC_FONT)
    addMapping(BODY_FONT, 1, 1, BOLD_FONT)


@cache
def _cmap(name: str) -> frozenset[int]:
    """The code points font ``name`` has glyphs for (registering a fallback on first use)."""
    register_fonts()
    for fallback, file in FALLBACK_FONTS:
        if fallback == name:
            _register(fallback, file)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(fallback, bold, italic, fallback)
    font = pdfmetrics.getFont(name)
    return frozenset(font.face.charToGlyph)


@lru_cache(maxsize=4096)
def _font_of(ch: str) -> str | None:
    """The first shipped font with a glyph for ``ch`` (``BODY_FONT`` first), or None."""
    code = ord(ch)
    if code < 0x250 or code in _cmap(BODY_FONT):
        return BODY_FONT
    for name, _file in FALLBACK_FONTS:
        if code in _cmap(name):
            return name
    return None


def _printable(ch: str) -> bool:
    return ch not in _INVISIBLE and unicodedata.category(ch) not in ("Cc", "Cf", "Mn")


class FontChooser:
    """Escapes user strings into paragraph markup, each run of text in a font that has its glyphs.

    ``missing`` collects the characters that no shipped font has (printed as
    :data:`PLACEHOLDER`), so the export can say so once.
    """

    def __init__(self) -> None:
        self.missing: set[str] = set()

    def _runs(self, text: str, latin: str) -> list[tuple[str, str | None]]:
        """``(chunk, font)`` runs of ``text``: font None means the surrounding (latin) font."""
        runs: list[tuple[str, str | None]] = []
        current: str | None = None
        for ch in text:
            if ch.isspace() and ord(ch) < 0x250:
                font = current  # a space stays in the run it is in
            elif ord(ch) < 0x250:
                font = None
            elif not _printable(ch):
                continue
            else:
                found = _font_of(ch)
                if found is None:
                    self.missing.add(ch)
                    ch, found = PLACEHOLDER, BODY_FONT
                font = None if found == BODY_FONT else found
            current = font
            if runs and runs[-1][1] == font:
                runs[-1] = (runs[-1][0] + ch, font)
            else:
                runs.append((ch, font))
        return [(chunk, font if font is not None else latin) for chunk, font in runs]

    def font_runs(self, text: str, latin: str) -> list[tuple[str, str]]:
        """Runs of one line drawn straight on the canvas (headers, footers)."""
        return [(chunk, font or latin) for chunk, font in self._runs(text, latin)]

    def escaped_markup(self, text: str) -> str:
        """Paragraph markup for ``text``: tidied, escaped, newlines as breaks, runs in fallback fonts."""
        if not text:
            return ""
        text = tidy_text(text)
        if all(ord(ch) < 0x250 for ch in text):
            return escaped_markup(text)
        parts = []
        for chunk, font in self._runs(text, BODY_FONT):
            marked = escaped_markup(chunk)
            parts.append(marked if font == BODY_FONT else f'<font face="{font}">{marked}</font>')
        return "".join(parts)


def font_runs(text: str, latin: str, chooser: FontChooser | None = None) -> list[tuple[str, str]]:
    """``(chunk, font)`` runs of one line drawn on the canvas; ``latin`` for what DejaVu covers."""
    return (chooser or FontChooser()).font_runs(text, latin)


def missing_glyphs_warning(missing: Iterable[str]) -> str:
    """The one warning of an export whose text holds characters no shipped font can print."""
    chars = sorted(set(missing))
    if not chars:
        return ""
    shown = ", ".join(f"U+{ord(ch):04X}" for ch in chars[:8]) + (" …" if len(chars) > 8 else "")
    return (
        f"{len(chars)} character{'s' if len(chars) != 1 else ''} in the criteria or notes "
        f"({shown}) {'have' if len(chars) != 1 else 'has'} no glyph in the report's fonts and "
        f"{'are' if len(chars) != 1 else 'is'} printed as {PLACEHOLDER}; the project keeps the "
        "text as written."
    )
