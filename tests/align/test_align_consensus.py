"""Section consensus and section spread: what the rest of the alignment says about a row."""

from __future__ import annotations

import numpy as np
import pytest

from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.affinity import index_sections
from criteria_compare.align.consensus import consensus_table, spread_counts
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Criterion

LEXICAL = AlignerSettings(use_embedding=False)
OFF = LEXICAL.replace(section_consensus=0.0, section_spread=0.0)

# The same partner text in two sections: only G.2's first candidate (in "Bravo") can say
# which copy a "Gamma" criterion means.
REFERENCE = (
    Criterion("G.1", "Gate logs are reviewed weekly by the guard supervisor.", "Gamma"),
    Criterion("G.2", "Keys are issued against a signed register.", "Gamma"),
    Criterion("D.1", "Payroll is audited.", "Delta"),
)
PARTNER = (
    Criterion("A-1", "The guard supervisor reviews gate logs every week.", "Alpha"),
    Criterion("A-2", "Invoices are archived.", "Alpha"),
    Criterion("B-1", "The guard supervisor reviews gate logs every week.", "Bravo"),
    Criterion("B-2", "Keys are handed out against a signed register.", "Bravo"),
)


def _firsts(result) -> dict[str, str]:
    return {ref: s[0].target_ref for ref, s in result.forward.items() if s}


def test_siblings_first_candidates_pick_the_section_of_an_ambiguous_text() -> None:
    """Without consensus the two copies tie and program order wins (Alpha); with it, G.1
    follows its sibling G.2 into Bravo. No confirmed link is needed."""
    assert _firsts(align(REFERENCE, PARTNER, OFF))["G.1"] == "A-1"
    result = align(REFERENCE, PARTNER, LEXICAL)
    assert _firsts(result)["G.1"] == "B-1"
    assert _firsts(result)["G.2"] == "B-2"
    first, second = result.forward["G.1"][:2]
    assert first.score > second.score
    assert 0.0 <= first.score <= 1.0
    # The channels a reviewer sees are the text's own: consensus is not a channel.
    assert set(first.evidence.channels) == {"tfidf", "bm25", "char"}


def test_a_criterion_alone_in_its_section_keeps_its_scores() -> None:
    """D.1 has no sibling to learn from: its suggestions and scores are those without
    consensus (the spread is off in both runs, so only the consensus is compared)."""
    plain = align(REFERENCE, PARTNER, OFF)
    consensus = align(REFERENCE, PARTNER, OFF.replace(section_consensus=0.1))
    assert consensus.forward["D.1"] == plain.forward["D.1"]


def test_the_shortlist_path_is_unchanged() -> None:
    """Beyond ``full_pairs_limit`` the re-ranking is not applied."""
    big = LEXICAL.replace(full_pairs_limit=1)
    shipped = align(REFERENCE, PARTNER, big)
    off = align(REFERENCE, PARTNER, big.replace(section_consensus=0.0, section_spread=0.0))
    assert shipped.forward == off.forward
    assert shipped.backward == off.backward


def test_consensus_leaves_a_rows_own_vote_out() -> None:
    """A row's table counts its siblings' first candidates only: alone in a section (or
    without one) it learns nothing."""
    reference = (
        Criterion("1", "a", "S"),
        Criterion("2", "b", "S"),
        Criterion("3", "c", "T"),
        Criterion("4", "d", ""),
    )
    partner = (Criterion("x", "a", "X"), Criterion("y", "b", "Y"), Criterion("z", "c", "Z"))
    table = consensus_table(
        np.array([0, 1, 2, 0]), index_sections(reference), index_sections(partner)
    )
    # Row 1's sibling (row 2) put "y" (section Y) first, and row 2's sibling put "x" first.
    assert table[0].argmax() == 1
    assert table[1].argmax() == 0
    assert table[0, :3].max() == pytest.approx(1.0)
    assert table[2].tolist() == [0.0] * 4
    assert table[3].tolist() == [0.0] * 4


def test_spread_counts_better_placed_candidates_of_the_same_section() -> None:
    sections = np.array([[0, 0, 1, 0, 2, -1], [3, 3, 3, 1, 3, 3]])
    assert spread_counts(sections, none=3).tolist() == [
        [0, 1, 0, 2, 0, 0],
        [0, 0, 0, 0, 0, 0],
    ]


# Six wordings of one cargo rule in one section and, elsewhere, the same rule in other words.
CARGO = (
    "Seals on loaded containers are checked and their numbers recorded at the gate.",
    "Loaded container seals are checked and seal numbers recorded at the gate.",
    "At the gate, seal numbers of loaded containers are checked and recorded.",
    "Seal numbers on loaded containers are recorded and checked at the gate.",
    "Containers that are loaded have their seals checked and numbers recorded at the gate.",
    "Gate staff check loaded container seals and record the seal numbers.",
)


def test_the_first_five_are_not_all_siblings_of_one_section() -> None:
    """With the spread, a candidate from another section reaches the first five instead of
    the sixth near-identical sibling; without it, one section fills them."""
    reference = (
        Criterion("1.1", "Container seals are checked and numbers recorded at the gate.", "Seals"),
    )
    partner = (
        *(Criterion(f"C-{i}", text, "Cargo") for i, text in enumerate(CARGO, 1)),
        Criterion(
            "P-1", "Guards check container seals and numbers are recorded at the gate.", "Premises"
        ),
        Criterion("T-1", "Staff are trained every year.", "Training"),
        Criterion("T-2", "Visitors wear badges.", "Access"),
        Criterion("T-3", "Payroll records are audited.", "Finance"),
    )
    plain = [s.target_ref for s in align(reference, partner, OFF).forward["1.1"]]
    spread = [s.target_ref for s in align(reference, partner, LEXICAL).forward["1.1"]]
    assert "P-1" not in plain
    assert "P-1" in spread
    assert spread[0] == plain[0]


@pytest.mark.parametrize("name", ["section_consensus", "section_spread"])
def test_negative_reranking_weights_are_refused(name: str) -> None:
    with pytest.raises(InvalidValue, match=name):
        AlignerSettings(**{name: -0.1})
