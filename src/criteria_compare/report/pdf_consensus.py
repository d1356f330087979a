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

#: The section's title in English (the catalogue's "section.consensus").
CONSENSUS_TITLE = "Areas of consensus and points to be resolved"


def _agreed_line(b: StoryBuilder, rows: tuple[ReferenceRow, ...]) -> str:
    """ "Aligned: 6.1, 6.2; Partial: 6.4" (refs grouped by our verdict)."""
    by_status: dict[Any, list[str]] = {}
    for row in rows:
        by_status.setdefault(row.status, []).append(b.escaped_markup(row.ref))
    return "; ".join(
        f"<i>{escaped_markup(b.t.status(status))}</i>: {', '.join(by_status[status])}"
        for status in STATUS_ORDER
        if status in by_status
    )


def _theirs(b: StoryBuilder, row: ReferenceRow) -> list[Flowable]:
    s = b.s
    stance = row.position.stance if row.position else Stance.BLANK
    label = b.t.stance(stance)
    cell: list[Flowable] = [b.markup_paragraph(f"<b>{escaped_markup(label)}</b>", s.cell)]
    comment = row.position.comment.strip() if row.position else ""
    cell.append(
        b.escaped_paragraph(comment, s.cell)
        if comment
        else b.markup_paragraph(b.t("consensus.no_comment"), s.cell_muted)
    )
    return cell


def _ours(b: StoryBuilder, row: ReferenceRow) -> list[Flowable]:
    s = b.s
    cell = b.status_cell(row)
    if row.links:
        linked = ", ".join(
            f"{b.escaped_markup(link.criterion.ref)} ({escaped_markup(b.t.relation(link.relation))})"
            for link in row.links
        )
        cell.append(b.markup_paragraph(b.t("cell.linked", links=linked), s.cell_muted))
    cell.append(
        b.escaped_paragraph(row.note, s.cell)
        if row.note.strip()
        else b.markup_paragraph(b.t("discussion.no_note"), s.cell_muted)
    )
    return cell


def _round_sentence(b: StoryBuilder) -> str:
    positions = [row.position for row in b.data.rows if row.position is not None]
    rounds = Counter(p.round for p in positions)
    latest = max(rounds)
    sha = Counter(p.sha256 for p in positions if p.round == latest).most_common(1)[0][0]
    stamp = max(p.imported_at for p in positions if p.round == latest)
    who = {p.imported_by for p in positions if p.round == latest}
    return b.t(
        "consensus.round",
        round=latest,
        date=escaped_markup(stamp[:10]),
        who=b.escaped_markup(", ".join(sorted(who))),
        sha=escaped_markup(sha[:16]),
    )


def consensus_section(b: StoryBuilder) -> list[Flowable]:
    """The whole section, or nothing when no position was imported."""
    groups = consensus_groups(b.data)
    if not groups:
        return []
    s, t = b.s, b.t
    agreed = sum(len(g.agreed) for g in groups)
    open_points = sum(len(g.open) for g in groups)
    unanswered = sum(len(g.unanswered) for g in groups)
    out: list[Flowable] = [Heading(t("section.consensus"), s.h1, level=0, key="consensus")]
    out.append(b.markup_paragraph(_round_sentence(b), s.body))
    out.append(
        b.markup_paragraph(
            t.n("consensus.agreed", agreed)
            + " "
            + t.n("consensus.open", open_points)
            + " "
            + t.n("consensus.unanswered", unanswered)
            + " "
            + t("consensus.ours"),
            s.body,
        )
    )
    widths = b.cols(b.width, 0.09, 0.33, 0.29, 0.29)
    for index, group in enumerate(groups):
        if group.agreed or group.open:
            title = t(
                "consensus.group",
                section=group.section,
                agreed=len(group.agreed),
                open=t.n("consensus.points", len(group.open)),
            )
        else:
            title = t("consensus.group_unanswered", section=group.section)
        out += b.h2(Heading(title, s.h2, level=1, key=f"consensus-{index}"))
        if group.agreed:
            out.append(
                b.markup_paragraph(
                    f"<b>{t('consensus.agreed_label', n=len(group.agreed))}</b> "
                    f"{_agreed_line(b, group.agreed)}",
                    s.small,
                )
            )
        if group.unanswered:
            refs = ", ".join(b.escaped_markup(r.ref) for r in group.unanswered)
            out.append(
                b.markup_paragraph(
                    t("consensus.unanswered_label", n=len(group.unanswered), refs=refs), s.muted
                )
            )
        if not group.open:
            continue
        rows: list[list[Any]] = [
            b.head(
                t("col.ref"),
                t("col.reference_criterion"),
                t("consensus.ours_col"),
                t("consensus.theirs_col"),
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
