"""A missing project named by a relative path: the message says which folder was searched."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.cli import main


def test_missing_relative_project_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`status missing.ccproj` says it does not exist in the current folder, by its full path,
    never "in ."."""
    monkeypatch.chdir(tmp_path)
    assert main(["status", "missing.ccproj"]) == 2
    err = capsys.readouterr().err
    assert f"missing.ccproj does not exist in {tmp_path}" in err
    assert " in .;" not in err
