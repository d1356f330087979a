"""The short names the tool prints (subset, intersects, N/A) are accepted back as input."""

from __future__ import annotations

import pytest

from criteria_compare.errors import InvalidValue
from criteria_compare.model import Relation, Status
from criteria_compare.project.codec import parse_relation, parse_status


@pytest.mark.parametrize("relation", list(Relation))
def test_every_printed_relation_label_is_accepted(relation: Relation) -> None:
    """`decide` prints "5.1.2 (subset)"; typing --relation subset back means subset_of."""
    assert parse_relation(relation.label) is relation
    assert parse_relation(relation.label.upper()) is relation
    assert parse_relation(relation.value) is relation


@pytest.mark.parametrize("status", list(Status))
def test_every_printed_status_label_is_accepted(status: Status) -> None:
    """`status` prints "N/A"; typing --status n/a back means not_applicable."""
    assert parse_status(status.label) is status
    assert parse_status(status.label.lower()) is status


@pytest.mark.parametrize("text", ["sub", "n/", "", "aligned!"])
def test_other_words_stay_refused(text: str) -> None:
    """Only the printed labels are added: near misses are still refused with the list."""
    with pytest.raises(InvalidValue):
        parse_status(text) if text != "sub" else parse_relation(text)
