"""Focus and partner panes in detail: more candidates, evidence, guidance, used-by click, reload, read-only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.gui.models.partner_table import COL_USED_BY
from criteria_compare.model import Criterion, Program, Relation, Status
from criteria_compare.project import Project
from tests.gui.review_fixtures import (
    PARTNER,
    REFERENCE,
    Shell,
    make_project,
    open_shell,
    overlap_suggestions,
)

# A partner program where every criterion shares a word with 1.1, so it has 8 candidates.
WIDE_PARTNER = Program(
    "Wide",
    tuple(
        Criterion(f"W-{i}", f"Management keeps supply chain records number {i}.", "Records")
        for i in range(1, 9)
    ),
)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    path = tmp_path / "focus.ccproj"
    make_project(path).close()
    return path


@pytest.fixture
def shell(qtbot: QtBot, project_path: Path) -> Iterator[Shell]:
    with open_shell(qtbot, project_path) as s:
        yield s


def test_more_shows_up_to_ten_candidates(qtbot: QtBot, tmp_path: Path) -> None:
    """Five candidates show at first; "more…" shows the rest, up to ten."""
    project = Project.create(tmp_path / "wide.ccproj", REFERENCE, WIDE_PARTNER, reviewer="t")
    project.store_suggestions(overlap_suggestions(REFERENCE.criteria, WIDE_PARTNER.criteria, k=8))
    s = Shell(qtbot, project)
    try:
        assert len(s.view.focus.candidate_cards()) == 5
        s.view.focus.toggle_more()
        assert len(s.view.focus.candidate_cards()) == 8
        s.key(Qt.Key.Key_J)  # moving on folds the list again
        s.key(Qt.Key.Key_K)
        assert len(s.view.focus.candidate_cards()) == 5
    finally:
        s.close()
        project.close()


def test_w_expands_evidence_of_the_focused_candidate(shell: Shell) -> None:
    """W shows the per-channel evidence of the focused candidate and hides it again."""
    card = shell.view.focus.candidate_cards()[0]
    assert not card.evidence_visible()
    shell.key(Qt.Key.Key_W)
    assert card.evidence_visible()
    assert "overlap" in card._evidence.text()
    shell.key(Qt.Key.Key_W)
    assert not card.evidence_visible()


def test_guidance_is_collapsed_until_asked(shell: Shell) -> None:
    """The implementation guidance is hidden at first and shown by its toggle."""
    fold = shell.view.focus.guidance
    assert fold.shown_text() == ""
    fold.toggle.click()
    assert fold.shown_text() == "A signed policy posted for staff."


def test_rejected_candidates_are_collapsed_and_can_be_restored(shell: Shell) -> None:
    """A rejected candidate stays greyed in place; on the next visit it shows collapsed below, and can be restored."""
    shell.key(Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    focus = shell.view.focus
    assert focus.candidate_cards()[0].row.rejected
    shell.key(Qt.Key.Key_Down)
    shell.key(Qt.Key.Key_Up)
    assert focus.candidate_cards()[0].row.partner_ref == "M-2"
    rejected = focus.rejected_widgets()
    assert [w.partner_ref for w in rejected] == ["M-1"]
    rejected[0]._restore.click()
    # Back among the candidates, after the ones on screen (their numbers stay).
    assert focus.candidate_cards()[0].row.partner_ref == "M-2"
    assert "M-1" in [c.row.partner_ref for c in focus.candidate_cards() if c.row]
    assert shell.view.project.rejected("1.1") == frozenset()


def test_clicking_used_by_jumps_to_the_reference_criterion(shell: Shell, qtbot: QtBot) -> None:
    """A click on the "used by" cell of a linked partner criterion shows that reference criterion."""
    shell.key(Qt.Key.Key_1)  # 1.1 -> M-1
    shell.view.select_ref("6.2")
    table = shell.view.partners.table
    row = shell.view.partners.model.row_of("M-1")
    index = shell.view.partners.model.index(row, COL_USED_BY)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )
    assert shell.view.current_ref() == "1.1"


def test_reload_after_realign_keeps_the_criterion_and_shows_new_candidates(shell: Shell) -> None:
    """After the suggestions are replaced, reload() stays on the same criterion with the new list."""
    shell.view.select_ref("3.1")
    shell.view.project.store_suggestions(
        overlap_suggestions(REFERENCE.criteria, PARTNER.criteria, k=1)
    )
    shell.view.reload()
    assert shell.view.current_ref() == "3.1"
    assert len(shell.view.focus.candidate_cards()) == 1


def test_read_only_project_refuses_changes_inline(qtbot: QtBot, project_path: Path) -> None:
    """In a read-only project the writing keys do nothing (the banner says why) and nothing is stored."""
    project = Project.open(project_path, read_only=True)
    s = Shell(qtbot, project)
    try:
        current = s.view.current_ref()
        for key in (Qt.Key.Key_1, Qt.Key.Key_A, Qt.Key.Key_G, Qt.Key.Key_F):
            s.key(key)
        assert "read-only" in s.view.read_only_banner_text().lower()
        assert s.view.current_ref() == current  # no keyboard search jumped the queue either
        assert project.links("1.1") == ()
        assert project.assessment("1.1").status is Status.UNREVIEWED
        assert s.stack.count() == 0
        s.view.set_verdict(Status.GAP)  # a direct call is refused inline, not written
        assert "read-only" in s.view.focus.message()
        assert project.assessment("1.1").status is Status.UNREVIEWED
    finally:
        s.close()
        project.close()


def test_relation_chosen_in_the_combo_is_stored(shell: Shell) -> None:
    """Choosing a relation with the mouse changes the stored link."""
    shell.key(Qt.Key.Key_1)
    card = shell.view.focus.candidate_cards()[0]
    card.relationChosen.emit("M-1", Relation.SUPERSET_OF)
    assert shell.view.project.links("1.1")[0].relation is Relation.SUPERSET_OF
    assert shell.view.focus.candidate_cards()[0].row.state_text == "confirmed · superset"
    shell.view.focus.verdictChosen.emit(Status.ALIGNED)
    assert shell.view.project.assessment("1.1").status is Status.ALIGNED
