"""The log of unexpected (internal) errors: one rotating file in the user's own log folder.

The folder is per user and private (created 0700): ``$XDG_STATE_HOME/criteria-compare/log``
(``~/.local/state/...`` when unset) on Linux and other Unix systems,
``~/Library/Logs/criteria-compare`` on macOS and ``%LOCALAPPDATA%\\criteria-compare\\Logs``
on Windows. The file is opened without following a link planted under its name, and
rotated (``MAX_BYTES`` each, ``BACKUPS`` old files kept), so it never grows without limit.
The CLI and the GUI both write here; the GUI's About box names the file.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import stat
import sys
import threading
from pathlib import Path
from types import TracebackType

__all__ = ["BACKUPS", "MAX_BYTES", "log_dir", "log_exception", "log_file", "logged_to"]

APP = "criteria-compare"
#: Size at which the log is rotated, and how many rotated files are kept beside it.
MAX_BYTES = 1_000_000
BACKUPS = 3

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_lock = threading.Lock()


def log_dir() -> Path:
    """The per-user folder for the log (not created here)."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / APP / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP
    state = os.environ.get("XDG_STATE_HOME", "")
    base = Path(state) if Path(state).is_absolute() else Path.home() / ".local" / "state"
    return base / APP / "log"


def log_file() -> Path:
    """The file unexpected errors are written to."""
    return log_dir() / f"{APP}.log"


def _private_folder(folder: Path) -> None:
    """Create ``folder`` for this user only; refuse a link or someone else's folder."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(f"{folder} is not a folder")
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid():
            raise PermissionError(f"{folder} belongs to another user")
        if stat.S_IMODE(info.st_mode) & 0o077:
            folder.chmod(0o700)


class _Handler(logging.handlers.RotatingFileHandler):
    """Opens the log without following links, and lets write errors reach the caller."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:
        raise  # called inside logging's own except block: the caller handles it


def log_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Write the traceback with a timestamp to the log; the file's path, or None if it cannot be."""
    path = log_file()
    record = logging.LogRecord(APP, logging.ERROR, __file__, 0, "", None, (exc_type, exc, tb))
    with _lock:
        try:
            _private_folder(path.parent)
            handler = _Handler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
            )
        except OSError:
            return None
        handler.setFormatter(logging.Formatter("--- %(asctime)s ---%(message)s"))
        try:
            handler.emit(record)
        except (OSError, ValueError):
            return None
        finally:
            handler.close()
    return path


def logged_to(path: Path | None) -> str:
    """The end of a sentence saying where the details went (or that no log could be written)."""
    if path is None:
        return f"the details could not be written to a log in {log_dir()}"
    return f"the details were written to {path}"
