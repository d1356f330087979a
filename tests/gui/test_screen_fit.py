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
