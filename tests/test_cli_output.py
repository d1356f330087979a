"""What the CLI prints cannot act on the terminal, and its JSON is always valid UTF-8."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.cli.output import emit_json, visible

HOSTILE = "Gates\x1b]0;owned\x07 lock \u202eetats\u202c."


def _csv(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_visible_escapes_controls_and_bidi_but_keeps_text() -> None:
    """Escape codes, bells, bidi overrides and undecodable bytes are shown, not obeyed."""
    assert visible("Zoll · 関税 ok") == "Zoll · 関税 ok"
    assert visible(HOSTILE) == "Gates\\x1b]0;owned\\x07 lock \\u202eetats\\u202c."
    assert visible("name\udcff.csv") == "name\\udcff.csv"
    assert visible("line one\nline two\tcell") == "line one\nline two\tcell"


def test_inspect_prints_spreadsheet_text_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cell holding a terminal escape sequence is printed as visible text by `inspect`."""
    path = _csv(tmp_path, "hostile.csv", ["id,section,text", f"1.1,Sec\x1b[2J,{HOSTILE}"])
    assert main(["inspect", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert "\x07" not in out
    assert "Sec\\x1b[2J" in out


def test_status_prints_program_names_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A program name with control characters does not reach the terminal raw from `status`."""
    ref = _csv(tmp_path, "ref.csv", ["id,text", "1.1,Gates are locked at night."])
    partner = _csv(tmp_path, "partner.csv", ["id,text", "A-1,Gates stay locked overnight."])
    project = tmp_path / "p.ccproj"
    argv = ["new", str(project), "--reference", str(ref), "--partner", str(partner)]
    assert main([*argv, "--reference-name", "CTPAT\x1b[31m", "--no-embedding"]) == 0
    capsys.readouterr()
    assert main(["status", str(project)]) == 0
    out, _ = capsys.readouterr()
    assert "\x1b" not in out
    assert "CTPAT\\x1b[31m" in out


def test_json_is_valid_utf8_even_with_undecodable_file_names(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    """A lone surrogate (a file name byte that is not UTF-8) is written as its JSON escape."""
    emit_json({"path": "/data/Crit\udce8res.csv", "name": "Critères"})
    raw = capsysbinary.readouterr().out
    text = raw.decode("utf-8")  # strict: fails on any invalid byte
    assert "Critères" in text
    assert json.loads(text) == {"path": "/data/Crit\udce8res.csv", "name": "Critères"}


def test_subcommands_print_only_through_the_output_helpers() -> None:
    """No subcommand calls print() itself, so none can bypass the terminal escaping."""
    cli = Path(__file__).resolve().parent.parent / "src" / "criteria_compare" / "cli"
    raw = [
        f"{path.name}:{node.lineno}"
        for path in sorted(cli.glob("*.py"))
        if path.name != "output.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    ]
    assert raw == []
