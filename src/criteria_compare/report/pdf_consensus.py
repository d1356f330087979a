"""The PDF section "Areas of consensus and points to be resolved" (only when the partner's positions were imported)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, PageBreak

from criteria_compare.model import Stance
from criteria_compare.report.consensus import consensus_groups
from criteria_compare.report.data import STATUS_ORDER, ReferenceRow
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_styles import STATUS_TINT
from criteria_compare.report.pdf_template import Heading

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["CONSENSUS_TITLE", "consensus_section"]

CONSENSUS_TITLE = "Areas of consensus and points to be resolved"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _agreed_line(b: StoryBuilder, rows: tuple[ReferenceRow, ...]) -> str:
    """ "Aligned: 6.1, 6.2; Partial: 6.4" (refs grouped by our verdict)."""
    by_status: dict[Any, list[str]] = {}
    for row in rows:
        by_status.setdefault(row.status, []).append(b.escaped_markup(row.ref))
    return "; ".join(
        f"<i>{escaped_markup(status.label)}</i>: {', '.join(by_status[status])}"
        for status in STATUS_ORDER
        if status in by_status
    )


def _theirs(b: StoryBuilder, row: ReferenceRow) -> list[Flowable]:
    s = b.s
    stance = row.position.stance if row.position else Stance.BLANK
    label = stance.label or "No position given"
    cell: list[Flowable] = [b.markup_paragraph(f"<b>{escaped_markup(label)}</b>", s.cell)]
    comment = row.position.comment.strip() if row.position else ""
    cell.append(
        b.escaped_paragraph(comment, s.cell)
        if comment
        else b.markup_paragraph("No comment.", s.cell_muted)
    )
    return cell


def _ours(b: StoryBuilder, row: ReferenceRow) -> list[Flowable]:
    s = b.s
    cell = b.status_cell(row)
    if row.links:
        linked = ", ".join(
            f"{b.escaped_markup(link.criterion.ref)} ({escaped_markup(link.relation.label)})"
            for link in row.links
        )
        cell.append(b.markup_paragraph(f"Linked: {linked}", s.cell_muted))
    cell.append(
        b.escaped_paragraph(row.note, s.cell)
        if row.note.strip()
        else b.markup_paragraph("No note.", s.cell_muted)
    )
    return cell


def _round_sentence(b: StoryBuilder) -> str:
    positions = [row.position for row in b.data.rows if row.position is not None]
    rounds = Counter(p.round for p in positions)
    latest = max(rounds)
    sha = Counter(p.sha256 for p in positions if p.round == latest).most_common(1)[0][0]
    stamp = max(p.imported_at for p in positions if p.round == latest)
    who = {p.imported_by for p in positions if p.round == latest}
    return (
        f"Positions of the partner administration from exchange round {latest}, imported "
        f"{escaped_markup(stamp[:10])} by {b.escaped_markup(', '.join(sorted(who)))} "
        f"(workbook SHA-256 {escaped_markup(sha[:16])}…)."
    )


def consensus_section(b: StoryBuilder) -> list[Flowable]:
    """The whole section, or nothing when no position was imported."""
    groups = consensus_groups(b.data)
    if not groups:
        return []
    s = b.s
    agreed = sum(len(g.agreed) for g in groups)
    open_points = sum(len(g.open) for g in groups)
    unanswered = sum(len(g.unanswered) for g in groups)
    out: list[Flowable] = [Heading(CONSENSUS_TITLE, s.h1, level=0, key="consensus")]
    out.append(b.markup_paragraph(_round_sentence(b), s.body))
    out.append(
        b.markup_paragraph(
            f"Both sides agree on {_plural(agreed, 'criterion', 'criteria')}; "
            f"{_plural(open_points, 'point remains', 'points remain')} to be resolved (the partner "
            "disagrees or asks for discussion, or we put it up for discussion); "
            f"{_plural(unanswered, 'criterion has', 'criteria have')} no answer yet. Our "
            "assessments are ours alone: the partner's positions never change them.",
            s.body,
        )
    )
    widths = b.cols(b.width, 0.09, 0.33, 0.29, 0.29)
    for index, group in enumerate(groups):
        if group.agreed or group.open:
            title = (
                f"{group.section}: {len(group.agreed)} agreed, "
                f"{_plural(len(group.open), 'point', 'points')} to resolve"
            )
        else:
            title = f"{group.section}: no answer yet"
        out += b.h2(Heading(title, s.h2, level=1, key=f"consensus-{index}"))
        if group.agreed:
            out.append(
                b.markup_paragraph(
                    f"<b>Agreed ({len(group.agreed)}):</b> {_agreed_line(b, group.agreed)}", s.small
                )
            )
        if group.unanswered:
            refs = ", ".join(b.escaped_markup(r.ref) for r in group.unanswered)
            out.append(
                b.markup_paragraph(f"No answer yet ({len(group.unanswered)}): {refs}", s.muted)
            )
        if not group.open:
            continue
        rows: list[list[Any]] = [
            b.head(
                "Ref",
                "Reference criterion",
                "Our assessment and note",
                "Their position and comment",
            )
        ]
        extra: list[tuple[Any, ...]] = []
        for i, row in enumerate(group.open, start=1):
            rows.append(
                [
                    b.markup_paragraph(f"<b>{b.escaped_markup(row.ref)}</b>", s.cell),
                    b.escaped_paragraph(row.criterion.text, s.cell),
                    _ours(b, row),
                    _theirs(b, row),
                ]
            )
            extra.append(("BACKGROUND", (2, i), (2, i), STATUS_TINT[row.status]))
        out.extend(b.chunked_table(rows, widths, extra))
    out.append(PageBreak())
    return out
