"""Light and dark: follow the platform's colour scheme, or the reviewer's choice (View → Appearance).

The choice (System, Light or Dark) is kept in QSettings. "System" follows
``QStyleHints.colorScheme()`` and its changes. Qt is asked for the scheme first
(``setColorScheme``), so a platform that has a dark palette of its own uses it;
when the palette that results is not the one wanted (a platform or style without
a dark palette, e.g. plain X11), the Fusion style with the palettes below is used.
Every custom colour of the GUI is derived from the palette (``gui.style``), so
it follows.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from criteria_compare.gui.settings import Settings
from criteria_compare.gui.style import is_dark

__all__ = [
    "APPEARANCE_ACTIONS",
    "Appearance",
    "AppearanceControl",
    "apply_appearance",
    "dark_palette",
    "light_palette",
    "wants_dark",
]


class Appearance(enum.Enum):
    """The reviewer's choice of colours."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


#: The View → Appearance action of each choice (names in gui.actions).
APPEARANCE_ACTIONS: Mapping[Appearance, str] = {
    Appearance.SYSTEM: "appearance_system",
    Appearance.LIGHT: "appearance_light",
    Appearance.DARK: "appearance_dark",
}

_ROLE = QPalette.ColorRole
_GROUP = QPalette.ColorGroup

# Chosen so that text, muted text (gui.style.muted_color), links and selected text keep a
# contrast of at least 4.5 : 1 on the window, the base and the highlight colours.
_DARK = {
    _ROLE.Window: "#2b2b2b",
    _ROLE.WindowText: "#e6e6e6",
    _ROLE.Base: "#1e1e1e",
    _ROLE.AlternateBase: "#262626",
    _ROLE.ToolTipBase: "#3a3a3a",
    _ROLE.ToolTipText: "#e6e6e6",
    _ROLE.PlaceholderText: "#9a9a9a",
    _ROLE.Text: "#e6e6e6",
    _ROLE.Button: "#353535",
    _ROLE.ButtonText: "#e6e6e6",
    _ROLE.BrightText: "#ff8a80",
    _ROLE.Light: "#4a4a4a",
    _ROLE.Midlight: "#3e3e3e",
    _ROLE.Mid: "#5c5c5c",
    _ROLE.Dark: "#1a1a1a",
    _ROLE.Shadow: "#0d0d0d",
    _ROLE.Highlight: "#3a6ea5",
    _ROLE.HighlightedText: "#ffffff",
    _ROLE.Link: "#8ab4f8",
    _ROLE.LinkVisited: "#c58af9",
    _ROLE.Accent: "#3a6ea5",
}
_DARK_DISABLED = {
    _ROLE.WindowText: "#808080",
    _ROLE.Text: "#808080",
    _ROLE.ButtonText: "#808080",
    _ROLE.Highlight: "#4a4a4a",
    _ROLE.HighlightedText: "#a0a0a0",
    _ROLE.PlaceholderText: "#6a6a6a",
}


def dark_palette() -> QPalette:
    """The dark palette used when the platform has none."""
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DARK_DISABLED.items():
        palette.setColor(_GROUP.Disabled, role, QColor(color))
    return palette


def light_palette() -> QPalette:
    """The light palette used when the platform's is dark but Light was chosen (Fusion's own)."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette()


def wants_dark(choice: Appearance, scheme: Qt.ColorScheme, platform_dark: bool) -> bool:
    """Whether ``choice`` means dark colours, given the platform's scheme and palette."""
    if choice is Appearance.DARK:
        return True
    if choice is Appearance.LIGHT:
        return False
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return platform_dark  # the platform does not say: keep its palette


class _State:
    """What apply_appearance changed, so "System" can give the platform its palette back."""

    overridden = False
    platform_style = ""


def _clear_override(app: QApplication) -> None:
    if not _State.overridden:
        return
    _State.overridden = False
    app.setPalette(QPalette())  # back to the platform theme's palette
    if _State.platform_style and app.style().name().lower() != _State.platform_style.lower():
        app.setStyle(_State.platform_style)


def _override(app: QApplication, palette: QPalette) -> None:
    if not _State.overridden:
        _State.platform_style = app.style().name()
    _State.overridden = True
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # a native style may draw its own light controls
    app.setPalette(palette)


def apply_appearance(choice: Appearance) -> None:
    """Use the colours ``choice`` means, now (every widget repaints and re-derives its colours)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if choice is Appearance.SYSTEM:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(
            Qt.ColorScheme.Dark if choice is Appearance.DARK else Qt.ColorScheme.Light
        )
    _clear_override(app)
    dark = wants_dark(choice, hints.colorScheme(), is_dark(app.palette()))
    if is_dark(app.palette()) != dark:
        _override(app, dark_palette() if dark else light_palette())


class AppearanceControl(QObject):
    """Owns the View → Appearance choice: applies it, remembers it, follows the platform."""

    def __init__(
        self,
        settings: Settings,
        actions: Mapping[str, QAction],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._applying = False
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._actions = {choice: actions[name] for choice, name in APPEARANCE_ACTIONS.items()}
        for action in self._actions.values():
            action.setCheckable(True)
            self._group.addAction(action)  # gui.window_actions connects each to choose()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_scheme_changed)
        self._apply(self.choice)

    @property
    def choice(self) -> Appearance:
        """The remembered choice (System when none or an unknown one is stored)."""
        stored = self._settings.appearance
        return next((c for c in Appearance if c.value == stored), Appearance.SYSTEM)

    def choose(self, choice: Appearance) -> None:
        """Use ``choice`` and remember it."""
        self._settings.appearance = choice.value
        self._apply(choice)

    def _apply(self, choice: Appearance) -> None:
        self._actions[choice].setChecked(True)
        self._applying = True  # setColorScheme() reports a change back
        try:
            apply_appearance(choice)
        finally:
            self._applying = False

    def _on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if not self._applying and self.choice is Appearance.SYSTEM:
            self._apply(Appearance.SYSTEM)
