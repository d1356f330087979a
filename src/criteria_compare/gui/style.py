"""Spacing, status glyphs and palette-derived colours shared by the GUI (no fixed colours).

Every custom colour is derived from the palette, so it reads in a light and a dark
palette alike. A widget that keeps a derived colour in its own palette (a muted
label, a fill) goes through :func:`follow_palette`, which applies it again after
every palette change (View → Appearance, or the platform switching to dark).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from criteria_compare.model import Band, Status

__all__ = [
    "BAND_ORDER",
    "MARGIN",
    "SPACING",
    "STATUS_GLYPHS",
    "STATUS_ORDER",
    "contrast_ratio",
    "follow_palette",
    "highlight_color",
    "inherited_palette",
    "is_dark",
    "mute",
    "muted_color",
    "status_text",
    "subtle_fill",
]

W = TypeVar("W", bound=QWidget)

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


def _luminance(color: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def inherited_palette(widget: QWidget) -> QPalette:
    """The palette ``widget`` would have without its own colours: its parent's, or the application's."""
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette(widget)


class _PaletteFollower(QObject):
    """Re-applies a widget's derived colours whenever its palette or parent changes."""

    def __init__(self, widget: QWidget, restyle: Callable[[QWidget], None]) -> None:
        super().__init__(widget)
        self._restyle = restyle
        self._busy = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._busy
            and isinstance(watched, QWidget)
            and event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ParentChange)
        ):
            self._busy = True  # the restyle's own setPalette() sends another PaletteChange
            try:
                self._restyle(watched)
            finally:
                self._busy = False
        return False


def follow_palette(widget: W, restyle: Callable[[QWidget], None]) -> W:
    """Call ``restyle(widget)`` now and after every palette change; returns ``widget``."""
    restyle(widget)
    _PaletteFollower(widget, restyle)
    return widget


def _set_role(widget: QWidget, role: QPalette.ColorRole, color: QColor) -> None:
    if widget.palette().color(role) != color:
        palette = widget.palette()
        palette.setColor(role, color)
        widget.setPalette(palette)


def _apply_muted(widget: QWidget) -> None:
    _set_role(widget, widget.foregroundRole(), muted_color(inherited_palette(widget)))


def mute(widget: W) -> W:
    """Draw ``widget``'s text in the secondary colour, in any palette; returns ``widget``."""
    return follow_palette(widget, _apply_muted)
