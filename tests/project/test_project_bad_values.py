"""Bad values in an otherwise well-formed project file (bad JSON, text where a number belongs, an unknown
relation or status) are reported as damage naming the table and row, exit 2, never an internal error."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.errors import ProjectCorrupt
from criteria_compare.project import Project


@pytest.fixture
def damaged(new_project):
    """Factory: a closed project with one decision and one link, then the given SQL run on it."""

    def make(*statements: str) -> Path:
        project = new_project()
        project.decide("1.1", status="aligned", link=[("P-1", "equal")])
        path = project.path
        project.close()
        conn = sqlite3.connect(path)
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.close()
        return path

    return make


def _damage_message(capsys: pytest.CaptureFixture[str], path: Path, command: list[str]) -> str:
    assert main([command[0], str(path), *command[1:]]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert f"{path.name} is damaged (" in err
    assert "restore it from a backup" in err
    assert "internal error" not in err
    return err


def test_bad_json_in_settings(damaged, capsys) -> None:
    """Stored aligner settings that are not JSON: `align` names the settings row."""
    path = damaged("INSERT OR REPLACE INTO settings (key, value) VALUES ('aligner', '{\"k\": 5')")
    err = _damage_message(capsys, path, ["align"])
    assert "settings, aligner: not valid JSON" in err


def test_provenance_row_that_is_not_a_number(damaged, capsys) -> None:
    """A provenance row holding text: `status` names the criterion."""
    path = damaged("UPDATE criteria SET prov_row = 'row nine' WHERE ref = '6.1'")
    err = _damage_message(capsys, path, ["status"])
    assert "criteria, criterion '6.1': provenance row is 'row nine', not a number" in err


def test_text_where_a_score_belongs(damaged, capsys) -> None:
    """A link score holding text is damage (`status`), and so is a suggestion's (read through the API)."""
    path = damaged(
        "UPDATE links SET score = 'high'",
        "UPDATE suggestions SET score = 'very' WHERE source_ref = '2.1'",
    )
    err = _damage_message(capsys, path, ["status"])
    assert "links, '1.1' → 'P-1': score is 'high', not a number" in err
    conn = sqlite3.connect(path)
    conn.execute("UPDATE links SET score = 0.5")
    conn.commit()
    conn.close()
    with (
        Project.open(path) as project,
        pytest.raises(
            ProjectCorrupt, match=re.escape("suggestions, '2.1' → 'P-2': score is 'very'")
        ),
    ):
        project.suggestions("2.1")


def test_unknown_relation(damaged, capsys) -> None:
    """A relation this version does not know: `status` names the link."""
    path = damaged("UPDATE links SET relation = 'overlaps'")
    err = _damage_message(capsys, path, ["status"])
    assert "links, '1.1' → 'P-1': unknown relation 'overlaps'" in err


def test_unknown_status(damaged, capsys) -> None:
    """A verdict this version does not know: `report` names the criterion before writing anything."""
    path = damaged("UPDATE assessments SET status = 'maybe'")
    out = path.with_name("report.pdf")
    err = _damage_message(capsys, path, ["report", "-o", str(out)])
    assert "assessments, criterion '1.1': unknown status 'maybe'" in err
    assert not out.exists()


def test_import_warnings_that_are_not_a_list(damaged) -> None:
    """Import warnings stored as something other than a JSON list are damage, named by side."""
    path = damaged("UPDATE programs SET import_warnings = '\"one\"' WHERE side = 'partner'")
    with (
        Project.open(path) as project,
        pytest.raises(ProjectCorrupt, match="programs, partner: import warnings: JSON str"),
    ):
        project.import_warnings("partner")


def test_failed_integrity_check_is_one_sentence_with_details_in_the_log(
    new_project, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The "damaged" message is one line giving the number of problems; SQLite's own lines go to the log."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    project = new_project()
    path = project.path
    project.close()
    conn = sqlite3.connect(path)
    (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'programs'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (page - 1) * 4096
    data[start + 8 : start + 40] = b"\x00\x01" * 16  # cell pointers out of range
    path.write_bytes(bytes(data))
    assert main(["status", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert re.search(r"is damaged \(SQLite's integrity check found \d+ problems;", err)
    (log,) = (tmp_path / "state").rglob("*.log")
    assert str(log) in err
    assert f"On tree page {page} cell 1" in log.read_text(encoding="utf-8")
