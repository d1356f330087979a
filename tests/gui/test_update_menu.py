"""File → Update reference/partner program…: the wizard opens on the open project and the screen refreshes."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWizard

from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.views.update_wizard import UpdateWizard
from criteria_compare.model import Relation, Side, Status
from criteria_compare.project import Project
from tests.gui.review_fixtures import open_in


def test_update_actions_need_a_writable_project(window: MainWindow) -> None:
    """On the start screen both update actions are off; they sit in the File menu."""
    for name in ("update_reference", "update_partner"):
        action = window.actions_by_name[name]
        assert not action.isEnabled()
        assert action in window.menus["File"].actions()


_SAMPLE = Path(__file__).resolve().parents[2] / "sample_criteria" / "partner_aeo_meridia.xlsx"
_REWORDED = "1.1.2"


def _new_partner_edition(target: Path) -> tuple[str, str]:
    """The sample partner workbook with 1.1.2 reworded, its last criterion removed and one added;
    returns (the removed ref, the added ref)."""
    wb = openpyxl.load_workbook(_SAMPLE)
    ws = wb["AEO-S conditions"]
    rows = [r for r in range(5, ws.max_row + 1) if ws.cell(r, 3).value]
    for r in rows:
        if ws.cell(r, 3).value == _REWORDED:
            ws.cell(r, 2).value = str(ws.cell(r, 2).value).replace(
                "a documented way of finding errors", "a written procedure for detecting errors"
            )
    last = rows[-1]
    removed = str(ws.cell(last, 3).value)
    section = ws.cell(last, 1).value
    ws.delete_rows(last)
    ws.insert_rows(last)
    ws.cell(last, 1).value = section
    ws.cell(last, 2).value = (
        "The economic operator shall keep a register of every person who holds a key to "
        "the container yard and review it every quarter."
    )
    ws.cell(last, 3).value = "12.9.9"
    ws.cell(last, 5).value = "Mandatory"
    wb.save(target)
    return removed, "12.9.9"


def _tree_rows(wizard: UpdateWizard) -> list[list[str]]:
    tree = wizard.preview_page.tree
    out: list[list[str]] = []
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        out.append([group.text(0)])
        for j in range(group.childCount()):
            child = group.child(j)
            out.append([child.text(c) for c in range(4)])
    return out


def test_update_partner_writes_the_new_edition_and_the_review_shows_what_changed(
    qtbot, window: MainWindow, sample_project: Path, tmp_path: Path
) -> None:
    """A real update through the wizard: the preview names the reworded, removed and added
    criteria and the decisions at stake; after Update project the decisions are carried, the
    one linked to the reworded criterion is under "! Changed" with its redline, and a backup of
    the project sits beside it."""
    with Project.open(sample_project) as project:
        first, second = (c.ref for c in project.reference.criteria[:2])
        project.decide(first, status="aligned", link=[(_REWORDED, Relation.EQUAL)])
        project.decide(
            second,
            status="partial",
            note="Ours also asks for a yearly audit.",
            link=[("1.1.1", Relation.INTERSECTS_WITH)],
        )
    new_file = tmp_path / "meridia edition 3.2.xlsx"
    removed, added = _new_partner_edition(new_file)
    open_in(qtbot, window, sample_project)

    window.actions_by_name["update_partner"].trigger()
    wizard = window.findChild(UpdateWizard)
    assert wizard is not None
    assert wizard.side is Side.PARTNER
    assert wizard.file_page.name_edit.text() == window.project.partner.name
    page = wizard.file_page
    page.set_path(new_file)
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)
    qtbot.keyClick(page.version_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.version_edit, "3.2")  # over what the file's title proposes
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=30000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    preview = wizard.preview_page
    assert preview.error == ""
    assert preview.isComplete()  # nothing ambiguous
    rows = _tree_rows(wizard)
    reworded = next(r for r in rows if len(r) == 4 and r[1] == _REWORDED)
    assert reworded[0] == "Reworded"
    assert f"linked from {first}" in " ".join(reworded)
    assert any(len(r) == 4 and r[1] == removed for r in rows)
    assert any(len(r) == 4 and r[2] == added for r in rows)
    assert "edition 2 (3.2)" in preview.summary.text()
    assert window.project.partner.version != "3.2"  # the preview wrote nothing

    with qtbot.waitSignal(wizard.updated, timeout=60000):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert "Program updated" in window.statusBar().currentMessage()
    project = window.project
    refs = {c.ref for c in project.partner.criteria}
    assert added in refs
    assert removed not in refs
    assert project.assessment(first).status is Status.ALIGNED
    assert project.assessment(first).suspect
    assert project.assessment(second).status is Status.PARTIAL
    assert not project.assessment(second).suspect
    assert list(sample_project.parent.glob("*.before-partner-edition-2.bak"))

    view = window.review
    assert view is not None
    assert "!" in view.queue.model.entry_for(first).marks
    box = next(b for b in view.queue.findChildren(QCheckBox) if b.text() == "! Changed")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert view.queue.visible_refs() == [first]
    view.select_ref(first)
    redline = view.focus.redline
    assert redline.isVisible()
    (text,) = redline.texts()
    assert f"Linked partner {_REWORDED}" in text
    assert re.search(r"<s[^>]*>[^<]*documented", text)  # the old words struck through
    assert re.search(r"<u[^>]*>[^<]*written procedure", text)  # the new ones marked


def test_another_programs_file_is_refused_in_the_preview(
    qtbot, window: MainWindow, sample_project: Path
) -> None:
    """Choosing the reference program's workbook as the partner's new edition: the preview says
    so in one sentence, Update project stays off, and the project is unchanged."""
    open_in(qtbot, window, sample_project)
    before = sample_project.read_bytes()
    window.actions_by_name["update_partner"].trigger()
    wizard = window.findChild(UpdateWizard)
    assert wizard is not None
    page = wizard.file_page
    page.set_path(_SAMPLE.with_name("ctpat_msc_importer.xlsx"))
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=30000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    preview = wizard.preview_page
    assert preview.error
    assert "Traceback" not in preview.error
    assert (
        "ctpat_msc_importer.xlsx is the reference program's file of this project" in preview.error
    )
    assert "go Back and choose the new edition of the partner program" in preview.error
    assert "--" not in preview.error  # no command-line options in the wizard
    assert preview.error.count(". ") <= 1
    assert not preview.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.reject()
    assert sample_project.read_bytes() == before


def test_ctrl_z_takes_an_update_back_and_ctrl_shift_z_applies_it_again(
    qtbot, window: MainWindow, sample_project: Path, tmp_path: Path
) -> None:
    """The update is one step on the undo stack: undo shows the old edition with its decisions,
    redo the new one, each said in the status bar, and the file holds what the screen shows."""
    with Project.open(sample_project) as project:
        first = project.reference.criteria[0].ref
        project.decide(first, status="aligned", link=[(_REWORDED, Relation.EQUAL)])
    new_file = tmp_path / "meridia edition 3.2.xlsx"
    removed, added = _new_partner_edition(new_file)
    open_in(qtbot, window, sample_project)
    window.actions_by_name["update_partner"].trigger()
    wizard = window.findChild(UpdateWizard)
    assert wizard is not None
    wizard.file_page.set_path(new_file)
    qtbot.waitUntil(lambda: wizard.file_page.check is not None, timeout=20000)
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=30000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(wizard.updated, timeout=60000):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    qtbot.waitUntil(lambda: not wizard.isVisible())
    view = window.review
    assert view is not None
    assert "Ctrl+Z takes the update back" in window.statusBar().currentMessage()

    def partner_refs() -> set[str]:
        assert window.project is not None
        return {c.ref for c in window.project.partner.criteria}

    assert added in partner_refs()

    def key(key: Qt.Key, mod: Qt.KeyboardModifier) -> None:
        if QApplication.focusWidget() is None:  # offscreen: a closed dialog does not reactivate
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        qtbot.keyClick(QApplication.focusWidget(), key, mod)

    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Undid the partner program's update to edition 2" in window.statusBar().currentMessage()
    assert removed in partner_refs()
    assert added not in partner_refs()
    assert window.project is not None
    assert not window.project.assessment(first).suspect
    assert added not in {c.ref for c in view.partners.model.criteria()}  # the pane shows it too

    key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "Redid the partner program's update" in window.statusBar().currentMessage()
    assert added in partner_refs()
    assert window.project.assessment(first).suspect
    with Project.open(sample_project, read_only=True) as on_disk:
        assert added in {c.ref for c in on_disk.partner.criteria}
