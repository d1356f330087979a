"""Calibrated bands: probabilities that rise with score, margin and agreement; bands and their words."""

from __future__ import annotations

import pytest

from criteria_compare.align import AlignerSettings, align, band_meaning, suggestion_probability
from criteria_compare.align.calibration import (
    CLEAR_PROBABILITY,
    HIGH_PROBABILITY,
    MEDIUM_PROBABILITY,
    band_for,
    probability,
)
from criteria_compare.model import Band, Criterion

ALL_FIRST = {"tfidf": 1.0, "bm25": 1.0, "char": 1.0, "embedding": 1.0}


def test_probability_rises_with_score_margin_and_agreement() -> None:
    """A clear, agreed lead is likely right; a narrow one that channels dispute is not."""
    weak = probability(0.4, 0.0, {"tfidf": 0.2, "bm25": 0.5, "char": 0.3, "embedding": 0.6})
    lead = probability(0.4, 0.3, {"tfidf": 0.2, "bm25": 0.5, "char": 0.3, "embedding": 0.6})
    agreed = probability(0.4, 0.3, ALL_FIRST)
    strong = probability(0.95, 0.5, ALL_FIRST)
    assert 0.0 < weak < lead < agreed < strong < 1.0
    assert band_for(weak) is Band.LOW
    assert band_for(strong) is Band.HIGH
    assert strong >= CLEAR_PROBABILITY


def test_bands_follow_the_probability_thresholds() -> None:
    assert band_for(HIGH_PROBABILITY) is Band.HIGH
    assert band_for(HIGH_PROBABILITY - 1e-9) is Band.MEDIUM
    assert band_for(MEDIUM_PROBABILITY) is Band.MEDIUM
    assert band_for(MEDIUM_PROBABILITY - 1e-9) is Band.LOW


def test_every_band_has_plain_words() -> None:
    """The tooltip text says how often such suggestions were right, without jargon."""
    for band, words in ((Band.HIGH, "9 times in 10"), (Band.MEDIUM, "4 and 9"), (Band.LOW, "4")):
        meaning = band_meaning(band)
        assert words in meaning
        assert meaning.startswith(band.value)
        for jargon in ("probability", "calibrat", "logistic"):
            assert jargon not in meaning.lower()


@pytest.mark.parametrize("calibrated", [True, False])
def test_aligner_bands_are_the_calibrated_ones_unless_turned_off(calibrated: bool) -> None:
    """Each suggestion's band is band_for(its probability); off, the score thresholds apply."""
    ref = [Criterion("R1", "Container seals are checked against the shipping papers.")]
    par = [
        Criterion("P1", "Each container seal is verified against the shipping papers."),
        Criterion("P2", "Visitors are escorted at all times."),
    ]
    settings = AlignerSettings(use_embedding=False, calibrated_bands=calibrated)
    for s in align(ref, par, settings).forward["R1"]:
        if calibrated:
            assert s.band is band_for(suggestion_probability(s))
        else:
            expected = Band.HIGH if s.score >= 0.6 else Band.MEDIUM if s.score >= 0.35 else Band.LOW
            assert s.band is expected


def test_every_band_of_the_sample_is_its_stored_suggestions_probability() -> None:
    """The aligner bands a whole block at once; each band is still band_for(probability) of the
    suggestion as stored (its rounded score, margin and channels), both ways, every rank."""
    from criteria_compare.importing import read_criteria
    from criteria_compare.resources import sample_path

    ref = read_criteria(sample_path("ctpat_msc_importer.xlsx")).criteria
    par = read_criteria(sample_path("partner_aeo_meridia.xlsx")).criteria
    result = align(ref, par, AlignerSettings(use_embedding=False))
    suggestions = [s for group in (result.forward, result.backward) for row in group.values() for s in row]  # fmt: skip
    assert len(suggestions) > 500
    assert {s.band for s in suggestions} == set(Band)
    for s in suggestions:
        assert s.band is band_for(suggestion_probability(s)), s
