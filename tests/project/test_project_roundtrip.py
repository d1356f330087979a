"""Everything written to a project file reads back the same after closing and reopening it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from criteria_compare.errors import ProjectError, ProjectExists
from criteria_compare.model import LinkOrigin, Relation, Side, Status
from criteria_compare.project import Project


def test_programs_and_criteria_round_trip(tmp_path: Path, reference, partner) -> None:
    """Names, versions, source files, hashes, every criterion field and provenance survive reopening."""
    path = tmp_path / "r.ccproj"
    Project.create(path, reference, partner).close()
    with Project.open(path) as project:
        assert project.reference == reference
        assert project.partner == partner
        assert [c.ref for c in project.reference.criteria] == ["1.1", "2.1", "3.1", "6.1", "7.10"]


def test_import_result_settings_and_warnings_are_kept(
    tmp_path: Path, reference, partner, fake_import
) -> None:
    """An importer result keeps its sheet, header row, column mapping and warnings in the file."""
    ref = fake_import(
        reference,
        file="ctpat.xlsx",
        sheet="MSC",
        header_row=3,
        columns={"ref": "ID", "text": "Criteria"},
        warnings=("ctpat.xlsx, sheet 'MSC', row 9: empty text, row skipped",),
    )
    part = fake_import(partner, file="meridia.csv", sheet=None, encoding="cp1252")
    path = tmp_path / "i.ccproj"
    Project.create(path, ref, part, reference_name="CTPAT", partner_version="2024").close()
    with Project.open(path) as project:
        assert project.reference.name == "CTPAT"
        assert project.partner.name == "meridia"
        assert project.partner.version == "2024"
        assert project.reference.source_file == "ctpat.xlsx"
        assert project.import_warnings(Side.REFERENCE) == (
            "ctpat.xlsx, sheet 'MSC', row 9: empty text, row skipped",
        )
        assert project.import_warnings("partner") == ()
        assert project.import_settings(Side.REFERENCE) == {
            "sheet": "MSC",
            "header_row": 3,
            "columns": {"ref": "ID", "text": "Criteria"},
        }
        assert project.import_settings(Side.PARTNER)["encoding"] == "cp1252"


def test_suggestions_round_trip_with_evidence(new_project, suggestions) -> None:
    """Suggestions come back ranked with score, band and every evidence field."""
    project = new_project()
    forward, backward = suggestions
    path = project.path
    project.close()
    with Project.open(path) as project:
        assert project.suggestions("1.1") == tuple(forward["1.1"])
        assert project.partner_suggestions("P-1") == tuple(backward["P-1"])
        assert project.suggestions("7.10") == ()
        info = project.alignment_info()
        assert info["suggestions"] == sum(len(v) for v in forward.values())
        assert info["backward_suggestions"] == sum(len(v) for v in backward.values())


def test_decisions_round_trip(new_project) -> None:
    """Links, rejections, pins, assessments and reviewer names read back exactly."""
    project = new_project()
    project.decide(
        "1.1", status="aligned", link=[("P-1", "equal")], discussion=True, reviewer="bob"
    )
    project.decide(
        "3.1",
        status="partial",
        note="Partner asks less; reference is stricter.",
        link=[("P-3", Relation.SUPERSET_OF)],
        reject=["P-1"],
    )
    project.decide("7.10", status="gap")
    project.pin("2.1", "P-5")
    path = project.path
    before = {ref: project.snapshot(ref) for ref in ("1.1", "2.1", "3.1", "6.1", "7.10")}
    project.close()
    with Project.open(path) as project:
        after = {ref: project.snapshot(ref) for ref in before}
        assert after == before
        link = project.links("1.1")[0]
        assert (link.partner_ref, link.relation, link.origin, link.reviewer) == (
            "P-1",
            Relation.EQUAL,
            LinkOrigin.SUGGESTED,
            "bob",
        )
        assert link.score == pytest.approx(0.9)
        a = project.assessment("1.1")
        assert (a.status, a.discussion, a.reviewer, a.suspect) == (
            Status.ALIGNED,
            True,
            "bob",
            False,
        )
        assert a.timestamp.endswith("Z")
        assert project.assessment("3.1").note == "Partner asks less; reference is stricter."
        assert project.rejected() == {("3.1", "P-1")}
        assert project.pinned() == {("2.1", "P-5")}
        assert project.links_for_partner("P-3")[0].relation is Relation.SUPERSET_OF
        assert project.assessment("6.1").status is Status.UNREVIEWED


def test_manual_link_has_no_score(new_project) -> None:
    """A link to a pair the aligner never suggested is marked manual and carries no score."""
    project = new_project()
    link = project.link("7.10", "P-5", "intersects_with")
    assert (link.origin, link.score, link.relation) == (
        LinkOrigin.MANUAL,
        None,
        Relation.INTERSECTS_WITH,
    )


def test_reviewer_defaults_to_os_user_and_is_stored_per_project(
    tmp_path: Path, reference, partner
) -> None:
    """Without a stored name the OS user is the reviewer; set_reviewer keeps a name in the file."""
    path = tmp_path / "who.ccproj"
    with Project.create(path, reference, partner) as project:
        assert project.reviewer  # the OS user name (or "reviewer")
        project.set_reviewer("Dana Example")
    with Project.open(path) as project:
        assert project.reviewer == "Dana Example"
        project.decide("7.10", status="gap")
        assert project.assessment("7.10").reviewer == "Dana Example"
        project.decide("7.10", note="checked", reviewer="Eve")
        assert project.assessment("7.10").reviewer == "Eve"


def test_settings_round_trip(new_project) -> None:
    """Aligner settings stored as a dict come back equal."""
    project = new_project()
    project.set_settings({"k": 7, "use_embedding": False})
    assert project.settings_dict() == {"k": 7, "use_embedding": False}


def test_embedding_cache_round_trip(new_project) -> None:
    """Vectors put in the project's embedding cache come back as float32 after reopening."""
    project = new_project()
    vec = np.arange(8, dtype=np.float64) / 3
    project.embedding_cache().put({"hash-a": vec})
    path = project.path
    project.close()
    with Project.open(path) as project:
        got = project.embedding_cache().get(["hash-a", "missing"])
        assert list(got) == ["hash-a"]
        assert got["hash-a"].dtype == np.float32
        np.testing.assert_allclose(got["hash-a"], vec.astype(np.float32))


def test_create_refuses_to_overwrite_without_force(new_project, reference, partner) -> None:
    """An existing project is not replaced unless force=True, and nothing else is left behind."""
    project = new_project()
    project.decide("7.10", status="gap")
    path = project.path
    project.close()
    with pytest.raises(ProjectExists, match="already exists"):
        Project.create(path, reference, partner)
    with Project.open(path) as again:
        assert again.assessment("7.10").status is Status.GAP
    Project.create(path, reference, partner, force=True).close()
    with Project.open(path) as fresh:
        assert fresh.assessment("7.10").status is Status.UNREVIEWED
    assert sorted(p.name for p in path.parent.iterdir()) == ["review.ccproj"]


def test_closed_project_says_so(new_project) -> None:
    """Using a closed project gives a clear error instead of a SQLite one."""
    project = new_project()
    project.close()
    with pytest.raises(ProjectError, match="has been closed"):
        project.assessment("1.1")


def test_project_is_a_single_file_when_closed(new_project) -> None:
    """After writes and close, only the .ccproj file exists (rollback journal, no -wal/-shm)."""
    project = new_project()
    project.decide("1.1", status="aligned", link=[("P-1", "equal")])
    folder = project.path.parent
    project.close()
    assert [p.name for p in folder.iterdir()] == ["review.ccproj"]


def test_a_project_closed_unchanged_opens_read_only_without_side_files(new_project) -> None:
    """Created and closed with no edit, then read: still one file, even after the read-only open."""
    project = new_project(suggestions=False)
    folder = project.path.parent
    project.close()
    with Project.open(project.path, read_only=True) as reader:
        assert reader.assessment("1.1").status is Status.UNREVIEWED
    assert [p.name for p in folder.iterdir()] == ["review.ccproj"]


def test_closed_file_is_in_rollback_mode_even_when_closed_last_by_another(new_project) -> None:
    """With two connections open, whichever closes last leaves one self-contained file."""
    project = new_project()
    path = project.path
    other = Project.open(path)
    project.decide("1.1", status="gap")
    other.decide("2.1", status="gap")
    project.close()
    assert other.assessment("1.1").status.value == "gap"
    other.close()
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    header = path.read_bytes()[:20]
    assert header[18:20] == b"\x01\x01"  # legacy (rollback journal) read/write format, not WAL
    with Project.open(path, read_only=True) as again:
        assert again.assessment("2.1").status.value == "gap"


def test_checkpoint_folds_changes_into_the_file(new_project) -> None:
    """After checkpoint(), a plain copy of the open project already holds the latest decision."""
    import shutil

    project = new_project()
    project.decide("7.10", status="gap", note="copied while open")
    project.checkpoint()
    copy = project.path.with_name("copy.ccproj")
    shutil.copyfile(project.path, copy)
    with Project.open(copy, read_only=True) as copied:
        assert copied.assessment("7.10").note == "copied while open"


def test_a_write_once_the_checkpoint_is_due_is_in_the_file_when_it_returns(
    new_project, monkeypatch
) -> None:
    """A decision made when the last checkpoint is old enough is in a plain copy at once."""
    import shutil

    from criteria_compare.project import connection

    monkeypatch.setattr(connection, "CHECKPOINT_DELAY", 0.0)
    project = new_project()
    project.decide("7.10", status="gap", note="copied at once")
    copy = project.path.with_name("copy.ccproj")
    shutil.copyfile(project.path, copy)
    with Project.open(copy, read_only=True) as copied:
        assert copied.assessment("7.10").note == "copied at once"


def test_decisions_start_no_threads(new_project) -> None:
    """Committing decisions leaves no timer or other thread running behind them."""
    import threading

    project = new_project()
    before = set(threading.enumerate())
    for note in ("one", "two", "three"):
        project.decide("7.10", status="gap", note=note)
    assert set(threading.enumerate()) - before == set()


@pytest.mark.parametrize(
    "name", ["a b?c#d%20e ü.ccproj", "Ärger & co;x=1.ccproj", "ccproj with 'quotes'.ccproj"]
)
def test_unusual_file_names(tmp_path: Path, reference, partner, name: str) -> None:
    """Spaces, '?', '#', '%', quotes and non-ASCII letters in the file name work."""
    path = tmp_path / name
    Project.create(path, reference, partner).close()
    with Project.open(path) as project:
        project.decide("7.10", status="gap")
    with Project.open(path, read_only=True) as project:
        assert project.assessment("7.10").status is Status.GAP
    assert [p.name for p in tmp_path.iterdir()] == [name]
