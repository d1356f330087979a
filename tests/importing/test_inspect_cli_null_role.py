"""`--columns` accepts null for a role: that role has no column and is not detected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main

CSV = "ID,Criteria,Level,Notes\n1.1,Seal every loaded container.,Must,Keep a log.\n"


def test_inspect_null_role_leaves_the_column_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--columns '{"level": null}'` imports without a level even though a Level column exists."""
    path = tmp_path / "c.csv"
    path.write_text(CSV, encoding="utf-8")
    assert main(["inspect", str(path), "--columns", '{"level": null}', "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "level" not in data["columns"]
    assert data["columns"]["guidance"] == "Notes"


def test_new_null_role_leaves_the_column_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`new --partner-columns '{"guidance": null}'` stores the partner without guidance."""
    from criteria_compare.project import Project

    path = tmp_path / "c.csv"
    path.write_text(CSV, encoding="utf-8")
    project = tmp_path / "p.ccproj"
    argv = ["new", str(project), "--reference", str(path), "--partner", str(path)]
    status = main([*argv, "--partner-columns", '{"guidance": null}', "--no-embedding"])
    assert status == 0, capsys.readouterr().err
    with Project.open(project, read_only=True) as opened:
        assert opened.partner.criteria[0].guidance == ""
        assert opened.reference.criteria[0].guidance == "Keep a log."
