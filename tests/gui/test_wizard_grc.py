"""The wizard on a GRC tool's framework export: new roles, the language choice, the proposed name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from criteria_compare.gui.views.import_wizard import NewComparisonWizard
from tests.importing.grc_workbooks import write_grc_workbook


def _wait_checked(qtbot, page) -> None:
    qtbot.waitUntil(lambda: page.check is not None and page.check.result is not None, timeout=20000)


def test_a_translated_framework_offers_its_languages_and_the_new_roles(
    qtbot, tmp_path: Path
) -> None:
    """The content sheet is chosen, the hierarchy columns get their roles, English is taken and
    the user can switch to French with the keyboard; the name follows the metadata."""
    path = write_grc_workbook(tmp_path / "fr.xlsx", "fr", translations=["en"])
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    _wait_checked(qtbot, wizard.reference_page)
    wizard.next()
    page = wizard.partner_page
    page.set_path(path)
    _wait_checked(qtbot, page)
    assert page.sheet_combo.currentText() == "framework_content"
    roles = [c.currentData() for c in page.role_combos]
    assert {"assessable", "depth", "ref", "title", "text", "guidance"} <= set(roles)
    assert page.language_combo.isVisible()
    assert page.language_combo.currentText() == "English (en)"
    assert page.check.result.criteria[0].section == "Chapter I › Article 1"
    assert page.name_edit.text() == "Harbour Security Framework"
    assert page.version_edit.text() == "version 2"
    assert any("taken in English" in page.warnings_list.item(i).text()
               for i in range(page.warnings_list.count()))  # fmt: skip
    assert any("Language list" in page.warnings_list.item(i).text()
               for i in range(page.warnings_list.count()))  # fmt: skip

    page.language_combo.setFocus()
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Up)
    qtbot.waitUntil(
        lambda: (
            page.check is not None
            and page.check.result is not None
            and page.check.result.language == "fr"
        ),
        timeout=20000,
    )
    assert page.check.result.criteria[0].section == "Chapitre I › Article 1"
    assert page.name_edit.text() == "Référentiel de sûreté portuaire"
    assert page.choice().imported is page.check.result


def test_a_typed_name_is_kept_over_the_documents(qtbot, tmp_path: Path) -> None:
    """Once the user types a name, a later read does not replace it with the document's."""
    path = write_grc_workbook(tmp_path / "de.xlsx", "de", translations=["en"])
    wizard = NewComparisonWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.reference_page.sample_button.click()  # nothing is pre-filled
    _wait_checked(qtbot, wizard.reference_page)
    wizard.next()
    page = wizard.partner_page
    page.set_path(path)
    _wait_checked(qtbot, page)
    page.name_edit.clear()
    qtbot.keyClicks(page.name_edit, "German ports")
    page.language_combo.setFocus()
    qtbot.keyClick(page.language_combo, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: page.check is not None and page.check.result is not None
                    and page.check.result.language == "de", timeout=20000)  # fmt: skip
    assert page.name_edit.text() == "German ports"
