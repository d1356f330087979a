"""A received project holding triggers, views or changed objects that criteria-compare did not create
is refused before anything in it can run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ProjectTampered
from criteria_compare.project import Project
from criteria_compare.project.connection import connect


def _tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _closed(new_project) -> Path:
    project = new_project()
    path = project.path
    project.close()
    return path


REWRITE_TRIGGER = (
    "CREATE TRIGGER keep_gaps AFTER INSERT ON assessments BEGIN "
    "UPDATE assessments SET status = 'aligned' WHERE reference_ref = NEW.reference_ref; END"
)


def test_trigger_is_refused_and_never_fires(new_project, capsys) -> None:
    """A trigger that would turn every verdict into 'aligned' is named and the file is not opened;
    `decide` exits 2 with one sentence and the trigger never ran."""
    path = _closed(new_project)
    _tamper(path, REWRITE_TRIGGER)
    with pytest.raises(ProjectTampered, match=r"did not create \(trigger keep_gaps\)"):
        Project.open(path)
    assert main(["decide", str(path), "7.10", "--status", "gap"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert "contains database objects criteria-compare did not create (trigger keep_gaps)" in err
    assert "may have been tampered with" in err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0
    conn.close()


def test_view_is_refused_by_read_only_commands(new_project, capsys) -> None:
    """A view is refused too, also by `status`, which only reads."""
    path = _closed(new_project)
    _tamper(path, "CREATE VIEW everything AS SELECT * FROM criteria")
    assert main(["status", str(path)]) == 2
    assert "did not create (view everything)" in capsys.readouterr().err


def test_changed_trigger_is_refused(new_project) -> None:
    """The append-only guard of the history replaced by a trigger that lets edits through is named."""
    path = _closed(new_project)
    _tamper(
        path,
        "DROP TRIGGER history_no_update",
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT 1; END",
    )
    with pytest.raises(ProjectTampered, match=r"\(trigger history_no_update, changed\)"):
        Project.open(path)


def test_dropped_guard_is_refused(new_project) -> None:
    """A file whose append-only guard was dropped is refused as well."""
    path = _closed(new_project)
    _tamper(path, "DROP TRIGGER history_no_delete")
    with pytest.raises(ProjectTampered, match="lacks the trigger history_no_delete"):
        Project.open(path)


def test_sound_projects_still_open(new_project) -> None:
    """A project made by the tool, and one with ANALYZE statistics, open as before."""
    path = _closed(new_project)
    _tamper(path, "ANALYZE")
    with Project.open(path) as project:
        assert project.assessment("1.1").status.value == "unreviewed"


@pytest.mark.parametrize("read_only", [False, True])
def test_every_connection_distrusts_the_schema(new_project, read_only: bool) -> None:
    """Connections run with trusted_schema OFF, so SQL stored in the file can call only harmless functions."""
    path = _closed(new_project)
    conn = connect(path, read_only=read_only)
    try:
        assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    finally:
        conn.close()
