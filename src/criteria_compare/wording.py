"""Counts and long texts in plain words: "1 rejection", "2 rejections", "3 criteria", and a
long note cut short at a word with "…".

The front ends and the workflow put a number before a noun in many sentences;
:func:`counted` picks the singular or the plural so none of them says
"1 rejections". :func:`clipped` shortens a text for a one-line mention.
"""

from __future__ import annotations

__all__ = ["clipped", "counted"]

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


def clipped(text: str, limit: int = 120) -> str:
    """``text`` on one line (runs of white space made single spaces), cut to at most ``limit``
    characters with "…", at a word when one ends in the second half."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"
