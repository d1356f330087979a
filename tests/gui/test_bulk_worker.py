"""A big bulk step is written by the project worker; it is still one undo step, and other writes wait."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from criteria_compare.gui.views import review_commands
from criteria_compare.model import Status
from criteria_compare.workflow.bulk import clear_winners
from tests.gui.review_fixtures import Shell, make_project, open_shell


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shell]:
    monkeypatch.setattr(review_commands, "BULK_IN_WORKER", 1)  # every bulk step goes to the worker
    path = tmp_path / "bulk.ccproj"
    make_project(path).close()
    with open_shell(qtbot, path) as s:
        yield s


def test_big_bulk_step_runs_in_the_worker_and_undoes_in_one_step(shell: Shell) -> None:
    """The decisions land, the step appears on the undo stack when written, and undo takes all back."""
    view, project = shell.view, shell.view.project
    decisions = [w.decision(status=Status.ALIGNED) for w in clear_winners(project)]
    assert len(decisions) >= 2
    assert view.apply_bulk(decisions)
    assert view.busy
    view.set_verdict(Status.GAP)  # refused while the step is written
    assert "still being written" in view.focus.message()
    shell.qtbot.waitUntil(lambda: not view.busy and shell.stack.count() == 1, timeout=10000)
    refs = [d.ref for d in decisions]
    assert all(project.assessment(r).status is Status.ALIGNED for r in refs)
    assert view.queue.model.entry_for(refs[0]).status is Status.ALIGNED
    assert all(h.bulk for h in project.history(limit=len(refs)))
    shell.stack.undo()
    assert all(project.assessment(r).status is Status.UNREVIEWED for r in refs)
    assert project.links() == ()


def test_closing_while_a_bulk_step_is_written_keeps_it(shell: Shell) -> None:
    """Detaching the view waits for the worker; the decisions are on disk, nothing breaks later."""
    view, project = shell.view, shell.view.project
    decisions = [w.decision(status=Status.ALIGNED) for w in clear_winners(project)]
    assert view.apply_bulk(decisions)
    view.detach()
    shell.qtbot.wait(50)  # the worker's late "finished" must not touch the detached view
    assert all(project.assessment(d.ref).status is Status.ALIGNED for d in decisions)
    assert shell.stack.count() == 0
