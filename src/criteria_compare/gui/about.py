"""Help → About: the version, where settings, data and logs live, and the licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from criteria_compare import __version__
from criteria_compare.crashlog import log_file
from criteria_compare.gui.data_folder import data_folder

__all__ = ["show_about"]


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
        "not the official text of any program."
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
