"""``criteria-compare exchange export/import`` from the command line: the JSON contract and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from criteria_compare.cli import main
from criteria_compare.model import Criterion, Program
from criteria_compare.project import Project
from tests.workflow.exchange_helpers import edit, fill

REFERENCE = Program(
    "CTPAT MSC",
    (
        Criterion("1.1", "Management names a person who answers for security.", "Vision"),
        Criterion("6.1", "High-security seals on every loaded container.", "Seals"),
        Criterion("7.10", "Cargo shortages are reported the same day.", "Procedures"),
        Criterion("7.2", "Cargo is checked against the documents.", "Procedures"),
    ),
)
PARTNER = Program("Meridia AEO", (Criterion("P-1", "A security officer is named."),))


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    """A small project on disk with one verdict."""
    path = tmp_path / "review.ccproj"
    with Project.create(path, REFERENCE, PARTNER, reviewer="alice") as project:
        project.decide("1.1", link=[("P-1", "equal")], status="aligned")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_then_import_json_has_exactly_the_contract_keys(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints one object with the counts and the set-aside refs, nothing else on stdout."""
    out = tmp_path / "positions.xlsx"
    code, stdout, _ = _run(
        capsys, "exchange", "export", str(project_path), "-o", str(out), "--json"
    )
    assert code == 0
    assert json.loads(stdout)["rows"] == 4
    fill(out, {"1.1": ("Agree", ""), "6.1": ("Disagree", "Seal standard differs.")})
    edit(out, "7.2", "Reference criterion", "Cargo is checked.")
    code, stdout, stderr = _run(capsys, "exchange", "import", str(project_path), str(out), "--json")
    assert code == 0
    assert json.loads(stdout) == {
        "positions": 3,
        "agree": 1,
        "disagree": 1,
        "needs_discussion": 0,
        "blank": 1,
        "altered": ["7.2"],
        "unknown": [],
    }
    assert "7.2" in stderr
    with Project.open(project_path, read_only=True) as project:
        assert project.assessment("1.1").status.value == "aligned"
        assert project.positions()["6.1"].comment == "Seal standard differs."


def test_a_wrong_workbook_exits_2_with_one_sentence(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook that is no exchange workbook: exit 2, one line on stderr, nothing on stdout."""
    plain = tmp_path / "criteria.xlsx"
    Workbook().save(plain)
    code, stdout, stderr = _run(
        capsys, "exchange", "import", str(project_path), str(plain), "--json"
    )
    assert code == 2
    assert stdout == ""
    assert stderr.count("\n") == 1
    assert "not an exchange workbook" in stderr
    assert "Traceback" not in stderr


def test_text_output_says_what_was_stored(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json the import says how many positions of which round, and that verdicts stand."""
    out = tmp_path / "positions.xlsx"
    _run(capsys, "exchange", "export", str(project_path), "-o", str(out))
    fill(out, {"7.10": ("Needs discussion", "")})
    code, stdout, _ = _run(capsys, "exchange", "import", str(project_path), str(out))
    assert code == 0
    assert stdout.strip() == (
        "Stored 1 answer of the partner administration (round 1) from positions.xlsx: 0 agree, "
        "0 disagree, 1 need discussion; 1 new or changed. 3 rows were left blank. Our verdicts "
        "are unchanged."
    )


def test_blank_rows_are_not_counted_as_changes(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rows the partner left blank change nothing: not counted, not in the history; importing
    the same workbook again changes nothing either."""
    out = tmp_path / "positions.xlsx"
    _run(capsys, "exchange", "export", str(project_path), "-o", str(out))
    fill(out, {"1.1": ("Agree", ""), "6.1": ("Disagree", "Seals only on some lanes.")})
    code, stdout, _ = _run(capsys, "exchange", "import", str(project_path), str(out))
    assert code == 0
    assert "2 new or changed. 2 rows were left blank." in stdout
    with Project.open(project_path) as project:
        assert [e.action for e in project.history("7.10")] == []
        assert [e.action for e in project.history("6.1")][:1] == ["position"]
    code, stdout, _ = _run(capsys, "exchange", "import", str(project_path), str(out))
    assert code == 0
    assert "none new or changed" in stdout
    fill(out, {"1.1": ("", ""), "6.1": ("", "")}, out=tmp_path / "empty.xlsx")
    code, stdout, _ = _run(
        capsys, "exchange", "import", str(project_path), str(tmp_path / "empty.xlsx")
    )
    assert code == 0
    assert stdout.strip() == (
        "empty.xlsx (round 1) holds no answers; 2 earlier answers were taken back (left blank). "
        "4 rows were left blank. Our verdicts are unchanged."
    )


def test_exchange_without_an_action_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """'exchange' alone names the two actions."""
    code, stdout, stderr = _run(capsys, "exchange")
    assert code == 2
    assert stdout == ""
    assert "exchange export" in stderr


def test_export_over_a_filled_in_workbook_needs_force(
    project_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2 and one sentence naming the file, its answers and --force; --force replaces it."""
    out = tmp_path / "positions.xlsx"
    assert _run(capsys, "exchange", "export", str(project_path), "-o", str(out))[0] == 0
    fill(out, {"6.1": ("Disagree", "Seal standard differs.")})
    answered = out.read_bytes()
    code, stdout, stderr = _run(capsys, "exchange", "export", str(project_path), "-o", str(out))
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1
    assert "positions.xlsx holds 1 answer of the partner administration that has not" in stderr
    assert "--force" in stderr
    assert out.read_bytes() == answered
    code, _, _ = _run(capsys, "exchange", "export", str(project_path), "-o", str(out), "--force")
    assert code == 0
    assert out.read_bytes() != answered
