"""View → Import warnings: each program's import warnings, worded for the window."""

from __future__ import annotations

from pathlib import Path

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.import_warnings import ImportWarningsDialog, gui_sentence
from criteria_compare.importing import read_criteria
from criteria_compare.model import Side
from criteria_compare.project import Project
from criteria_compare.resources import sample_path
from tests.gui.review_fixtures import open_in
from tests.importing.grc_workbooks import write_grc_workbook


def test_the_panel_lists_each_programs_warnings_by_place(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    """The View menu's action opens one tab per program; each row names where and what."""
    partner = read_criteria(write_grc_workbook(tmp_path / "fr.xlsx", "fr", translations=["en"]))
    path = tmp_path / "w.ccproj"
    reference = read_criteria(sample_path("ctpat_msc_importer.xlsx"))
    Project.create(path, reference, partner, partner_name="Port").close()
    open_in(qtbot, window, path)
    action = window.actions_by_name["import_warnings"]
    assert action.isEnabled()
    assert action in window.menus["View"].actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.findChild(ImportWarningsDialog) is not None, timeout=5000)
    dialog = window.findChild(ImportWarningsDialog)
    assert dialog.isVisible()
    assert dialog.tabs.count() == 2
    assert dialog.tabs.tabText(1) == "Partner: Port (1)"
    assert dialog.tabs.tabText(0).endswith("(0)")
    partner_list = dialog.lists[Side.PARTNER]
    assert dialog.tabs.currentIndex() == 1  # opens on the program with warnings
    assert partner_list.item(0, 0).text() == "fr.xlsx, sheet 'framework_content'"
    message = partner_list.item(0, 1).text()
    assert message.startswith("this sheet holds the criteria in several languages")
    assert "--" not in message


def test_command_line_advice_stored_by_older_versions_is_reworded() -> None:
    """A warning stored with --columns advice reads without the option in the window."""
    old = (
        "x.xlsx, sheet 'S', column F: this column ('Owner') is hidden in Excel and holds data "
        "that was not imported; map it with --partner-columns if it matters."
    )
    assert gui_sentence(old).endswith(
        "holds data that was not imported; give it a role if it matters."
    )
