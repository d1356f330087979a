"""Review by keyboard only: confirm, reject, verdicts, a note, a flag; all of it lands in the project file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from criteria_compare.model import Relation, Status
from criteria_compare.project import Project
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    return path


@pytest.fixture
def shell(qtbot: QtBot, project_path: Path) -> Iterator[Shell]:
    with open_shell(qtbot, project_path) as s:
        yield s


def test_opens_on_first_unreviewed_with_header(shell: Shell) -> None:
    """A fresh project shows the first criterion and the progress line with both program names."""
    assert shell.view.current_ref() == "1.1"
    assert shell.view.header_text().startswith("Reviewed 0/7 (0 %) · Aligned 0 · Partial 0")
    assert "next unreviewed: 1.2" in shell.view.header_text()
    assert "CTPAT MSC" in shell.view.programs_text()
    assert "Meridia AEO" in shell.view.programs_text()


def test_review_five_criteria_by_keyboard(shell: Shell, project_path: Path) -> None:
    """Confirm, reject, verdicts, a note and a flag, typed only; the project file holds them."""
    k = Qt.Key
    # 1.1: confirm candidate 1, Aligned, next
    shell.key(k.Key_1)
    shell.key(k.Key_A)
    shell.key(k.Key_J)
    assert shell.view.current_ref() == "1.2"
    # 1.2: reject candidate 2 (Shift+2), confirm 1, cycle relation, Partial needs a note
    shell.key(k.Key_2, Qt.KeyboardModifier.ShiftModifier)
    shell.key(k.Key_1)
    shell.key(k.Key_R)
    shell.key(k.Key_E)
    shell.qtbot.keyClicks(QApplication.focusWidget(), "Partner names no deputy.")
    shell.key(k.Key_Escape)
    shell.key(k.Key_P)
    shell.key(k.Key_Down)
    # 3.1: flag it and call it a gap
    assert shell.view.current_ref() == "3.1"
    shell.key(k.Key_F)
    shell.key(k.Key_G)
    shell.key(k.Key_J)
    # 3.4: not applicable with a reason
    shell.key(k.Key_E)
    shell.qtbot.keyClicks(QApplication.focusWidget(), "Covered by 3.1.")
    shell.key(k.Key_Escape)
    shell.key(k.Key_N)
    # Enter commits and goes to the next unreviewed criterion
    shell.key(k.Key_Return)
    assert shell.view.current_ref() == "6.1"
    shell.key(k.Key_1)
    shell.key(k.Key_A)

    with Project.open(project_path, read_only=True) as p:
        a = p.assessments()
        assert a["1.1"].status is Status.ALIGNED
        assert [lk.partner_ref for lk in p.links("1.1")] == ["M-1"]
        assert a["1.2"].status is Status.PARTIAL
        assert a["1.2"].note == "Partner names no deputy."
        assert p.links("1.2")[0].relation is Relation.SUBSET_OF
        assert ("1.2", "M-1") in p.rejected("1.2")
        assert a["3.1"].status is Status.GAP
        assert a["3.1"].discussion
        assert a["3.4"].status is Status.NOT_APPLICABLE
        assert a["3.4"].note == "Covered by 3.1."
        assert a["6.1"].status is Status.ALIGNED
    assert shell.view.header_text().startswith(
        "Reviewed 5/7 (71 %) · Aligned 2 · Partial 1 · Gap 1"
    )
    assert "Flagged 1" in shell.view.header_text()
