"""Evidence in plain words: band and channels on one scale, content words only, synonyms as pairs."""

from __future__ import annotations

from criteria_compare.align.evidence_words import (
    SCALE_WORDS,
    band_words,
    channel_lines,
    content_spans,
    shown_terms,
)
from criteria_compare.model import Band, Evidence


def _spans(text: str, *words: str) -> tuple[tuple[int, int], ...]:
    out = []
    for w in words:
        i = text.index(w)
        out.append((i, i + len(w)))
    return tuple(sorted(out))


def test_each_band_says_how_often_such_suggestions_were_right() -> None:
    assert "at least 9 times in 10" in band_words(Band.HIGH)
    assert "between 4 and 9 times in 10" in band_words(Band.MEDIUM)
    assert "fewer than 4 times in 10" in band_words(Band.LOW)
    assert not any("0.60" in band_words(b) or "0.35" in band_words(b) for b in Band)
    assert "0 (nothing in common) to 1" in SCALE_WORDS


def test_channels_are_said_in_plain_words() -> None:
    lines = channel_lines({"embedding": 1.0, "tfidf": 0.12})
    assert lines[0].startswith("Same meaning 1.00 — ")
    assert lines[1].startswith("Same words 0.12 — ")
    assert not any("TF-IDF" in line or "encoder" in line for line in lines)


def test_function_words_are_not_highlighted_nor_listed() -> None:
    source = "Whenever cargo is taken into custody, seals are checked."
    target = "Seals are checked whenever cargo is taken over."
    ev = Evidence(
        shared_terms=("whenever", "cargo", "taken", "seal", "check"),
        source_spans=_spans(source, "Whenever", "cargo", "taken", "seals", "checked"),
        target_spans=_spans(target, "Seals", "checked", "whenever", "cargo", "taken"),
    )
    kept = content_spans(source, ev.source_spans)
    assert [source[a:b] for a, b in kept] == ["cargo", "seals", "checked"]
    assert shown_terms(source, target, ev) == ("cargo", "seals", "checked")


def test_a_synonym_match_is_shown_as_both_words() -> None:
    source = "Goods are screened before loading."
    target = "Cargo is screened before it is loaded."
    ev = Evidence(
        shared_terms=("merchandise", "screen", "load"),  # a concept named in neither text
        source_spans=_spans(source, "Goods", "screened", "loading"),
        target_spans=_spans(target, "Cargo", "screened", "loaded"),
    )
    terms = shown_terms(source, target, ev)
    assert terms[0] == "goods ≈ cargo"
    assert "merchandise" not in " ".join(terms)
    assert set(terms[1:]) == {"screened", "loading"}


def test_chance_words_never_promise_more_than_the_band() -> None:
    """Tenths rounded down (High starts at 9 in 10), with words for the two ends."""
    from criteria_compare.align.calibration import HIGH_PROBABILITY, MEDIUM_PROBABILITY
    from criteria_compare.align.evidence_words import chance_words

    assert chance_words(HIGH_PROBABILITY) == "9 in 10"
    assert chance_words(HIGH_PROBABILITY - 0.001) == "8 in 10"
    assert chance_words(MEDIUM_PROBABILITY) == "4 in 10"
    assert chance_words(MEDIUM_PROBABILITY - 0.001) == "3 in 10"
    assert chance_words(0.97) == "over 9 in 10"
    assert chance_words(0.01) == "under 1 in 10"
    assert chance_words(0.06) == "1 in 10"
