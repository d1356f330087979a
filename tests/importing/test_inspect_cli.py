"""``criteria-compare inspect``: a readable summary, one JSON object with --json, exit 2 on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_compare.cli import main
from tests.importing.import_fixtures import WorkbookFactory

JSON_KEYS = {"file", "sheet", "header_row", "columns", "criteria", "sections", "levels", "warnings"}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_json_output_is_one_object_with_the_documented_keys(
    make_workbook: WorkbookFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints exactly one JSON object holding at least the keys the issue lists."""
    rows = [["1. Policy"], ["1.1", "Gates lock.", "", "Must"], ["1.1", "Again.", "", "Sometimes"]]
    status, out, err = _run(["inspect", str(make_workbook(rows)), "--json"], capsys)
    assert status == 0
    data = json.loads(out)
    assert set(data) >= JSON_KEYS
    assert data["file"] == "criteria.xlsx"
    assert data["sheet"] == "Criteria"
    assert data["header_row"] == 1
    assert data["columns"] == {
        "ref": "ID",
        "text": "Criteria",
        "level": "Must/Should",
        "guidance": "Implementation Guidance",
    }
    assert data["criteria"] == 1
    assert data["sections"] == {"1. Policy": 1}
    assert data["levels"] == {"Must": 1}
    assert len(data["warnings"]) == 1
    assert "row 4" in data["warnings"][0]
    assert len(data["sha256"]) == 64
    assert err == ""


def test_readable_summary(
    make_workbook: WorkbookFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --json the summary names the sheet, header row, columns, sections and levels."""
    status, out, _ = _run(["inspect", str(make_workbook())], capsys)
    assert status == 0
    assert "Sheet:      Criteria" in out
    assert "Header row: 1" in out
    assert "Refs:       1.1, 1.2, 2.1" in out
    assert "ref         A  ID" in out
    assert "section        (none)" in out
    assert "2  1. Company security policy" in out
    assert "Levels:     Must 2, Should 1" in out
    assert "Warnings:   0" in out


def test_sheet_and_columns_options(
    make_workbook: WorkbookFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """--sheet and --columns reach the importer."""
    other = [["Code", "Wording"], ["Q1", "Staff wear badges."]]
    path = make_workbook(after=[("Partner", other)])
    argv = [
        "inspect",
        str(path),
        "--sheet",
        "Partner",
        "--columns",
        '{"ref": "A", "text": "Wording"}',
        "--json",
    ]
    status, out, _ = _run(argv, capsys)
    assert status == 0
    data = json.loads(out)
    assert (data["sheet"], data["criteria"], data["columns"]["text"]) == ("Partner", 1, "Wording")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["--sheet", "Nope"], "has no sheet named 'Nope'"),
        (["--columns", "{ref: A}"], "--columns is not valid JSON"),
        (["--columns", '["A"]'], "--columns must be a JSON object"),
        (["--columns", '{"owner": "A"}'], "unknown column role 'owner'"),
    ],
)
def test_bad_options_give_one_line_and_status_2(
    make_workbook: WorkbookFactory,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    expected: str,
) -> None:
    """Mistakes in the options are explained in one stderr line with exit status 2."""
    status, out, err = _run(["inspect", str(make_workbook()), "--json", *extra], capsys)
    assert status == 2
    assert out == ""
    assert expected in err
    assert err.count("\n") == 1


def test_bad_file_from_a_real_process(tmp_path: Path) -> None:
    """Run as a program: a random-bytes workbook gives one stderr line, no traceback, status 2."""
    path = tmp_path / "random.xlsx"
    path.write_bytes(b"\x00\x01garbage" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "criteria_compare", "inspect", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    assert "random.xlsx is not a valid Excel workbook" in proc.stderr
