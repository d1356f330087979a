"""The PDF report's content as platypus flowables, one method per report section."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import ParagraphStyle

from criteria_compare.align.settings import CHANNEL_WEIGHTS, AlignerSettings
from criteria_compare.importing.result import split_warning
from criteria_compare.model import Criterion, Status
from criteria_compare.project.agreement import agreement_sentence
from criteria_compare.report.collect import RECENT_HISTORY
from criteria_compare.report.data import STATUS_ORDER, Counts, ReferenceRow, ReportData
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.fonts import BODY_FONT, FontChooser
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_changes import changes_appendix
from criteria_compare.report.pdf_chart import MAX_CHART_CATEGORIES, category_chart
from criteria_compare.report.pdf_consensus import consensus_section
from criteria_compare.report.pdf_styles import (
    DRAFT_RED,
    GRID,
    HEADER_BG,
    STATUS_TINT,
    ZEBRA,
    Styles,
)
from criteria_compare.report.pdf_template import MARGIN, ContentsLine, Heading

__all__ = ["SECTION_TITLES", "StoryBuilder", "cjk_hint"]

#: Long tables are cut into blocks of this many rows (see StoryBuilder.chunked_table).
_CHUNK_ROWS = 400

#: A table row may split across pages, but each part keeps at least this height (points).
_MIN_SPLIT = 24
#: ... and the part carried over to the next page at least this height (about three lines).
_MIN_REST = 32

#: Top-level sections, in order (the outline and the contents list these).
SECTION_TITLES = (
    "Executive summary",
    "Discussion points",
    "Gap and conflict register",
    "Side-by-side comparison",
    "Partner-only criteria",
    "Method and provenance",
)

_MEANINGS = (
    (Status.ALIGNED, "The partner program has an equivalent requirement."),
    (
        Status.PARTIAL,
        "The partner covers part of it; the note says what is missing and which side is stricter.",
    ),
    (Status.GAP, "The partner program has no counterpart."),
    (Status.CONFLICT, "The partner requires something incompatible; the note explains."),
    (Status.NOT_APPLICABLE, "Does not apply to this comparison; the note gives the reason."),
    (Status.UNREVIEWED, "No reviewer has assessed it yet."),
)

_RELATION_KEY = (
    "Relations read “reference criterion … partner criterion”: equal (same requirement), "
    "subset (the reference asks for less; the partner is stricter), superset (the reference "
    "asks for more; the reference is stricter), intersects (they overlap in part)."
)


class StoryBuilder:
    """Turns a :class:`ReportData` into the list of flowables of the whole report."""

    def __init__(
        self, data: ReportData, options: ReportOptions, styles: Styles, size: tuple[float, float]
    ) -> None:
        self.data = data
        self.options = options
        self.s = styles
        self.fonts = FontChooser(cjk_hint(data))
        self.width = size[0] - 2 * MARGIN
        self.wide = size[1] - 2 * MARGIN
        self._cjk_styles: dict[str, ParagraphStyle] = {}

    # -- helpers ------------------------------------------------------------------------------

    def escaped_paragraph(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user-supplied text: escaped, CJK runs in a CID font."""
        style = style or self.s.body
        marked = self.fonts.escaped_markup(text)
        if "<font face=" in marked:
            style = self._cjk(style)
        return CachedParagraph(marked, style)

    def markup_paragraph(self, marked: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of our own markup (user strings inside must already be escaped)."""
        return CachedParagraph(marked, style or self.s.body)

    def escaped_markup(self, text: str) -> str:
        """``text`` escaped into paragraph markup, CJK runs in a CID font."""
        return self.fonts.escaped_markup(text)

    def _cjk(self, style: ParagraphStyle) -> ParagraphStyle:
        cached = self._cjk_styles.get(style.name)
        if cached is None:
            cached = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
            self._cjk_styles[style.name] = cached
        return cached

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        zebra: bool = True,
        extra: Sequence[tuple[Any, ...]] = (),
        header_rows: int = 1,
    ) -> Table:
        table = _SplittingTable(
            rows,
            colWidths=list(widths),
            repeatRows=header_rows,
            splitByRow=0,
            splitInRow=_MIN_SPLIT,
            hAlign="LEFT",
        )
        commands: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), BODY_FONT, 8),  # tables default to (unembedded) Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BG))
        if zebra and len(rows) > header_rows:
            commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
        commands.extend(extra)
        table.setStyle(TableStyle(commands))
        return table

    def h2(self, heading: Heading) -> list[Flowable]:
        """A sub-heading that never ends a page: it moves on when less than ~7 lines are left."""
        return [CondPageBreak(100), heading]

    def chunked_table(
        self, rows: list[list[Any]], widths: Sequence[float], extra: Sequence[tuple[Any, ...]]
    ) -> list[Table]:
        """One table per block of rows (each with the header), so very long lists stay fast.

        reportlab re-measures the rest of a table at every page break; blocks of
        ``_CHUNK_ROWS`` keep that linear. ``extra`` holds per-row commands on row
        indexes of ``rows`` (header = 0).
        """
        header, body = rows[0], rows[1:]
        if len(body) <= _CHUNK_ROWS:
            return [self.table(rows, widths, extra=extra)]
        tables = []
        for start in range(0, len(body), _CHUNK_ROWS):
            stop = min(len(body), start + _CHUNK_ROWS)
            shifted = [
                (cmd[0], (cmd[1][0], cmd[1][1] - start), (cmd[2][0], cmd[2][1] - start), *cmd[3:])
                for cmd in extra
                if start < cmd[1][1] <= stop
            ]
            tables.append(self.table([header, *body[start:stop]], widths, extra=shifted))
        return tables

    def head(self, *titles: str) -> list[Paragraph]:
        return [self.markup_paragraph(self.escaped_markup(t), self.s.head) for t in titles]

    def cols(self, total: float, *fractions: float) -> list[float]:
        return [total * f for f in fractions]

    def status_cell(self, row: ReferenceRow) -> list[Flowable]:
        cell: list[Flowable] = [
            self.markup_paragraph(f"<b>{escaped_markup(row.status.label)}</b>", self.s.cell)
        ]
        if row.discussion:
            cell.append(self.markup_paragraph("Discussion point", self.s.cell_muted))
        if row.suspect:
            cell.append(self.markup_paragraph("Text changed since decided", self.s.cell_muted))
        return cell

    # -- the story -----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story += self.contents()
        story += self.summary()
        story += self.discussion()
        story += consensus_section(self)
        story += self.register()
        story += self.side_by_side()
        story += self.partner_only()
        story += self.method()
        story += changes_appendix(self)
        # The contents lists every heading; their page numbers are filled in after layout.
        at = next(i for i, f in enumerate(story) if isinstance(f, _ContentsPlaceholder))
        story[at : at + 1] = self.contents_lines(story)
        return story

    def cover(self) -> list[Flowable]:
        d, o, s = self.data, self.options, self.s
        out: list[Flowable] = [Spacer(1, 30)]
        out.append(
            Heading(
                o.title,
                s.title,
                level=0,
                key="cover",
                toc=False,
                markup_text=self.escaped_markup(o.title),
            )
        )
        out.append(
            self.markup_paragraph(
                f"{self.escaped_markup(d.reference.name)} compared with {self.escaped_markup(d.partner.name)}",
                s.subtitle,
            )
        )
        rows: list[list[Any]] = [self.head("", "Reference program", "Partner program")]
        for label, ref_value, partner_value in (
            ("Program", d.reference.name, d.partner.name),
            (
                "Version / date",
                d.reference.version or "not stated",
                d.partner.version or "not stated",
            ),
            ("Criteria", str(len(d.rows)), str(d.partner.criteria_count)),
            (
                "Source file",
                d.reference.source_file or "not recorded",
                d.partner.source_file or "not recorded",
            ),
            ("SHA-256", _spaced_hash(d.reference.sha256), _spaced_hash(d.partner.sha256)),
        ):
            rows.append(
                [
                    self.markup_paragraph(label, s.cell_bold),
                    self.escaped_paragraph(ref_value, s.cell),
                    self.escaped_paragraph(partner_value, s.cell),
                ]
            )
        out.append(self.table(rows, self.cols(self.width, 0.2, 0.4, 0.4), zebra=False))
        out.append(Spacer(1, 16))
        meta = [
            [self.markup_paragraph("Date", s.cell_bold), self.escaped_paragraph(o.date, s.cell)],
            [
                self.markup_paragraph("Prepared by", s.cell_bold),
                self.escaped_paragraph(o.prepared_by or "not stated", s.cell),
            ],
        ]
        if o.marking:
            meta.append(
                [
                    self.markup_paragraph("Handling", s.cell_bold),
                    self.escaped_paragraph(o.marking, s.cell),
                ]
            )
        if d.project_file:
            meta.append(
                [
                    self.markup_paragraph("Project file", s.cell_bold),
                    self.escaped_paragraph(d.project_file, s.cell),
                ]
            )
        out.append(
            self.table(
                meta,
                self.cols(self.width, 0.2, 0.8),
                zebra=False,
                header_rows=0,
                extra=[("GRID", (0, 0), (-1, -1), 0.4, GRID)],
            )
        )
        out.append(Spacer(1, 22))
        if d.is_draft:
            text = (
                f"<b>{escaped_markup(d.status_line)}</b><br/><font size=9>This is a working draft: "
                "the counts will change as the remaining criteria are reviewed.</font>"
            )
            tint, edge = colors.HexColor("#FBE3E1"), DRAFT_RED
        else:
            text = (
                f"<b>{escaped_markup(d.status_line)}</b><br/><font size=9>Every reference criterion "
                "carries a reviewer's assessment.</font>"
            )
            tint, edge = colors.HexColor("#DCEFD8"), colors.HexColor("#2E6B36")
        box = Table(
            [[self.markup_paragraph(text, s.status_box)]], colWidths=[self.width], hAlign="LEFT"
        )
        box.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), BODY_FONT, 8),
                    ("BACKGROUND", (0, 0), (-1, -1), tint),
                    ("LINEBEFORE", (0, 0), (0, -1), 4, edge),
                    ("LEFTPADDING", (0, 0), (-1, -1), 12),
                    ("TOPPADDING", (0, 0), (-1, -1), 9),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
                ]
            )
        )
        out.append(box)
        out.append(PageBreak())
        return out

    def contents(self) -> list[Flowable]:
        return [
            Heading("Contents", self.s.h1, level=0, key="contents", toc=False),
            _ContentsPlaceholder(),
            PageBreak(),
        ]

    def contents_lines(self, story: Sequence[Flowable]) -> list[Flowable]:
        """One line per heading that belongs in the contents, in story order."""
        styles = [self.s.toc1, self.s.toc2]
        return [
            ContentsLine(
                h.toc_markup, h.outline_text, styles[min(h.outline_level, 1)], h.outline_key
            )
            for h in story
            if isinstance(h, Heading) and h.in_toc
        ]

    # -- executive summary -------------------------------------------------------------------

    def summary(self) -> list[Flowable]:
        d, s = self.data, self.s
        counts = d.counts
        out: list[Flowable] = [Heading(SECTION_TITLES[0], s.h1, level=0, key="summary")]
        partner_total = d.partner.criteria_count
        out.append(
            self.markup_paragraph(
                f"{len(d.rows)} criteria of {self.escaped_markup(d.reference.name)} were compared with "
                f"{partner_total} criteria of {self.escaped_markup(d.partner.name)}. "
                f"{d.link_count} confirmed links connect them. "
                f"{len(d.partner_only)} partner "
                f"{_plural(len(d.partner_only), 'criterion has', 'criteria have')} no counterpart "
                "in the reference program (partner-only).",
            )
        )
        register = len(d.register_rows())
        must = d.counts_by_level().get("Must")
        must_gaps = must.count(Status.GAP) + must.count(Status.CONFLICT) if must else 0
        out.append(
            self.markup_paragraph(
                f"<b>{register}</b> {_plural(register, 'criterion is', 'criteria are')} "
                "assessed gap, conflict or partial; "
                f"<b>{must_gaps}</b> of the gaps and conflicts concern mandatory (Must) criteria, "
                f"which weigh more than recommended (Should) ones. "
                f"<b>{len(d.discussion_rows())}</b> "
                f"{_plural(len(d.discussion_rows()), 'item is', 'items are')} flagged for discussion.",
            )
        )
        out += self.h2(Heading("Assessments", s.h2, level=1, key="summary-overall"))
        rows: list[list[Any]] = [
            [
                *self.head("Assessment", "Meaning"),
                *[self.markup_paragraph(t, s.head_right) for t in ("Criteria", "Share")],
            ]
        ]
        extra: list[tuple[Any, ...]] = []
        for i, (status, meaning) in enumerate(_MEANINGS, start=1):
            rows.append(
                [
                    self.markup_paragraph(f"<b>{status.label}</b>", s.cell),
                    self.markup_paragraph(escaped_markup(meaning), s.cell),
                    self.markup_paragraph(str(counts.count(status)), s.cell_right),
                    self.markup_paragraph(f"{counts.percent(status):.1f} %", s.cell_right),
                ]
            )
            extra.append(("BACKGROUND", (0, i), (0, i), STATUS_TINT[status]))
        rows.append(
            [
                self.markup_paragraph("<b>Total</b>", s.cell),
                self.markup_paragraph("", s.cell),
                self.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right),
                self.markup_paragraph("100.0 %" if counts.total else "—", s.cell_right),
            ]
        )
        out.append(
            self.table(rows, self.cols(self.width, 0.16, 0.6, 0.12, 0.12), zebra=False, extra=extra)
        )
        out += self.h2(Heading("By level (Must / Should)", s.h2, level=1, key="summary-level"))
        out.append(self.counts_table("Level", d.counts_by_level()))
        out += self.h2(Heading("By category", s.h2, level=1, key="summary-category"))
        by_section = d.counts_by_section()
        out.append(self.counts_table("Category", by_section))
        out.append(CondPageBreak(120))
        chart_block: list[Flowable] = [
            Heading("Assessments per category (chart)", s.h2, level=1, key="summary-chart"),
            self.markup_paragraph(
                "Number of reference criteria in each category, by assessment.", s.muted
            ),
        ]
        if len(by_section) > MAX_CHART_CATEGORIES:
            chart_block.append(
                self.markup_paragraph(
                    f"The chart shows the first {MAX_CHART_CATEGORIES} of {len(by_section)} "
                    "categories; the table above lists them all.",
                    s.muted,
                )
            )
        chart_block.append(category_chart(by_section, self.width))
        out.append(KeepTogether(chart_block))
        out.append(PageBreak())
        return out

    def counts_table(self, label: str, groups: dict[str, Counts]) -> Table:
        s = self.s
        short = {Status.NOT_APPLICABLE: "N/A", Status.UNREVIEWED: "Unrev."}
        header = [self.markup_paragraph(escaped_markup(label), s.head)] + [
            self.markup_paragraph(escaped_markup(short.get(st, st.label)), s.head_right)
            for st in STATUS_ORDER
        ]
        header.append(self.markup_paragraph("Total", s.head_right))
        rows: list[list[Any]] = [header]
        for name, counts in groups.items():
            row: list[Any] = [self.escaped_paragraph(name, s.cell)]
            for status in STATUS_ORDER:
                n = counts.count(status)
                row.append(self.markup_paragraph(str(n) if n else "·", s.cell_right))
            row.append(self.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right))
            rows.append(row)
        n_status = len(STATUS_ORDER)
        first = 0.34 if label == "Category" else 0.2
        rest = (1 - first) / (n_status + 1)
        return self.table(rows, self.cols(self.width, first, *([rest] * (n_status + 1))))

    # -- discussion points --------------------------------------------------------------------

    def discussion(self) -> list[Flowable]:
        d, s = self.data, self.s
        out: list[Flowable] = [Heading(SECTION_TITLES[1], s.h1, level=0, key="discussion")]
        items = d.discussion_rows()
        if not items:
            out.append(self.markup_paragraph("No item is flagged for discussion.", s.muted))
            out.append(PageBreak())
            return out
        out.append(
            self.markup_paragraph(
                f"{len(items)} {_plural(len(items), 'item is', 'items are')} flagged for the "
                "negotiation agenda, in program order.",
                s.body,
            )
        )
        half = self.width / 2
        for n, row in enumerate(items, start=1):
            title = (
                f"{n}. {self.escaped_markup(row.ref)} · {self.escaped_markup(row.section)} · {escaped_markup(row.level)} · "
                f"{escaped_markup(row.status.label)}"
            )
            partner_cell: list[Flowable] = []
            for link in row.links:
                partner_cell.append(
                    self.markup_paragraph(
                        f"<b>{self.escaped_markup(link.criterion.ref)}</b> · {escaped_markup(link.relation.label)}",
                        s.cell,
                    )
                )
                partner_cell.append(self.escaped_paragraph(link.criterion.text, s.cell))
                partner_cell.append(Spacer(1, 3))
            if not partner_cell:
                partner_cell.append(
                    self.markup_paragraph("No linked partner criterion.", s.cell_muted)
                )
            table_rows: list[list[Any]] = [
                [
                    self.markup_paragraph(
                        f"{self.escaped_markup(d.reference.name)} {self.escaped_markup(row.ref)}",
                        s.head,
                    ),
                    self.markup_paragraph(f"{self.escaped_markup(d.partner.name)}", s.head),
                ],
                [self.escaped_paragraph(row.criterion.text, s.cell), partner_cell],
            ]
            block: list[Flowable] = [
                self.markup_paragraph(title, s.h3),
                self.table(table_rows, [half, half], zebra=False),
            ]
            note = row.note.strip()
            block.append(Spacer(1, 3))
            block.append(
                self.markup_paragraph(
                    f"<b>Note:</b> {self.escaped_markup(note)}" if note else "<i>No note.</i>",
                    s.small,
                )
            )
            block.append(Spacer(1, 6))
            out.append(KeepTogether(block) if len(row.criterion.text) < 1200 else block[0])
            if len(row.criterion.text) >= 1200:
                out.extend(block[1:])
        out.append(PageBreak())
        return out

    # -- gap and conflict register ------------------------------------------------------------

    def register(self) -> list[Flowable]:
        d, s = self.data, self.s
        out: list[Flowable] = [Heading(SECTION_TITLES[2], s.h1, level=0, key="register")]
        rows = d.register_rows()
        if not rows:
            out.append(
                self.markup_paragraph("No criterion is assessed gap, conflict or partial.", s.muted)
            )
            return out
        out.append(
            self.markup_paragraph(
                "Reference criteria assessed conflict, gap or partial. Mandatory (Must) criteria "
                "come first. For a partial verdict the stricter side follows from the relation "
                "of its links (subset: partner stricter; superset: reference stricter); "
                "otherwise the note says.",
                s.body,
            )
        )
        groups: dict[str, list[ReferenceRow]] = {}
        for row in rows:
            groups.setdefault(row.level, []).append(row)
        titles = {"Must": "Mandatory criteria (Must)", "Should": "Recommended criteria (Should)"}
        widths = self.cols(self.width, 0.08, 0.14, 0.36, 0.29, 0.13)
        for level, members in groups.items():
            title = titles.get(level, "Criteria without a level")
            out += self.h2(
                Heading(f"{title}: {len(members)}", s.h2, level=1, key=f"register-{level}")
            )
            table_rows: list[list[Any]] = [
                self.head("Ref", "Assessment", "Reference criterion", "Note", "Stricter side")
            ]
            extra: list[tuple[Any, ...]] = []
            for i, row in enumerate(members, start=1):
                crit: list[Flowable] = [self.escaped_paragraph(row.criterion.text, s.cell)]
                if row.links:
                    linked = ", ".join(
                        f"{self.escaped_markup(link.criterion.ref)} ({escaped_markup(link.relation.label)})"
                        for link in row.links
                    )
                    crit.append(self.markup_paragraph(f"<i>Linked: {linked}</i>", s.cell_muted))
                stricter = row.stricter_side if row.status is Status.PARTIAL else "—"
                table_rows.append(
                    [
                        ref_paragraph(self, row.ref, s.cell_bold),
                        self.status_cell(row),
                        crit,
                        self.escaped_paragraph(row.note or "—", s.cell),
                        self.markup_paragraph(escaped_markup(stricter), s.cell),
                    ]
                )
                extra.append(("BACKGROUND", (1, i), (1, i), STATUS_TINT[row.status]))
            out.extend(self.chunked_table(table_rows, widths, extra))
        return out

    # -- side by side (landscape) ------------------------------------------------------------

    def side_by_side(self) -> list[Flowable]:
        d, s = self.data, self.s
        out: list[Flowable] = [
            NextPageTemplate("landscape"),
            PageBreak(),
            Heading(SECTION_TITLES[3], s.h1, level=0, key="side-by-side"),
            self.markup_paragraph(
                f"Every criterion of {self.escaped_markup(d.reference.name)} in program order, next to the "
                f"confirmed counterparts in {self.escaped_markup(d.partner.name)}. "
                + escaped_markup(_RELATION_KEY),
                s.small,
            ),
        ]
        widths = self.cols(self.wide, 0.07, 0.3, 0.33, 0.1, 0.2)
        header = self.head(
            "Ref",
            f"{d.reference.name} criterion",
            f"{d.partner.name} counterpart(s)",
            "Assessment",
            "Note",
        )
        for index, (section, rows) in enumerate(d.rows_by_section().items()):
            out += self.h2(
                Heading(
                    section,
                    s.h2,
                    level=1,
                    key=f"sbs-{index}",
                    markup_text=self.escaped_markup(section),
                )
            )
            table_rows: list[list[Any]] = [header]
            extra: list[tuple[Any, ...]] = []
            for i, row in enumerate(rows, start=1):
                partner: list[Flowable] = []
                for link in row.links:
                    partner.append(
                        self.markup_paragraph(
                            f"<b>{self.escaped_markup(link.criterion.ref)}</b>  "
                            f"<font color='#5B6573'>{escaped_markup(link.relation.label)}</font>",
                            s.cell,
                        )
                    )
                    partner.append(self.escaped_paragraph(link.criterion.text, s.cell))
                    partner.append(Spacer(1, 4))
                if partner:
                    partner.pop()
                else:
                    partner.append(
                        self.markup_paragraph("No linked partner criterion", s.cell_muted)
                    )
                table_rows.append(
                    [
                        [
                            ref_paragraph(self, row.ref, s.cell_bold),
                            self.markup_paragraph(escaped_markup(row.level), s.cell_muted),
                        ],
                        self.escaped_paragraph(row.criterion.text, s.cell),
                        partner,
                        self.status_cell(row),
                        self.escaped_paragraph(row.note, s.cell)
                        if row.note
                        else self.markup_paragraph("", s.cell),
                    ]
                )
                extra.append(("BACKGROUND", (3, i), (3, i), STATUS_TINT[row.status]))
            out.extend(self.chunked_table(table_rows, widths, extra))
        out.append(NextPageTemplate("portrait"))
        out.append(PageBreak())
        return out

    # -- partner-only ---------------------------------------------------------------------------

    def partner_only(self) -> list[Flowable]:
        d, s = self.data, self.s
        out: list[Flowable] = [Heading(SECTION_TITLES[4], s.h1, level=0, key="partner-only")]
        if not d.partner_only:
            out.append(
                self.markup_paragraph(
                    "Every partner criterion is linked to a reference criterion.", s.muted
                )
            )
            return out
        out.append(
            self.markup_paragraph(
                f"{len(d.partner_only)} of {d.partner.criteria_count} criteria of "
                f"{self.escaped_markup(d.partner.name)} are linked to no reference criterion. AEO programs "
                "also cover customs compliance, record keeping and solvency, which the reference "
                "program does not address; these are listed by the partner's own sections.",
                s.body,
            )
        )
        widths = self.cols(self.width, 0.13, 0.87)
        for index, (section, criteria) in enumerate(d.partner_only_by_section().items()):
            out += self.h2(
                Heading(
                    f"{section} ({len(criteria)})",
                    s.h2,
                    level=1,
                    key=f"po-{index}",
                    toc=False,
                    markup_text=f"{self.escaped_markup(section)} ({len(criteria)})",
                )
            )
            rows: list[list[Any]] = [self.head("Ref", "Criterion")]
            rows.extend(
                [ref_paragraph(self, c.ref, s.cell_bold), self.criterion_cell(c)] for c in criteria
            )
            out.append(self.table(rows, widths))
        return out

    def criterion_cell(self, criterion: Criterion) -> list[Flowable]:
        cell: list[Flowable] = [self.escaped_paragraph(criterion.text, self.s.cell)]
        if criterion.level is not None:
            cell.append(
                self.markup_paragraph(escaped_markup(criterion.level.value), self.s.cell_muted)
            )
        return cell

    # -- method and provenance ----------------------------------------------------------------

    def method(self) -> list[Flowable]:
        d, s = self.data, self.s
        out: list[Flowable] = [
            CondPageBreak(250),
            Heading(SECTION_TITLES[5], s.h1, level=0, key="method"),
        ]
        out += self.h2(
            Heading("How candidates were suggested", s.h2, level=1, key="method-aligner")
        )
        refitted = _refit_sentence(d.settings)
        out.append(
            self.markup_paragraph(
                "For every reference criterion the tool ranked partner criteria by textual and "
                "semantic similarity and showed the reviewer the top candidates with the shared "
                "terms behind each score. Suggestions are only proposals: nothing enters this "
                "report without a reviewer's decision."
                + ("" if refitted else " The settings used were:"),
            )
        )
        if refitted:
            out.append(self.markup_paragraph(refitted + " The settings used were:"))
        if d.settings:
            # Two setting/value pairs per row keep a long settings list to half a page.
            pairs = [
                [
                    self.escaped_paragraph(str(k).replace("_", " "), s.cell),
                    self.escaped_paragraph(_format_setting(v), s.cell),
                ]
                for k, v in d.settings.items()
            ]
            half = (len(pairs) + 1) // 2
            left, right = pairs[:half], pairs[half:]
            blank = [self.markup_paragraph("", s.cell), self.markup_paragraph("", s.cell)]
            rows: list[list[Any]] = [self.head("Setting", "Value", "Setting", "Value")]
            rows.extend(a + (right[i] if i < len(right) else blank) for i, a in enumerate(left))
            out.append(self.table(rows, self.cols(self.width, 0.27, 0.23, 0.27, 0.23)))
        else:
            out.append(
                self.markup_paragraph("No aligner settings are recorded in the project.", s.muted)
            )
        if d.aligned_at:
            out.append(Spacer(1, 4))
            out.append(
                self.markup_paragraph(
                    f"Suggestions were last computed on {escaped_markup(_short_time(d.aligned_at))} UTC."
                )
            )
        for notice in d.notices:
            out.append(
                self.markup_paragraph(
                    f"Note from the aligner: {self.escaped_markup(notice)}", s.muted
                )
            )
        out += self.h2(Heading("Human confirmation", s.h2, level=1, key="method-confirmation"))
        suggested = d.link_count - d.manual_link_count
        out.append(
            self.markup_paragraph(
                f"Every one of the {d.link_count} links in this report was confirmed by a person; "
                f"none was accepted automatically. {suggested} were confirmed from ranked "
                f"suggestions and {d.manual_link_count} were made by hand. Every assessment "
                "names the reviewer who recorded it.",
            )
        )
        out += self.h2(Heading("Reviewers", s.h2, level=1, key="method-reviewers"))
        if d.reviewers:
            rows = [
                self.head(
                    "Reviewer", "Criteria assessed", "First activity (UTC)", "Last activity (UTC)"
                )
            ]
            rows.extend(
                [
                    self.escaped_paragraph(r.reviewer or "unnamed", s.cell),
                    self.markup_paragraph(str(r.decisions), s.cell_right),
                    self.escaped_paragraph(_short_time(r.first), s.cell),
                    self.escaped_paragraph(_short_time(r.last), s.cell),
                ]
                for r in d.reviewers
            )
            out.append(self.table(rows, self.cols(self.width, 0.4, 0.14, 0.23, 0.23)))
        else:
            out.append(self.markup_paragraph("No decision has been recorded yet.", s.muted))
        if d.agreement:
            out.append(Spacer(1, 4))
            out.append(
                self.markup_paragraph(
                    "Agreement between reviewers, on the criteria both assessed (each one's last "
                    "verdict); Cohen's kappa discounts the agreement expected by chance (1 is "
                    "full agreement, 0 no better than chance):"
                )
            )
            out.extend(
                self.escaped_paragraph(agreement_sentence(pair), s.body) for pair in d.agreement
            )
        out += self.h2(Heading("History", s.h2, level=1, key="method-history"))
        if d.history_actions:
            total = sum(d.history_actions.values())
            out.append(
                self.markup_paragraph(
                    f"The project's audit trail holds {total} recorded changes. By kind:", s.body
                )
            )
            rows = [self.head("Change", "Count")]
            rows.extend(
                [
                    self.escaped_paragraph(action.replace("_", " "), s.cell),
                    self.markup_paragraph(str(n), s.cell_right),
                ]
                for action, n in sorted(d.history_actions.items(), key=lambda kv: -kv[1])
            )
            out.append(self.table(rows, self.cols(self.width, 0.5, 0.15)))
        recent = d.history[:RECENT_HISTORY]
        if recent:
            out.append(CondPageBreak(140))
            out.append(Spacer(1, 6))
            out.append(
                self.markup_paragraph(
                    f"The {len(recent)} most recent changes (the workbook export lists all):",
                    s.body,
                )
            )
            rows = [self.head("When (UTC)", "Reviewer", "Change", "Ref", "New value")]
            rows.extend(
                [
                    self.escaped_paragraph(_short_time(h.timestamp), s.cell),
                    self.escaped_paragraph(h.reviewer, s.cell),
                    self.escaped_paragraph(h.action.replace("_", " "), s.cell),
                    self.escaped_paragraph(
                        " → ".join(x for x in (h.reference_ref, h.partner_ref) if x), s.cell
                    ),
                    self.escaped_paragraph(_clip(h.new_value or ""), s.cell),
                ]
                for h in recent
            )
            out.append(self.table(rows, self.cols(self.width, 0.18, 0.15, 0.17, 0.17, 0.33)))
        if not d.history_actions and not d.history:
            out.append(
                self.markup_paragraph("No change is recorded in the project's history.", s.muted)
            )
        out += self.h2(Heading("Sources", s.h2, level=1, key="method-sources"))
        if any(len(info.editions) > 1 for info in d.editions):
            out += self.editions_table()
            out += self.import_warnings()
            return out
        rows = [self.head("Program", "Source file", "SHA-256")]
        for program in (d.reference, d.partner):
            rows.append(
                [
                    self.escaped_paragraph(program.name, s.cell),
                    self.escaped_paragraph(program.source_file or "not recorded", s.cell),
                    self.escaped_paragraph(_spaced_hash(program.sha256), s.cell),
                ]
            )
        out.append(self.table(rows, self.cols(self.width, 0.25, 0.3, 0.45)))
        out += self.import_warnings()
        return out

    def import_warnings(self) -> list[Flowable]:
        """What the importer noticed in each source file, as it was told when importing."""
        d, s = self.data, self.s
        out: list[Flowable] = self.h2(
            Heading("Import warnings", s.h2, level=1, key="method-import-warnings")
        )
        total = len(d.reference.import_warnings) + len(d.partner.import_warnings)
        if not total:
            out.append(
                self.markup_paragraph(
                    "The importer reported nothing unusual in either source file.", s.muted
                )
            )
            return out
        out.append(
            self.markup_paragraph(
                f"When the programs were imported, the importer reported {total} "
                f"warning{'s' if total != 1 else ''} (rows it skipped, columns it did not "
                "import, languages it chose); each names the place in the source file."
            )
        )
        rows = [self.head("Program", "Where", "Warning")]
        for program in (d.reference, d.partner):
            shown = program.import_warnings[:MAX_IMPORT_WARNINGS]
            for sentence in shown:
                where, message = split_warning(sentence)
                rows.append(
                    [
                        self.escaped_paragraph(program.name, s.cell),
                        self.escaped_paragraph(where, s.cell),
                        self.escaped_paragraph(_clip(message, 400), s.cell),
                    ]
                )
            more = len(program.import_warnings) - len(shown)
            if more > 0:
                rows.append(
                    [
                        self.escaped_paragraph(program.name, s.cell),
                        self.markup_paragraph("", s.cell),
                        self.escaped_paragraph(
                            f"… and {more} more (the project keeps them all).", s.cell_muted
                        ),
                    ]
                )
        out.append(self.table(rows, self.cols(self.width, 0.2, 0.28, 0.52)))
        return out

    def editions_table(self) -> list[Flowable]:
        """Every edition of both programs on record: label, file, SHA-256, imported when, by whom."""
        d, s = self.data, self.s
        out: list[Flowable] = [
            self.markup_paragraph(
                "Each program's editions, oldest first; the comparison uses the last of each.",
                s.body,
            )
        ]
        rows: list[list[Any]] = [
            self.head("Program", "Edition", "Source file", "Imported (UTC)", "SHA-256")
        ]
        for info in d.editions:
            for e in info.editions:
                label = f"{e.number}" + (f" ({e.label})" if e.label else "")
                rows.append(
                    [
                        self.escaped_paragraph(info.program, s.cell),
                        self.escaped_paragraph(label, s.cell),
                        self.escaped_paragraph(
                            f"{e.source_file or 'not recorded'}, {e.criteria} criteria", s.cell
                        ),
                        self.escaped_paragraph(
                            _short_time(e.imported_at)
                            + (f" by {e.imported_by}" if e.imported_by else ""),
                            s.cell,
                        ),
                        self.escaped_paragraph(_spaced_hash(e.sha256), s.cell),
                    ]
                )
        out.append(self.table(rows, self.cols(self.width, 0.18, 0.13, 0.23, 0.18, 0.28)))
        return out


MAX_IMPORT_WARNINGS = 40
"""Import warnings listed per program in the report (the rest are counted)."""


class _ContentsPlaceholder(Spacer):
    """Marks where the contents lines go once every heading is known."""

    def __init__(self) -> None:
        super().__init__(0, 0)


class CachedParagraph(Paragraph):
    """A paragraph that remembers its line breaks per width.

    A long table is re-measured every time it is split across a page, and the
    document is laid out twice; line breaking depends only on the width, so
    measuring each cell once per width keeps big reports fast.
    """

    _wrap_cache: tuple[float, Any, float, list[float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cached = self._wrap_cache
        if cached is not None and cached[0] == availWidth:
            _, self.blPara, self.height, self._wrapWidths = cached
            self.width = availWidth
            return self.width, self.height
        width, height = super().wrap(availWidth, availHeight)
        if width == availWidth:
            self._wrap_cache = (availWidth, self.blPara, self.height, self._wrapWidths)
        return width, height


class _SplittingTable(Table):
    """A table whose rows split across pages, without leaving an empty sliver of a row behind."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            rest = parts[1]
            skip = rest.repeatRows if isinstance(rest.repeatRows, int) else len(rest.repeatRows)
            values = rest._cellvalues
            heights = getattr(rest, "_argH", None) or []
            sliver = len(heights) > skip and heights[skip] is not None and heights[skip] < _MIN_REST
            if len(values) > skip and (sliver or all(_empty(cell) for cell in values[skip])):
                # A row cut so that only a line or two (or nothing) goes over: move it whole.
                by_row: list[Flowable] = self._splitRows(availHeight, doInRowSplit=False)
                if by_row:
                    return by_row
            _label_continuation(parts[0], rest, skip)
        return parts


def ref_paragraph(builder: StoryBuilder, ref: str, style: ParagraphStyle) -> Paragraph:
    """The ref cell's paragraph; it tells a split row's second half which criterion continues."""
    paragraph = builder.escaped_paragraph(ref, style)
    paragraph.continued = builder.markup_paragraph(
        f"{builder.escaped_markup(ref)} (cont.)", builder.s.cell_muted
    )
    return paragraph


def _label_continuation(first: Table, rest: Table, skip: int) -> None:
    """If a row was split and its first cell stayed behind, name the criterion on the new page."""
    values = rest._cellvalues
    if len(values) <= skip or not _empty(values[skip][0]) or not first._cellvalues:
        return
    cell = first._cellvalues[-1][0]
    flowables = cell if isinstance(cell, (list, tuple)) else [cell]
    label = next(
        (getattr(f, "continued", None) for f in flowables if hasattr(f, "continued")), None
    )
    if label is not None:
        values[skip][0] = [label]


def _empty(cell: object) -> bool:
    if cell is None or cell == "":
        return True
    if isinstance(cell, (list, tuple)):
        return all(_empty(c) for c in cell)
    return False


def _plural(count: int, one: str, many: str) -> str:
    return one if count == 1 else many


def cjk_hint(data: ReportData) -> str | None:
    """The report's CJK language from its criteria texts: decides the font of kanji-only text."""
    from criteria_compare.report.fonts import cjk_language

    texts = [c.text for c in data.partner_only]
    texts += [link.criterion.text for row in data.rows for link in row.links]
    texts += [row.criterion.text for row in data.rows[:200]]
    return cjk_language(texts)


def _spaced_hash(sha: str) -> str:
    """A SHA-256 split in groups of 8 so it wraps cleanly in a narrow cell."""
    if not sha:
        return "not recorded"
    return " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))


def _short_time(stamp: str) -> str:
    """ "2026-11-23T12:54:02+00:00" -> "2026-11-23 12:54"."""
    if "T" in stamp:
        day, time = stamp.split("T", 1)
        return f"{day} {time[:5]}"
    return stamp


def _clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _format_setting(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    return str(value)


def _refit_sentence(settings: Mapping[str, object]) -> str:
    """A sentence for readers when this comparison's channel weights differ from the shipped ones."""
    shipped = AlignerSettings().to_dict()
    if not settings or all(
        settings.get(name, shipped[name]) == shipped[name] for name in CHANNEL_WEIGHTS
    ):
        return ""
    text = (
        "The channel weights were re-fitted for this comparison from links its reviewers "
        "had confirmed, and adopted only because they ranked held-out confirmed links better "
        "than the shipped setting."
    )
    affinity = settings.get("weight_affinity", 0)
    if isinstance(affinity, (int, float)) and affinity > 0:
        text += (
            " They include section affinity: candidates in partner sections that reviewers had "
            "already linked from the same reference section rank higher. This orders "
            "suggestions only; every link in this report was still confirmed by a person."
        )
    return text
