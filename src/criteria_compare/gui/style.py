"""Spacing, status glyphs and palette-derived colours shared by the review screen (no fixed colours)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from criteria_compare.model import Band, Status

__all__ = [
    "BAND_ORDER",
    "MARGIN",
    "SPACING",
    "STATUS_GLYPHS",
    "STATUS_ORDER",
    "highlight_color",
    "is_dark",
    "muted_color",
    "status_text",
    "subtle_fill",
]

SPACING = 6  # between related controls
MARGIN = 8  # around a pane's content

STATUS_ORDER: tuple[Status, ...] = (
    Status.UNREVIEWED,
    Status.ALIGNED,
    Status.PARTIAL,
    Status.GAP,
    Status.CONFLICT,
    Status.NOT_APPLICABLE,
)

# A glyph beside every status word, so status never relies on colour alone.
STATUS_GLYPHS: dict[Status, str] = {
    Status.UNREVIEWED: "○",
    Status.ALIGNED: "✔",
    Status.PARTIAL: "◐",
    Status.GAP: "✖",
    Status.CONFLICT: "⚠",
    Status.NOT_APPLICABLE: "–",
}

BAND_ORDER: dict[Band, int] = {Band.HIGH: 0, Band.MEDIUM: 1, Band.LOW: 2}


def status_text(status: Status) -> str:
    """Glyph plus word, e.g. ``"✔ Aligned"``."""
    return f"{STATUS_GLYPHS[status]} {status.label}"


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """Mix ``t`` of colour b into colour a."""
    return QColor(
        round(a.red() * (1 - t) + b.red() * t),
        round(a.green() * (1 - t) + b.green() * t),
        round(a.blue() * (1 - t) + b.blue() * t),
    )


def highlight_color(palette: QPalette) -> QColor:
    """Background for matched terms: the palette's highlight, softened toward the base colour.

    Strong enough to see in both light and dark palettes while the text on it
    keeps the normal text colour (and stays readable).
    """
    base = palette.color(QPalette.ColorRole.Base)
    hl = palette.color(QPalette.ColorRole.Highlight)
    return _blend(base, hl, 0.45 if is_dark(palette) else 0.3)


def subtle_fill(palette: QPalette) -> QColor:
    """A faint fill (section rows, badges) derived from the palette."""
    base = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    return _blend(base, text, 0.08)


def muted_color(widget_or_palette: QWidget | QPalette) -> QColor:
    """Secondary text colour (between text and background)."""
    palette = (
        widget_or_palette.palette() if isinstance(widget_or_palette, QWidget) else widget_or_palette
    )
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return _blend(text, window, 0.4)
