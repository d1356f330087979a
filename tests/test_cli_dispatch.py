"""The CLI dispatcher: exit statuses and one-sentence errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from criteria_compare.cli import main


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Running without a subcommand shows the help on stderr with status 2."""
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().err


def test_user_error_is_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A missing file gives one line on stderr, exit status 2, no traceback."""
    assert main(["inspect", str(tmp_path / "missing.xlsx")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "missing.xlsx" in err


def test_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad option is a usage error with status 2."""
    with pytest.raises(SystemExit) as exc:
        main(["inspect", "--no-such-option", "x.csv"])
    assert exc.value.code == 2


def _run_with_inspect_raising(exception: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a child process whose `inspect` command raises `exception`."""
    script = (
        "import sys\n"
        "from criteria_compare.cli import cmd_inspect, main\n"
        "def run(args):\n"
        f"    raise {exception}\n"
        "cmd_inspect.run = run\n"
        "sys.exit(main(['inspect', 'x.csv']))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )


def test_closed_pipe_is_not_an_internal_error() -> None:
    """Output into a pipe whose reader has gone (`| head`) ends quietly with status 0."""
    proc = _run_with_inspect_raising("BrokenPipeError(32, 'Broken pipe')")
    assert proc.returncode == 0
    assert "internal error" not in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unexpected_exception_is_one_sentence_with_status_1() -> None:
    """A bug shows one sentence naming the log file, exit status 1, no traceback."""
    proc = _run_with_inspect_raising("ZeroDivisionError('boom')")
    assert proc.returncode == 1
    assert "internal error" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
