"""Stored times as the report shows them: read once, the same way, for the PDF and the workbook.

Times are stored as ISO-8601 text in UTC (``2026-11-23T12:54:01.123Z``); the report prints
them in UTC and says so in its headers. A time with another offset is converted, one
without an offset is taken as UTC, and text that is not a time is shown as it is.
"""

from __future__ import annotations

import datetime as _dt

__all__ = ["short_time", "stamp_value"]


def stamp_value(stamp: str) -> _dt.datetime | _dt.date | str | None:
    """What a cell holds for a stored time: a timezone-naive date-time in UTC, a date for a
    day alone, nothing for an empty stamp, and the text itself when it is not an ISO-8601
    time."""
    text = stamp.strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return _dt.date.fromisoformat(text)
        when = _dt.datetime.fromisoformat(text)
    except ValueError:
        return stamp
    if when.tzinfo is not None:
        when = when.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return when


def short_time(stamp: str) -> str:
    """A stored time as the PDF prints it: ``2026-11-23T12:54:02+00:00`` -> ``2026-11-23 12:54``
    (UTC), a day alone as it is, other text unchanged, "" for none."""
    value = stamp_value(stamp)
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value or ""
