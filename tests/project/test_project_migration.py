"""An older (schema 1) project file is migrated to the current schema after a backup copy is written."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from criteria_compare.model import Relation, Status
from criteria_compare.project import SCHEMA_VERSION, Project, backup_path

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "project_v1.ccproj"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    """A fresh copy of the committed schema-1 fixture."""
    target = tmp_path / "old.ccproj"
    shutil.copyfile(FIXTURE, target)
    return target


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_fixture_is_schema_1() -> None:
    """The committed fixture really is an old file (so the migration path is exercised)."""
    assert _version(FIXTURE) == 1 < SCHEMA_VERSION


def test_v1_file_is_migrated_keeping_every_decision(v1_copy: Path) -> None:
    """Opening a schema-1 file upgrades it in place and keeps links, verdicts, rejections, pins, history."""
    with Project.open(v1_copy) as project:
        assert project.assessment("1.1").status is Status.ALIGNED
        assert project.assessment("1.1").discussion is True
        assert project.assessment("2.1").note == "Partner review is every two years."
        assert [(lk.partner_ref, lk.relation) for lk in project.links("2.1")] == [
            ("P-2", Relation.SUBSET_OF)
        ]
        assert project.links("1.1")[0].score == pytest.approx(0.82)
        assert project.rejected() == {("3.1", "P-1")}
        assert project.pinned() == {("6.1", "P-4")}
        assert project.suggestions("6.1")[0].pinned is True
        assert [e.action for e in project.history("1.1")] == ["discussion", "status", "link"]
        assert project.reviewer == "v1-reviewer"
        assert project.assessment("1.1").suspect is False
        # the migrated file takes new decisions
        project.decide("7.10", status="gap")
    assert _version(v1_copy) == SCHEMA_VERSION


def test_backup_copy_is_written_before_migrating(v1_copy: Path) -> None:
    """The untouched schema-1 file is kept as name.ccproj.v1.bak next to the project."""
    Project.open(v1_copy).close()
    backup = backup_path(v1_copy, 1)
    assert backup.name == "old.ccproj.v1.bak"
    assert _version(backup) == 1
    conn = sqlite3.connect(backup)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM assessments").fetchone()[0] == 2
    finally:
        conn.close()


def test_migration_backfills_decision_fingerprints(v1_copy: Path) -> None:
    """Schema 2 remembers the text each decision was made on; migrated rows get it from the criteria."""
    Project.open(v1_copy).close()
    conn = sqlite3.connect(v1_copy)
    try:
        rows = conn.execute(
            "SELECT a.fingerprint = c.fingerprint FROM assessments a JOIN criteria c "
            "ON c.side = 'reference' AND c.ref = a.reference_ref"
        ).fetchall()
        links = conn.execute(
            "SELECT reference_fingerprint != '' AND partner_fingerprint != '' FROM links"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [(1,), (1,)]
    assert links == [(1,), (1,)]


def test_read_only_old_file_is_read_without_changing_it(v1_copy: Path) -> None:
    """A schema-1 file opened read-only is upgraded in memory only: no backup, no change on disk."""
    before = v1_copy.read_bytes()
    with Project.open(v1_copy, read_only=True) as project:
        assert project.read_only
        assert project.assessment("1.1").status is Status.ALIGNED
        assert project.links("1.1")[0].partner_ref == "P-1"
    assert v1_copy.read_bytes() == before
    assert not backup_path(v1_copy, 1).exists()


def test_failed_migration_leaves_the_file_as_it_was(v1_copy: Path, monkeypatch) -> None:
    """If an upgrade step fails, the file stays at schema 1, intact, and the message names the backup."""
    from criteria_compare.errors import ProjectError
    from criteria_compare.project import migrations

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE assessments ADD COLUMN fingerprint TEXT")
        raise RuntimeError("simulated failure half-way")

    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], (2, broken)))
    with pytest.raises(
        ProjectError,
        match=rf"could not be upgraded from schema 1 to {SCHEMA_VERSION}.*old\.ccproj\.v1\.bak",
    ):
        Project.open(v1_copy)
    assert _version(v1_copy) == 1
    conn = sqlite3.connect(v1_copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        columns = [r[1] for r in conn.execute("PRAGMA table_info(assessments)")]
        assert "fingerprint" not in columns  # the half-done step was rolled back
    finally:
        conn.close()
    monkeypatch.undo()
    with Project.open(v1_copy) as project:  # a fixed version upgrades it fine
        assert project.assessment("1.1").status is Status.ALIGNED


def test_v1_file_gains_positions_and_an_exchange_identity(v1_copy: Path) -> None:
    """Schema 3: a migrated file has no positions yet and one exchange identity, kept across opens."""
    with Project.open(v1_copy) as project:
        assert project.positions() == {}
        assert project.exchange_round() == 0
        identity = project.exchange_identity()
        assert len(identity.secret) == 32
    with Project.open(v1_copy) as project:
        assert project.exchange_identity() == identity
        assert project.assessment("1.1").status is Status.ALIGNED


def test_v2_file_is_migrated_keeping_its_decisions(tmp_path: Path) -> None:
    """A schema-2 file gets the positions table (3) and what came after, keeping every decision."""
    from criteria_compare.model import Criterion, Program
    from criteria_compare.project.newfile import write_new_file

    old = tmp_path / "v2.ccproj"
    write_new_file(
        old,
        Program("R", (Criterion("1.1", "A named manager answers for security."),)),
        Program("P", (Criterion("P-1", "A security officer is named."),)),
        schema=2,
    )
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO assessments (reference_ref, status, note, discussion, reviewer, timestamp, "
        "fingerprint) VALUES ('1.1', 'gap', 'none found', 1, 'bob', '2026-01-01T00:00:00Z', '')"
    )
    conn.commit()
    conn.close()
    assert _version(old) == 2
    with Project.open(old) as project:
        assert project.assessment("1.1").note == "none found"
        assert project.positions() == {}
        assert project.exchange_identity().id
    assert _version(old) == SCHEMA_VERSION
    assert _version(backup_path(old, 2)) == 2


def test_v1_file_gets_its_first_edition_on_record(v1_copy: Path) -> None:
    """Schema 4 back-fills edition 1 of each side from the programs and the create history row;
    nothing is excluded yet."""
    with Project.open(v1_copy) as project:
        reference = project.editions("reference")
        partner = project.editions("partner")
        assert [(e.number, e.label, e.source_file, e.criteria) for e in reference] == [
            (1, "2019-11", "ctpat.xlsx", 5)
        ]
        assert [(e.number, e.label, e.source_file, e.criteria) for e in partner] == [
            (1, "v3", "meridia.csv", 6)
        ]
        assert reference[0].sha256 == "a" * 64
        assert reference[0].imported_by == "v1-reviewer"
        assert reference[0].imported_at == project.history()[-1].timestamp
        assert project.excluded() == ()
        assert project.edition_changes() == ()


def test_schema_4_file_is_migrated_to_editions(tmp_path: Path) -> None:
    """A file at the previous schema (4) is upgraded too, after its own backup copy."""
    from criteria_compare.project.newfile import write_new_file
    from tests.project.conftest import make_partner, make_reference

    path = tmp_path / "v4.ccproj"
    write_new_file(path, make_reference(), make_partner(), reviewer="bob", schema=4)
    assert _version(path) == 4
    with Project.open(path) as project:
        assert [e.number for e in project.editions("partner")] == [1]
        assert project.editions("partner")[0].imported_by == "bob"
        assert project.summary()["partner"]["editions"][0]["criteria"] == 6
    assert _version(backup_path(path, 4)) == 4
    assert _version(path) == SCHEMA_VERSION
