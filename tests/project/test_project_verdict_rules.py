"""Each verdict rule is refused by the core with the rule as data, in a sentence that names no control."""

from __future__ import annotations

import pytest

from criteria_compare.errors import VerdictRule, VerdictRuleError, VerdictViolation
from criteria_compare.model import Status
from criteria_compare.project.rules import check_verdict


def _refused(status: Status, note: str, links: int, *, unlinked: bool = False) -> VerdictRuleError:
    with pytest.raises(VerdictRuleError) as exc:
        check_verdict("6.1", status, note, links, unlinked=unlinked)
    assert "--" not in str(exc.value)
    assert "press" not in str(exc.value)
    return exc.value


def test_aligned_needs_a_link() -> None:
    """Aligned with no confirmed link is refused as NEEDS_LINK."""
    error = _refused(Status.ALIGNED, "", 0)
    assert error.violation == VerdictViolation(VerdictRule.NEEDS_LINK, "6.1", Status.ALIGNED, 0)
    assert "without a confirmed link" in str(error)


def test_removing_the_last_link_of_a_verdict_is_its_own_rule() -> None:
    """A decision that takes away the last link of a Partial verdict is refused as LAST_LINK."""
    error = _refused(Status.PARTIAL, "less strict", 0, unlinked=True)
    assert error.violation.rule is VerdictRule.LAST_LINK
    assert "last confirmed link" in str(error)


def test_partial_needs_a_note() -> None:
    """Partial with a link but no note is refused as PARTIAL_NEEDS_NOTE."""
    error = _refused(Status.PARTIAL, "  ", 1)
    assert error.violation == VerdictViolation(
        VerdictRule.PARTIAL_NEEDS_NOTE, "6.1", Status.PARTIAL, 1
    )


def test_gap_has_no_links() -> None:
    """A Gap with links is refused as GAP_HAS_LINKS and counts them."""
    error = _refused(Status.GAP, "", 2)
    assert error.violation == VerdictViolation(VerdictRule.GAP_HAS_LINKS, "6.1", Status.GAP, 2)
    assert "2 confirmed links" in str(error)


def test_conflict_needs_a_note() -> None:
    """A Conflict without a note is refused as CONFLICT_NEEDS_NOTE."""
    assert _refused(Status.CONFLICT, "", 0).violation.rule is VerdictRule.CONFLICT_NEEDS_NOTE


def test_not_applicable_needs_a_reason() -> None:
    """N/A without a note is refused as NOT_APPLICABLE_NEEDS_NOTE."""
    error = _refused(Status.NOT_APPLICABLE, "", 0)
    assert error.violation.rule is VerdictRule.NOT_APPLICABLE_NEEDS_NOTE


@pytest.mark.parametrize(
    ("status", "note", "links"),
    [
        (Status.UNREVIEWED, "", 0),
        (Status.ALIGNED, "", 1),
        (Status.PARTIAL, "less strict", 1),
        (Status.GAP, "", 0),
        (Status.CONFLICT, "forbids it", 0),
        (Status.NOT_APPLICABLE, "exporters only", 0),
    ],
)
def test_verdicts_that_meet_their_rule_pass(status: Status, note: str, links: int) -> None:
    """Every verdict is accepted once its rule is met."""
    check_verdict("6.1", status, note, links)
