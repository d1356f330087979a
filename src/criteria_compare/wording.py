"""Counts in plain words: "1 rejection", "2 rejections", "1 criterion", "3 criteria".

The front ends and the workflow put a number before a noun in many sentences;
:func:`counted` picks the singular or the plural so none of them says
"1 rejections".
"""

from __future__ import annotations

__all__ = ["counted"]

#: Plurals that are not the singular plus "s".
_IRREGULAR = {
    "criterion": "criteria",
    "reference criterion": "reference criteria",
    "partner criterion": "partner criteria",
    "entry": "entries",
    "was": "were",
    "is": "are",
}


def counted(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun ``one`` (or ``many``, by default ``one`` + "s"): ``counted(1, "link")``
    is "1 link", ``counted(0, "link")`` "0 links", ``counted(2, "criterion")`` "2 criteria"."""
    if n == 1:
        return f"{n} {one}"
    return f"{n} {many if many is not None else _IRREGULAR.get(one, one + 's')}"
