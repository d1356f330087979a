"""Parent criteria (AC-2 for AC-2(1)) rank just below a sub-item the query matches closely."""

from __future__ import annotations

import pytest

from criteria_compare.align import AlignerSettings, align
from criteria_compare.align.hierarchy import parents_of
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Criterion

LEXICAL = AlignerSettings(use_embedding=False)

QUERY = (Criterion("Q1", "Disable temporary accounts automatically after a set period."),)
PARTNER = (
    Criterion("AC-2", "Account management: define account types, assign managers, review."),
    Criterion("AC-2(1)", "Manage system accounts with automated mechanisms."),
    Criterion("AC-2(2)", "Automatically disable temporary accounts after a set period."),
    Criterion("AC-3", "Enforce approved authorizations for logical access to information."),
    Criterion("AC-4", "Control information flows within the system and between systems."),
    Criterion("AC-5", "Separate duties of individuals to reduce the risk of misuse."),
)


def _ranked(settings: AlignerSettings) -> list[str]:
    return [s.target_ref for s in align(QUERY, PARTNER, settings).forward["Q1"]]


def test_parent_of_the_matching_sub_item_comes_second() -> None:
    assert _ranked(LEXICAL)[:2] == ["AC-2(2)", "AC-2"]


def test_without_the_lift_the_parent_is_not_second() -> None:
    assert _ranked(LEXICAL.replace(parent_lift=0.0))[1] != "AC-2"


def test_parents_are_found_by_ref_prefix() -> None:
    found = parents_of(["AC-1", "AC-2", "AC-2(1)", "1.2", "1.2.3", "GV.OC-01"])
    assert found is not None
    pairs = {
        (int(p), int(found.children[s])) for p, s in zip(found.parents, found.starts, strict=True)
    }
    assert pairs == {(1, 2), (3, 4)}


def test_flat_programs_have_no_parents() -> None:
    assert parents_of(["A1", "A2", "B1"]) is None


def test_lift_of_one_or_more_is_refused() -> None:
    with pytest.raises(InvalidValue, match="parent_lift"):
        AlignerSettings(parent_lift=1.0)
