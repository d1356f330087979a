"""Internal errors go to a private, rotating log in the user's own folder, never through a link."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from criteria_compare import crashlog
from criteria_compare.crashlog import log_exception, log_file


def _log_one(text: str) -> Path | None:
    try:
        raise RuntimeError(text)
    except RuntimeError as exc:
        return log_exception(type(exc), exc, exc.__traceback__)


@pytest.fixture
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "state"))
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_the_log_is_in_a_private_per_user_folder(state_home: Path) -> None:
    """The traceback lands in the user's own log folder, created for the user alone."""
    path = _log_one("the first surprise")
    assert path == log_file()
    assert state_home in path.parents
    assert path != Path(tempfile.gettempdir()) / "criteria-compare-error.log"
    assert "RuntimeError: the first surprise" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert path.parent.stat().st_mode & 0o777 == 0o700
        assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folder is the Linux convention")
def test_linux_uses_the_xdg_state_folder(state_home: Path, monkeypatch) -> None:
    """$XDG_STATE_HOME/criteria-compare/log, or ~/.local/state/... when it is unset."""
    assert log_file() == state_home / "state" / "criteria-compare" / "log" / "criteria-compare.log"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert crashlog.log_dir() == state_home / ".local" / "state" / "criteria-compare" / "log"


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="no O_NOFOLLOW on this system")
def test_a_link_at_the_log_path_is_not_followed(state_home: Path) -> None:
    """A symbolic link planted under the log's name is not written through."""
    victim = state_home / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    log_file().parent.mkdir(parents=True, mode=0o700)
    log_file().symlink_to(victim)
    assert _log_one("aimed at the link") is None
    assert victim.read_text(encoding="utf-8") == "precious"


@pytest.mark.skipif(os.name != "posix", reason="folder links need POSIX permissions here")
def test_a_linked_log_folder_is_refused(state_home: Path) -> None:
    """A log folder that is a link (someone else's folder) is not used."""
    elsewhere = state_home / "elsewhere"
    elsewhere.mkdir()
    log_file().parent.parent.mkdir(parents=True)
    log_file().parent.symlink_to(elsewhere)
    assert _log_one("through a linked folder") is None
    assert list(elsewhere.iterdir()) == []


def test_the_log_rotates_instead_of_growing(state_home: Path, monkeypatch) -> None:
    """Past its size the log moves aside; only a few old files are kept."""
    monkeypatch.setattr(crashlog, "MAX_BYTES", 2_000)
    for n in range(40):
        assert _log_one(f"surprise number {n}") is not None
    names = sorted(p.name for p in log_file().parent.iterdir())
    assert names == [f"criteria-compare.log{s}" for s in ("", ".1", ".2", ".3")]
    sizes = [p.stat().st_size for p in log_file().parent.iterdir()]
    assert max(sizes) <= 2_000
    assert "surprise number 39" in log_file().read_text(encoding="utf-8")


def test_cli_internal_error_names_the_per_user_log(state_home: Path) -> None:
    """An internal error in the CLI says which file holds the details, and it does."""
    code = (
        "import sys; from criteria_compare import cli; "
        "from criteria_compare.cli import cmd_inspect; "
        "cmd_inspect.run = lambda args: 1 / 0; "
        "sys.exit(cli.main(['inspect', 'x.csv']))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy()
    )
    assert proc.returncode == 1
    assert f"the details were written to {log_file()}" in proc.stderr
    assert "ZeroDivisionError" in log_file().read_text(encoding="utf-8")
