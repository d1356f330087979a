"""Dialogs open no larger than the screen, so every button is reachable on a small display."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from criteria_compare.gui.screen_fit import fit_to_screen
from criteria_compare.gui.views.import_wizard import NewComparisonWizard


def test_the_new_comparison_wizard_fits_the_screen(qtbot) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.width() <= area.width()
    assert wizard.height() <= area.height()


def test_a_large_screen_keeps_the_asked_size(qtbot) -> None:
    area = QGuiApplication.primaryScreen().availableGeometry()
    widget = QWidget()
    qtbot.addWidget(widget)
    fit_to_screen(widget, area.width() // 2, area.height() // 2, 10, 10)
    assert (widget.width(), widget.height()) == (area.width() // 2, area.height() // 2)
    assert (widget.minimumWidth(), widget.minimumHeight()) == (10, 10)


def test_review_dialogs_and_the_window_fit_the_screen(qtbot, window) -> None:
    """Confirm clear winners, the shortcut list, import warnings and the main window itself open
    no larger than the screen (the preview once opened 1,100 px wide on a 1,024 px screen, its
    Cancel button off the edge)."""
    from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
    from criteria_compare.gui.views.shortcuts_help import ShortcutsDialog

    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.width() < 1100  # the offscreen test screen is small: the cap is visible
    dialogs: list[QWidget] = [BulkConfirmDialog([], window), ShortcutsDialog(window), window]
    for dialog in dialogs:
        if dialog is not window:
            qtbot.addWidget(dialog)
        assert dialog.width() <= area.width(), type(dialog).__name__
        assert dialog.height() <= area.height(), type(dialog).__name__
