"""Following the paths a user gives (projects, reports, input files) to real files, with one sentence when that fails."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from criteria_compare.errors import UnusablePath

__all__ = ["resolve_path", "symlink_loop"]


def symlink_loop(path: str | os.PathLike[str]) -> UnusablePath:
    """The error for a path whose symbolic links lead back to themselves."""
    return UnusablePath(
        f"{Path(path)} is a symbolic link that leads back to itself (a loop); point the link "
        "at a real file or give the file's own path."
    )


def resolve_path(path: str | os.PathLike[str]) -> Path:
    """``path`` with ``~`` expanded, made absolute and its links followed; UnusablePath for a link loop."""
    given = Path(path)
    try:
        return given.expanduser().resolve()
    except RuntimeError:  # Python < 3.13 reports a link loop this way
        raise symlink_loop(given) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise symlink_loop(given) from None
        raise UnusablePath(
            f"{given} cannot be followed to a file ({exc.strerror or exc}); check the path."
        ) from None
