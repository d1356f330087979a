"""Files are replaced atomically: a failure at any step leaves the old file and no temporary file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from criteria_compare import atomic
from criteria_compare.atomic import atomic_path

OLD = b"last week's version"


class Boom(RuntimeError):
    pass


def test_success_replaces_the_target_and_leaves_nothing_else(tmp_path: Path) -> None:
    """The finished file appears under the final name; no temporary file is left."""
    target = tmp_path / "out.pdf"
    target.write_bytes(OLD)
    with atomic_path(target) as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(".out.pdf.")
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_failure_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    """An exception inside the block removes the temporary file and its side files."""
    target = tmp_path / "review.ccproj"
    target.write_bytes(OLD)
    with pytest.raises(Boom), atomic_path(target, side_files=("-journal",)) as tmp:  # noqa: PT012
        tmp.write_bytes(b"half")
        tmp.with_name(tmp.name + "-journal").write_bytes(b"j")
        raise Boom
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["review.ccproj"]


def test_failed_rename_keeps_the_target_and_removes_the_temporary(tmp_path: Path) -> None:
    """When the rename itself fails the error surfaces, the target is untouched, nothing is left."""
    target = tmp_path / "busy"
    target.mkdir()
    (target / "inside").write_bytes(OLD)
    with pytest.raises(OSError), atomic_path(target) as tmp:  # noqa: PT011 (differs by platform)
        tmp.write_bytes(b"new")
    assert (target / "inside").read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["busy"]


def test_each_write_gets_its_own_temporary_name(tmp_path: Path) -> None:
    """Two writers of the same target never share (or clobber) a temporary file."""
    target = tmp_path / "report.xlsx"
    with atomic_path(target) as first, atomic_path(target) as second:
        assert first != second
        first.write_bytes(b"first")
        second.write_bytes(b"second")
        assert first.read_bytes() == b"first"
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_the_file_is_synced_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data reach the disk before the new name points at them; then the rename is synced."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str, dst: str) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    with atomic_path(tmp_path / "out.bin") as tmp:
        tmp.write_bytes(b"data")
    expected = ["fsync-file", "replace"] + (["fsync-dir"] if os.name == "posix" else [])
    assert events == expected
