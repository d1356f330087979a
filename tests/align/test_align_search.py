"""Search as you type: all terms in any order, ref and prefix matches first, typos tolerated."""

from __future__ import annotations

from criteria_compare.align import search
from criteria_compare.model import Criterion

CRITERIA = (
    Criterion("7.1", "Seal numbers are recorded when containers are loaded.", "Seal security"),
    Criterion("7.10", "Drivers report any tampering with the seal.", "Seal security"),
    Criterion("9.2", "Perimeter fences are inspected for damage.", "Physical security"),
    Criterion("3.4", "Business partners are screened before contracting.", "Business partners"),
)


def test_terms_match_in_any_order() -> None:
    """'loaded seal' finds the criterion containing both words in the other order."""
    assert [c.ref for c, _ in search("loaded seal", CRITERIA)] == ["7.1"]


def test_ref_matches_come_first_and_refs_are_text() -> None:
    """'7.1' lists 7.1 (exact) before 7.10 (prefix); neither is confused with the other."""
    refs = [c.ref for c, _ in search("7.1", CRITERIA)]
    assert refs[:2] == ["7.1", "7.10"]


def test_word_prefix_beats_inner_substring() -> None:
    """A term that starts a word ranks above one found only inside a word."""
    results = search("rep", CRITERIA)
    assert results[0][0].ref == "7.10"  # "report" starts with "rep"


def test_typo_falls_back_to_fuzzy_matching() -> None:
    """A misspelt word still finds the intended criterion."""
    assert search("perimter fences", CRITERIA)[0][0].ref == "9.2"


def test_empty_and_huge_queries_are_safe() -> None:
    """An empty query returns nothing; a very long one is cut and does not fail."""
    assert search("", CRITERIA) == []
    assert isinstance(search("seal " * 10_000, CRITERIA), list)


def test_scores_are_between_zero_and_one_and_limit_holds() -> None:
    """Relevance lies in [0, 1] and at most `limit` results come back."""
    results = search("se", CRITERIA, limit=2)
    assert len(results) <= 2
    assert all(0.0 <= score <= 1.0 for _, score in results)
