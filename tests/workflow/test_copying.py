"""Save a copy works whatever characters the folders and file names hold, and checks the copy first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from criteria_compare.errors import ProjectError
from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.workflow import copying
from criteria_compare.workflow.copying import save_copy


@pytest.mark.parametrize("name", ["a#b/Review #2.ccproj", "what?/50% done.ccproj"])
def test_copy_of_a_project_whose_path_holds_uri_characters_has_its_decisions(
    make_project: Callable[[Path], Project], tmp_path: Path, name: str
) -> None:
    """A project under `a#b/Review #2.ccproj` is copied whole, not as an empty file beside it."""
    source = tmp_path / name
    source.parent.mkdir()
    project = make_project(source)
    project.decide("7.10", status="gap", note="No counterpart.")
    target = tmp_path / "copies #1" / "Review #2 copy.ccproj"
    target.parent.mkdir()
    assert save_copy(project.path, target, lambda *_: None, lambda: False) == target
    with Project.open(target) as copy:
        assert copy.assessment("7.10").status is Status.GAP
        assert len(copy.reference.criteria) == 3
    assert [p.name for p in target.parent.iterdir()] == [target.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["copies #1", source.parent.name]
    )  # no stray empty database where the name was cut at '#' or '?'


def test_a_copy_that_does_not_open_as_a_project_is_not_saved(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If what was written is not a project (here: an empty database), the old file stays and an error says so."""
    target = tmp_path / "copy.ccproj"
    target.write_bytes(b"older copy")
    monkeypatch.setattr(copying, "connect", lambda path, read_only: sqlite3.connect(":memory:"))
    with pytest.raises(ProjectError, match="could not be read back as a project"):
        save_copy(project.path, target, lambda *_: None, lambda: False)
    assert target.read_bytes() == b"older copy"
    assert not [p for p in tmp_path.iterdir() if "partial" in p.name]
