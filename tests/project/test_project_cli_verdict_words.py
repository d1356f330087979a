"""The CLI words every verdict rule with the `decide` options that fix it."""

from __future__ import annotations

import pytest

from criteria_compare.cli.verdicts import verdict_sentence
from criteria_compare.errors import VerdictRule, VerdictViolation
from criteria_compare.model import Status

OPTION = {
    VerdictRule.NEEDS_LINK: "--link",
    VerdictRule.LAST_LINK: "--status",
    VerdictRule.PARTIAL_NEEDS_NOTE: "--note",
    VerdictRule.GAP_HAS_LINKS: "--unlink",
    VerdictRule.CONFLICT_NEEDS_NOTE: "--note",
    VerdictRule.NOT_APPLICABLE_NEEDS_NOTE: "--note",
}
STATUS = {
    VerdictRule.NEEDS_LINK: Status.ALIGNED,
    VerdictRule.LAST_LINK: Status.PARTIAL,
    VerdictRule.PARTIAL_NEEDS_NOTE: Status.PARTIAL,
    VerdictRule.GAP_HAS_LINKS: Status.GAP,
    VerdictRule.CONFLICT_NEEDS_NOTE: Status.CONFLICT,
    VerdictRule.NOT_APPLICABLE_NEEDS_NOTE: Status.NOT_APPLICABLE,
}


@pytest.mark.parametrize("rule", list(VerdictRule))
def test_every_rule_names_the_option_that_fixes_it(rule: VerdictRule) -> None:
    """Each refusal is one sentence naming the criterion and the decide option to add."""
    links = 1 if rule is VerdictRule.GAP_HAS_LINKS else 0
    sentence = verdict_sentence(VerdictViolation(rule, "6.1", STATUS[rule], links))
    assert "6.1" in sentence
    assert OPTION[rule] in sentence
    assert sentence.endswith(".")
    assert "\n" not in sentence
