"""Matching an old edition to a new one: each change kind, ambiguous choices, the reviewer's
choices, refs as strings, and the hit rate on two real edition pairs."""

from __future__ import annotations

import collections
import csv
import os
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from criteria_compare.align.editions import (
    AmbiguousMatch,
    EditionMatch,
    EditionPair,
    match_editions,
    ref_key,
)
from criteria_compare.errors import InvalidValue, UnknownRef
from criteria_compare.importing import read_criteria
from criteria_compare.model import Criterion

EVAL = Path(
    os.environ.get(
        "CRITERIA_COMPARE_EVAL_DIR", Path(__file__).resolve().parents[3] / "shared" / "eval"
    )
)

OLD = (
    Criterion("1.1", "Seals on loaded containers must be checked against the shipping papers."),
    Criterion("1.2", "Visitors must show photo identification and be escorted at all times."),
    Criterion("1.3", "Staff receive yearly training on spotting internal conspiracies."),
    Criterion("1.4", "Company computers require strong passwords changed on a fixed schedule."),
    Criterion("1.5", "Trailers are inspected for hidden compartments before loading."),
    Criterion("1.6", "The facility perimeter is fenced and lit at night."),
    Criterion(
        "1.7",
        "Business partners are screened before contracts are signed, and the security "
        "practices of each partner are reviewed every year.",
    ),
    Criterion("2.1", "Cameras watch the loading area around the clock."),
    Criterion("2.2", "Camera recordings are kept for ninety days."),
)

NEW = (
    Criterion("1.1", "SEALS on loaded containers must be checked against the shipping papers"),
    Criterion("1.2", "Visitors must show photo identification and must be escorted at all times."),
    Criterion("3.1", "Staff receive yearly training on spotting internal conspiracies."),
    Criterion(
        "4.2", "Company computers require strong passwords, changed on a fixed yearly schedule."
    ),
    Criterion("1.5", "Drivers report every unplanned stop along the route to dispatch."),
    Criterion("5.9", "Trailers are inspected for hidden compartments before loading."),
    Criterion("1.7", "Business partners are screened before contracts are signed."),
    Criterion("1.8", "The security practices of each partner are reviewed every year."),
    Criterion(
        "2.1",
        "Cameras watch the loading area around the clock, and camera recordings are kept "
        "for ninety days.",
    ),
    Criterion("6.1", "Pallets made of wood are treated against pests and marked."),
)


def _pairs(result: EditionMatch) -> dict[tuple[str, str], str]:
    return {(p.old, p.new): p.change for p in result.matched}


def _check_partition(result: EditionMatch, old: Sequence[Criterion], new: Sequence[Criterion]):
    """Every old ref is matched, removed or ambiguous (one of them); every new ref is matched
    or added (one of them)."""
    matched_old = {p.old for p in result.matched}
    ambiguous = {a.old for a in result.ambiguous}
    assert not matched_old & set(result.removed)
    assert not matched_old & ambiguous
    assert not ambiguous & set(result.removed)
    assert matched_old | set(result.removed) | ambiguous == {c.ref for c in old}
    matched_new = {p.new for p in result.matched}
    assert not matched_new & set(result.added)
    assert matched_new | set(result.added) == {c.ref for c in new}
    assert len(result.added) == len(set(result.added))


def test_each_change_kind_on_a_small_edition() -> None:
    """Unchanged (case and punctuation aside), reworded, renumbered, renumbered and reworded,
    a reused ref, removed, added, split and merged are each told apart."""
    result = match_editions(OLD, NEW)
    pairs = _pairs(result)
    assert pairs == {
        ("1.1", "1.1"): "unchanged",
        ("1.2", "1.2"): "reworded",
        ("1.3", "3.1"): "renumbered",
        ("1.4", "4.2"): "renumbered_reworded",
        ("1.5", "5.9"): "renumbered",
        ("1.7", "1.7"): "split",
        ("1.7", "1.8"): "split",
        ("2.1", "2.1"): "merged",
        ("2.2", "2.1"): "merged",
    }
    assert result.removed == ("1.6",)
    # 1.5 now holds another requirement: its old text moved to 5.9, the new 1.5 is added.
    assert result.added == ("1.5", "6.1")
    assert result.ambiguous == ()
    _check_partition(result, OLD, NEW)


def test_pairs_come_in_old_program_order_with_their_similarity() -> None:
    """Matched pairs follow the old program's order; identical texts score 1, rewordings less."""
    result = match_editions(OLD, NEW)
    order = [c.ref for c in OLD]
    olds = [p.old for p in result.matched]
    assert olds == sorted(olds, key=order.index)
    by_pair = {(p.old, p.new): p for p in result.matched}
    assert by_pair["1.1", "1.1"].similarity == 1.0
    assert by_pair["1.3", "3.1"].similarity == 1.0
    assert 0.5 < by_pair["1.2", "1.2"].similarity < 1.0
    assert all(0.0 <= p.similarity <= 1.0 for p in result.matched)


def test_same_ref_with_unrelated_text_is_a_reused_ref_not_a_rewording() -> None:
    """A ref kept for a wholly different requirement: the old one is removed, the new added."""
    old = (Criterion("3.4", "Keys to the warehouse are counted every evening."),)
    new = (Criterion("3.4", "Software updates are installed within thirty days of release."),)
    result = match_editions(old, new)
    assert result.matched == ()
    assert result.removed == ("3.4",)
    assert result.added == ("3.4",)


def test_refs_are_strings() -> None:
    """7.10 is not 7.1: the same text under 7.1 is renumbered, not unchanged; leading zeros
    are the same ref written differently but still a renumbering."""
    assert ref_key("7.10") != ref_key("7.1")
    assert ref_key("ID.AM-01") == ref_key("id.am-1")
    text = "Container doors are checked for tampering before sealing."
    result = match_editions([Criterion("7.10", text)], [Criterion("7.1", text)])
    assert result.matched == (EditionPair("7.10", "7.1", "renumbered", 1.0),)
    both = [Criterion("7.1", "Doors are locked."), Criterion("7.10", text)]
    result = match_editions(both, both)
    assert {p.change for p in result.matched} == {"unchanged"}
    assert _pairs(result) == {("7.1", "7.1"): "unchanged", ("7.10", "7.10"): "unchanged"}


def test_numbers_in_the_text_count() -> None:
    """``within 30 days`` rewritten as ``within 60 days`` is a rewording, not unchanged."""
    old = [Criterion("2.3", "Access lists are reviewed within 30 days of a staff change.")]
    new = [Criterion("2.3", "Access lists are reviewed within 60 days of a staff change.")]
    assert match_editions(old, new).matched[0].change == "reworded"


AMBIGUOUS_OLD = (
    Criterion("9.1", "A log of visitors is kept."),
    Criterion("9.2", "Lighting covers every entrance."),
)
AMBIGUOUS_NEW = (
    Criterion("9.4", "A log of visitors is kept at the gate."),
    Criterion("9.5", "A log of visitors is kept at the dock."),
    Criterion("9.6", "Lighting covers every entrance."),
)


def test_a_close_runner_up_is_ambiguous_not_guessed() -> None:
    """Two new criteria equally like an old one: the old one is offered with both candidates,
    neither is matched (both stay added until the reviewer chooses)."""
    result = match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW)
    assert result.ambiguous == (AmbiguousMatch("9.1", ("9.4", "9.5")),)
    assert _pairs(result) == {("9.2", "9.6"): "renumbered"}
    assert result.added == ("9.4", "9.5")
    assert result.removed == ()
    _check_partition(result, AMBIGUOUS_OLD, AMBIGUOUS_NEW)


def test_identical_texts_are_told_apart_by_ref_section_and_neighbours() -> None:
    """A sentence repeated under several headings goes with its own heading's copy: by ref
    when the refs stay, by section and the matched criterion before it when they change."""
    repeated = "Procedures are reviewed every year."
    old = [
        Criterion("A-1", "Access is granted on need to know.", "Access control"),
        Criterion("A-1-a", repeated, "Access control"),
        Criterion("B-1", "Backups are copied off site every week.", "Backups"),
        Criterion("B-1-a", repeated, "Backups"),
    ]
    same_refs = match_editions(old, old)
    assert {p.change for p in same_refs.matched} == {"unchanged"}
    renumbered = [
        Criterion(f"N{n}", c.text, c.section)
        for n, c in enumerate((old[2], old[3], old[0], old[1]))
    ]
    result = match_editions(old, renumbered)
    assert _pairs(result) == {
        ("A-1", "N2"): "renumbered",
        ("A-1-a", "N3"): "renumbered",
        ("B-1", "N0"): "renumbered",
        ("B-1-a", "N1"): "renumbered",
    }


def test_repeated_text_with_nothing_to_tell_the_copies_apart_is_ambiguous() -> None:
    """The same sentence twice with no ref, section or neighbour to choose by: ambiguous."""
    old = [Criterion("x", "Keys are counted.")]
    new = [Criterion("p", "Keys are counted."), Criterion("q", "Keys are counted.")]
    result = match_editions(old, new)
    assert result.ambiguous == (AmbiguousMatch("x", ("p", "q")),)


def test_a_weak_counterpart_is_offered_not_matched() -> None:
    """A new criterion only loosely like a vanished old one is offered as a candidate."""
    old = [Criterion("4.1", "Seal numbers are written on the bill of lading.")]
    new = [Criterion("8.8", "Seal numbers are written down by the driver at the depot gate.")]
    result = match_editions(old, new)
    assert result.matched == ()
    assert result.ambiguous == (AmbiguousMatch("4.1", ("8.8",)),)


def test_settled_choices_win_and_are_never_ambiguous() -> None:
    """The reviewer's OLD=NEW is taken as given (the other candidate stays added); OLD=None
    removes it; the rest is matched as before."""
    result = match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW, settled={"9.1": "9.5"})
    assert result.ambiguous == ()
    by_pair = {(p.old, p.new): p for p in result.matched}
    assert by_pair["9.1", "9.5"].change == "renumbered_reworded"
    assert 0.0 < by_pair["9.1", "9.5"].similarity < 1.0
    assert by_pair["9.2", "9.6"].change == "renumbered"
    assert result.added == ("9.4",)
    removed = match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW, settled={"9.1": None})
    assert removed.removed == ("9.1",)
    assert removed.ambiguous == ()
    assert removed.added == ("9.4", "9.5")
    # Two olds settled onto one new criterion are a merge.
    merged = match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW, settled={"9.1": "9.6", "9.2": "9.6"})
    assert _pairs(merged) == {("9.1", "9.6"): "merged", ("9.2", "9.6"): "merged"}
    # A settled choice overrides even an exact match.
    forced = match_editions(OLD, NEW, settled={"1.3": "6.1"})
    assert _pairs(forced)["1.3", "6.1"] == "renumbered_reworded"
    assert "3.1" in forced.added


def test_settled_refs_must_exist() -> None:
    """A choice naming a ref that is on neither side is refused with the ref in the sentence."""
    with pytest.raises(UnknownRef, match=re.escape("'9.9'")):
        match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW, settled={"9.9": "9.4"})
    with pytest.raises(UnknownRef, match=re.escape("'9.40'")):
        match_editions(AMBIGUOUS_OLD, AMBIGUOUS_NEW, settled={"9.1": "9.40"})


def test_a_ref_held_twice_is_refused() -> None:
    """An edition with one ref on two rows cannot be matched; the sentence names the ref."""
    twice = [Criterion("5.1", "One."), Criterion("5.1", "Two.")]
    with pytest.raises(InvalidValue, match=re.escape("'5.1'")):
        match_editions(twice, AMBIGUOUS_NEW)


def test_empty_sides() -> None:
    """Nothing old: everything is added; nothing new: everything is removed."""
    assert match_editions([], AMBIGUOUS_NEW).added == ("9.4", "9.5", "9.6")
    gone = match_editions(AMBIGUOUS_OLD, [])
    assert gone.removed == ("9.1", "9.2")
    assert gone.matched == ()


def test_sentence_vectors_match_a_paraphrase_words_alone_miss() -> None:
    """With the caller's encoder a paraphrase sharing few words is matched; without it, not."""
    old = [Criterion("3.3", "Guests are escorted on the premises.")]
    new = [Criterion("C-7", "Visitors may only move around the site with a staff member.")]
    vectors = {old[0].text: [1.0, 0.0], new[0].text: [0.99, 0.141]}

    def embed(texts: Sequence[str]) -> np.ndarray:
        rows = np.asarray([vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)

    assert match_editions(old, new).matched == ()
    with_vectors = match_editions(old, new, embed=embed)
    assert [(p.old, p.new, p.change) for p in with_vectors.matched] == [
        ("3.3", "C-7", "renumbered_reworded")
    ]


def test_progress_is_reported() -> None:
    """The progress callback sees the steps in order, ending at done == total."""
    seen: list[tuple[int, int]] = []
    match_editions(OLD, NEW, progress=lambda done, total, _message: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def _edition_pair(name: str) -> tuple[tuple[Criterion, ...], tuple[Criterion, ...], list[dict]]:
    folder = EVAL / name
    if not (folder / "gold.csv").exists():
        pytest.skip(f"evaluation data {folder} is not here")
    old = read_criteria(folder / "source.csv").criteria
    new = read_criteria(folder / "target.csv").criteria
    with (folder / "gold.csv").open(encoding="utf-8", newline="") as f:
        gold = list(csv.DictReader(f))
    return old, new, gold


def _one_to_one_hit_rate(name: str) -> tuple[float, EditionMatch, tuple, tuple]:
    old, new, gold = _edition_pair(name)
    sources = collections.Counter(r["source_id"] for r in gold)
    targets = collections.Counter(r["target_id"] for r in gold)
    one = {
        r["source_id"]: r["target_id"]
        for r in gold
        if sources[r["source_id"]] == 1 and targets[r["target_id"]] == 1
    }
    result = match_editions(old, new)
    found = {(p.old, p.new) for p in result.matched}
    return sum((o, n) in found for o, n in one.items()) / len(one), result, old, new


def test_cjis_one_to_one_items_find_their_counterpart() -> None:
    """CJIS 5.9.4 -> 5.9.5 (about 1,500 items, refs reused and shifted): the matcher pairs at
    least 97 % of the items the human mapping pairs one-to-one (the issue's acceptance bar)."""
    rate, result, old, new = _one_to_one_hit_rate("cjis-5.9.4-to-5.9.5")
    assert rate >= 0.97
    _check_partition(result, old, new)


def test_csf_restructuring_hit_rate_stays_at_its_measured_level() -> None:
    """NIST CSF 1.1 -> 2.0 is a real restructuring (measured 0.63 words only on 27 one-to-one
    items); the floor guards against losing ground."""
    rate, result, old, new = _one_to_one_hit_rate("csf11-to-csf20")
    assert rate >= 0.55
    _check_partition(result, old, new)


def test_sentence_embedder_reuses_the_cache_and_is_none_without_an_encoder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The encoder adapter encodes only texts the cache lacks; without an encoder it is None."""
    from criteria_compare.align import editions
    from criteria_compare.align.embedding import (
        ENCODER_DIM,
        EncoderUnavailable,
        MemoryEmbeddingCache,
    )

    encoded: list[str] = []

    class Fake:
        def encode(self, texts: Sequence[str]) -> np.ndarray:
            encoded.extend(texts)
            out = np.zeros((len(texts), ENCODER_DIM), dtype=np.float32)
            out[:, 0] = 1.0
            return out

    monkeypatch.setattr(editions, "load_encoder", Fake)
    cache = MemoryEmbeddingCache()
    embed = editions.sentence_embedder(cache)
    assert embed is not None
    assert embed(["Keys are counted.", "Doors are locked."]).shape == (2, ENCODER_DIM)
    assert embed(["Keys are counted."])[0, 0] == 1.0
    assert encoded == ["Keys are counted.", "Doors are locked."]  # the second call hit the cache
    assert len(cache) == 2

    def unavailable() -> None:
        raise EncoderUnavailable("not installed")

    monkeypatch.setattr(editions, "load_encoder", unavailable)
    assert editions.sentence_embedder(cache) is None
