"""Fonts of the PDF: embedded DejaVu Sans for Latin, Greek and Cyrillic; reportlab CID fonts for CJK.

Every user-supplied string goes through :meth:`FontChooser.escaped_markup`, which
escapes it and wraps runs of Chinese, Japanese or Korean characters in a
``<font>`` tag naming a CID font, so a Japanese or Korean partner program
prints without missing glyphs while the rest of the line stays in DejaVu.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from criteria_compare.report.escape import escaped_markup
from criteria_compare.resources import resource_path

__all__ = [
    "BODY_FONT",
    "BOLD_FONT",
    "CJK_FONTS",
    "ITALIC_FONT",
    "FontChooser",
    "cjk_language",
    "font_runs",
    "has_cjk",
    "register_fonts",
]

BODY_FONT = "DejaVuSans"
BOLD_FONT = "DejaVuSans-Bold"
ITALIC_FONT = "DejaVuSans-Oblique"

#: CID font used for each CJK language: sans ("gothic") faces where reportlab has one.
CJK_FONTS = {"ja": "HeiseiKakuGo-W5", "ko": "HYGothic-Medium", "zh": "STSong-Light"}

_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF65, 0xFF9F))
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
_CJK_OTHER = ((0x3000, 0x303F), (0xFF00, 0xFF64), (0xFFA0, 0xFFEF))
_ALL_CJK = _KANA + _HANGUL + _HAN + _CJK_OTHER


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


_registered = False


def register_fonts() -> None:
    """Register the shipped DejaVu Sans family with reportlab (once per process)."""
    global _registered
    if _registered:
        return
    for name, file in (
        (BODY_FONT, "DejaVuSans.ttf"),
        (BOLD_FONT, "DejaVuSans-Bold.ttf"),
        (ITALIC_FONT, "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
    addMapping(BODY_FONT, 0, 0, BODY_FONT)
    addMapping(BODY_FONT, 1, 0, BOLD_FONT)
    addMapping(BODY_FONT, 0, 1, ITALIC_FONT)
    addMapping(BODY_FONT, 1, 1, BOLD_FONT)
    _registered = True


def _register_cid(name: str) -> None:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(name))


def font_runs(text: str, latin: str, language: str | None = None) -> list[tuple[str, str]]:
    """``(chunk, font)`` runs of one line drawn straight on the canvas (headers, footers).

    CJK characters go to a CID font (``language`` decides Han characters with no
    kana or hangul in ``text``; without it the line's own script decides), and
    everything else, digits and punctuation included, stays in ``latin``.
    """
    chooser = FontChooser(language or cjk_language([text]))
    runs: list[tuple[str, str]] = []
    for ch in text:
        font = chooser.font_for(ch) if _is_cjk(ch) else latin
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + ch, font)
        else:
            if font != latin:
                _register_cid(font)
            runs.append((ch, font))
    return runs


@dataclass(frozen=True)
class FontChooser:
    """Escapes strings into paragraph markup, switching to a CID font for CJK runs.

    ``language`` ("ja", "ko", "zh") decides the font for Han characters that
    carry no kana or hangul of their own; kana always uses the Japanese font
    and hangul the Korean one.
    """

    language: str | None = None

    def font_for(self, ch: str) -> str:
        if _in(ch, _KANA):
            return CJK_FONTS["ja"]
        if _in(ch, _HANGUL):
            return CJK_FONTS["ko"]
        return CJK_FONTS.get(self.language or "ja", CJK_FONTS["ja"])

    def escaped_markup(self, text: str) -> str:
        """Paragraph markup for ``text``: escaped, newlines as breaks, CJK runs in a CID font."""
        if not text or not has_cjk(text):
            return escaped_markup(text)
        parts: list[str] = []
        run: list[str] = []
        run_font: str | None = None

        def flush() -> None:
            if not run:
                return
            chunk = escaped_markup("".join(run))
            if run_font is None:
                parts.append(chunk)
            else:
                _register_cid(run_font)
                parts.append(f'<font face="{run_font}">{chunk}</font>')
            run.clear()

        for ch in text:
            if _is_cjk(ch):
                font: str | None = self.font_for(ch)
            elif ch.isspace() or (ch in ".,;:()[]-/0123456789" and run_font is not None):
                font = run_font  # keep digits and punctuation inside a CJK run
            else:
                font = None
            if font != run_font:
                flush()
                run_font = font
            run.append(ch)
        flush()
        return "".join(parts)
