"""The wizard's "Save the comparison" field: any typed, pasted or half-typed path is quiet, checked on Create."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.import_wizard import NewComparisonWizard, typed_target


def _save_page(qtbot, window: MainWindow, partner: Path) -> NewComparisonWizard:
    wizard = window.file_menu.new_comparison()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    qtbot.waitUntil(lambda: wizard.reference_page.check is not None, timeout=20000)
    wizard.next()
    wizard.partner_page.set_path(partner)
    qtbot.waitUntil(lambda: wizard.partner_page.isComplete(), timeout=20000)
    wizard.next()
    assert wizard.currentPage() is wizard.save_page
    return wizard


def test_typing_a_path_character_by_character_never_fails(
    qtbot, window: MainWindow, partner_xlsx: Path, tmp_path: Path
) -> None:
    """Typing "/", "C:", "~/" or a folder, key by key, only types; Create says what is wrong."""
    wizard = _save_page(qtbot, window, partner_xlsx)
    edit = wizard.save_page.path_edit
    for text in ("/", "C:", "~/", ".", "..", str(tmp_path) + "/", str(tmp_path)):
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
        qtbot.keyClicks(edit, text)
        assert edit.text() == text
    assert wizard.save_page.target() is None  # an existing folder names no file
    assert wizard.save_page.isComplete()  # checked when the user moves on, not while typing
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.worker is None
    assert "names a folder, not a file" in wizard.save_page.progress_label.text()
    assert wizard.isVisible()
    assert QApplication.activeModalWidget() in (None, wizard)


def test_a_relative_name_goes_into_the_suggested_folder(
    qtbot, window: MainWindow, partner_xlsx: Path, tmp_path: Path
) -> None:
    """A bare name typed by hand is saved in the folder the wizard suggested, .ccproj added."""
    wizard = _save_page(qtbot, window, partner_xlsx)
    suggested = Path(wizard.save_page.path_edit.text()).parent
    edit = wizard.save_page.path_edit
    edit.selectAll()
    qtbot.keyClicks(edit, "my review")
    assert wizard.save_page.target() == suggested / "my review.ccproj"


def test_typed_target_rules(tmp_path: Path) -> None:
    """Folders, drive letters and empty names name no file; anything else gets .ccproj."""
    for text in ("", "  ", "/", "\\", "~/", ".", "..", "a/", str(tmp_path), "x\0y"):
        assert typed_target(text, tmp_path) is None, text
    assert typed_target(str(tmp_path / "r"), tmp_path) == tmp_path / "r.ccproj"
    assert typed_target("sub/r.CCPROJ", tmp_path) == tmp_path / "sub" / "r.CCPROJ"
    assert typed_target("~nobody-here-xyz/r", tmp_path) in (
        None,
        tmp_path / "~nobody-here-xyz/r.ccproj",
    )
