"""The verdict rules: which assessment a reference criterion may hold given its confirmed links.

- ``aligned`` needs at least one confirmed link;
- ``partial`` needs a link and a note (what is missing, which side is stricter);
- ``gap`` must have no confirmed link;
- ``conflict`` and ``not_applicable`` need a note;
- ``unreviewed`` is always allowed.

Unlinking the last link of an ``aligned`` or ``partial`` criterion is refused
(the reviewer must choose another verdict in the same decision); the verdict is
never reset silently behind the reviewer's back.
"""

from __future__ import annotations

from criteria_compare.errors import VerdictRuleError
from criteria_compare.model import Status

__all__ = ["check_verdict"]


def check_verdict(
    ref: str, status: Status, note: str, links: int, *, unlinked: bool = False
) -> None:
    """Raise VerdictRuleError with one sentence if ``status`` is not allowed for ``ref``."""
    has_note = bool(note.strip())
    if status in (Status.ALIGNED, Status.PARTIAL) and links == 0:
        if unlinked:
            raise VerdictRuleError(
                f"Criterion {ref} is marked {status.value} and this would remove its last "
                "confirmed link; link another partner criterion or set another status "
                "(e.g. gap) in the same decision."
            )
        raise VerdictRuleError(
            f"Criterion {ref} cannot be {status.value} without a confirmed link; "
            "link a partner criterion in the same decision (e.g. --link REF --relation equal)."
        )
    if status is Status.PARTIAL and not has_note:
        raise VerdictRuleError(
            f"Criterion {ref} cannot be partial without a note; say what is missing and "
            "which side is stricter (e.g. --note '...')."
        )
    if status is Status.GAP and links > 0:
        raise VerdictRuleError(
            f"Criterion {ref} cannot be a gap while it has {links} confirmed link"
            f"{'s' if links != 1 else ''}; unlink them in the same decision or choose "
            "aligned or partial."
        )
    if status is Status.CONFLICT and not has_note:
        raise VerdictRuleError(
            f"Criterion {ref} cannot be a conflict without a note; say what the partner "
            "requires that is incompatible (e.g. --note '...')."
        )
    if status is Status.NOT_APPLICABLE and not has_note:
        raise VerdictRuleError(
            f"Criterion {ref} cannot be N/A (not applicable) without a note giving the reason "
            "(e.g. --note '...')."
        )
