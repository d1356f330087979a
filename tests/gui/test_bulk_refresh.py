"""A bulk step over many criteria repaints the queue and the partner list exactly as a fresh read would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from criteria_compare.gui.models.criteria_table import build_queue_rows
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision
from criteria_compare.workflow.bulk import clear_winners
from tests.gui.review_fixtures import Shell, open_shell


@pytest.fixture
def shell(qtbot: QtBot, sample_project: Path) -> Iterator[Shell]:
    with open_shell(qtbot, sample_project) as s:
        yield s


def _check_matches_a_fresh_read(shell: Shell) -> None:
    project = shell.view.project
    fresh = build_queue_rows(project)
    model = shell.view.queue.model
    assert [model.entry(r) for r in range(model.rowCount())] == list(fresh.rows)
    partners = shell.view.partners.model
    for c in project.partner.criteria:
        expected = sorted(lk.reference_ref for lk in project.links_for_partner(c.ref))
        assert sorted(partners.used_by(c.ref)) == expected, c.ref


def test_bulk_confirm_undo_redo_of_many_criteria(shell: Shell) -> None:
    """More than 40 criteria at once: the rows, counts and "used by" follow apply, undo and redo."""
    refs = [c.ref for c in shell.view.project.reference.criteria]
    decisions = [Decision(ref=r, status=Status.GAP) for r in refs[:45]]
    winners = clear_winners(shell.view.project)
    taken = {d.ref for d in decisions}
    decisions += [
        Decision(
            ref=w.reference.ref, status=Status.ALIGNED, link=((w.partner.ref, Relation.EQUAL),)
        )
        for w in winners
        if w.reference.ref not in taken
    ]
    assert shell.view.apply_bulk(decisions)
    _check_matches_a_fresh_read(shell)
    assert shell.view.progress()[0] == len(decisions)
    shell.stack.undo()
    _check_matches_a_fresh_read(shell)
    assert shell.view.progress()[0] == 0
    shell.stack.redo()
    _check_matches_a_fresh_read(shell)
    assert shell.view.header_text().startswith(f"Reviewed {len(decisions)}/{len(refs)}")
