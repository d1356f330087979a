"""align(): channels, fusion, ranking, determinism, rejected/pinned pairs, evidence, progress."""

from __future__ import annotations

import numpy as np
import pytest

from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.analyze import Analyzer
from criteria_compare.align.features import build_features
from criteria_compare.align.rank import SharedScores
from criteria_compare.align.sparse import dense_block, pair_block
from criteria_compare.errors import Cancelled, InvalidValue
from criteria_compare.model import Band, Criterion

LEXICAL = AlignerSettings(use_embedding=False)


def _features(reference, partner, settings=LEXICAL):
    return build_features(
        [(reference, Analyzer("english")), (partner, Analyzer("english"))], settings
    )


def test_identical_texts_have_cosine_one_and_disjoint_texts_zero() -> None:
    """Word and character TF-IDF give 1 for the same text and 0 for texts sharing nothing."""
    a = (Criterion("a", "Seal integrity checks"),)
    b = (Criterion("x", "Seal integrity checks"), Criterion("y", "Payroll bonus"))
    ref, par = _features(a, b)
    for name in ("tfidf", "char"):
        scores = dense_block(getattr(ref, name), 0, 1, par.postings(name), 2)
        assert scores[0, 0] == pytest.approx(1.0, abs=1e-5)
        assert scores[0, 1] == pytest.approx(0.0, abs=1e-6)


def test_bm25_prefers_the_rarer_shared_term() -> None:
    """Sharing a rare word scores higher in BM25 than sharing a word every criterion has."""
    reference = (Criterion("r", "cargo tamper alarms"),)
    partner = (
        Criterion("common", "cargo handling"),
        Criterion("rare", "tamper detection"),
        Criterion("c2", "cargo storage"),
        Criterion("c3", "cargo release"),
    )
    ref, par = _features(reference, partner)
    scores = dense_block(ref.stems_tf, 0, 1, par.postings("bm25_docs"), 4)[0]
    assert scores[1] > scores[0] > 0


def test_pair_scoring_matches_scoring_every_pair(reference, partner) -> None:
    """The shortlist path's pair products equal the full products for the same pairs."""
    ref, par = _features(reference, partner)
    cand = np.array([[4, 0, -1], [1, 2, 3], [0, -1, -1], [3, 4, 2]])
    for name in ("tfidf", "char"):
        full = dense_block(getattr(ref, name), 0, 4, par.postings(name), 5)
        scratch = np.full(getattr(ref, name).n_cols, -1)
        pairs = pair_block(getattr(ref, name), 0, 4, getattr(par, name), cand, scratch)
        expected = np.where(cand >= 0, np.take_along_axis(full, np.maximum(cand, 0), 1), 0)
        assert np.allclose(pairs, expected, atol=1e-6)
        assert (scratch == -1).all()


def test_each_reference_criterion_finds_its_counterpart(reference, partner, expected) -> None:
    """On a small hand-made example the top suggestion is the intended partner criterion."""
    result = align(reference, partner, LEXICAL)
    assert {ref: s[0].target_ref for ref, s in result.forward.items()} == expected
    backward = {ref: s[0].target_ref for ref, s in result.backward.items() if ref != "P-5"}
    assert backward == {p: r for r, p in expected.items()}


def test_scores_are_ranked_bounded_and_banded(reference, partner) -> None:
    """Scores lie in [0, 1], fall with the rank, and the band follows the thresholds."""
    settings = LEXICAL
    result = align(reference, partner, settings)
    for suggestions in result.forward.values():
        assert [s.rank for s in suggestions] == list(range(1, len(suggestions) + 1))
        scores = [s.score for s in suggestions]
        assert scores == sorted(scores, reverse=True)
        for s in suggestions:
            assert 0.0 <= s.score <= 1.0
            expected = (
                Band.HIGH
                if s.score >= settings.band_high
                else Band.MEDIUM
                if s.score >= settings.band_medium
                else Band.LOW
            )
            assert s.band is expected
            assert set(s.evidence.channels) == {"tfidf", "bm25", "char"}


def test_k_limits_the_suggestions(reference, partner) -> None:
    """k suggestions per criterion (fewer only when there are fewer candidates)."""
    result = align(reference, partner, LEXICAL.replace(k=2))
    assert all(len(s) == 2 for s in result.forward.values())
    assert all(len(s) == 2 for s in result.backward.values())


def test_alignment_is_deterministic(reference, partner) -> None:
    """Two runs give identical suggestions, and ties keep program order."""
    first = align(reference, partner, LEXICAL)
    second = align(reference, partner, LEXICAL)
    assert first.forward == second.forward
    assert first.backward == second.backward
    twins = (Criterion("a", "Fence repair"), Criterion("b", "Fence repair"))
    result = align((Criterion("r", "Fence repair logs"),), twins, LEXICAL)
    assert [s.target_ref for s in result.forward["r"]] == ["a", "b"]


def test_forward_only_alignment_ranks_the_same_without_the_reverse(reference, partner) -> None:
    """backward=False (what evaluate times) gives the same forward suggestions and no reverse."""
    both = align(reference, partner, LEXICAL)
    forward_only = align(reference, partner, LEXICAL, backward=False)
    assert forward_only.forward == both.forward
    assert forward_only.backward == {}
    assert both.backward


def test_rejected_pair_is_never_proposed(reference, partner) -> None:
    """A rejected pair disappears from both directions."""
    result = align(reference, partner, LEXICAL, rejected=[("1.1", "P-2")])
    assert "P-2" not in [s.target_ref for s in result.forward["1.1"]]
    assert "1.1" not in [s.target_ref for s in result.backward["P-2"]]


def test_pinned_pair_comes_first(reference, partner) -> None:
    """A pinned pair is listed first and marked, even when it scores lower."""
    result = align(reference, partner, LEXICAL, pinned=[("1.1", "P-5")])
    first = result.forward["1.1"][0]
    assert (first.target_ref, first.pinned, first.rank) == ("P-5", True, 1)
    assert result.forward["1.1"][1].target_ref == "P-2"
    assert result.backward["P-5"][0].target_ref == "1.1"


def test_shortlist_path_agrees_with_full_path_on_the_top_match(
    reference, partner, expected
) -> None:
    """Forcing the large-input path (shortlist, then re-score) keeps the right counterparts."""
    big = LEXICAL.replace(full_pairs_limit=0, shortlist=3, block_size=2)
    result = align(reference, partner, big)
    assert {ref: s[0].target_ref for ref, s in result.forward.items()} == expected
    assert {p: s[0].target_ref for p, s in result.backward.items() if p != "P-5"} == {
        p: r for r, p in expected.items()
    }


def test_evidence_spans_point_at_the_shared_words(reference, partner) -> None:
    """Spans cut the shared words out of each original text; terms are listed once."""
    s = align(reference, partner, LEXICAL).forward["1.4"][0]
    source = reference[3].text
    target = partner[2].text
    src_words = {source[a:b].casefold() for a, b in s.evidence.source_spans}
    tgt_words = {target[a:b].casefold() for a, b in s.evidence.target_spans}
    assert {"passwords", "computers", "schedule"} <= src_words
    assert {"password", "computers", "schedule"} <= tgt_words
    assert len(s.evidence.shared_terms) == len(set(s.evidence.shared_terms))
    assert "passwords" in s.evidence.shared_terms


def test_evidence_margin_and_section_match() -> None:
    """Margin is the gap to the next candidate; section_match is set when headings share a term."""
    reference = (Criterion("r", "Lock the gate at night", "Perimeter gates"),)
    partner = (
        Criterion("a", "Gates are locked at night", "Gates and fences"),
        Criterion("b", "Night shift rota", "Staffing"),
    )
    first, second = align(reference, partner, LEXICAL).forward["r"]
    assert first.evidence.margin == pytest.approx(first.score - second.score, abs=1e-3)
    assert first.evidence.section_match
    assert not second.evidence.section_match


def test_progress_reports_and_cancel_stops(reference, partner) -> None:
    """Progress goes from 0 to the total; a cancel request raises Cancelled."""
    seen: list[tuple[int, int]] = []
    align(reference, partner, LEXICAL, progress=lambda d, t, m: seen.append((d, t)))
    assert seen[0][0] == 0
    assert seen[-1] == (9, 9)
    with pytest.raises(Cancelled):
        align(reference, partner, LEXICAL, cancel=lambda: True)


def test_duplicate_refs_are_refused(partner) -> None:
    """Two criteria with one ref give one clear sentence."""
    twice = (Criterion("1.1", "a text"), Criterion("1.1", "another text"))
    with pytest.raises(InvalidValue, match=r"'1\.1' twice"):
        align(twice, partner, LEXICAL)


def test_empty_sides_give_empty_results(reference) -> None:
    """No partner criteria: every reference criterion gets an empty list."""
    result = align(reference, (), LEXICAL)
    assert all(s == () for s in result.forward.values())
    assert result.backward == {}


def test_settings_round_trip_through_json_dict() -> None:
    """to_dict/from_dict keep every value; wrong types are refused with one sentence."""
    settings = AlignerSettings(k=7, weight_char=0.5, use_embedding=False, synonyms_path="x.tsv")
    assert AlignerSettings.from_dict(settings.to_dict()) == settings
    assert AlignerSettings.from_dict({"unknown": 1}) == AlignerSettings()
    with pytest.raises(InvalidValue, match="'k'"):
        AlignerSettings.from_dict({"k": "five"})
    with pytest.raises(InvalidValue):
        AlignerSettings(band_high=0.2, band_medium=0.5)


def test_optional_token_set_channel_joins_the_fusion(reference, partner, expected) -> None:
    """Giving rapidfuzz token_set_ratio a weight adds it to the evidence, in both scoring paths."""
    for settings in (
        LEXICAL.replace(weight_token_set=0.25),
        LEXICAL.replace(weight_token_set=0.25, full_pairs_limit=0, shortlist=3),
    ):
        result = align(reference, partner, settings)
        top = {ref: s[0] for ref, s in result.forward.items()}
        assert {ref: s.target_ref for ref, s in top.items()} == expected
        assert all(0.0 <= s.evidence.channels["token_set"] <= 1.0 for s in top.values())


def test_shared_scores_hand_back_the_other_directions_pairs(reference, partner) -> None:
    """Pairs scored reference->partner are found, with their values, when asked partner->reference."""
    ref, par = _features(reference, partner)
    shared = SharedScores()
    cand = np.array([[1, 3], [0, -1]])  # reference rows 0 and 1
    shared.add(ref, par, 0, cand, {"char": np.array([[0.5, 0.25], [0.75, 0.0]])})
    back = np.array([[0, 1], [2, 0], [-1, -1], [0, 3]])  # partner rows 0..3 -> reference rows
    found, values = shared.lookup(par, ref, 0, back, "char")
    assert found.tolist() == [[False, True], [False, True], [False, False], [True, False]]
    assert (values[0, 1], values[1, 1], values[3, 0]) == (0.75, 0.5, 0.25)
    found, values = shared.lookup(par, ref, 1, back[:1], "char")
    assert found.tolist() == [[True, False]]
    assert values[0, 0] == 0.5


def test_criteria_with_identical_text_score_alike_and_keep_program_order() -> None:
    """Three partner criteria with the same wording (a program repeating a requirement in
    several chapters) get bit-identical channel scores, although matrix products sum their
    rows in different orders, so their order is always program order."""
    import random

    from criteria_compare.align.rank import _full_matrices

    words = [
        "seal",
        "container",
        "verify",
        "record",
        "staff",
        "train",
        "access",
        "visitor",
        "badge",
        "alarm",
        "camera",
        "fence",
        "gate",
        "lock",
        "key",
        "inspect",
        "cargo",
        "truck",
        "driver",
        "manifest",
        "partner",
        "screen",
        "audit",
        "risk",
        "password",
        "network",
        "backup",
        "incident",
        "report",
        "review",
        "policy",
        "procedure",
        "document",
    ]
    rng = random.Random(7)

    def text() -> str:
        return " ".join(rng.choice(words) for _ in range(14)).capitalize() + "."

    twin = "Inspect every container seal and record the seal number before the truck leaves."
    twins = (3, 151, 299)
    partner = [Criterion(f"P{i}", twin if i in twins else text()) for i in range(300)]
    reference = [Criterion(f"R{i}", text()) for i in range(60)]
    reference.append(Criterion("R-seal", "Container seals are inspected and numbers recorded."))
    q, d = _features(reference, partner)
    weights = {"tfidf": 1.0, "bm25": 1.0, "char": 1.0}
    for name, scores in _full_matrices(q, d, weights, False, None).items():
        for j in twins[1:]:
            assert np.array_equal(scores[:, twins[0]], scores[:, j]), name
    result = align(reference, partner, LEXICAL)
    assert [s.target_ref for s in result.forward["R-seal"][:3]] == ["P3", "P151", "P299"]
