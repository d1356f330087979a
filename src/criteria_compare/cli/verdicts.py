"""Verdict-rule refusals in the command line's words: what to add to the same ``decide`` command."""

from __future__ import annotations

from criteria_compare.errors import VerdictRule, VerdictViolation

__all__ = ["verdict_sentence"]


def verdict_sentence(v: VerdictViolation) -> str:
    """One sentence for ``v`` that names the ``decide`` options that fix it."""
    ref, value = v.ref, v.status.value
    if v.rule is VerdictRule.LAST_LINK:
        return (
            f"Criterion {ref} is marked {value} and this would remove its last confirmed link; "
            "add another --link or a --status (e.g. --status gap) to the same command."
        )
    if v.rule is VerdictRule.NEEDS_LINK:
        return (
            f"Criterion {ref} cannot be {value} without a confirmed link; add one to the same "
            "command (e.g. --link PARTNER_REF --relation equal)."
        )
    if v.rule is VerdictRule.PARTIAL_NEEDS_NOTE:
        return (
            f"Criterion {ref} cannot be partial without a note; say what is missing and which "
            "side is stricter with --note '...'."
        )
    if v.rule is VerdictRule.GAP_HAS_LINKS:
        s = "s" if v.links != 1 else ""
        return (
            f"Criterion {ref} cannot be a gap while it has {v.links} confirmed link{s}; add "
            f"--unlink for {'each of them' if s else 'it'} to the same command, or use "
            "--status aligned or --status partial."
        )
    if v.rule is VerdictRule.CONFLICT_NEEDS_NOTE:
        return (
            f"Criterion {ref} cannot be a conflict without a note; say what the partner requires "
            "that is incompatible with --note '...'."
        )
    return (
        f"Criterion {ref} cannot be N/A (not applicable) without a note; give the reason with "
        "--note '...'."
    )
