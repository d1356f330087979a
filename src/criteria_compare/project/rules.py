"""The verdict rules: which assessment a reference criterion may hold given its confirmed links.

- ``aligned`` needs at least one confirmed link;
- ``partial`` needs a link and a note (what is missing, which side is stricter);
- ``gap`` must have no confirmed link;
- ``conflict`` and ``not_applicable`` need a note;
- ``unreviewed`` is always allowed.

Unlinking the last link of an ``aligned`` or ``partial`` criterion without a
new verdict is refused here; what a reviewer's action does instead is the
workflow's review policy (``workflow.review``). A refusal is a
``VerdictRuleError`` carrying a ``VerdictViolation``; :func:`describe` is the
neutral sentence, and the CLI and the GUI word the same violation their own way.
"""

from __future__ import annotations

from collections.abc import Mapping

from criteria_compare.errors import VerdictRule, VerdictRuleError, VerdictViolation
from criteria_compare.model import Status

__all__ = ["check_verdict", "describe", "violation", "word"]


def violation(
    ref: str, status: Status, note: str, links: int, *, unlinked: bool = False
) -> VerdictViolation | None:
    """The rule ``status`` breaks for ``ref`` with ``note`` and ``links`` confirmed links, if any."""
    has_note = bool(note.strip())
    rule: VerdictRule | None = None
    if status in (Status.ALIGNED, Status.PARTIAL) and links == 0:
        rule = VerdictRule.LAST_LINK if unlinked else VerdictRule.NEEDS_LINK
    elif status is Status.PARTIAL and not has_note:
        rule = VerdictRule.PARTIAL_NEEDS_NOTE
    elif status is Status.GAP and links > 0:
        rule = VerdictRule.GAP_HAS_LINKS
    elif status is Status.CONFLICT and not has_note:
        rule = VerdictRule.CONFLICT_NEEDS_NOTE
    elif status is Status.NOT_APPLICABLE and not has_note:
        rule = VerdictRule.NOT_APPLICABLE_NEEDS_NOTE
    return None if rule is None else VerdictViolation(rule, ref, status, links)


def word(v: VerdictViolation, sentences: Mapping[VerdictRule, str]) -> str:
    """``v`` in one front end's words: ``sentences[v.rule]`` filled in.

    Fields: ``ref``, ``label`` (e.g. "Partial"), ``value`` (e.g. "partial"),
    ``links`` (how many confirmed links), and for the plural ``s`` ("" or "s"),
    ``them`` ("it" or "them") and ``each`` ("it" or "each of them").
    """
    many = v.links != 1
    return sentences[v.rule].format(
        ref=v.ref,
        label=v.status.label,
        value=v.status.value,
        links=v.links,
        s="s" if many else "",
        them="them" if many else "it",
        each="each of them" if many else "it",
    )


_NEUTRAL = {
    VerdictRule.LAST_LINK: (
        "Criterion {ref} is marked {label} and this would remove its last confirmed link; "
        "link another partner criterion or choose another verdict (e.g. Gap) in the same "
        "decision."
    ),
    VerdictRule.NEEDS_LINK: (
        "Criterion {ref} cannot be {label} without a confirmed link; link a partner "
        "criterion in the same decision."
    ),
    VerdictRule.PARTIAL_NEEDS_NOTE: (
        "Criterion {ref} cannot be Partial without a note; say what is missing and which "
        "side is stricter."
    ),
    VerdictRule.GAP_HAS_LINKS: (
        "Criterion {ref} cannot be a Gap while it has {links} confirmed link{s}; unlink "
        "{them} in the same decision or choose Aligned or Partial."
    ),
    VerdictRule.CONFLICT_NEEDS_NOTE: (
        "Criterion {ref} cannot be a Conflict without a note; say what the partner requires "
        "that is incompatible."
    ),
    VerdictRule.NOT_APPLICABLE_NEEDS_NOTE: (
        "Criterion {ref} cannot be N/A (not applicable) without a note giving the reason."
    ),
}


def describe(v: VerdictViolation) -> str:
    """One sentence for ``v`` that names no command-line option or key."""
    return word(v, _NEUTRAL)


def check_verdict(
    ref: str, status: Status, note: str, links: int, *, unlinked: bool = False
) -> None:
    """Raise VerdictRuleError (with the violation) if ``status`` is not allowed for ``ref``."""
    v = violation(ref, status, note, links, unlinked=unlinked)
    if v is not None:
        raise VerdictRuleError(v, describe(v))
