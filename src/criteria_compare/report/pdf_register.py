"""The PDF sections "Discussion points" and "Gap and conflict register".

The discussion points print each flagged criterion beside its partner
criteria with the reviewer's note; the register lists the gaps, conflicts and
partial matches by requirement level, with the note and the stricter side.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from criteria_compare.model import Status
from criteria_compare.report.data import ReferenceRow
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_styles import STATUS_TINT
from criteria_compare.report.pdf_template import Heading

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["discussion_points", "gap_register"]


def discussion_points(b: StoryBuilder) -> list[Flowable]:
    """Each discussion point beside its partner criteria, with the note; ends with a page break."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [b.heading("section.discussion", s.h1, level=0)]
    items = d.discussion_rows()
    if not items:
        out.append(b.markup_paragraph(t("discussion.none"), s.muted))
        out.append(PageBreak())
        return out
    out.append(b.markup_paragraph(t.n("discussion.intro", len(items)), s.body))
    half = b.width / 2
    for n, row in enumerate(items, start=1):
        title = (
            f"{n}. {b.escaped_markup(row.ref)} · {b.escaped_markup(row.section)} · "
            f"{escaped_markup(t.level(row.level))} · {escaped_markup(t.status(row.status))}"
        )
        table_rows: list[list[Any]] = [
            [
                b.markup_paragraph(
                    f"{b.escaped_markup(d.reference.name)} {b.escaped_markup(row.ref)}",
                    s.head,
                ),
                b.markup_paragraph(f"{b.escaped_markup(d.partner.name)}", s.head),
            ],
            [b.escaped_paragraph(row.criterion.text, s.cell), b.partner_cell(row)],
        ]
        block: list[Flowable] = [
            b.markup_paragraph(title, s.h3),
            b.table(table_rows, [half, half], zebra=False),
        ]
        note = row.note.strip()
        block.append(Spacer(1, 3))
        block.append(
            b.markup_paragraph(
                f"<b>{t('discussion.note')}</b> {b.escaped_markup(note)}"
                if note
                else f"<i>{t('discussion.no_note')}</i>",
                s.small,
            )
        )
        block.append(Spacer(1, 6))
        out.append(KeepTogether(block) if len(row.criterion.text) < 1200 else block[0])
        if len(row.criterion.text) >= 1200:
            out.extend(block[1:])
    out.append(PageBreak())
    return out


def gap_register(b: StoryBuilder) -> list[Flowable]:
    """The gaps, conflicts and partial matches, one table per requirement level."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [b.heading("section.register", s.h1, level=0)]
    rows = d.register_rows()
    if not rows:
        out.append(b.markup_paragraph(t("register.none"), s.muted))
        return out
    out.append(b.markup_paragraph(t("register.intro"), s.body))
    if d.is_draft:
        out.append(b.markup_paragraph(t.n("register.draft", d.unreviewed), s.muted))
    groups: dict[str, list[ReferenceRow]] = {}
    for row in rows:
        groups.setdefault(row.level, []).append(row)
    widths = b.cols(b.width, 0.08, 0.14, 0.36, 0.29, 0.13)
    for level, members in groups.items():
        key = {"Must": "register.must", "Should": "register.should"}.get(level, "register.no_level")
        out += b.h2(
            Heading(t(key, n=len(members)), s.h2, level=1, key=f"register-{level}", toc=True)
        )
        table_rows: list[list[Any]] = [
            b.head(
                t("col.ref"),
                t("col.assessment"),
                t("col.reference_criterion"),
                t("col.note"),
                t("col.stricter"),
            )
        ]
        extra: list[tuple[Any, ...]] = []
        for i, row in enumerate(members, start=1):
            crit: list[Flowable] = [b.escaped_paragraph(row.criterion.text, s.cell)]
            if row.links:
                linked = ", ".join(
                    f"{b.escaped_markup(link.criterion.ref)} "
                    f"({escaped_markup(t.relation(link.relation))})"
                    for link in row.links
                )
                crit.append(
                    b.markup_paragraph(f"<i>{t('cell.linked', links=linked)}</i>", s.cell_muted)
                )
            stricter = (
                t(f"stricter.{row.stricter_side.lower().replace(' ', '_')}")
                if row.status is Status.PARTIAL
                else "—"
            )
            table_rows.append(
                [
                    b.ref_paragraph(row.ref, s.cell_bold),
                    b.status_cell(row),
                    crit,
                    b.escaped_paragraph(row.note or "—", s.cell),
                    b.markup_paragraph(escaped_markup(stricter), s.cell),
                ]
            )
            extra.append(("BACKGROUND", (1, i), (1, i), STATUS_TINT[row.status]))
        out.extend(b.chunked_table(table_rows, widths, extra))
    return out
