"""Temporary files of a killed `new` or `report` are cleared by the next run for the same target as soon
as their process is gone (not only after 12 hours); those of a running process are left alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_compare.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process ids are probed on POSIX")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_killed_reports_part_file_is_removed_by_the_next_report(new_project, capsys) -> None:
    """A `.part` left by a killed export of out.pdf goes at the next export of out.pdf; one of a
    live process and one of another target stay."""
    project = new_project()
    project.close()
    folder = project.path.parent
    dead = folder / f".out.pdf.{_dead_pid()}-0a1b2c3d.part"
    live = folder / f".out.pdf.{os.getpid()}-4e5f6a7b.part"
    other = folder / f".other.pdf.{_dead_pid()}-0a1b2c3d.part"
    for path in (dead, live, other):
        path.write_bytes(b"%PDF-1.4 half a report")
    assert main(["report", str(project.path), "-o", str(folder / "out.pdf")]) == 0
    assert not dead.exists()
    assert live.exists()
    assert other.exists()


def test_killed_creations_temp_files_are_removed_by_the_next_new(tmp_path: Path, capsys) -> None:
    """A hidden `.ccproj.tmp` (and its -wal) left by a killed `new review.ccproj` goes at the next
    `new review.ccproj` although it is recent; one of a live process stays."""
    csv = tmp_path / "ref.csv"
    csv.write_text("ref,text\n1,Seals are checked on arrival.\n2,Staff are trained.\n", "utf-8")
    pid = _dead_pid()
    dead = [
        tmp_path / f".review-{pid}-0a1b2c3d.ccproj.tmp",
        tmp_path / f".review-{pid}-0a1b2c3d.ccproj.tmp-wal",
    ]
    live = tmp_path / f".review-{os.getpid()}-4e5f6a7b.ccproj.tmp"
    for path in (*dead, live):
        path.write_bytes(b"half a project")
    args = ["new", str(tmp_path / "review.ccproj"), "--reference", str(csv), "--partner", str(csv)]
    assert main([*args, "--no-embedding"]) == 0
    assert not any(path.exists() for path in dead)
    assert live.exists()


@pytest.mark.parametrize("value", ["-2+3", "-5%", "- see 4.2", "-draft-"])
def test_free_text_options_take_values_starting_with_a_dash(new_project, capsys, value) -> None:
    """`--note -2+3` is taken as the note (it was refused as an unknown option), as are other
    dash-led values of free-text options such as --reviewer."""
    project = new_project()
    project.close()
    assert main(["decide", str(project.path), "1.1", "--note", value, "--reviewer", value]) == 0
    from criteria_compare.project import Project

    with Project.open(project.path) as reopened:
        assessment = reopened.assessment("1.1")
    assert assessment.note == value
    assert assessment.reviewer == value


def test_unknown_options_are_still_refused(new_project, capsys) -> None:
    """A mistyped option is still an error (exit 2), not taken as a value."""
    project = new_project()
    project.close()
    with pytest.raises(SystemExit) as raised:
        main(["decide", str(project.path), "1.1", "--note", "--stauts", "gap"])
    assert raised.value.code == 2
