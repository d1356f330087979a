"""Files that cannot be used as projects get one clear sentence, never a SQLite traceback."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from criteria_compare.errors import (
    NotAProject,
    ProjectCorrupt,
    ProjectError,
    ProjectLocked,
    ProjectReadOnly,
    ProjectTooNew,
)
from criteria_compare.model import Status
from criteria_compare.project import SCHEMA_VERSION, Project


def _project_file(new_project) -> Path:
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", "equal")])
    path = project.path
    project.close()
    return path


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is named."""
    with pytest.raises(ProjectError, match=r"nothere\.ccproj does not exist"):
        Project.open(tmp_path / "nothere.ccproj")


def test_text_file_is_not_a_project(tmp_path: Path) -> None:
    """A spreadsheet or text file opened by mistake is 'not a criteria-compare project'."""
    path = tmp_path / "notes.ccproj"
    path.write_text("ref,text\n1,hello\n", encoding="utf-8")
    with pytest.raises(NotAProject, match="not a criteria-compare project"):
        Project.open(path)


def test_empty_file_is_not_a_project(tmp_path: Path) -> None:
    """A zero-byte file is reported as empty."""
    path = tmp_path / "empty.ccproj"
    path.touch()
    with pytest.raises(NotAProject, match="is empty"):
        Project.open(path)


def test_foreign_sqlite_file_is_not_a_project(tmp_path: Path) -> None:
    """A random SQLite database is recognised as not ours and left untouched."""
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProject, match="SQLite database but not a criteria-compare project"):
        Project.open(path)
    assert path.read_bytes() == before


def test_newer_schema_is_refused(new_project) -> None:
    """A file written by a newer version asks the user to update the tool."""
    path = _project_file(new_project)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(
        ProjectTooNew, match=rf"newer version of criteria-compare \(schema {SCHEMA_VERSION + 1}"
    ):
        Project.open(path)


def test_truncated_file_is_corrupt(new_project) -> None:
    """A file cut short (copy interrupted) is reported as damaged."""
    path = _project_file(new_project)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ProjectCorrupt, match="damaged"):
        Project.open(path)


def test_overwritten_pages_are_corrupt(new_project) -> None:
    """A file with garbage in the middle fails the integrity check and says so."""
    path = _project_file(new_project)
    data = bytearray(path.read_bytes())
    for i in range(4096 * 2, min(len(data), 4096 * 8)):
        data[i] = (i * 7) & 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectCorrupt, match="damaged"):
        Project.open(path)


def test_damaged_header_is_corrupt(new_project) -> None:
    """A file that starts like SQLite but has a broken header is damaged, not foreign."""
    path = _project_file(new_project)
    data = bytearray(path.read_bytes())
    data[16:24] = b"\xff" * 8  # page size and format bytes
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectCorrupt):
        Project.open(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_read_only_file_opens_read_only(new_project) -> None:
    """A file without write permission opens for reading, says so, and refuses changes clearly."""
    path = _project_file(new_project)
    path.chmod(stat.S_IRUSR)
    try:
        with Project.open(path) as project:
            assert project.read_only
            assert "no write permission" in project.read_only_reason
            assert project.assessment("1.1").status is Status.ALIGNED
            with pytest.raises(ProjectReadOnly, match="read-only"):
                project.decide("7.10", status="gap")
            project.embedding_cache().put({"k": [1.0, 2.0]})  # silently skipped
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_unwritable_file_is_detected(new_project, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the file or its folder is not writable (as seen by os.access), it opens read-only."""
    path = _project_file(new_project)
    monkeypatch.setattr("criteria_compare.project.store.writable", lambda p: False)
    with Project.open(path) as project:
        assert project.read_only
        with pytest.raises(ProjectReadOnly, match="no write permission"):
            project.pin("1.1", "P-2")


def test_read_only_on_request(new_project) -> None:
    """open(read_only=True) refuses writes on a writable file."""
    path = _project_file(new_project)
    with Project.open(path, read_only=True) as project:
        assert project.read_only_reason == "opened read-only on request"
        with pytest.raises(ProjectReadOnly):
            project.set_reviewer("x")


def test_second_writer_gets_in_use_message(new_project) -> None:
    """While another program holds a write transaction, a decision fails with 'in use' and nothing changes."""
    path = _project_file(new_project)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with Project.open(path, busy_timeout=0.2) as project:
            assert project.assessment("1.1").status is Status.ALIGNED  # reading still works
            with pytest.raises(ProjectLocked, match="in use by another program"):
                project.decide("7.10", status="gap")
            other.execute("ROLLBACK")
            project.decide("7.10", status="gap")
            assert project.assessment("7.10").status is Status.GAP
    finally:
        other.close()


def test_changes_from_another_process_are_seen(new_project) -> None:
    """A project kept open sees decisions another connection committed (e.g. the CLI)."""
    path = _project_file(new_project)
    with Project.open(path) as gui, Project.open(path) as cli:
        assert gui.assessment("7.10").status is Status.UNREVIEWED
        cli.decide("7.10", status="gap", reviewer="script")
        assert gui.assessment("7.10").status is Status.GAP
        assert gui.summary()["reference"]["gap"] == 1


def test_create_in_missing_folder(tmp_path: Path, reference, partner) -> None:
    """A project in a folder that does not exist is refused with the folder named."""
    with pytest.raises(ProjectError, match="does not exist; create it first"):
        Project.create(tmp_path / "missing" / "p.ccproj", reference, partner)


def test_create_in_unwritable_folder(tmp_path: Path, reference, partner, monkeypatch) -> None:
    """When no file can be created in the folder, the message says so (not an OSError traceback)."""

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("criteria_compare.atomic._create_unique", refuse)
    with pytest.raises(ProjectError, match="Cannot write in the folder"):
        Project.create(tmp_path / "p.ccproj", reference, partner)


def test_replace_failure_keeps_old_project(new_project, reference, partner, monkeypatch) -> None:
    """If the finished file cannot be renamed over the old one, the old project is intact."""
    path = _project_file(new_project)

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "The file is in use")

    monkeypatch.setattr("criteria_compare.atomic.os.replace", refuse)
    with pytest.raises(ProjectError, match="could not be replaced"):
        Project.create(path, reference, partner, force=True)
    monkeypatch.undo()
    with Project.open(path) as project:
        assert project.assessment("1.1").status is Status.ALIGNED
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_force_does_not_overwrite_an_open_project(new_project, reference, partner) -> None:
    """--force refuses to replace a project another program has open (its log would be orphaned)."""
    project = new_project()
    project.decide("7.10", status="gap")
    with pytest.raises(ProjectLocked, match="open in another program"):
        Project.create(project.path, reference, partner, force=True)
    assert project.assessment("7.10").status is Status.GAP
    project.close()
    Project.create(project.path, reference, partner, force=True).close()
