"""Word-level redline of two texts: which words were kept, removed and added (no Qt).

Used wherever an old and a new text of a criterion are shown side by side (the
review screen, the report's changes appendix). Words and punctuation marks are
compared as written (case counts); whitespace travels with the token before it
and never counts as a change, so the spans that are not ``removed`` rebuild the
new text exactly, and those that are not ``added`` rebuild the old one up to
spacing.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["DiffKind", "DiffSpan", "redline"]

DiffKind = Literal["equal", "removed", "added"]

# A word or one punctuation mark with the whitespace after it, or leading whitespace on its own.
_TOKEN = re.compile(r"\s+|(?:\w+|[^\w\s])\s*")


@dataclass(frozen=True)
class DiffSpan:
    """A run of text that is in both texts (``equal``), only in the old one or only in the new."""

    kind: DiffKind
    text: str


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def redline(old: str, new: str) -> tuple[DiffSpan, ...]:
    """The spans that turn ``old`` into ``new``, in reading order; a replaced run gives its
    removed words first, then the added ones. Adjacent spans never share a kind."""
    a, b = _tokens(old), _tokens(new)
    # Compare words without their trailing whitespace, so a re-wrapped line is no change.
    matcher = difflib.SequenceMatcher(None, [t.strip() for t in a], [t.strip() for t in b], False)
    spans: list[DiffSpan] = []

    def put(kind: DiffKind, text: str) -> None:
        if not text:
            return
        if spans and spans[-1].kind == kind:
            spans[-1] = DiffSpan(kind, spans[-1].text + text)
        else:
            spans.append(DiffSpan(kind, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # The new text's whitespace is shown; the old one's differs only in spacing.
            put("equal", "".join(b[j1:j2]))
        else:
            put("removed", "".join(a[i1:i2]))
            put("added", "".join(b[j1:j2]))
    return tuple(spans)
