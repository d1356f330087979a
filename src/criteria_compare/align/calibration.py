"""Calibrated bands: the probability that a suggestion is right, and what High/Medium/Low mean.

A logistic model of three things a reviewer also sees on a card: the
suggestion's score, its lead over the next candidate (margin) and how many
channels put it first (channel agreement), with separate terms for alignments
where the sentence encoder ran. It was fitted (numpy, Newton steps) on the
first suggestions of the development crosswalks in ``../shared/eval`` (five
English pairs and English against French and Spanish, each set weighing the
same, with and without the encoder; criteria with no counterpart count as
wrong). Measured on those sets (``make bench`` prints the table per set):
High was right 95-100 % of the time on every set where it occurs, and the
clear-winner rule (``CLEAR_PROBABILITY``) 99 % (312 of 315 first suggestions), measured
with the parent lift of ``align.hierarchy`` and the section consensus and spread of
``align.consensus``.

The coefficients are constants here: no fitting happens at run time.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeVar

import numpy as np

from criteria_compare.model import Band, Suggestion

__all__ = [
    "CLEAR_PROBABILITY",
    "HIGH_PROBABILITY",
    "MEDIUM_PROBABILITY",
    "band_for",
    "band_meaning",
    "bands",
    "probability",
    "suggestion_probability",
]

#: A suggestion is High from this probability of being right, Medium from the next one.
HIGH_PROBABILITY = 0.9
MEDIUM_PROBABILITY = 0.4
#: "Confirm clear winners" ticks only first suggestions at least this likely to be right.
CLEAR_PROBABILITY = 0.95

# Intercept; score; sqrt(margin); channel agreement; encoder present; and, with the encoder,
# score and sqrt(margin) again (fitted 2026-12-03 on the development sets, see above).
_COEF = (-2.5357, 1.5486, 3.4384, 0.834, 0.1313, -0.6434, 2.2008)
# A channel puts a candidate first when its normalised score is (within rounding) the row's best.
_FIRST = 0.999

_MEANINGS = {
    Band.HIGH: (
        "High: on the test crosswalks, suggestions like this were the right counterpart "
        "at least 9 times in 10."
    ),
    Band.MEDIUM: (
        "Medium: right between 4 and 9 times in 10 on the test crosswalks; "
        "read both texts before confirming."
    ),
    Band.LOW: (
        "Low: right fewer than 4 times in 10 on the test crosswalks; the counterpart may be "
        "elsewhere, or there may be none."
    ),
}


_X = TypeVar("_X", float, np.ndarray)


def _logit(score: _X, lead: _X, agree: _X, encoder: float) -> _X:
    """The fitted log-odds (one formula for one suggestion and for many at once)."""
    b = _COEF
    return (
        b[0]
        + b[1] * score
        + b[2] * lead
        + b[3] * agree
        + b[4] * encoder
        + b[5] * score * encoder
        + b[6] * lead * encoder
    )


def probability(score: float, margin: float, channels: Mapping[str, float]) -> float:
    """The calibrated probability that a suggestion with this score, margin over the next
    candidate and normalised channel scores is a right counterpart."""
    agree = sum(v >= _FIRST for v in channels.values()) / len(channels) if channels else 0.0
    encoder = 1.0 if "embedding" in channels else 0.0
    z = _logit(score, math.sqrt(max(margin, 0.0)), agree, encoder)
    return 1.0 / (1.0 + math.exp(-z))


_BY_LEVEL = (Band.LOW, Band.MEDIUM, Band.HIGH)


def bands(
    scores: np.ndarray, margins: np.ndarray, channels: Mapping[str, np.ndarray]
) -> list[Band]:
    """``band_for(probability(...))`` of many suggestions at once: their (rounded) scores,
    margins and normalised channel scores as arrays (the aligner's hot path)."""
    n = len(scores)
    if channels:
        agree = sum((v >= _FIRST).astype(np.int64) for v in channels.values()) / len(channels)
    else:
        agree = np.zeros(n)
    encoder = 1.0 if "embedding" in channels else 0.0
    z = _logit(scores, np.sqrt(np.maximum(margins, 0.0)), np.asarray(agree, float), encoder)
    p = 1.0 / (1.0 + np.exp(-z))
    level = (p >= MEDIUM_PROBABILITY).astype(np.int64) + (p >= HIGH_PROBABILITY)
    return [_BY_LEVEL[i] for i in level.tolist()]


def suggestion_probability(suggestion: Suggestion) -> float:
    """:func:`probability` of a stored suggestion (its score, margin and channels)."""
    return probability(suggestion.score, suggestion.evidence.margin, suggestion.evidence.channels)


def band_for(p: float) -> Band:
    """High at ``HIGH_PROBABILITY`` or above, Medium at ``MEDIUM_PROBABILITY`` or above, else Low."""
    if p >= HIGH_PROBABILITY:
        return Band.HIGH
    if p >= MEDIUM_PROBABILITY:
        return Band.MEDIUM
    return Band.LOW


def band_meaning(band: Band) -> str:
    """What a band means, in plain words for a tooltip (one or two sentences)."""
    return _MEANINGS[band]
