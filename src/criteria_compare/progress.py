"""Progress and cancel protocols shared by long jobs (import, align, report).

The core calls ``progress(done, total, message)`` now and then and
``cancel()`` between blocks; when ``cancel()`` returns True the job raises
:class:`criteria_compare.errors.Cancelled`. The GUI adapts these to Qt signals.
"""

from __future__ import annotations

from typing import Protocol

from criteria_compare.errors import Cancelled

__all__ = ["CancelCheck", "ProgressCallback", "check_cancel", "scaled"]


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, message: str, /) -> None: ...


class CancelCheck(Protocol):
    def __call__(self) -> bool: ...


def check_cancel(cancel: CancelCheck | None) -> None:
    """Raise Cancelled if the caller asked to stop."""
    if cancel is not None and cancel():
        raise Cancelled("The operation was cancelled; nothing was changed.")


def scaled(progress: ProgressCallback, lo: int, hi: int) -> ProgressCallback:
    """A progress callback mapping a sub-job's done/total onto lo..hi of 100, never going back.

    Sub-jobs may report several phases that each count from zero; the bar keeps
    the furthest point reached and only the message changes.
    """
    furthest = lo

    def report(done: int, total: int, message: str) -> None:
        nonlocal furthest
        frac = done / total if total > 0 else 0.0
        furthest = max(furthest, lo + round((hi - lo) * min(max(frac, 0.0), 1.0)))
        progress(furthest, 100, message)

    return report
