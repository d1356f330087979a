"""The word-level redline: kept, removed and added runs that rebuild both texts."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from criteria_compare.textdiff import DiffSpan, redline


def _new(spans: tuple[DiffSpan, ...]) -> str:
    return "".join(s.text for s in spans if s.kind != "removed")


def _old(spans: tuple[DiffSpan, ...]) -> str:
    return "".join(s.text for s in spans if s.kind != "added")


def test_a_rewording_shows_removed_then_added_words() -> None:
    """A replaced word is struck then inserted; punctuation counts on its own."""
    spans = redline(
        "Seals must be checked daily, and recorded.",
        "Seals must be verified daily and recorded in the log.",
    )
    assert spans == (
        DiffSpan("equal", "Seals must be "),
        DiffSpan("removed", "checked "),
        DiffSpan("added", "verified "),
        DiffSpan("equal", "daily "),
        DiffSpan("removed", ", "),
        DiffSpan("equal", "and recorded "),
        DiffSpan("added", "in the log"),
        DiffSpan("equal", "."),
    )


def test_same_text_is_one_equal_span_and_spacing_is_no_change() -> None:
    """Identical texts, or texts that differ only in line breaks, give no removed or added run."""
    assert redline("Keys are counted.", "Keys are counted.") == (
        DiffSpan("equal", "Keys are counted."),
    )
    assert {s.kind for s in redline("Keys  are\ncounted.", "Keys are counted.")} == {"equal"}
    assert redline("", "") == ()


def test_all_new_or_all_gone() -> None:
    """An empty old text is all added; an empty new text is all removed."""
    assert redline("", "New rule.") == (DiffSpan("added", "New rule."),)
    assert redline("Old rule.", "") == (DiffSpan("removed", "Old rule."),)


_words = st.lists(
    st.sampled_from(["seal", "Seal", "door", "log", ",", ".", "é", "  ", "\n", " "]), max_size=12
)


@given(_words, _words)
def test_the_spans_rebuild_the_new_text_and_the_old_words(a: list[str], b: list[str]) -> None:
    """Kept and added runs rebuild the new text exactly; kept and removed ones the old text's
    words; neighbouring spans never share a kind and none is empty."""
    old, new = " ".join(a), " ".join(b)
    spans = redline(old, new)
    assert _new(spans) == new
    assert "".join(_old(spans).split()) == "".join(old.split())
    assert all(s.text for s in spans)
    assert all(x.kind != y.kind for x, y in itertools.pairwise(spans))
