"""`criteria-compare decide REF --still-holds`: a carried decision confirmed after an update, as the GUI's key does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.project import Project
from criteria_compare.workflow import update
from tests.workflow.edition_standin import StandIn
from tests.workflow.update_fixtures import partner_rows, reviewed_project, write_edition


def _history(path: Path) -> int:
    with Project.open(path) as project:
        return len(project.history())


@pytest.fixture
def updated(tmp_path: Path, monkeypatch) -> Path:
    """The reviewed project after a partner update that rewords P-1 (1.1's link): 1.1 is suspect."""
    path = tmp_path / "review.ccproj"
    reviewed_project(path).close()
    monkeypatch.setattr(update, "_default_matcher", lambda: StandIn())
    rows = partner_rows()
    rows["P-1"] = ("Organisation", "A named officer coordinates and reviews protective measures.")
    new = write_edition(tmp_path / "meridia-v4.csv", rows)
    assert main(["update", str(path), "--partner", str(new)]) == 0
    with Project.open(path) as project:
        assert project.assessment("1.1").suspect is True
    return path


def test_still_holds_clears_suspect_and_is_in_the_history(updated: Path, capsys) -> None:
    capsys.readouterr()
    argv = ["decide", str(updated), "1.1", "--still-holds", "--reviewer", "carol", "--json"]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["ref"], data["status"], data["suspect"]) == ("1.1", "aligned", False)
    with Project.open(updated) as project:
        assert project.assessment("1.1").suspect is False
        assert project.assessment("1.1").status.value == "aligned"
        assert [lk.partner_ref for lk in project.links("1.1")] == ["P-1"]
        entry = project.history("1.1", limit=1)[0]
        assert (entry.action, entry.reviewer) == ("confirm_unchanged", "carol")
    assert main(["history", str(updated), "--ref", "1.1", "--limit", "1"]) == 0
    assert "decision still holds" in capsys.readouterr().out


def test_still_holds_text_output(updated: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["decide", str(updated), "1.1", "--still-holds"]) == 0
    assert capsys.readouterr().out.strip() == (
        "1.1: Aligned; the decision still holds (recorded in the history)."
    )


def test_still_holds_on_a_decision_that_is_not_suspect_is_refused(updated: Path, capsys) -> None:
    """Exit 2, one sentence, nothing recorded: for an unchanged criterion and for a second confirm."""
    capsys.readouterr()
    for ref in ("2.1", "1.1"):
        if ref == "1.1":
            assert main(["decide", str(updated), "1.1", "--still-holds"]) == 0
            capsys.readouterr()
        before = _history(updated)
        assert main(["decide", str(updated), ref, "--still-holds"]) == 2
        err = capsys.readouterr().err.strip()
        assert err.splitlines() == [err]
        assert f"No text of {ref} or its links changed since the decision" in err
        assert _history(updated) == before


def test_still_holds_with_a_verdict_or_an_unknown_ref_is_refused(updated: Path, capsys) -> None:
    capsys.readouterr()
    before = _history(updated)
    assert main(["decide", str(updated), "1.1", "--still-holds", "--status", "gap"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert "--still-holds" in err
    assert main(["decide", str(updated), "99.9", "--still-holds"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert "99.9" in err
    assert _history(updated) == before
    with Project.open(updated) as project:
        assert project.assessment("1.1").suspect is True
        assert project.assessment("1.1").status.value == "aligned"
