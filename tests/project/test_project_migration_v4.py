"""Schema 4 (merges of reviewer copies): older files gain the conflict table and history origins."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from criteria_compare.model import Criterion, Program
from criteria_compare.project import SCHEMA_VERSION, Project, backup_path
from criteria_compare.project.newfile import write_new_file

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "project_v1.ccproj"


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_schema_4_is_current() -> None:
    """The merge migration is the newest one this version writes."""
    assert SCHEMA_VERSION >= 4


def test_v1_file_gets_an_empty_conflict_list_and_plain_history(tmp_path: Path) -> None:
    """A schema-1 file opens at the current schema with no conflicts and every old row its own."""
    path = tmp_path / "old.ccproj"
    shutil.copyfile(FIXTURE, path)
    with Project.open(path) as project:
        assert project.merge_conflicts() == ()
        rows = project.history()
        assert rows
        assert {e.origin for e in rows} == {""}
    assert _version(path) == SCHEMA_VERSION


def test_v3_file_is_migrated_to_4_after_a_backup(tmp_path: Path) -> None:
    """A schema-3 file (the previous version) is upgraded in place; its v3 backup is kept."""
    path = tmp_path / "v3.ccproj"
    reference = Program("R", (Criterion("1.1", "Seals are checked."),))
    partner = Program("P", (Criterion("P-1", "Seals are logged."),))
    write_new_file(path, reference, partner, schema=3, reviewer="vera")
    assert _version(path) == 3
    with Project.open(path) as project:
        project.decide("1.1", note="Still fine.")
        assert project.merge_conflicts() == ()
        assert [e.action for e in project.history()] == ["note", "create"]
    assert _version(path) == SCHEMA_VERSION
    assert _version(backup_path(path, 3)) == 3
