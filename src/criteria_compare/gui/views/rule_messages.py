"""Verdict-rule refusals in the review screen's words (keys and controls, not command-line options)."""

from __future__ import annotations

from criteria_compare.errors import (
    CriteriaCompareError,
    VerdictRule,
    VerdictRuleError,
    VerdictViolation,
)
from criteria_compare.project.rules import word

__all__ = ["refusal_message", "verdict_message"]

_SENTENCES = {
    VerdictRule.LAST_LINK: (
        "{ref} is {label} and this is its last confirmed link: confirm another candidate "
        "first, or choose another verdict (G for Gap)."
    ),
    VerdictRule.NEEDS_LINK: (
        "{ref} cannot be {label} without a confirmed link: confirm a candidate with 1–5, "
        "or find one with / and press Enter, then choose the verdict again."
    ),
    VerdictRule.PARTIAL_NEEDS_NOTE: (
        "{ref} cannot be Partial without a note: press E, say what is missing and which "
        "side is stricter, then press P."
    ),
    VerdictRule.GAP_HAS_LINKS: (
        "{ref} cannot be a Gap while it has {links} confirmed link{s}: unlink "
        "{them} first (the candidate's number key toggles its link), or "
        "choose Aligned or Partial."
    ),
    VerdictRule.CONFLICT_NEEDS_NOTE: (
        "{ref} cannot be a Conflict without a note: press E, say what the partner requires "
        "that is incompatible, then press C."
    ),
    VerdictRule.NOT_APPLICABLE_NEEDS_NOTE: (
        "{ref} cannot be N/A without a reason: press E, give the reason, then press N."
    ),
}


def verdict_message(v: VerdictViolation) -> str:
    """What to do on the review screen about the refused verdict ``v``."""
    return word(v, _SENTENCES)


def refusal_message(exc: CriteriaCompareError) -> str:
    """The one sentence the review screen shows for a refused step: a verdict rule in its words,
    any other error as the core wrote it."""
    if isinstance(exc, VerdictRuleError):
        return verdict_message(exc.violation)
    return str(exc)
