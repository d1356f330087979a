"""Areas of consensus and points to be resolved: the partner administration's positions against ours, per category.

A criterion is **agreed** when the partner agrees and we did not put it up for
discussion; it is an **open point** when the partner disagrees or wants to
discuss it, or when we flagged it for discussion; otherwise it has **no
answer** yet. Both writers (PDF and workbook) show these groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from criteria_compare.model import Stance
from criteria_compare.report.data import ReferenceRow, ReportData

__all__ = ["ConsensusGroup", "consensus_groups", "is_agreed", "is_open_point"]


def is_open_point(row: ReferenceRow) -> bool:
    """The partner disagrees or wants to discuss it, or we flagged it for discussion."""
    stance = row.position.stance if row.position else Stance.BLANK
    return stance.is_open or row.discussion


def is_agreed(row: ReferenceRow) -> bool:
    """Both sides accept our assessment as it stands."""
    return row.position is not None and row.position.stance is Stance.AGREE and not row.discussion


@dataclass(frozen=True)
class ConsensusGroup:
    """One category's agreed criteria, open points and criteria without an answer."""

    section: str
    agreed: tuple[ReferenceRow, ...]
    open: tuple[ReferenceRow, ...]
    unanswered: tuple[ReferenceRow, ...]


def consensus_groups(data: ReportData) -> tuple[ConsensusGroup, ...]:
    """Per reference category, in program order; empty when no position was imported."""
    if not data.has_positions:
        return ()
    groups = []
    for section, rows in data.rows_by_section().items():
        groups.append(
            ConsensusGroup(
                section=section,
                agreed=tuple(r for r in rows if is_agreed(r)),
                open=tuple(r for r in rows if is_open_point(r)),
                unanswered=tuple(r for r in rows if not is_agreed(r) and not is_open_point(r)),
            )
        )
    return tuple(groups)
