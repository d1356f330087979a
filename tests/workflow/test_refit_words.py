"""Re-fit results in words for customs specialists, and when the review screen re-fits unasked."""

from __future__ import annotations

from criteria_compare.align.refit import RefitMetrics, RefitResult
from criteria_compare.align.settings import AlignerSettings
from criteria_compare.workflow.refit_words import RefitSchedule, refit_words

JARGON = ("MRR", "top-1", "Top-1", "held-out", "held out", "channel", "TF-IDF", "BM25")


def _result(adopted: bool, before: float, after: float, n: int = 40) -> RefitResult:
    return RefitResult(
        settings=AlignerSettings(),
        adopted=adopted,
        n_links=n,
        n_rows=n,
        before=RefitMetrics(before, before, n),
        after=RefitMetrics(after, after, n),
        weights_before={"tfidf": 1.0, "embedding": 1.0},
        weights_after={"tfidf": 0.5, "embedding": 2.0},
        message="held-out MRR 0.5 -> 0.6",
    )


def test_an_adopted_refit_says_how_many_more_come_first() -> None:
    words = refit_words(_result(True, 0.5, 0.7))
    assert words.headline.startswith("Of the 40 criteria whose links you confirmed, the re-fitted")
    assert "8 more in first place (28 instead of 20)" in words.headline
    assert words.gain == 8
    assert words.first_place(words.first_after) == "28 of 40"
    assert ("Same distinctive words", "1", "0.5") in words.weights
    for line in words.lines():
        for jargon in JARGON:
            assert jargon not in line


def test_a_kept_refit_says_why_in_plain_words() -> None:
    words = refit_words(_result(False, 0.5, 0.5))
    assert "not clearly better" in words.headline
    everything = refit_words(_result(False, 1.0, 1.0))
    assert "already put every one in first place" in everything.headline
    for w in (words, everything):
        assert not any(j in w.headline for j in JARGON)


def test_too_few_links_keeps_the_sentence_of_the_aligner() -> None:
    result = RefitResult(
        AlignerSettings(),
        False,
        3,
        3,
        None,
        None,
        {},
        {},
        "Only 3 confirmed links; confirm at least 20 before re-fitting.",
    )
    words = refit_words(result)
    assert words.headline == result.message
    assert words.lines() == [result.message]


def test_the_schedule_fires_every_twenty_new_links() -> None:
    schedule = RefitSchedule(5)
    assert [n for n in range(5, 70) if schedule.due(n)] == [25, 45, 65]
    schedule = RefitSchedule(30)
    assert not schedule.due(10)  # links removed: counting starts again from 10
    assert not schedule.due(29)
    assert schedule.due(30)
