"""Verdict-rule refusals in the review screen's words (keys and controls, not command-line options)."""

from __future__ import annotations

from criteria_compare.errors import VerdictRule, VerdictViolation

__all__ = ["verdict_message"]


def verdict_message(v: VerdictViolation) -> str:
    """What to do on the review screen about the refused verdict ``v``."""
    ref, label = v.ref, v.status.label
    if v.rule is VerdictRule.LAST_LINK:
        return (
            f"{ref} is {label} and this is its last confirmed link: confirm another candidate "
            "first, or choose another verdict (G for Gap)."
        )
    if v.rule is VerdictRule.NEEDS_LINK:
        return (
            f"{ref} cannot be {label} without a confirmed link: confirm a candidate with 1–5, "
            "or find one with / and press Enter, then choose the verdict again."
        )
    if v.rule is VerdictRule.PARTIAL_NEEDS_NOTE:
        return (
            f"{ref} cannot be Partial without a note: press E, say what is missing and which "
            "side is stricter, then press P."
        )
    if v.rule is VerdictRule.GAP_HAS_LINKS:
        s = "s" if v.links != 1 else ""
        return (
            f"{ref} cannot be a Gap while it has {v.links} confirmed link{s}: unlink "
            f"{'them' if s else 'it'} first (the candidate's number key toggles its link), or "
            "choose Aligned or Partial."
        )
    if v.rule is VerdictRule.CONFLICT_NEEDS_NOTE:
        return (
            f"{ref} cannot be a Conflict without a note: press E, say what the partner requires "
            "that is incompatible, then press C."
        )
    return f"{ref} cannot be N/A without a reason: press E, give the reason, then press N."
