"""The PDF section "Side-by-side comparison" (landscape): every reference criterion beside its
partner criteria, section by section, with the assessment and the note."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_styles import STATUS_TINT
from criteria_compare.report.pdf_template import Heading
from criteria_compare.report.pdf_text import HEADING_CHARS
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["side_by_side"]


def side_by_side(b: StoryBuilder) -> list[Flowable]:
    """The section on landscape pages, one table per reference section."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [
        NextPageTemplate("landscape"),
        PageBreak(),
        b.heading("section.side_by_side", s.h1, level=0),
        b.markup_paragraph(
            t(
                "sbs.intro",
                reference=b.escaped_markup(d.reference.name),
                partner=b.escaped_markup(d.partner.name),
            )
            + " "
            + t("sbs.relations")
            + (" " + t("sbs.guidance") if b.options.guidance else ""),
            s.small,
        ),
    ]
    widths = b.cols(b.wide, 0.07, 0.3, 0.33, 0.1, 0.2)
    header = b.head(
        t("col.ref"),
        t("sbs.reference_col", program=d.reference.name),
        t("sbs.partner_col", program=d.partner.name),
        t("col.assessment"),
        t("col.note"),
    )
    for index, (section, rows) in enumerate(d.rows_by_section().items()):
        name = clipped(section, HEADING_CHARS)
        out += b.h2(
            Heading(
                name,
                s.h2,
                level=1,
                key=f"sbs-{index}",
                markup_text=b.escaped_markup(name),
            )
        )
        table_rows: list[list[Any]] = [header]
        extra: list[tuple[Any, ...]] = []
        for i, row in enumerate(rows, start=1):
            table_rows.append(
                [
                    [
                        b.ref_paragraph(row.ref, s.cell_bold),
                        b.markup_paragraph(escaped_markup(t.level_short(row.level)), s.cell_muted),
                    ],
                    b.escaped_paragraph(row.criterion.text, s.cell),
                    b.partner_cell(row),
                    b.status_cell(row),
                    b.escaped_paragraph(row.note, s.cell)
                    if row.note
                    else b.markup_paragraph("", s.cell),
                ]
            )
            extra.append(("BACKGROUND", (3, i), (3, i), STATUS_TINT[row.status]))
        out.extend(b.chunked_table(table_rows, widths, extra))
    out.append(NextPageTemplate("portrait"))
    out.append(PageBreak())
    return out
