"""One writer per project: a second program is refused with who, where and since when; a killed
program's lock is recognised as stale; read-only commands work meanwhile."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ProjectError, ProjectInUse, ProjectLocked
from criteria_compare.model import Status
from criteria_compare.processes import process_identity
from criteria_compare.project import Project
from criteria_compare.project.lock import (
    is_stale,
    lock_path,
    read_holder,
    this_host,
)

HOLDER = textwrap.dedent(
    """
    import sys
    from criteria_compare.project import Project
    project = Project.open(sys.argv[1], app="criteria-compare-gui")
    print("ready", flush=True)
    sys.stdin.readline()
    project.close()
    print("closed", flush=True)
    """
)

CLI = [sys.executable, "-m", "criteria_compare"]


def _closed(new_project) -> Path:
    project = new_project()
    path = project.path
    project.close()
    return path


@contextlib.contextmanager
def _held_by_child(path: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process that has ``path`` open for writing until the block ends."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdin is not None
    try:
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else line
        yield child
    finally:
        if child.poll() is None:
            with contextlib.suppress(OSError):
                child.stdin.write("\n")
                child.stdin.flush()
            try:
                child.wait(timeout=60)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        for stream in (child.stdin, child.stdout, child.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):  # a killed child's pipe is broken
                    stream.close()


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _write_lock(path: Path, **fields: object) -> None:
    data = {
        "user": "bruno",
        "host": "ws-99.partner.example",
        "pid": 4242,
        "since": "2026-12-03T09:15:00.000Z",
        "app": "criteria-compare-gui",
        "process": None,
        "token": "feedfacecafebeef",
    }
    data.update(fields)
    lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def test_open_for_writing_writes_a_lock_and_close_removes_it(new_project) -> None:
    """The lock beside the project names this user, host, process and program; closing removes it."""
    project = new_project()
    lock = lock_path(project.path)
    assert lock.name == "review.ccproj.lock"
    data = json.loads(lock.read_text(encoding="utf-8"))
    assert data["host"] == this_host()
    assert data["pid"] == os.getpid()
    assert data["user"]
    assert data["since"].endswith("Z")
    assert data["process"] == process_identity()
    project.close()
    assert not lock.exists()
    with Project.open(project.path, read_only=True):
        assert not lock.exists()  # reading takes no lock


def test_the_same_program_may_open_it_twice(new_project) -> None:
    """Two writers in one process share the lock; it goes with the last close."""
    path = _closed(new_project)
    first = Project.open(path)
    with Project.open(path) as second:
        second.decide("7.10", status="gap")
    assert lock_path(path).exists()
    assert first.assessment("7.10").status is Status.GAP
    first.close()
    assert not lock_path(path).exists()


def test_second_process_is_refused_and_read_only_commands_still_work(new_project, capsys) -> None:
    """While another process has the project open, decide exits 2 with one sentence naming the
    holder; status, history and report work; after it closes, decide works."""
    path = _closed(new_project)
    with _held_by_child(path) as child:
        status, out, err = _run(capsys, "decide", str(path), "7.10", "--status", "gap")
        assert status == 2
        assert out == ""
        assert err.count("\n") == 1
        assert f"review.ccproj is open for writing by {read_holder(path).user} on this " in err
        assert f"(criteria-compare-gui, process {child.pid})" in err
        assert "close it there and try again" in err
        assert "Traceback" not in err
        for argv in (["status", "--json"], ["history"]):
            status, out, err = _run(capsys, argv[0], str(path), *argv[1:])
            assert status == 0, err
        assert json.loads(_run(capsys, "status", str(path), "--json")[1])["reference"]["gap"] == 0
        status, _, err = _run(capsys, "report", str(path), "-o", str(path.with_suffix(".pdf")))
        assert status == 0, err
        with Project.open(path, read_only=True) as reader:
            assert reader.read_only_reason.startswith("open for writing by ")
            assert f"process {child.pid}" in reader.read_only_reason
        with pytest.raises(ProjectInUse) as caught:
            Project.open(path)
        assert caught.value.holder.pid == child.pid
        assert not caught.value.stale
    assert not lock_path(path).exists()
    assert _run(capsys, "decide", str(path), "7.10", "--status", "gap")[0] == 0


def test_every_writing_command_is_refused(new_project, capsys) -> None:
    """align, refit --apply, confirm-clear and new --force over the file are refused too."""
    path = _closed(new_project)
    ref_csv = path.with_name("ref.csv")
    ref_csv.write_text("ref,text\n1,Seals are checked.\n", encoding="utf-8")
    with _held_by_child(path):
        for argv in (
            ["align", str(path), "--no-embedding"],
            ["confirm-clear", str(path)],
            ["refit", str(path), "--apply"],
            ["new", str(path), "--reference", str(ref_csv), "--partner", str(ref_csv), "--force"],
        ):
            status, _, err = _run(capsys, *argv)
            assert status == 2, argv
            assert "is open for writing by" in err, (argv, err)
    with Project.open(path) as project:
        assert project.partner.name == "Meridia AEO"  # not replaced by `new --force`


def test_a_killed_programs_lock_is_stale_and_cleared_with_a_notice(new_project) -> None:
    """After SIGKILL the lock stays; the next CLI command sees its process is gone, clears it
    with a notice on stderr, writes, and leaves no lock behind."""
    if os.name != "posix":
        pytest.skip("SIGKILL is POSIX")
    path = _closed(new_project)
    with _held_by_child(path) as child:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    holder = read_holder(path)
    assert holder is not None
    assert holder.pid == child.pid
    assert is_stale(holder)
    with pytest.raises(ProjectInUse) as caught:
        Project.open(path, take_over_stale=False)  # the GUI asks first
    assert caught.value.stale
    assert "no longer running" in str(caught.value)
    done = subprocess.run(
        [*CLI, "decide", str(path), "7.10", "--status", "gap", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "gap"
    assert (
        "criteria-compare: review.ccproj: cleared the lock left by "
        f"{holder.user} on this computer ({holder.host})"
    ) in done.stderr
    assert f"process {child.pid}), which is no longer running." in done.stderr
    assert sorted(p.name for p in path.parent.iterdir()) == ["review.ccproj"]


def test_a_reused_process_id_does_not_keep_a_lock(new_project) -> None:
    """A lock naming a running process whose start differs from the lock's is stale (the id was
    reused); the same process with its own start is not."""
    identity = process_identity()
    if identity is None:
        pytest.skip("this system does not tell when a process started")
    path = _closed(new_project)
    parent = os.getppid()
    _write_lock(path, host=this_host(), pid=parent, process="another-boot:1")
    assert is_stale(read_holder(path))
    _write_lock(path, host=this_host(), pid=parent, process=process_identity(parent))
    assert not is_stale(read_holder(path))
    with pytest.raises(ProjectInUse, match="close it there"):
        Project.open(path)


def test_a_lock_from_another_computer_is_refused_until_unlocked(new_project, capsys) -> None:
    """A lock written on another computer cannot be checked: decide exits 2 naming who, where and
    since when and pointing at `unlock`; status works; unlock removes it and says whose it was."""
    path = _closed(new_project)
    _write_lock(path)
    status, out, err = _run(capsys, "decide", str(path), "7.10", "--status", "gap")
    assert status == 2
    assert err == (
        "criteria-compare: review.ccproj is open for writing by bruno on ws-99.partner.example "
        "since 2026-12-03 09:15 UTC (criteria-compare-gui, process 4242); try again once it is "
        "closed there, or, if you are sure it is not open there any more (the program crashed or "
        f"the computer was switched off), run 'criteria-compare unlock {path}' first.\n"
    )
    assert _run(capsys, "status", str(path))[0] == 0
    status, out, _ = _run(capsys, "unlock", str(path), "--json")
    assert status == 0
    assert json.loads(out)["holder"]["host"] == "ws-99.partner.example"
    assert not lock_path(path).exists()
    assert (
        _run(capsys, "unlock", str(path))[1]
        == "review.ccproj is not locked; nothing was changed.\n"
    )
    assert _run(capsys, "decide", str(path), "7.10", "--status", "gap")[0] == 0


def test_unlock_never_removes_a_lock_whose_program_runs_here(new_project, capsys) -> None:
    """`unlock` refuses a lock held by a program still running on this computer."""
    path = _closed(new_project)
    with _held_by_child(path):
        status, _, err = _run(capsys, "unlock", str(path))
        assert status == 2
        assert "close it there" in err
        assert lock_path(path).exists()


def test_a_damaged_lock_file_still_counts_as_a_lock(new_project, capsys) -> None:
    """A lock file that is not ours (garbage, too big) is a lock of someone unknown: refused, and
    `unlock` removes it."""
    path = _closed(new_project)
    for content in (b"\x00\xff not json", b"{" * 100_000, b"[1, 2]"):
        lock_path(path).write_bytes(content)
        with pytest.raises(
            ProjectInUse, match="open for writing by someone on an unknown computer"
        ):
            Project.open(path)
        assert _run(capsys, "unlock", str(path))[0] == 0
    with Project.open(path) as project:
        assert not project.read_only


def test_closing_leaves_a_lock_that_someone_else_took_over(new_project) -> None:
    """If the lock was broken and taken by another program meanwhile, closing does not remove theirs."""
    project = new_project()
    _write_lock(project.path)  # someone ran `unlock` and opened it elsewhere
    project.close()
    assert read_holder(project.path).user == "bruno"


def test_lock_is_held_while_a_new_project_replaces_the_file(
    new_project, reference, partner
) -> None:
    """Creating a project over a file another program holds open is refused; nothing is replaced."""
    path = _closed(new_project)
    _write_lock(path)
    with pytest.raises(ProjectLocked, match="open for writing by bruno"):
        Project.create(path, reference, partner, force=True)
    assert read_holder(path).user == "bruno"


def test_a_lock_that_is_a_link_or_a_folder_is_a_lock_of_someone_unknown(new_project) -> None:
    """A lock path that is a symbolic link or a folder is never followed or taken: refused."""
    path = _closed(new_project)
    lock = lock_path(path)
    lock.symlink_to(path.with_name("elsewhere"))
    with pytest.raises(ProjectInUse, match="someone on an unknown computer"):
        Project.open(path)
    lock.unlink()
    lock.mkdir()
    with pytest.raises(ProjectInUse, match="someone on an unknown computer"):
        Project.open(path)


def test_a_take_over_in_progress_elsewhere_is_waited_for(new_project) -> None:
    """While another program takes a stale lock over (its fresh .break marker), the lock is left to
    it; a marker left by a program killed while taking over (a minute old) is cleared."""
    path = _closed(new_project)
    _write_lock(path, host=this_host(), pid=os.getpid(), process="an-earlier-run:1")
    assert is_stale(read_holder(path))  # our own id, but another run of it
    marker = lock_path(path).with_name(lock_path(path).name + ".break")
    marker.write_bytes(b"")
    with pytest.raises(ProjectInUse) as caught:
        Project.open(path)
    assert caught.value.stale
    old = marker.stat().st_mtime - 120
    os.utime(marker, (old, old))
    with Project.open(path) as project:
        assert project.write_lock is not None
        assert project.write_lock.cleared is not None
        assert project.write_lock.cleared.process == "an-earlier-run:1"
    assert not marker.exists()


def test_a_lock_that_cannot_be_created_is_one_sentence(new_project, monkeypatch) -> None:
    """If the lock file cannot be written, opening for writing says so and suggests read-only."""
    path = _closed(new_project)

    def refuse(lock: Path, holder: object) -> bool:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("criteria_compare.project.lock._create", refuse)
    with pytest.raises(ProjectError, match=r"lock file review.ccproj.lock could not be created"):
        Project.open(path)
    with Project.open(path, read_only=True) as project:
        assert project.read_only


def test_releasing_twice_is_harmless(new_project) -> None:
    """A lock given back twice (or after the file went) does nothing more."""
    project = new_project()
    held = project.write_lock
    assert held is not None
    project.close()
    held.release()
    assert not lock_path(project.path).exists()


def test_the_program_is_named_from_its_command_line(monkeypatch) -> None:
    """The CLI names itself with its subcommand; a script's own name is not shown."""
    from criteria_compare.project import lock

    monkeypatch.setattr(sys, "argv", ["/venv/bin/criteria-compare", "decide", "p.ccproj"])
    assert lock._app_name() == "criteria-compare decide"
    monkeypatch.setattr(sys, "argv", ["/src/criteria_compare/__main__.py", "--json"])
    assert lock._app_name() == "criteria-compare"
    monkeypatch.setattr(sys, "argv", ["-c"])
    assert lock._app_name() == ""


def test_the_cli_words_a_stale_lock_it_could_not_take(tmp_path: Path) -> None:
    """A stale lock that was not taken over (a race) is worded with what to do."""
    from criteria_compare.cli.cmd_lock import in_use_sentence
    from criteria_compare.model import LockHolder
    from criteria_compare.project.lock import in_use

    holder = LockHolder(user="ana", host=this_host(), pid=7, since="2026-12-03T09:15:00Z")
    sentence = in_use_sentence(in_use(tmp_path / "p.ccproj", holder, stale=True))
    assert sentence == (
        f"p.ccproj was left locked by ana on this computer ({this_host()}) since 2026-12-03 09:15 "
        "UTC (process 7), which is no longer running; run the command again to take the lock over."
    )


def test_process_probe_edges() -> None:
    """No id is gone, our own id runs, an id that does not exist has no identity."""
    from criteria_compare.processes import process_gone

    assert process_gone(0)
    assert not process_gone(os.getpid())
    assert process_identity(2**31 - 1) is None
