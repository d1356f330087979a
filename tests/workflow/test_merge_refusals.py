"""A merge refuses copies of different comparisons and never writes over its inputs or half a file."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from criteria_compare.errors import DifferentComparison, ProjectError, ProjectExists
from criteria_compare.model import Criterion, Program
from criteria_compare.project import Project
from criteria_compare.workflow import merge as merge_module
from criteria_compare.workflow.merge import merge
from tests.workflow.merge_fixtures import PARTNER, REFERENCE, make_copies


def _note(text: str):
    return lambda p: p.decide("7.10", note=text)


def _other_partner_edition() -> Program:
    changed = list(PARTNER.criteria)
    changed[2] = Criterion("P-4", "Containers carry two seals whose numbers are logged.")
    return dataclasses.replace(PARTNER, criteria=tuple(changed))


def test_a_copy_of_another_edition_is_refused(tmp_path: Path) -> None:
    """Theirs compares the same refs but P-4 has another text: refused in one sentence naming P-4."""
    copies = make_copies(tmp_path / "a", None, _note("A."), None)
    other = make_copies(tmp_path / "b", None, None, _note("B."), partner=_other_partner_edition())
    with pytest.raises(DifferentComparison) as exc:
        merge(copies.base, copies.ours, other.theirs, tmp_path / "out.ccproj")
    message = str(exc.value)
    assert "bob.ccproj" in message
    assert "partner program" in message
    assert "P-4" in message
    assert message.count(". ") == 0
    assert not (tmp_path / "out.ccproj").exists()


def test_a_copy_of_other_programs_is_refused(tmp_path: Path) -> None:
    """A copy whose reference program lacks a criterion of the base is another comparison."""
    fewer = dataclasses.replace(REFERENCE, criteria=REFERENCE.criteria[:3])
    copies = make_copies(tmp_path / "a", None, _note("A."), None)
    other = make_copies(tmp_path / "b", None, None, None, reference=fewer)
    with pytest.raises(DifferentComparison, match=r"reference program.*7\.10 is missing"):
        merge(copies.base, other.ours, copies.theirs, tmp_path / "out.ccproj")


def test_a_project_created_separately_from_the_same_files_is_refused(tmp_path: Path) -> None:
    """Same programs, but not a copy of the base (created on its own): no common base, refused."""
    copies = make_copies(tmp_path / "a", None, _note("A."), None)
    other = make_copies(tmp_path / "b", None, None, _note("B."))
    with pytest.raises(DifferentComparison, match="created separately"):
        merge(copies.base, copies.ours, other.theirs, tmp_path / "out.ccproj")


@pytest.mark.parametrize("which", ["base", "ours", "theirs"])
def test_out_may_not_be_one_of_the_copies(tmp_path: Path, which: str) -> None:
    """-o naming an input is refused (even with force) and the input keeps its bytes."""
    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    target: Path = getattr(copies, which)
    before = target.read_bytes()
    with pytest.raises(ProjectError, match="never overwritten"):
        merge(copies.base, copies.ours, copies.theirs, target, force=True)
    assert target.read_bytes() == before


def test_out_through_a_link_to_an_input_is_refused(tmp_path: Path) -> None:
    """A symbolic link to OURS is still OURS."""
    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    link = tmp_path / "link.ccproj"
    link.symlink_to(copies.ours)
    with pytest.raises(ProjectError, match="never overwritten"):
        merge(copies.base, copies.ours, copies.theirs, link, force=True)


def test_an_existing_out_is_kept_without_force(tmp_path: Path) -> None:
    """An existing file at OUT is not replaced unless asked."""
    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    copies.out.write_bytes(b"keep me")
    with pytest.raises(ProjectExists):
        merge(copies.base, copies.ours, copies.theirs, copies.out)
    assert copies.out.read_bytes() == b"keep me"
    merge(copies.base, copies.ours, copies.theirs, copies.out, force=True)
    with Project.open(copies.out, read_only=True) as merged:
        assert merged.assessment("7.10").note == "A."


def test_a_failure_while_writing_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the merge fails half-way, neither OUT nor a temporary file is left behind."""
    copies = make_copies(tmp_path, None, _note("A."), lambda p: p.decide("6.1", note="B."))

    def broken(self: Project, *args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Project, "record_merge", broken)
    with pytest.raises(OSError, match="No space"):
        merge(copies.base, copies.ours, copies.theirs, copies.out)
    assert not copies.out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    """Cancelling a merge writes nothing."""
    from criteria_compare.errors import Cancelled

    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    with pytest.raises(Cancelled):
        merge(copies.base, copies.ours, copies.theirs, copies.out, cancel=lambda: True)
    assert not copies.out.exists()


def test_old_schema_copies_merge_into_a_current_file(tmp_path: Path) -> None:
    """Copies of a schema-1 project merge; they stay as they were, OUT is at the current schema."""
    from criteria_compare.project import SCHEMA_VERSION
    from tests.project.test_project_migration import FIXTURE, _version

    base, ours, theirs = (tmp_path / f"{n}.ccproj" for n in ("base", "ours", "theirs"))
    for path in (base, ours, theirs):
        shutil.copyfile(FIXTURE, path)
    merge(base, ours, theirs, tmp_path / "out.ccproj")
    assert {_version(p) for p in (base, ours, theirs)} == {1}
    assert _version(tmp_path / "out.ccproj") == SCHEMA_VERSION
    assert not list(tmp_path.glob("*.bak"))
    assert merge_module.MergeResult  # the public result type stays importable


def test_a_tampered_copy_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """Theirs holding a trigger of someone else's making is refused with one sentence; no OUT."""
    import sqlite3

    from criteria_compare.errors import ProjectTampered

    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    conn = sqlite3.connect(copies.theirs)
    conn.execute(
        "CREATE TRIGGER sneaky AFTER INSERT ON assessments BEGIN "
        "UPDATE assessments SET status = 'aligned'; END"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ProjectTampered, match=r"bob\.ccproj"):
        merge(copies.base, copies.ours, copies.theirs, copies.out)
    assert not copies.out.exists()


def test_a_damaged_conflict_row_is_one_sentence(tmp_path: Path) -> None:
    """A conflict row whose stored value is not JSON makes the file 'damaged', naming the table."""
    import sqlite3

    from criteria_compare.errors import ProjectCorrupt

    copies = make_copies(tmp_path, None, _note("A."), _note("B."))
    merge(copies.base, copies.ours, copies.theirs, copies.out)
    conn = sqlite3.connect(copies.out)
    conn.execute("UPDATE merge_conflicts SET theirs = 'not json'")
    conn.commit()
    conn.close()
    with Project.open(copies.out, read_only=True) as merged, pytest.raises(ProjectCorrupt, match="merge_conflicts"):  # fmt: skip
        merged.merge_conflicts()
