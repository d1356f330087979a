"""Progress and cancel protocols shared by long jobs (import, align, report).

The core calls ``progress(done, total, message)`` now and then and
``cancel()`` between blocks; when ``cancel()`` returns True the job raises
:class:`criteria_compare.errors.Cancelled`. The GUI adapts these to Qt signals.
"""

from __future__ import annotations

from typing import Protocol

from criteria_compare.errors import Cancelled

__all__ = ["CancelCheck", "ProgressCallback", "check_cancel"]


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, message: str) -> None: ...


class CancelCheck(Protocol):
    def __call__(self) -> bool: ...


def check_cancel(cancel: CancelCheck | None) -> None:
    """Raise Cancelled if the caller asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled("The operation was cancelled; nothing was changed.")
