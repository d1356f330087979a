"""The PDF report's cover page: both programs side by side, date and author, and the status box.

The status box says whether every criterion was reviewed (complete) or how many
are still open (draft).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer

from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_styles import DRAFT_RED, GRID
from criteria_compare.report.pdf_template import Heading
from criteria_compare.report.pdf_text import spaced_hash

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["cover_page"]


def cover_page(b: StoryBuilder) -> list[Flowable]:
    """The cover, ending with a page break."""
    d, o, s, t = b.data, b.options, b.s, b.t
    out: list[Flowable] = [Spacer(1, 30)]
    out.append(
        Heading(
            o.title,
            s.title,
            level=0,
            key="cover",
            toc=False,
            markup_text=b.escaped_markup(o.title),
        )
    )
    out.append(
        b.markup_paragraph(
            t(
                "cover.compared_with",
                reference=b.escaped_markup(d.reference.name),
                partner=b.escaped_markup(d.partner.name),
            ),
            s.subtitle,
        )
    )
    rows: list[list[Any]] = [b.head("", t("cover.reference"), t("cover.partner"))]
    not_stated, not_recorded = t("cover.not_stated"), t("cover.not_recorded")
    for label, ref_value, partner_value in (
        (t("cover.program"), d.reference.name, d.partner.name),
        (
            t("cover.version"),
            d.reference.version or not_stated,
            d.partner.version or not_stated,
        ),
        (t("cover.criteria"), str(len(d.rows)), str(d.partner.criteria_count)),
        (
            t("cover.source_file"),
            d.reference.source_file or not_recorded,
            d.partner.source_file or not_recorded,
        ),
        (
            "SHA-256",
            spaced_hash(d.reference.sha256, not_recorded),
            spaced_hash(d.partner.sha256, not_recorded),
        ),
    ):
        rows.append(
            [
                b.markup_paragraph(escaped_markup(label), s.cell_bold),
                b.escaped_paragraph(ref_value, s.cell),
                b.escaped_paragraph(partner_value, s.cell),
            ]
        )
    out.append(b.table(rows, b.cols(b.width, 0.2, 0.4, 0.4), zebra=False))
    out.append(Spacer(1, 16))
    meta = [
        [
            b.markup_paragraph(t("cover.date"), s.cell_bold),
            b.escaped_paragraph(o.date, s.cell),
        ],
        [
            b.markup_paragraph(t("cover.prepared_by"), s.cell_bold),
            b.escaped_paragraph(o.prepared_by or t("cover.author_not_stated"), s.cell),
        ],
    ]
    if o.marking:
        meta.append(
            [
                b.markup_paragraph(t("cover.handling"), s.cell_bold),
                b.escaped_paragraph(o.marking, s.cell),
            ]
        )
    if d.project_file:
        meta.append(
            [
                b.markup_paragraph(t("cover.project_file"), s.cell_bold),
                b.escaped_paragraph(d.project_file, s.cell),
            ]
        )
    out.append(
        b.table(
            meta,
            b.cols(b.width, 0.2, 0.8),
            zebra=False,
            header_rows=0,
            extra=[("GRID", (0, 0), (-1, -1), 0.4, GRID)],
        )
    )
    out.append(Spacer(1, 22))
    line = escaped_markup(b.data.status_words(b.t))
    if d.is_draft:
        text = f"<b>{line}</b><br/><font size=9>{t('cover.draft_note')}</font>"
        tint, edge = colors.HexColor("#FBE3E1"), DRAFT_RED
    else:
        text = f"<b>{line}</b><br/><font size=9>{t('cover.complete_note')}</font>"
        tint, edge = colors.HexColor("#DCEFD8"), colors.HexColor("#2E6B36")
    out.append(b.box(text, tint, edge))
    out.append(PageBreak())
    return out
