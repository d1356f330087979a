"""Verdict-rule refusals use the words the tool shows (N/A), not internal identifiers."""

from __future__ import annotations

import pytest

from criteria_compare.errors import VerdictRuleError
from criteria_compare.model import Status
from criteria_compare.project.rules import check_verdict


def test_not_applicable_without_reason_reads_as_words() -> None:
    """Refusing N/A without a note says "N/A (not applicable)", never "not_applicable"."""
    with pytest.raises(VerdictRuleError) as exc:
        check_verdict("4.2", Status.NOT_APPLICABLE, note="", links=0)
    message = str(exc.value)
    assert "N/A (not applicable)" in message
    assert "not_applicable" not in message
