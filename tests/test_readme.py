"""The README documents every subcommand, and its command-line walk-through works as written."""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path

import pytest

from criteria_compare.cli import build_parser, main

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_commands() -> list[list[str]]:
    """Every `criteria-compare ...` line of the README's indented examples, continuations joined."""
    commands: list[str] = []
    pending = ""
    for raw in README.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if pending:
            pending += " " + line.rstrip("\\").strip()
            if not line.endswith("\\"):
                commands.append(pending)
                pending = ""
            continue
        if raw.startswith("    criteria-compare "):
            text = line.split("  #")[0].strip()
            if text.endswith("\\"):
                pending = text.rstrip("\\").strip()
            else:
                commands.append(text)
    return [shlex.split(c)[1:] for c in commands]


def test_every_subcommand_is_documented() -> None:
    """Each subcommand the CLI offers appears in a README example."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    documented = {argv[0] for argv in _readme_commands()}
    assert set(sub.choices) <= documented  # type: ignore[arg-type]


@pytest.mark.slow
def test_readme_walkthrough_runs(tmp_path: Path, samples_dir: Path, monkeypatch, capsys) -> None:
    """Running the README's commands in order succeeds and leaves what they promise."""
    shutil.copytree(samples_dir, tmp_path / "sample_criteria")
    monkeypatch.chdir(tmp_path)
    for argv in _readme_commands():
        if argv[0] == "merge":  # the reviewers' copies are plain copies of the project file
            for copy in argv[2:4]:
                shutil.copyfile(tmp_path / argv[1], tmp_path / copy)
        assert main(argv) == 0, argv
        out = capsys.readouterr().out
        if "--json" in argv and argv[0] == "status":
            status = json.loads(out)
            assert status["reference"]["aligned"] == 1
            assert status["reference"]["gap"] == 1
            assert status["discussion_points"] == 1
    assert (tmp_path / "report.pdf").stat().st_size > 10_000
    assert (tmp_path / "report.xlsx").exists()


def test_users_install_section_comes_before_the_developers() -> None:
    """A user finds how to install and start the bundle before the developers' set-up, which
    keeps its two commands."""
    text = README.read_text(encoding="utf-8")
    install, setup = text.index("\n## Install\n"), text.index("\n## Set-up")
    assert install < setup
    assert "criteria-compare-gui" in text[install:setup]
    assert "make run" in text[setup:]
    assert "make test" in text[setup:]
