"""Paths that cannot be followed (symbolic-link loops) or read (permissions) get one sentence, exit 2."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ProjectError
from criteria_compare.project import Project

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links and modes are POSIX")


@pytest.fixture
def loop(tmp_path: Path) -> Path:
    """A link that points at itself."""
    path = tmp_path / "loop.ccproj"
    path.symlink_to(path.name)
    return path


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    return err


@pytest.mark.parametrize("command", [["status"], ["history"], ["decide", "1.1", "--note", "x"]])
def test_project_path_that_loops(loop: Path, capsys, command: list[str]) -> None:
    """Opening a project through a link loop says so, instead of "does not exist"."""
    assert main([command[0], str(loop), *command[1:]]) == 2
    err = _one_line(capsys)
    assert "is a symbolic link that leads back to itself" in err
    assert "does not exist" not in err


def test_report_paths_that_loop(new_project, loop: Path, capsys) -> None:
    """`report` with a looping project or output path exits 2 with one sentence (was exit 1)."""
    project = new_project()
    project.close()
    assert main(["report", str(loop), "-o", str(loop.with_name("r.pdf"))]) == 2
    assert "leads back to itself" in _one_line(capsys)
    assert main(["report", str(project.path), "-o", str(loop)]) == 2
    assert "leads back to itself" in _one_line(capsys)


def test_new_with_a_looping_path(tmp_path: Path, loop: Path, capsys) -> None:
    """`new` with a looping project or input path exits 2 with one sentence (was exit 1)."""
    csv = tmp_path / "ref.csv"
    csv.write_text("ref,text\n1,Seals are checked.\n", encoding="utf-8")
    assert main(["new", str(loop), "--reference", str(csv), "--partner", str(csv)]) == 2
    assert "leads back to itself" in _one_line(capsys)
    assert (
        main(["new", str(tmp_path / "p.ccproj"), "--reference", str(loop), "--partner", str(csv)])
        == 2
    )
    assert "leads back to itself" in _one_line(capsys)


def test_unreadable_project_says_permission(new_project, monkeypatch, capsys) -> None:
    """A project the user may not read is named as such, not "not a criteria-compare project"."""
    project = new_project()
    project.close()
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == project.path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ProjectError, match="cannot be read: you have no permission to read it"):
        Project.open(project.path)
    assert main(["status", str(project.path)]) == 2
    err = _one_line(capsys)
    assert "no permission to read it" in err
    assert "not a criteria-compare project" not in err


@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root may read any file")
def test_project_without_read_permission(new_project) -> None:
    """A file with mode 000 says it cannot be read for lack of permission."""
    project = new_project()
    project.close()
    project.path.chmod(0)
    try:
        with pytest.raises(ProjectError, match="no permission to read it"):
            Project.open(project.path)
    finally:
        project.path.chmod(stat.S_IRUSR | stat.S_IWUSR)
