"""Help → About: the versions of the app and its main libraries, where settings, data and logs
live, the licence, and the third-party notices (Show Details)."""

from __future__ import annotations

from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit, QWidget

from criteria_compare import __version__
from criteria_compare.crashlog import log_file
from criteria_compare.gui.data_folder import data_folder
from criteria_compare.notices import library_versions, notices_text

__all__ = ["show_about", "versions_text"]


def versions_text() -> str:
    """One line per component: the app, Python, the Qt runtime and the main libraries."""
    rows = library_versions()
    rows.insert(2, ("Qt", qVersion()))
    return "\n".join(f"{name} {version}" for name, version in rows)


def show_about(parent: QWidget, settings_file: str) -> QMessageBox:
    """Open the About box over ``parent`` (non-modal, deleted when closed) and return it."""
    data = str(data_folder())
    box = QMessageBox(parent)
    box.setWindowTitle("About criteria-compare")
    box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"criteria-compare {__version__}")
    box.setInformativeText(
        "Compares the CTPAT Minimum Security Criteria with a partner AEO program, side by "
        "side, and exports a compatibility report. Works offline; every decision is saved "
        "in the project file as you make it.\n\n"
        f"Settings: {settings_file}\n"
        f"Sample and data: {data}\n"
        f"Error log: {log_file()}\n\n"
        "MIT licence. The bundled sample criteria are written in our own words; they are "
        "not the official text of any program. Qt and PySide6 are used under the LGPL-3.0; "
        "Show Details lists every third-party package and its licence.\n\n"
        f"{versions_text()}"
    )
    box.setDetailedText(notices_text())
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    for details in box.findChildren(QTextEdit):  # the notices' table lines up in columns
        details.setFont(fixed)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
