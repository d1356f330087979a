"""A disk that refuses writes (full, quota, size limit, I/O error) is reported as such, never as damage,
and a project whose log could not be folded back says so instead of exiting 0."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from criteria_compare.errors import ProjectCorrupt, ProjectDiskError
from criteria_compare.project import Project
from criteria_compare.project.connection import translate

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")

#: Runs the CLI with a file size limit (Python ignores SIGXFSZ, so a write beyond it fails with EFBIG).
LIMITED_CLI = textwrap.dedent(
    """
    import resource, sys
    from criteria_compare.cli import main
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    sys.exit(main(sys.argv[2:]))
    """
)


def _closed_project(new_project) -> Path:
    project = new_project()
    path = project.path
    project.close()
    return path


def _run_limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMITED_CLI, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_unfolded_log_after_decide_exits_2_and_keeps_the_side_files(new_project) -> None:
    """When the file cannot grow to take in the log on close, `decide` exits 2 with one sentence
    saying to keep the -wal and -shm files; they stay, and the decision is there on the next open."""
    path = _closed_project(new_project)
    note = "Partner checks yearly. " * 1000  # overflow pages: the file itself must grow
    done = _run_limited(path.stat().st_size, "decide", str(path), "1.1", "--note", note)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "could not be folded into the file" in lines[0]
    assert "size limit" in lines[0]
    assert f"keep {path.name}-wal and {path.name}-shm beside it" in lines[0]
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    with Project.open(path) as project:
        assert project.assessment("1.1").note == note
        assert project.integrity_errors() == []
    assert not wal.exists()


def test_write_beyond_the_size_limit_is_not_called_damage(new_project) -> None:
    """A decision refused by a file size limit says the file could not be written, exit 2; the file
    is sound and keeps what it held."""
    path = _closed_project(new_project)
    note = "Partner checks yearly. " * 2000  # a log of more than 40,000 bytes
    done = _run_limited(40_000, "decide", str(path), "1.1", "--note", note)
    assert done.returncode == 2, done.stderr
    message = done.stderr.strip()
    assert "could not be written: the file reached the size limit" in message
    assert "damaged" not in message
    assert "backup" not in message
    with Project.open(path) as project:
        assert project.integrity_errors() == []
        assert project.assessment("1.1").note == ""


def _sqlite_error(message: str, name: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


def test_full_disk_says_so(tmp_path: Path) -> None:
    """SQLite's "database or disk is full" becomes "could not be written: the disk is full"."""
    error = translate(
        _sqlite_error("database or disk is full", "SQLITE_FULL"), tmp_path / "p.ccproj"
    )
    assert isinstance(error, ProjectDiskError)
    assert str(error).startswith("p.ccproj could not be written: the disk is full; free some space")


def test_io_error_on_an_almost_full_disk_says_full(tmp_path: Path, monkeypatch) -> None:
    """A write refused with EIO/EDQUOT (SQLite's "disk I/O error") on a disk with no space left
    names the full disk."""
    free = type("Usage", (), {"free": 10_000})()
    monkeypatch.setattr("criteria_compare.project.connection.shutil.disk_usage", lambda p: free)
    error = translate(_sqlite_error("disk I/O error", "SQLITE_IOERR_WRITE"), tmp_path / "p.ccproj")
    assert isinstance(error, ProjectDiskError)
    assert "could not be written: the disk is full" in str(error)


def test_io_error_otherwise_names_quota_or_disk(tmp_path: Path) -> None:
    """Any other refused write is a disk problem (quota, failing disk, lost network folder), not damage."""
    error = translate(_sqlite_error("disk I/O error", "SQLITE_IOERR_FSYNC"), tmp_path / "p.ccproj")
    assert isinstance(error, ProjectDiskError)
    assert "could not be written: the disk refused the write (a storage quota" in str(error)
    assert "\n" not in str(error)


def test_read_error_is_a_disk_error_and_truncation_is_damage(tmp_path: Path) -> None:
    """EIO while reading is a disk error; a short read (truncated file) is damage."""
    path = tmp_path / "p.ccproj"
    read = translate(_sqlite_error("disk I/O error", "SQLITE_IOERR_READ"), path)
    assert isinstance(read, ProjectDiskError)
    assert "could not be read" in str(read)
    short = translate(_sqlite_error("disk I/O error", "SQLITE_IOERR_SHORT_READ"), path)
    assert isinstance(short, ProjectCorrupt)
