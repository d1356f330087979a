"""The PDF section "Executive summary": the headline figures, the counts tables and the chart.

What was compared and how many links were confirmed, the assessments with
their meaning and share, the counts by requirement level and by category, and
the bar chart of the categories.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Table

from criteria_compare.model import Status
from criteria_compare.report.data import STATUS_ORDER, Counts
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_chart import MAX_CHART_CATEGORIES, category_chart
from criteria_compare.report.pdf_styles import STATUS_TINT
from criteria_compare.report.pdf_text import HEADING_CHARS
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["counts_table", "executive_summary"]


def _partner_only_sentence(b: StoryBuilder) -> str:
    """How many partner criteria are partner-only (and, in a draft, not yet linked)."""
    d, t = b.data, b.t
    confirmed = len(d.confirmed_partner_only)
    pending = len(d.not_yet_linked)
    if not confirmed and not pending:
        return t("po.all_linked")
    if not d.is_draft:
        return t.n("summary.partner_only", confirmed)
    if not confirmed:
        return t("po.none_yet") + " " + t.n("summary.not_yet_linked_all", pending)
    text = t.n("summary.partner_only", confirmed)
    return text + (" " + t.n("summary.not_yet_linked", pending) if pending else "")


def executive_summary(b: StoryBuilder) -> list[Flowable]:
    """The section, ending with a page break."""
    d, s, t = b.data, b.s, b.t
    counts = d.counts
    out: list[Flowable] = [b.heading("section.summary", s.h1, level=0)]
    out.append(
        b.markup_paragraph(
            t(
                "summary.compared",
                n_ref=len(d.rows),
                reference=b.escaped_markup(d.reference.name),
                n_partner=d.partner.criteria_count,
                partner=b.escaped_markup(d.partner.name),
            )
            + " "
            + t.n("summary.links", d.link_count)
            + " "
            + _partner_only_sentence(b)
        )
    )
    if d.is_draft:
        out.append(
            b.markup_paragraph(t.n("summary.draft_shares", d.unreviewed, **d.draft_counts()))
        )
    register = len(d.register_rows())
    must = d.counts_by_level().get("Must")
    must_gaps = must.count(Status.GAP) + must.count(Status.CONFLICT) if must else 0
    discussion = len(d.discussion_rows())
    out.append(
        b.markup_paragraph(
            t.n("summary.register", register)
            + " "
            + t.n("summary.must_gaps", must_gaps)
            + " "
            + t.n("summary.discussion", discussion)
        )
    )
    out += b.h2(b.heading("summary.assessments", s.h2, level=1))
    share_head = t("summary.share_reviewed") if d.is_draft else t("summary.share")
    rows: list[list[Any]] = [
        [
            *b.head(t("summary.assessment"), t("summary.meaning")),
            *[
                b.markup_paragraph(escaped_markup(x), s.head_right)
                for x in (t("summary.criteria"), share_head)
            ],
        ]
    ]
    extra: list[tuple[Any, ...]] = []
    for i, status in enumerate(STATUS_ORDER, start=1):
        share = (
            "—"
            if status is Status.UNREVIEWED or not counts.reviewed
            else t.percent(counts.share(status))
        )
        rows.append(
            [
                b.markup_paragraph(f"<b>{escaped_markup(t.status(status))}</b>", s.cell),
                b.markup_paragraph(t(f"meaning.{status.value}"), s.cell),
                b.markup_paragraph(str(counts.count(status)), s.cell_right),
                b.markup_paragraph(share, s.cell_right),
            ]
        )
        extra.append(("BACKGROUND", (0, i), (0, i), STATUS_TINT[status]))
    rows.append(
        [
            b.markup_paragraph(f"<b>{t('summary.total')}</b>", s.cell),
            b.markup_paragraph("", s.cell),
            b.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right),
            b.markup_paragraph(t.percent(100.0) if counts.reviewed else "—", s.cell_right),
        ]
    )
    out.append(b.table(rows, b.cols(b.width, 0.16, 0.6, 0.12, 0.12), zebra=False, extra=extra))
    by_level = {t.level(k): v for k, v in d.counts_by_level().items()}
    out += b.kept_block(
        b.heading("summary.by_level", s.h2, level=1),
        counts_table(b, t("summary.level"), by_level, narrow=True),
    )
    by_section = d.counts_by_section()
    # A long category table splits (header repeated) rather than leave half a page empty.
    out += b.kept_block(
        b.heading("summary.by_category", s.h2, level=1),
        counts_table(b, t("summary.category"), by_section),
    )
    out.append(CondPageBreak(120))
    chart_block: list[Flowable] = [
        b.heading("summary.chart", s.h2, level=1),
        b.markup_paragraph(t("summary.chart_caption"), s.muted),
    ]
    if len(by_section) > MAX_CHART_CATEGORIES:
        chart_block.append(
            b.markup_paragraph(
                t("summary.chart_cut", shown=MAX_CHART_CATEGORIES, total=len(by_section)),
                s.muted,
            )
        )
    chart_block.append(category_chart(by_section, b.width, b.t))
    out.append(KeepTogether(chart_block))
    out.append(PageBreak())
    return out


def counts_table(
    b: StoryBuilder, label: str, groups: dict[str, Counts], *, narrow: bool = False
) -> Table:
    """Counts by status for each group (a level or a category): a kept table, see StoryBuilder.table."""
    s, t = b.s, b.t
    header = [b.markup_paragraph(escaped_markup(label), s.head)] + [
        b.markup_paragraph(escaped_markup(t.status_short(st)), s.head_right) for st in STATUS_ORDER
    ]
    header.append(b.markup_paragraph(t("summary.total"), s.head_right))
    rows: list[list[Any]] = [header]
    for name, counts in groups.items():
        row: list[Any] = [b.escaped_paragraph(clipped(name, HEADING_CHARS), s.cell)]
        for status in STATUS_ORDER:
            n = counts.count(status)
            row.append(b.markup_paragraph(str(n) if n else "·", s.cell_right))
        row.append(b.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right))
        rows.append(row)
    n_status = len(STATUS_ORDER)
    first = 0.2 if narrow else 0.3
    rest = (1 - first) / (n_status + 1)
    return b.table(rows, b.cols(b.width, first, *([rest] * (n_status + 1))), keep=True)
