"""A process killed with SIGKILL in the middle of a stream of decisions loses nothing it had confirmed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from criteria_compare.project import Project

CHILD = textwrap.dedent(
    """
    import sys
    from criteria_compare.project import Project
    project = Project.open(sys.argv[1])
    refs = ["1.1", "2.1", "3.1", "6.1", "7.10"]
    i = 0
    while True:
        ref = refs[i % len(refs)]
        project.decide(ref, note=f"note {i}", discussion=bool(i % 2), reviewer="crash")
        print(f"ack {i}", flush=True)
        i += 1
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("acks_before_kill", [1, 150])
def test_sigkill_keeps_every_confirmed_decision(new_project, acks_before_kill: int) -> None:
    """After SIGKILL the file passes integrity_check and holds every acknowledged decision in order."""
    project = new_project()
    path = project.path
    project.close()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked = 0
    assert child.stdout is not None
    try:
        while acked < acks_before_kill:
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else "child died"
            acked += 1
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        rest = child.stdout.read()  # acks already in the pipe or in our read buffer
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()
    acked += sum(1 for line in rest.splitlines() if line.startswith("ack "))
    assert child.returncode == -signal.SIGKILL

    with Project.open(path) as project:
        assert project.integrity_errors() == []
        notes = [e.new_value for e in reversed(project.history()) if e.action == "note"]
        # every acknowledged decision is there, in order; at most one more committed before its ack
        assert acked <= len(notes) <= acked + 1
        assert notes == [f"note {i}" for i in range(len(notes))]
        last = len(notes) - 1
        refs = ["1.1", "2.1", "3.1", "6.1", "7.10"]
        assert project.assessment(refs[last % 5]).note == f"note {last}"
        project.decide("7.10", status="gap")  # the file is usable again
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_interrupted_create_leaves_no_file(tmp_path: Path, reference, monkeypatch) -> None:
    """If writing a new project fails half-way, neither the target nor a temp file remains."""
    from criteria_compare.model import Criterion, Program

    bad = Program(name="dup", criteria=(Criterion("X", "a"), Criterion("X", "b")))
    with pytest.raises(Exception, match="twice"):
        Project.create(tmp_path / "new.ccproj", reference, bad)
    assert list(tmp_path.iterdir()) == []


BULK_CHILD = textwrap.dedent(
    """
    import sys
    from criteria_compare.project import Decision, Project
    project = Project.open(sys.argv[1])
    refs = ["1.1", "2.1", "3.1", "6.1", "7.10"]
    i = 0
    while True:
        project.apply([Decision(ref, note=f"round {i}") for ref in refs])
        print(f"ack {i}", flush=True)
        i += 1
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_bulk_apply_is_all_or_nothing(new_project) -> None:
    """A bulk apply killed at any moment leaves every criterion at the same round: never half a bulk."""
    project = new_project()
    path = project.path
    project.close()
    child = subprocess.Popen(
        [sys.executable, "-c", BULK_CHILD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    try:
        for _ in range(40):
            assert child.stdout.readline().startswith("ack ")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    with Project.open(path) as project:
        assert project.integrity_errors() == []
        notes = {a.note for a in project.assessments().values()}
        assert len(notes) == 1
        (note,) = notes
        assert int(note.split()[1]) >= 39


WRITER_CHILD = textwrap.dedent(
    """
    import sys
    from criteria_compare.errors import ProjectInUse
    from criteria_compare.project import Project
    try:
        Project.open(sys.argv[1])
    except ProjectInUse as exc:
        print(f"refused: {exc}", flush=True)
    with Project.open(sys.argv[1], read_only=True) as project:
        print(f"reads: {project.assessment('2.1').note}", flush=True)
    """
)


def test_a_second_process_is_refused_while_the_first_writes(new_project) -> None:
    """While one process has the project open for writing, another is refused with who holds it,
    and can still read the first one's decisions."""
    project = new_project()
    project.decide("2.1", note="parent's note", reviewer="parent")
    child = subprocess.run(
        [sys.executable, "-c", WRITER_CHILD, str(project.path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr
    refused, reads = child.stdout.splitlines()
    assert refused.startswith(f"refused: {project.path.name} is open for writing by ")
    assert f"process {os.getpid()}" in refused
    assert reads == "reads: parent's note"


def test_leftovers_of_a_killed_creation_are_cleared_by_the_next_one(new_project) -> None:
    """A run killed while creating review.ccproj leaves a hidden temporary file (and SQLite side
    files); the next creation in that folder removes old ones but leaves a recent one alone
    (another creation may be running)."""
    first = new_project("first.ccproj")
    folder = first.path.parent
    old = [folder / ".review-abc123.ccproj.tmp", folder / ".review-abc123.ccproj.tmp-wal"]
    recent = folder / ".review-def456.ccproj.tmp"
    other = folder / ".other-abc123.ccproj.tmp"
    for path in [*old, recent, other]:
        path.write_bytes(b"half a project")
    day_ago = recent.stat().st_mtime - 24 * 3600
    for path in [*old, other]:
        os.utime(path, (day_ago, day_ago))
    new_project("review.ccproj")
    assert not any(path.exists() for path in old)
    assert recent.exists()
    assert other.exists()
