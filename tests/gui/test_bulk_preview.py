"""The "Confirm clear winners" preview, driven by keyboard and mouse: evidence and runner-up per
row, a partner proposed for several rows flagged and not ticked, relation and verdict per row."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog, BulkConfirmModel
from criteria_compare.model import Relation, Status
from tests.gui.review_fixtures import (
    PARTNER,
    REFERENCE,
    Shell,
    make_project,
    open_shell,
    overlap_suggestions,
)


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    """The review fixture, where 6.2's clear winner is M-5, the same as 6.1's."""
    path = tmp_path / "preview.ccproj"
    project = make_project(path)
    found = overlap_suggestions(REFERENCE.criteria, PARTNER.criteria)
    first = found["6.2"][0]
    found["6.2"] = [dataclasses.replace(first, target_ref="M-5"), *found["6.2"][1:]]
    project.store_suggestions(found)
    project.close()
    with open_shell(qtbot, path) as s:
        yield s


def _dialog(shell: Shell) -> BulkConfirmDialog:
    dialog = shell.view.open_bulk_confirm()
    shell.qtbot.waitExposed(dialog)
    return dialog


def _cell(dialog: BulkConfirmDialog, row: int, col: int) -> str:
    return str(dialog.model.index(row, col).data())


def test_preview_shows_evidence_runner_up_and_flags_a_shared_partner(shell: Shell) -> None:
    dialog = _dialog(shell)
    model = dialog.model
    refs = [_cell(dialog, r, 1) for r in range(model.rowCount())]
    assert refs == ["3.1", "6.1", "6.2"]
    ticked = [
        model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        for r in range(model.rowCount())
    ]
    assert ticked == [True, False, False]  # 6.1 and 6.2 share M-5
    assert _cell(dialog, 1, 3) == "M-5 ⚠"
    assert "also proposed for 6.2" in str(model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole))
    assert "2 rows (⚠) share their partner criterion" in dialog.intro.text()
    assert "shared:" in _cell(dialog, 0, BulkConfirmModel.COLUMNS.index("Evidence"))
    runner = _cell(dialog, 0, BulkConfirmModel.COLUMNS.index("Runner-up"))
    assert runner == "none" or runner.startswith("M-")
    assert _cell(dialog, 0, BulkConfirmModel.COLUMNS.index("Right")).endswith("%")
    tip = str(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole))
    assert "9 times in 10" in tip
    assert "Evidence: shared:" in tip
    assert _cell(dialog, 0, model.RELATION) == "equal"
    assert _cell(dialog, 0, model.VERDICT) == "Unreviewed"
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Confirm 1 criterion"
    dialog.reject()


def test_rows_ticked_by_keyboard_with_their_own_relation_and_verdict(shell: Shell) -> None:
    """Space ticks 6.1; its relation is picked from the drop-down; 3.1 is Aligned; OK applies
    both in one undo step and leaves the verdict the reviewer did not choose unreviewed."""
    qtbot, project = shell.qtbot, shell.view.project
    dialog = _dialog(shell)
    table, model = dialog.table, dialog.model
    table.setFocus()
    table.setCurrentIndex(model.index(1, 0))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    def _editor() -> QComboBox | None:
        return next((c for c in table.findChildren(QComboBox) if c.isVisible()), None)

    def choose(row: int, col: int, label: str) -> None:
        index = model.index(row, col)
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: table.indexWidget(index) is not None or _editor() is not None)
        combo = _editor()
        assert combo is not None
        while combo.currentText() != label:
            qtbot.keyClick(combo, Qt.Key.Key_Down)
        qtbot.keyClick(combo, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: _cell(dialog, row, col) == label)

    choose(1, model.RELATION, Relation.SUBSET_OF.label)
    choose(0, model.VERDICT, Status.ALIGNED.label)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Confirm 2 criteria"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.stack.count() == 1)
    assert project.assessment("3.1").status is Status.ALIGNED
    assert [(lk.partner_ref, lk.relation) for lk in project.links("3.1")] == [
        ("M-3", Relation.EQUAL)
    ]
    assert project.assessment("6.1").status is Status.UNREVIEWED
    assert [(lk.partner_ref, lk.relation) for lk in project.links("6.1")] == [
        ("M-5", Relation.SUBSET_OF)
    ]
    assert project.links("6.2") == ()
    shell.stack.undo()
    assert project.links() == ()
    assert project.assessment("3.1").status is Status.UNREVIEWED
