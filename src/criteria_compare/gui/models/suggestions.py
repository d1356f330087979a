"""Candidates of one reference criterion: confirmed links first, then ranked suggestions, then rejected."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol

from criteria_compare.model import Criterion, Link, LinkOrigin, Relation, Suggestion

__all__ = [
    "MAX_CANDIDATES",
    "SHOWN_CANDIDATES",
    "CandidateRow",
    "CandidateState",
    "candidate_rows",
    "keep_numbers",
]

SHOWN_CANDIDATES = 5  # shown before "more…"
MAX_CANDIDATES = 10  # shown after "more…"


class CandidateState(str, Enum):
    """Where a candidate stands for the reviewer."""

    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    MANUAL = "manual"
    REJECTED = "rejected"


@dataclass(frozen=True)
class CandidateRow:
    """One partner criterion offered for the current reference criterion."""

    number: int  # 1-based key the reviewer presses (0 for rejected rows listed apart)
    partner: Criterion
    suggestion: Suggestion | None
    link: Link | None
    state: CandidateState

    @property
    def partner_ref(self) -> str:
        return self.partner.ref

    @property
    def relation(self) -> Relation | None:
        return self.link.relation if self.link else None

    @property
    def confirmed(self) -> bool:
        return self.link is not None

    @property
    def rejected(self) -> bool:
        return self.state is CandidateState.REJECTED

    @property
    def state_text(self) -> str:
        """E.g. ``"confirmed · equal"``, ``"suggested"``."""
        if self.link is not None:
            return f"{self.state.value} · {self.link.relation.label}"
        return self.state.value


class CandidateSource(Protocol):
    """What the candidate list reads from a project."""

    def suggestions(self, reference_ref: str) -> tuple[Suggestion, ...]: ...
    def links(self, reference_ref: str | None = None) -> tuple[Link, ...]: ...
    def rejected(self, reference_ref: str | None = None) -> frozenset[tuple[str, str]]: ...


def candidate_rows(
    project: CandidateSource,
    ref: str,
    partners: Mapping[str, Criterion],
    limit: int = MAX_CANDIDATES,
) -> tuple[tuple[CandidateRow, ...], tuple[CandidateRow, ...]]:
    """(candidates, rejected) of criterion ``ref``.

    Links that are not among the suggestions come first (they are decisions
    already made), then suggestions in rank order up to ``limit`` (confirmed
    ones always), numbered from 1; the numbers stay put when a candidate is
    confirmed or un-confirmed. Links placed first do not count against ``limit``,
    so a link made by hand never pushes a suggestion out of the list.
    """
    links = {link.partner_ref: link for link in project.links(ref)}
    suggestions = project.suggestions(ref)
    suggested_refs = {s.target_ref for s in suggestions}
    rows: list[CandidateRow] = []
    for pref, confirmed in links.items():
        if pref not in suggested_refs and pref in partners:
            state = (
                CandidateState.MANUAL
                if confirmed.origin is LinkOrigin.MANUAL
                else CandidateState.CONFIRMED
            )
            rows.append(CandidateRow(len(rows) + 1, partners[pref], None, confirmed, state))
    placed = len(rows)
    for s in suggestions:
        partner = partners.get(s.target_ref)
        link = links.get(s.target_ref)
        if partner is None or (len(rows) >= limit + placed and link is None):
            continue
        if link is None:
            state = CandidateState.SUGGESTED
        elif link.origin is LinkOrigin.MANUAL:
            state = CandidateState.MANUAL
        else:
            state = CandidateState.CONFIRMED
        rows.append(CandidateRow(len(rows) + 1, partner, s, link, state))
    rejected = tuple(
        CandidateRow(0, partners[p], None, None, CandidateState.REJECTED)
        for r, p in sorted(project.rejected(ref))
        if r == ref and p in partners
    )
    return tuple(rows), rejected


def keep_numbers(
    rows: tuple[CandidateRow, ...],
    rejected: tuple[CandidateRow, ...],
    numbers: Mapping[str, int],
) -> tuple[tuple[CandidateRow, ...], tuple[CandidateRow, ...], dict[str, int]]:
    """(candidates, rejected, numbers) with each candidate keeping the number it had on screen.

    ``numbers`` are the numbers given earlier in this visit of the criterion (partner
    ref → number; empty on arrival, when the rows keep :func:`candidate_rows`'
    numbering). A candidate seen before keeps its number; a new one (a link made by
    hand, a suggestion moving up after a rejection) gets the next free number; a
    candidate rejected during the visit stays in its place, greyed, with its number,
    instead of leaving the list apart. So a digit key means the same card for as
    long as the criterion is on screen.
    """
    if not numbers:
        return rows, rejected, {r.partner_ref: r.number for r in rows}
    following = max(numbers.values()) + 1
    kept: list[CandidateRow] = []
    for row in rows:
        n = numbers.get(row.partner_ref)
        if n is None:
            n, following = following, following + 1
        kept.append(row if n == row.number else replace(row, number=n))
    apart: list[CandidateRow] = []
    for row in rejected:
        n = numbers.get(row.partner_ref)
        if n is None:
            apart.append(row)
        else:
            kept.append(replace(row, number=n))
    kept.sort(key=lambda r: r.number)
    given = dict(numbers)
    given.update((r.partner_ref, r.number) for r in kept)
    return tuple(kept), tuple(apart), given
