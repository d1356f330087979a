"""After a crash, read-only commands finish the interrupted change instead of calling the file read-only,
and no message advises copying a file whose changes sit beside it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ProjectReadOnly
from criteria_compare.project import Project

#: Leaves a hot rollback journal: a transaction half-written to the file, then the process dies.
HOT_JOURNAL = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 1")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE criteria SET text = text || ' (changed by a crashed program)'")
    conn.execute("UPDATE suggestions SET evidence = evidence || ''")
    os._exit(0)
    """
)

#: Leaves a write-ahead log holding a committed decision: the process dies without closing.
CRASH_AFTER_DECIDE = textwrap.dedent(
    """
    import os, sys
    from criteria_compare.project import Project
    Project.open(sys.argv[1]).decide("1.1", note="made just before the crash")
    os._exit(0)
    """
)


def _crash(path: Path, script: str) -> None:
    subprocess.run([sys.executable, "-c", script, str(path)], check=True, timeout=120)


def _closed(new_project) -> Path:
    project = new_project()
    path = project.path
    project.close()
    return path


@pytest.mark.parametrize("command", ["status", "history"])
def test_hot_journal_is_rolled_back_by_a_read_only_command(new_project, capsys, command) -> None:
    """`status`/`history` on a file with a hot journal work (exit 0), roll the half-written change
    back and leave one sound file."""
    path = _closed(new_project)
    _crash(path, HOT_JOURNAL)
    assert path.with_name(path.name + "-journal").stat().st_size > 0
    assert main([command, str(path)]) == 0
    assert "can only be read" not in capsys.readouterr().err
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    with Project.open(path, read_only=True) as project:
        assert project.integrity_errors() == []
        assert "crashed" not in project.reference.criteria[0].text


def test_log_of_a_crashed_writer_is_folded_in_by_status(new_project, capsys) -> None:
    """`status` after a crash folds the -wal into the file, so a copy of the file alone is complete."""
    path = _closed(new_project)
    _crash(path, CRASH_AFTER_DECIDE)
    assert path.with_name(path.name + "-wal").exists()
    assert main(["status", str(path)]) == 0
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    with Project.open(path, read_only=True) as project:
        assert project.assessment("1.1").note == "made just before the crash"


def test_unwritable_file_with_hot_journal_never_says_copy_it(new_project, monkeypatch) -> None:
    """Where the file cannot be written, the message names the -journal to keep beside it and
    does not advise copying the file (a copy alone would be damaged)."""
    path = _closed(new_project)
    _crash(path, HOT_JOURNAL)
    for module in ("store", "opening"):
        monkeypatch.setattr(f"criteria_compare.project.{module}.writable", lambda p: False)
    with pytest.raises(ProjectReadOnly) as raised:
        Project.open(path)
    message = str(raised.value)
    assert f"{path.name}-journal kept beside it" in message
    assert "copy it somewhere writable" not in message
    assert "\n" not in message


def test_read_only_project_with_a_log_never_says_copy_it(new_project, monkeypatch) -> None:
    """A write refused on a read-only project whose -wal holds changes does not advise copying it."""
    path = _closed(new_project)
    _crash(path, CRASH_AFTER_DECIDE)
    for module in ("store", "opening"):
        monkeypatch.setattr(f"criteria_compare.project.{module}.writable", lambda p: False)
    with Project.open(path) as project:
        assert project.read_only
        with pytest.raises(ProjectReadOnly) as raised:
            project.decide("7.10", status="gap")
    assert f"{path.name}-wal kept beside it" in str(raised.value)
    assert "Copy the file" not in str(raised.value)
