"""Save a copy: the copy appears only complete; a cancel leaves the old file and no temporary."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.errors import Cancelled
from criteria_compare.project import Project
from criteria_compare.workflow.copying import save_copy

OLD = b"an older copy"


def test_copy_opens_with_the_same_decisions(new_project, tmp_path: Path) -> None:
    """The saved copy is a project holding the decision just made, and nothing else is left."""
    project = new_project()
    project.decide("7.10", status="gap", note="No counterpart.")
    target = tmp_path / "copies" / "copy.ccproj"
    target.parent.mkdir()
    save_copy(project.path, target, lambda *_: None, lambda: False)
    with Project.open(target) as copy:
        assert copy.assessment("7.10").status.value == "gap"
    assert [p.name for p in target.parent.iterdir()] == ["copy.ccproj"]


def test_cancelled_copy_keeps_the_previous_file(new_project, tmp_path: Path) -> None:
    """Cancelling mid-copy leaves the file that was at the target and no temporary file."""
    project = new_project()
    target = tmp_path / "copies" / "copy.ccproj"
    target.parent.mkdir()
    target.write_bytes(OLD)
    with pytest.raises(Cancelled):
        save_copy(project.path, target, lambda *_: None, lambda: True)
    assert target.read_bytes() == OLD
    assert [p.name for p in target.parent.iterdir()] == ["copy.ccproj"]
