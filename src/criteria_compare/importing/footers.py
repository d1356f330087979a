"""Footer and summary rows that are not criteria: totals, end notes, a bare count among refs.

Tables copied from documents end with lines such as ``Total number of requirements | 100``,
``End of annex`` or a lone ``106`` under refs like ``7.10``; imported as criteria they would
be compared, counted and reported. build.py reports each with its row instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from criteria_compare.importing.cells import single_line

__all__ = ["BareNumbers", "footer_label", "is_totals_label"]

_TOTALS = re.compile(
    r"(?:grand\s+|sub-?)?totals?\b|(?:sum|count|totales?)\s*(?::|$)|"
    r"(?:total\s+)?(?:number|no\.?|count)\s+of\s+(?:criteria|requirements|conditions|items|"
    r"controls|questions)\b|(?:nombre|n[uú]mero|anzahl)\s+(?:de|der|total)\b",
    re.IGNORECASE,
)
_END = re.compile(
    r"[\W_]*(?:end(?:\s+of\s+(?:the\s+)?(?:annex|appendix|document|table|list|section|"
    r"chapter|criteria|requirements|file|part))?|fin(?:\s+(?:de|del|du)\s+(?:l['’])?\w+)?|"
    r"ende(?:\s+(?:des|der)\s+\w+)?|fine)[\W_]*",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"[\d\s.,%/]+")
_BARE = re.compile(r"\d{1,5}")


def is_totals_label(text: str) -> bool:
    """Whether a cell starts like a totals line (``Total``, ``Grand total:``, ``Count:``,
    ``Total number of requirements``)."""
    return _TOTALS.match(text.strip()) is not None


def footer_label(cells: Sequence[str], text_index: int) -> str | None:
    """The row as one line when it is a totals or end-of-document row, else None.

    A totals label counts in any column but the text column, or in the text column when
    every other filled cell is a number (``| Total number of requirements | | 100``);
    an end note (``End of annex``, ``— End —``) must be alone on its row.
    """
    filled = [(i, c) for i, c in enumerate(cells) if c]
    if not filled or len(filled) > 3:
        return None
    first_index, first = filled[0]
    line = single_line(first)
    if len(filled) == 1 and len(line) <= 60 and _END.fullmatch(line):
        return line
    if not is_totals_label(line):
        return None
    rest = [c for _, c in filled[1:]]
    if first_index == text_index and not all(_NUMBER.fullmatch(c) for c in rest):
        return None
    return " | ".join(single_line(c) for _, c in filled)


class BareNumbers:
    """Whether a bare number ref (``106``) stands out among the refs of a sheet: most refs
    have dots or letters (``7.10``, ``S-4.2``), and this row has no text, a number or a
    totals label where the text goes."""

    def __init__(self, refs: Sequence[str]) -> None:
        given = [r for r in refs if r]
        patterned = sum(1 for r in given if not r.isdigit())
        self.active = len(given) >= 5 and patterned >= 0.8 * len(given)

    def is_count(self, ref: str, text: str) -> bool:
        if not self.active or _BARE.fullmatch(ref) is None:
            return False
        return not text or _NUMBER.fullmatch(text) is not None or is_totals_label(text)
