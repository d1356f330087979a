"""Verdict-rule refusals in the command line's words: what to add to the same ``decide`` command."""

from __future__ import annotations

from criteria_compare.errors import VerdictRule, VerdictViolation
from criteria_compare.project.rules import word

__all__ = ["verdict_sentence"]

_SENTENCES = {
    VerdictRule.LAST_LINK: (
        "Criterion {ref} is marked {value} and this would remove its last confirmed link; "
        "add another --link or a --status (e.g. --status gap) to the same command."
    ),
    VerdictRule.NEEDS_LINK: (
        "Criterion {ref} cannot be {value} without a confirmed link; add one to the same "
        "command (e.g. --link PARTNER_REF --relation equal)."
    ),
    VerdictRule.PARTIAL_NEEDS_NOTE: (
        "Criterion {ref} cannot be partial without a note; say what is missing and which "
        "side is stricter with --note '...'."
    ),
    VerdictRule.GAP_HAS_LINKS: (
        "Criterion {ref} cannot be a gap while it has {links} confirmed link{s}; add "
        "--unlink for {each} to the same command, or use "
        "--status aligned or --status partial."
    ),
    VerdictRule.CONFLICT_NEEDS_NOTE: (
        "Criterion {ref} cannot be a conflict without a note; say what the partner requires "
        "that is incompatible with --note '...'."
    ),
    VerdictRule.NOT_APPLICABLE_NEEDS_NOTE: (
        "Criterion {ref} cannot be N/A (not applicable) without a note; give the reason with "
        "--note '...'."
    ),
}


def verdict_sentence(v: VerdictViolation) -> str:
    """One sentence for ``v`` that names the ``decide`` options that fix it."""
    return word(v, _SENTENCES)
