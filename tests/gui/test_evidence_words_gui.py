"""The candidate card explains its score in plain words and highlights only content words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from criteria_compare.model import Band, Criterion, Evidence, Program, Suggestion
from criteria_compare.project import Project
from tests.gui.review_fixtures import Shell, open_shell

SOURCE = "Whenever goods are taken into the yard, the seals are checked."
TARGET = "Cargo seals are checked whenever cargo is taken over."


def _at(text: str, *words: str) -> tuple[tuple[int, int], ...]:
    return tuple(sorted((text.index(w), text.index(w) + len(w)) for w in words))


@pytest.fixture
def shell(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    path = tmp_path / "words.ccproj"
    reference = Program("Ref", (Criterion("1.1", SOURCE, "Yard"),), "1")
    partner = Program("Par", (Criterion("P-1", TARGET, "Cargo"),), "1")
    project = Project.create(path, reference, partner, reviewer="tester")
    evidence = Evidence(
        shared_terms=("whenever", "merchandise", "taken", "seal", "check"),
        source_spans=_at(SOURCE, "Whenever", "goods", "taken", "seals", "checked"),
        target_spans=_at(TARGET, "Cargo", "seals", "checked", "whenever", "taken"),
        channels={"embedding": 1.0, "tfidf": 0.21},
        margin=0.46,
    )
    project.store_suggestions({"1.1": [Suggestion("1.1", "P-1", 1, 0.46, Band.MEDIUM, evidence)]})
    project.close()
    with open_shell(qtbot, path) as s:
        yield s


def test_the_score_tooltip_explains_band_and_channels_on_one_scale(shell: Shell) -> None:
    card = shell.view.focus.candidate_cards()[0]
    tip = card._score.toolTip()
    assert "Medium: right between 4 and 9 times in 10" in tip
    assert "Same meaning 1.00 — " in tip
    assert "Same words 0.21 — " in tip
    assert "0 (nothing in common) to 1" in tip
    assert "one channel at 1.00 beside a score of 0.46" in tip
    assert "encoder" not in tip


def test_function_words_are_not_highlighted_and_synonyms_are_pairs(shell: Shell) -> None:
    focus = shell.view.focus
    card = focus.candidate_cards()[0]
    why = card._why.text()
    assert "goods ≈ cargo" in why
    assert "merchandise" not in why
    assert "whenever" not in why.casefold()
    assert "taken" not in why
    # The highlighted words of both texts: never "whenever" or "taken".
    for text in (card.text_html(), focus._text.text()):
        marked = [m.casefold() for m in re.findall(r'background-color:[^"]*">([^<]*)<', text)]
        assert "seals" in marked
        assert "whenever" not in marked
        assert "taken" not in marked
    shell.key(Qt.Key.Key_W)
    evidence = card._evidence.text()
    assert "Same meaning 1.00" in evidence
    assert "goods ≈ cargo" in evidence


def test_the_card_gives_the_band_with_its_chance_instead_of_the_raw_score(shell: Shell) -> None:
    """ "score 1.00 · Medium" read as a contradiction: the card says how often such a suggestion
    was right (the same calibration as the band); the raw score stays in the bar's tooltip."""
    from criteria_compare.align.calibration import suggestion_probability
    from criteria_compare.align.evidence_words import chance_words

    card = shell.view.focus.candidate_cards()[0]
    suggestion = shell.view.project.suggestions("1.1")[0]
    label = card._score.label
    assert label.startswith(f"Medium, right {chance_words(suggestion_probability(suggestion))}")
    assert "score" not in label
    assert "Score 0.46 of 1." in card._score.toolTip()
