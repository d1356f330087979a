"""Text output of `decide` and `history` never passes control characters to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main

REFERENCE = "id,text\n1.1,Loaded containers are sealed and the seal number is recorded.\n"
PARTNER = "ref,requirement\nA-1,Containers are sealed after loading and numbers are logged.\n"
NOTE = "red \x1b[31malert\x1b[0m bell\x07 end"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    (tmp_path / "r.csv").write_text(REFERENCE, encoding="utf-8")
    (tmp_path / "p.csv").write_text(PARTNER, encoding="utf-8")
    target = tmp_path / "t.ccproj"
    argv = ["new", str(target), "--reference", str(tmp_path / "r.csv")]
    status, _, err = run(capsys, *argv, "--partner", str(tmp_path / "p.csv"), "--no-embedding")
    assert status == 0, err
    return target


def test_escape_sequences_in_a_note_are_shown_not_executed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A note holding terminal escape codes prints them visibly (\\x1b) in decide and history,
    while --json keeps the exact text."""
    status, out, _ = run(capsys, "decide", str(project), "1.1", "--note", NOTE)
    assert status == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\\x1b[31malert" in out
    status, out, _ = run(capsys, "history", str(project))
    assert status == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    status, out, _ = run(capsys, "history", str(project), "--json")
    notes = [e["new_value"] for e in json.loads(out)["entries"] if e["action"] == "note"]
    assert notes == [NOTE]
