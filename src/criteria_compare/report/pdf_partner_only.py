"""The PDF section "Partner-only criteria": the partner's criteria no reference criterion links to.

Confirmed partner-only criteria first, then (in a draft) those not yet linked,
each list by the partner's own sections with the level and guidance.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable

from criteria_compare.model import Criterion
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_template import Heading
from criteria_compare.report.pdf_text import HEADING_CHARS
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["partner_only_section"]


def partner_only_section(b: StoryBuilder) -> list[Flowable]:
    """The confirmed partner-only criteria, then (in a draft) those not yet linked."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [b.heading("section.partner_only", s.h1, level=0)]
    confirmed, pending = d.confirmed_partner_only, d.not_yet_linked
    if not d.partner_only:
        out.append(b.markup_paragraph(t("po.all_linked"), s.muted))
        return out
    partner = b.escaped_markup(d.partner.name)
    if confirmed:
        out.append(
            b.markup_paragraph(
                t.n("po.intro", len(confirmed), total=d.partner.criteria_count, partner=partner)
                + " "
                + t("po.why"),
                s.body,
            )
        )
    else:
        out.append(b.markup_paragraph(t("po.none_yet"), s.muted))
    if pending:
        # Without suggestions nobody knows what a criterion still to be reviewed may claim.
        why = "po.pending_intro" if d.partner_candidates is not None else "po.unaligned_intro"
        out.append(b.markup_paragraph(t.n(why, len(pending), partner=partner), s.body))
    out += _partner_list(b, confirmed, "po")
    if pending:
        out += b.h2(b.heading("po.pending_title", s.h2, level=1, n=len(pending)))
        out += _partner_list(b, pending, "pending")
    return out


def _partner_list(b: StoryBuilder, criteria: Sequence[Criterion], prefix: str) -> list[Flowable]:
    """Partner criteria by the partner's own sections: ref, text, level and guidance."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = []
    widths = b.cols(b.width, 0.13, 0.87)
    for index, (section, members) in enumerate(d.partner_only_by_section(criteria).items()):
        out += b.h2(
            Heading(
                f"{clipped(section, HEADING_CHARS)} ({len(members)})",
                s.h2 if prefix == "po" else s.h3,
                level=1 if prefix == "po" else 2,
                key=f"{prefix}-{index}",
                toc=False,
                markup_text=f"{b.escaped_markup(clipped(section, HEADING_CHARS))} ({len(members)})",
            )
        )
        rows: list[list[Any]] = [b.head(t("col.ref"), t("col.criterion"))]
        rows.extend([b.ref_paragraph(c.ref, s.cell_bold), _criterion_cell(b, c)] for c in members)
        out.extend(b.chunked_table(rows, widths, ()))
    return out


def _criterion_cell(b: StoryBuilder, criterion: Criterion) -> list[Flowable]:
    """A partner criterion's text, its level (if any) and its guidance."""
    cell: list[Flowable] = [b.escaped_paragraph(criterion.text, b.s.cell)]
    if criterion.level is not None:
        cell.append(
            b.markup_paragraph(escaped_markup(b.t.level(criterion.level.value)), b.s.cell_muted)
        )
    cell += b.guidance(criterion)
    return cell
