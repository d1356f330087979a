"""wording.counted: a count with the right form of its noun."""

from __future__ import annotations

import pytest

from criteria_compare.wording import counted


@pytest.mark.parametrize(
    ("n", "one", "many", "expected"),
    [
        (1, "rejection", None, "1 rejection"),
        (0, "rejection", None, "0 rejections"),
        (2, "reference criterion", None, "2 reference criteria"),
        (1, "criterion", None, "1 criterion"),
        (102, "row was", "rows were", "102 rows were"),
        (1, "row was", "rows were", "1 row was"),
    ],
)
def test_counted(n: int, one: str, many: str | None, expected: str) -> None:
    assert counted(n, one, many) == expected


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    """A one-line mention of a long note ends at a whole word, within the limit."""
    from criteria_compare.wording import clipped

    note = "The partner checks seals at every stop and records it.\n" * 50
    short = clipped(note, 40)
    assert short == "The partner checks seals at every stop…"
    assert len(short) <= 40
    assert clipped("  Short\tnote ", 40) == "Short note"
