"""The texts that changed under a decision: what the review screen's redline shows for a suspect criterion.

An update (``workflow.update``) stores, per changed criterion, its old and new
text (``Project.edition_changes``). For one reference criterion this module
picks the latest recorded text change of the criterion itself and of each
partner criterion linked to it, so the GUI only draws them.
"""

from __future__ import annotations

from criteria_compare.model import EditionChange, Side
from criteria_compare.project import Project

__all__ = ["TEXT_CHANGES", "changed_texts"]

#: Change kinds whose old and new texts differ (a plain renumbering keeps the words).
TEXT_CHANGES = frozenset({"reworded", "renumbered_reworded", "split", "merged"})


def changed_texts(project: Project, ref: str) -> tuple[EditionChange, ...]:
    """The latest text change of reference criterion ``ref`` and of each partner criterion
    linked to it (in link order), as recorded by the updates; empty when none changed."""
    linked = [lk.partner_ref for lk in project.links(ref)]
    wanted = {(Side.REFERENCE, ref), *((Side.PARTNER, p) for p in linked)}
    latest: dict[tuple[Side, str], EditionChange] = {}
    for change in project.edition_changes():
        if change.change not in TEXT_CHANGES or change.new_ref is None:
            continue
        key = (change.side, change.new_ref)
        if key in wanted and change.old_text != change.new_text:
            latest[key] = change  # written oldest first: the last one wins
    order = [(Side.REFERENCE, ref), *((Side.PARTNER, p) for p in linked)]
    return tuple(latest[key] for key in order if key in latest)
