"""Text preparation: normalisation, tokens with offsets, stop words, stems, synonyms, language."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from criteria_compare.align.analyze import CONCEPT_PREFIX, Analyzer, detect_side_language
from criteria_compare.align.normalize import normalize_text, tokenize
from criteria_compare.align.synonyms import load_synonyms, parse_synonyms
from criteria_compare.errors import InvalidValue


@given(st.text())
# A compatibility ideograph outside the CJK blocks becomes an ordinary one after a digit.
@example("0\U0002f800")
@example("R-1\U0002f800\U0002f801 seal")
def test_normalize_is_idempotent_on_any_unicode(text: str) -> None:
    """Normalising twice gives the same as once, whatever the input."""
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_tokens_point_into_the_original_text(text: str) -> None:
    """Every token's span lies inside the original string and covers word characters."""
    for token in tokenize(text):
        assert 0 <= token.start < token.end <= len(text)
        assert text[token.start : token.end].strip()


_ANALYZERS = {lang: Analyzer(lang, load_synonyms()) for lang in ("english", "spanish", "french")}


@given(st.text(), st.sampled_from(sorted(_ANALYZERS)))
def test_analyzer_never_crashes(text: str, language: str) -> None:
    """Any Unicode goes through stop words, stemming and synonyms without an error."""
    analyzed = _ANALYZERS[language].analyze(text)
    assert len(analyzed.stems) == len(analyzed.spans)


def test_normalize_strips_numbering_punctuation_and_case() -> None:
    """List numbering and punctuation disappear; compatibility characters are folded."""
    assert normalize_text("7.37 (a) Tamper-Evident ﬁre SEALS!") == "a tamper evident fire seals"


def test_token_offsets_survive_nfkc_changes() -> None:
    """A ligature that NFKC expands still points at its original characters."""
    text = "The ﬁle room"
    token = next(t for t in tokenize(text) if t.word == "file")
    assert text[token.start : token.end] == "ﬁle"


def test_stop_words_removed_and_words_stemmed() -> None:
    """English stop words go; inflected forms share a stem."""
    analyzed = Analyzer("english").analyze("The seals are inspected by the inspectors")
    assert "the" not in analyzed.words
    assert Analyzer("english").stem("inspected") == Analyzer("english").stem("inspecting")


def test_synonym_concept_joins_two_wordings() -> None:
    """'trading partner' and 'business partner' get the same concept term, spanning the phrase."""
    analyzer = Analyzer("english", load_synonyms())
    a = analyzer.analyze("Vet every trading partner.")
    b = analyzer.analyze("Business partners are screened.")
    concept = CONCEPT_PREFIX + "business partner"
    assert concept in a.stems
    assert concept in b.stems
    start, end = a.spans[a.stems.index(concept)]
    assert "Vet every trading partner."[start:end] == "trading partner"


def test_spanish_synonym_reaches_the_english_concept() -> None:
    """A Spanish phrase from the table maps to the same concept as its English counterpart."""
    table = load_synonyms()
    es = Analyzer("spanish", table).analyze("Los socios comerciales deben ser evaluados.")
    assert CONCEPT_PREFIX + "business partner" in es.stems


def test_user_synonym_file_extends_the_bundled_table(tmp_path) -> None:
    """A user file adds pairs on top of the bundled ones."""
    user = tmp_path / "mine.tsv"
    user.write_text("canonical\tsynonym\nguard\twatchman\n", encoding="utf-8")
    table = load_synonyms(user)
    concepts = dict(table.groups)
    assert ("watchman",) in concepts["guard"]
    assert "business partner" in concepts


def test_bad_synonym_line_names_file_and_line() -> None:
    """A line without a tab gives one sentence naming the line."""
    with pytest.raises(InvalidValue, match="line 2"):
        parse_synonyms(["# comment", "guard watchman"], source="mine.tsv")


def test_language_detected_from_stop_words() -> None:
    """Spanish, French and English texts are told apart by their stop words."""
    assert (
        detect_side_language(["La empresa debe contar con un plan de seguridad para los envíos."])
        == "spanish"
    )
    assert (
        detect_side_language(["L'entreprise doit avoir un plan de sûreté pour les envois."])
        == "french"
    )
    assert (
        detect_side_language(["The company must have a security plan for its shipments."])
        == "english"
    )


@given(st.lists(st.text(), max_size=5))
def test_synonym_parser_accepts_or_refuses_clearly(lines: list[str]) -> None:
    """Any lines give a table or one InvalidValue sentence, never another exception."""
    try:
        table = parse_synonyms(lines, source="mine.tsv")
    except InvalidValue as exc:
        assert "mine.tsv, line" in str(exc)  # noqa: PT017 (either outcome is allowed)
    else:
        assert all(phrases for _, phrases in table.groups)


_WORDS = st.text(alphabet=st.characters(categories=("Ll", "Lu", "Lo")), min_size=2, max_size=8)


@given(st.lists(_WORDS, min_size=1, max_size=3))
def test_any_listed_phrase_brings_its_concept(words: list[str]) -> None:
    """A phrase added to the table is recognised in a text, however it is cased."""
    phrase = " ".join(words)
    table = parse_synonyms([f"guard\t{phrase}"])
    analyzer = Analyzer("english", table)
    if not normalize_text(phrase):
        return
    # Upper case where it folds back to the same words (not so for e.g. a dotless i).
    upper = phrase.upper()
    variant = upper if normalize_text(upper) == normalize_text(phrase) else phrase
    text = f"Every site has a {variant} on duty."
    assert CONCEPT_PREFIX + "guard" in analyzer.analyze(text).stems


def test_two_phrases_of_a_concept_that_stem_alike_count_it_once() -> None:
    """Spanish "carga" and the English "cargo" stem alike: a Spanish text saying "carga" once
    gets the cargo concept once, not twice (it would weigh double in the word channels)."""
    table = parse_synonyms(["canonical\tsynonym", "cargo\tcarga", "cargo\tmercancía"])
    analyzed = Analyzer("spanish", table).analyze("Se inspecciona la carga antes de salir.")
    assert analyzed.stems.count(CONCEPT_PREFIX + "cargo") == 1
