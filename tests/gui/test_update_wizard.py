"""Update wizard: the new edition read on the import page, the preview of every change, choices, cancel."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem, QWizard

from criteria_compare.align.editions import match_editions
from criteria_compare.errors import Cancelled, InvalidValue
from criteria_compare.gui.settings import Settings
from criteria_compare.gui.views.update_preview import UpdatePreview
from criteria_compare.gui.views.update_wizard import UpdateWizard
from criteria_compare.gui.workers import project_pool
from criteria_compare.model import Edition, Side
from criteria_compare.progress import CancelCheck, ProgressCallback
from criteria_compare.workflow.create import SourceChoice
from tests.gui.review_fixtures import PARTNER

NEW_EDITION = """id,section,text
M-1,Security organisation,The operator keeps a written security policy signed by management.
M-2,Security organisation,A security officer is appointed to coordinate all security measures on site.
M-30,Trading partners,Trading partners are screened for security before contracts are signed.
M-4,Seals,Seal numbers are checked against the shipping documents on receipt.
M-5,Seals,High security seals are fitted to every loaded container.
M-6,Customs compliance,Customs declarations are lodged on time.
M-8,Logistics processes,Cargo discrepancies are reported to the security officer.
M-9,Solvency,Financial solvency is proven for the last three years at head office.
M-10,Solvency,Financial solvency is proven for the last three years for each branch.
M-11,Premises,Visitors sign in at the gate and wear a badge.
"""


class FakeUpdate:
    """Stands in for the workflow: the dry run is the real matcher; applying records its arguments."""

    def __init__(self, *, hold: bool = False) -> None:
        self.applied: list[tuple[Path, dict[str, str | None]]] = []
        self.hold = hold
        self.started = threading.Event()

    def plan(
        self,
        choice: SourceChoice,
        settled: Mapping[str, str | None],
        progress: ProgressCallback,
        cancel: CancelCheck,
    ) -> UpdatePreview:
        assert choice.imported is not None
        new = choice.imported.criteria
        match = match_editions(PARTNER.criteria, new, settled=settled, progress=progress)
        return UpdatePreview(
            match=match,
            old=PARTNER.by_ref(),
            new={c.ref: c for c in new},
            decisions={"M-7": "Aligned with 3.1"},
            summary=f"{len(match.matched)} matched, {len(match.added)} added",
        )

    def apply(
        self,
        choice: SourceChoice,
        settled: Mapping[str, str | None],
        progress: ProgressCallback,
        cancel: CancelCheck,
    ) -> str:
        self.started.set()
        while self.hold:
            if cancel():
                raise Cancelled("cancelled")
            threading.Event().wait(0.01)
        self.applied.append((choice.path, dict(settled)))
        return "updated"


@pytest.fixture
def new_edition(tmp_path: Path) -> Path:
    path = tmp_path / "meridia-2025.csv"
    path.write_text(NEW_EDITION, encoding="utf-8")
    return path


def _open(qtbot, fake: FakeUpdate, new_edition: Path) -> UpdateWizard:
    wizard = UpdateWizard(Side.PARTNER, PARTNER, fake.plan, fake.apply, Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    assert page.name_edit.text() == "Meridia AEO"
    assert not page.sample_button.isVisible()
    qtbot.keyClicks(page.path_edit, str(new_edition))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)
    assert "10 criteria" in page.status_label.text()
    assert page.name_edit.text() == "Meridia AEO"  # the program keeps its name
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=20000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    return wizard


def _rows(item: QTreeWidgetItem) -> list[tuple[str, str, str]]:
    return [
        (item.child(i).text(0), item.child(i).text(1), item.child(i).text(2))
        for i in range(item.childCount())
    ]


def _groups(wizard: UpdateWizard) -> dict[str, QTreeWidgetItem]:
    tree = wizard.preview_page.tree
    return {
        tree.topLevelItem(i).text(0).split(" (")[0]: tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
    }


def test_preview_lists_every_change_and_waits_for_the_choices(qtbot, new_edition: Path) -> None:
    """The preview groups ambiguous, removed, changed, added and unchanged criteria; Update
    project stays off until the ambiguous one is settled, and the choice is what gets applied."""
    fake = FakeUpdate()
    wizard = _open(qtbot, fake, new_edition)
    page = wizard.preview_page
    groups = _groups(wizard)
    assert list(groups) == [
        "? Choose the counterpart",
        "✎ Changed",
        "+ Added, unreviewed",
        "= Unchanged",
    ]
    assert _rows(groups["✎ Changed"]) == [
        ("Reworded", "M-2", "M-2"),
        ("Renumbered", "M-3", "M-30"),
    ]
    assert [r[2] for r in _rows(groups["+ Added, unreviewed"])] == ["M-9", "M-10", "M-11"]
    assert not page.isComplete()
    assert "Choose a counterpart" in page.status.text()
    combo = page.combos["M-7"]
    offered = [combo.itemData(i) for i in range(1, combo.count() - 1)]
    assert sorted(offered) == ["M-10", "M-9"]  # best first
    # Pick the second candidate with the keyboard.
    combo.setFocus()
    with qtbot.waitSignal(page.previewed, timeout=20000):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    second = offered[1]
    assert page.settled() == {"M-7": second}
    assert ("Renumbered and reworded", "M-7", second) in _rows(_groups(wizard)["✎ Changed"])
    assert page.combos["M-7"].currentData() == second  # the choice stays open to change
    assert page.isComplete()
    with qtbot.waitSignal(wizard.updated, timeout=20000) as signal:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert signal.args == ["updated"]
    assert fake.applied == [(new_edition, {"M-7": second})]


def test_choosing_removed_lists_the_decisions_it_had(qtbot, new_edition: Path) -> None:
    """ "Removed (no counterpart)" moves the criterion to Removed, with the decisions it carried."""
    wizard = _open(qtbot, FakeUpdate(), new_edition)
    page = wizard.preview_page
    combo = page.combos["M-7"]
    with qtbot.waitSignal(page.previewed, timeout=20000):
        combo.setCurrentIndex(combo.count() - 1)
    assert page.settled() == {"M-7": None}
    removed = _groups(wizard)["✖ Removed"]
    assert removed.child(0).text(1) == "M-7"
    assert "Aligned with 3.1" in removed.child(0).text(3)


def test_cancel_while_updating_writes_nothing_and_keeps_the_wizard(
    qtbot, new_edition: Path
) -> None:
    """Cancel during the update stops it; the wizard stays open and says nothing was changed."""
    fake = FakeUpdate(hold=True)
    wizard = _open(qtbot, fake, new_edition)
    page = wizard.preview_page
    combo = page.combos["M-7"]
    with qtbot.waitSignal(page.previewed, timeout=20000):
        combo.setCurrentIndex(1)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert fake.started.wait(10)
    assert wizard.running
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.running, timeout=10000)
    project_pool().waitForDone(5000)
    assert fake.applied == []
    assert wizard.isVisible()
    assert "not changed" in page.status.text()


def test_a_file_that_cannot_be_matched_is_said_in_one_sentence(qtbot, new_edition: Path) -> None:
    """When the dry run refuses the file (e.g. a ref held twice), the preview says why and
    Update project stays off; nothing is applied."""
    fake = FakeUpdate()

    def refuse(choice, settled, progress, cancel) -> UpdatePreview:
        raise InvalidValue("The new criteria hold ref 'M-2' twice; make every ref unique.")

    wizard = UpdateWizard(Side.PARTNER, PARTNER, refuse, fake.apply, Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.set_path(new_edition)
    qtbot.waitUntil(lambda: page.check is not None, timeout=20000)
    with qtbot.waitSignal(wizard.preview_page.previewed, timeout=20000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.preview_page.status.text() == (
        "⚠ The new criteria hold ref 'M-2' twice; make every ref unique."
    )
    assert not wizard.preview_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert fake.applied == []


def test_edition_page_names_the_current_edition_and_proposes_the_new_label(
    qtbot, new_edition: Path, tmp_path: Path
) -> None:
    """The page says which edition the project holds; Version is filled with the file's name
    (a CSV names no edition), with the edition a document's title gives when it is a new one,
    and with the file's name again when the title gives the current edition (a corrected copy);
    what the reviewer types is kept."""
    fake = FakeUpdate()
    current = Edition(
        Side.PARTNER, 1, "Edition 3.1", "meridia.xlsx", "0" * 64, "2026-01-05", "alice", 9
    )
    wizard = UpdateWizard(Side.PARTNER, PARTNER, fake.plan, fake.apply, Settings(), None, current)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    assert "The project holds edition 1 (Edition 3.1), read from meridia.xlsx." in page.subTitle()
    assert page.version_edit.placeholderText() == "label of the new edition"
    assert not page.warnings_label.isVisible()  # no file read yet: no "Import warnings: none."

    def read(path: Path) -> str:
        page.set_path(path)
        qtbot.waitUntil(lambda: page.check is not None and page.check.path == path, timeout=20000)
        return page.version_edit.text()

    assert read(new_edition) == "meridia-2025"
    assert page.warnings_label.isVisible()
    assert page.warnings_label.text() == "Import warnings: none."
    titled = tmp_path / "meridia-new.docx"
    reprint = tmp_path / "meridia-reprint.docx"
    for path, edition in ((titled, "Edition 4.0"), (reprint, "Edition 3.1")):
        document = docx.Document()
        document.add_heading(f"Meridia AEO conditions, {edition}", 0)
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Ref", "Requirement"
        for ref, text in (("M-1", "A written security policy."), ("M-2", "A security officer.")):
            row = table.add_row().cells
            row[0].text, row[1].text = ref, text
        document.save(str(path))
    assert read(titled) == "Edition 4.0"
    assert read(reprint) == "meridia-reprint"
    qtbot.keyClick(page.version_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.version_edit, "4.0 draft")
    assert read(new_edition) == "4.0 draft"
