"""Section affinity learned from confirmed links, and its channel in align()."""

from __future__ import annotations

import pytest

from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.affinity import affinity_channels, section_key
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Criterion

LEXICAL = AlignerSettings(use_embedding=False)

# Reference sections "Seal Security" and "Training"; partner sections "Cargo", "People", "Premises".
REFERENCE = (
    Criterion("1.1", "Seals on containers are numbered.", "Seal Security"),
    Criterion("1.2", "Seal numbers are written on the papers.", "Seal  security"),
    Criterion("1.3", "Broken seals are reported.", "SEAL SECURITY"),
    Criterion("2.1", "Staff learn to spot threats.", "Training"),
    Criterion("3.1", "Visitors sign in.", "Access"),
    Criterion("4.1", "No section at all.", ""),
)
PARTNER = (
    Criterion("P-1", "Containers carry a numbered seal.", "Cargo"),
    Criterion("P-2", "Seal numbers go on the documents.", "Cargo"),
    Criterion("P-3", "Seal breaches are reported.", "Cargo"),
    Criterion("P-4", "Employees are trained on threats.", "People"),
    Criterion("P-5", "Guests register at the gate.", "Premises"),
)
LINKS = (("1.1", "P-1"), ("1.2", "P-2"), ("1.3", "P-3"), ("2.1", "P-4"))


def test_section_names_compare_casefolded_with_spaces_collapsed() -> None:
    assert section_key("  Seal   SECURITY ") == section_key("seal security") == "seal security"
    assert section_key("   ") == ""


def test_a_section_always_linked_to_one_partner_section_has_high_affinity() -> None:
    """Three of three "Seal Security" links went to "Cargo": affinity near 1; other pairs low;
    sections without links, and criteria without sections, get 0."""
    channels = affinity_channels(LINKS, REFERENCE, PARTNER)
    assert channels is not None
    forward, backward = channels
    assert forward.score("Seal Security", "Cargo") == pytest.approx((3 + 0.75) / 4)
    assert forward.score("seal security", "People") == pytest.approx(0.25 / 4)
    assert forward.score("Seal Security", "Premises") == 0.0  # never received a link
    assert forward.score("Access", "Premises") == 0.0  # "Access" has no link yet
    assert forward.score("Unknown", "Cargo") == 0.0
    # Every criterion of a linked section gets the same values, whatever its spelling.
    rows = forward.block(0, 6)
    assert rows[0].tolist() == rows[1].tolist() == rows[2].tolist()
    assert rows[0][0] > 0.9
    assert rows[0][3] < 0.1
    assert rows[4].tolist() == [0.0] * 5  # "Access": nothing known
    assert rows[5].tolist() == [0.0] * 5  # no section
    # Backward: the same links seen from the partner side.
    assert backward.score("Cargo", "Seal Security") == pytest.approx((3 + 0.75) / 4)
    assert backward.score("People", "Training") == pytest.approx((1 + 0.25) / 2)


def test_no_usable_links_give_no_channel() -> None:
    assert affinity_channels((), REFERENCE, PARTNER) is None
    assert affinity_channels([("4.1", "P-1"), ("9.9", "P-1")], REFERENCE, PARTNER) is None


def test_candidates_are_gathered_like_full_rows() -> None:
    import numpy as np

    forward, _ = affinity_channels(LINKS, REFERENCE, PARTNER)  # type: ignore[misc]
    full = forward.block(0, 6)
    cand = np.array([[3, 0, -1]] * 6)
    picked = forward.block(0, 6, cand)
    assert picked[:, 0].tolist() == full[:, 3].tolist()
    assert picked[:, 1].tolist() == full[:, 0].tolist()
    assert picked[:, 2].tolist() == [0.0] * 6


# Two partner criteria with the same text in sections of the same size; the query's section
# ("Gamma") shares no term with either, so only the learned affinity can tell them apart.
AMBIGUOUS_REF = (
    Criterion("G.1", "Gate logs are reviewed weekly by the guard supervisor.", "Gamma"),
    Criterion("G.2", "Keys are issued against a signed register.", "Gamma"),
    Criterion("D.1", "Payroll is audited.", "Delta"),
)
AMBIGUOUS_PARTNER = (
    Criterion("A-1", "The guard supervisor reviews gate logs every week.", "Alpha"),
    Criterion("A-2", "Invoices are archived.", "Alpha"),
    Criterion("B-1", "The guard supervisor reviews gate logs every week.", "Bravo"),
    Criterion("B-2", "Keys are handed out against a signed register.", "Bravo"),
)


def _top(result, ref: str) -> str:
    return result.forward[ref][0].target_ref


@pytest.mark.parametrize("shortlist", [False, True])
def test_affinity_lifts_the_candidate_in_the_linked_section(shortlist: bool) -> None:
    """ "Gamma" criteria were linked into "Bravo": the Bravo copy of an ambiguous text wins,
    and the evidence shows the affinity channel (full-matrix and shortlist paths). Section
    consensus is off here: it would find the same from G.2's own first candidate."""
    base = LEXICAL.replace(
        full_pairs_limit=1 if shortlist else LEXICAL.full_pairs_limit, section_consensus=0.0
    )
    before = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, base)
    assert _top(before, "G.1") == "A-1"  # a tie, kept in program order
    links = [("G.2", "B-2")]
    after = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, base.replace(weight_affinity=0.5), links=links)
    assert _top(after, "G.1") == "B-1"
    top = after.forward["G.1"][0]
    assert top.evidence.channels["affinity"] == 1.0
    assert after.forward["G.1"][1].evidence.channels["affinity"] == 0.0
    assert "affinity" in after.channels
    # Backward: from a "Bravo" criterion, the "Gamma" criteria are favoured over "Delta".
    assert "affinity" in after.backward["B-1"][0].evidence.channels


def test_weight_zero_or_no_links_change_nothing() -> None:
    """The shipped setting (weight 0) ignores links; a weight without links changes nothing."""
    plain = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, LEXICAL)
    links = [("G.2", "B-2"), ("G.1", "B-1")]
    ignored = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, LEXICAL, links=links)
    unlinked = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, LEXICAL.replace(weight_affinity=1.0))
    assert ignored.forward == plain.forward
    assert ignored.backward == plain.backward
    assert unlinked.forward == plain.forward
    assert unlinked.backward == plain.backward
    assert "affinity" not in plain.channels
    assert "affinity" not in unlinked.channels
    assert all("affinity" not in s.evidence.channels for v in plain.forward.values() for s in v)


def test_affinity_is_deterministic_and_rejected_pairs_stay_out() -> None:
    settings = LEXICAL.replace(weight_affinity=1.0)
    links = [("G.2", "B-2")]
    one = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, settings, links=links, rejected=[("G.1", "B-1")])
    two = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, settings, links=links, rejected=[("G.1", "B-1")])
    assert one.forward == two.forward
    assert one.backward == two.backward
    assert "B-1" not in [s.target_ref for s in one.forward["G.1"]]


def test_affinity_weight_is_validated_and_round_trips() -> None:
    with pytest.raises(InvalidValue, match="weight_affinity must not be negative"):
        AlignerSettings(weight_affinity=-1.0)
    settings = AlignerSettings(weight_affinity=0.25)
    assert AlignerSettings.from_dict(settings.to_dict()) == settings
    old = AlignerSettings().to_dict()
    del old["weight_affinity"]
    assert AlignerSettings.from_dict(old).weight_affinity == 0.0


def test_a_section_nobody_linked_keeps_its_scores_and_bands() -> None:
    """Affinity says nothing for "Delta" (no link from it yet): D.1's suggestions, scores and
    bands are the same as without the channel, instead of all dropping by its weight."""
    plain = align(AMBIGUOUS_REF, AMBIGUOUS_PARTNER, LEXICAL)
    learned = align(
        AMBIGUOUS_REF,
        AMBIGUOUS_PARTNER,
        LEXICAL.replace(weight_affinity=1.0),
        links=[("G.2", "B-2")],
    )
    drop = ("affinity",)
    assert [
        (
            s.target_ref,
            s.score,
            s.band,
            {k: v for k, v in s.evidence.channels.items() if k not in drop},
        )
        for s in learned.forward["D.1"]
    ] == [(s.target_ref, s.score, s.band, s.evidence.channels) for s in plain.forward["D.1"]]
    # A linked section's best candidate still reaches the top of the scale.
    assert learned.forward["G.1"][0].score >= plain.forward["G.1"][0].score
