"""The PDF report's content as platypus flowables, one method per report section.

Every word the report prints comes from the language's catalogue (``self.t``);
criteria, notes and guidance print as written.
"""

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
from criteria_compare.model import Criterion, Status
from criteria_compare.report.collect import CANDIDATE_RANKS
from criteria_compare.report.data import STATUS_ORDER, Counts, ReferenceRow, ReportData
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.fonts import BODY_FONT, FontChooser, has_cjk
from criteria_compare.report.i18n import Translator, translator
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_annex import technical_annex
from criteria_compare.report.pdf_changes import changes_appendix
from criteria_compare.report.pdf_chart import MAX_CHART_CATEGORIES, category_chart
from criteria_compare.report.pdf_consensus import consensus_section
from criteria_compare.report.pdf_findings import key_findings
from criteria_compare.report.pdf_styles import (
    DRAFT_RED,
    GRID,
    HEADER_BG,
    KEEP_WHOLE_ROWS,
    ORPHAN_ROWS,
    STATUS_TINT,
    ZEBRA,
    Styles,
    kept_rows,
)
from criteria_compare.report.pdf_template import MARGIN, ContentsLine, Heading

__all__ = ["SECTION_KEYS", "SECTION_TITLES", "StoryBuilder", "reviewers_shown", "section_titles"]

#: Long tables are cut into blocks of this many rows (see StoryBuilder.chunked_table).
_CHUNK_ROWS = 400
#: Longest section name a heading shows: a heading and its contents line cannot run across
#: pages, and a name longer than this is a paragraph imported into the section column.
_HEADING_CHARS = 200

#: A table row may split across pages, but each part keeps at least this height (points).
_MIN_SPLIT = 24
#: ... and the part carried over to the next page at least this height (about three lines).
_MIN_REST = 32

#: Top-level sections, in order (the outline and the contents list these); catalogue keys.
SECTION_KEYS = (
    "section.summary",
    "section.discussion",
    "section.register",
    "section.side_by_side",
    "section.partner_only",
    "section.method",
)


def section_titles(language: str = "en") -> tuple[str, ...]:
    """The top-level section titles in ``language``, in order."""
    t = translator(language)
    return tuple(t(key) for key in SECTION_KEYS)


#: The top-level section titles in English.
SECTION_TITLES = section_titles("en")


def reviewers_shown(data: ReportData) -> tuple[Any, ...]:
    """The reviewers the main text names: those who recorded at least one assessment."""
    return tuple(r for r in data.reviewers if r.decisions > 0)


class StoryBuilder:
    """Turns a :class:`ReportData` into the list of flowables of the whole report."""

    def __init__(
        self, data: ReportData, options: ReportOptions, styles: Styles, size: tuple[float, float]
    ) -> None:
        self.data = data
        self.options = options
        self.s = styles
        self.t: Translator = translator(options.language)
        self.fonts = FontChooser()
        self.width = size[0] - 2 * MARGIN
        self.wide = size[1] - 2 * MARGIN
        self._cjk_styles: dict[str, ParagraphStyle] = {}

    # -- helpers ------------------------------------------------------------------------------

    def escaped_paragraph(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of user-supplied text: tidied, escaped, each run in a font that has it."""
        style = style or self.s.body
        marked = self.fonts.escaped_markup(text)
        if "<font face=" in marked and has_cjk(text):
            style = self._cjk(style)
        return CachedParagraph(marked, style)

    def markup_paragraph(self, marked: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of our own markup (user strings inside must already be escaped)."""
        return CachedParagraph(marked, style or self.s.body)

    def escaped_markup(self, text: str) -> str:
        """``text`` escaped into paragraph markup, each run in a font that has its glyphs."""
        return self.fonts.escaped_markup(text)

    def _cjk(self, style: ParagraphStyle) -> ParagraphStyle:
        cached = self._cjk_styles.get(style.name)
        if cached is None:
            cached = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
            self._cjk_styles[style.name] = cached
        return cached

    def heading(
        self, key: str, style: ParagraphStyle, *, level: int, toc: bool = True, **fields: object
    ) -> Heading:
        """A heading whose words come from the catalogue (``fields`` are plain text)."""
        text = self.t(key, **fields)
        return Heading(text, style, level=level, key=key, toc=toc)

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        *,
        zebra: bool = True,
        extra: Sequence[tuple[Any, ...]] = (),
        header_rows: int = 1,
        keep: bool = False,
    ) -> Table:
        """A report table with its header repeated on every page it runs onto.

        A tall row may be cut across a page break; with ``keep`` the table splits
        only between rows and follows the orphan and widow rule of :func:`kept_rows`
        (a short table stays whole).
        """
        table = _SplittingTable(
            rows,
            colWidths=list(widths),
            repeatRows=header_rows,
            splitByRow=1 if keep else 0,
            splitInRow=0 if keep else _MIN_SPLIT,
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
        if keep:
            commands.extend(kept_rows(len(rows) - header_rows, header_rows))
        table.setStyle(TableStyle(commands))
        return table

    def kept_block(self, heading: Heading, table: Table, header_rows: int = 1) -> list[Flowable]:
        """A heading and its kept table (see :meth:`table`), moved on together when the page
        has no room for the heading and the table's first part (all of a short table, else
        the header and the first rows the orphan rule asks for)."""
        _, height = heading.wrap(self.width, self.wide)
        height += heading.getSpaceBefore() + heading.getSpaceAfter()
        table.wrap(self.width, self.wide)
        if max(table._rowHeights) > 0.5 * self.wide:
            table.splitInRow = _MIN_SPLIT  # a row this tall could never be printed whole
        body = len(table._rowHeights) - header_rows
        first = body if body <= KEEP_WHOLE_ROWS else ORPHAN_ROWS
        need = height + sum(table._rowHeights[: header_rows + first]) + 4
        # A part that could never fit a page leaves the table to split where it must.
        return [CondPageBreak(need if need < 0.8 * self.wide else 100), heading, table]

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
        """Header cells: catalogue words or user text (program names), escaped."""
        return [self.markup_paragraph(self.escaped_markup(t), self.s.head) for t in titles]

    def cols(self, total: float, *fractions: float) -> list[float]:
        return [total * f for f in fractions]

    def status_cell(self, row: ReferenceRow) -> list[Flowable]:
        t = self.t
        cell: list[Flowable] = [
            self.markup_paragraph(f"<b>{escaped_markup(t.status(row.status))}</b>", self.s.cell)
        ]
        if row.discussion:
            cell.append(self.markup_paragraph(t("cell.discussion_point"), self.s.cell_muted))
        if row.suspect:
            cell.append(self.markup_paragraph(t("cell.text_changed"), self.s.cell_muted))
        return cell

    def guidance(self, criterion: Criterion) -> list[Flowable]:
        """The partner's own guidance under its criterion, in smaller type (when asked for)."""
        text = criterion.guidance.strip()
        if not text or not self.options.guidance:
            return []
        label = escaped_markup(self.t("cell.guidance"))
        return [
            self.markup_paragraph(
                f"<i>{label}</i> {self.escaped_markup(text)}",
                self._cjk(self.s.guidance) if has_cjk(text) else self.s.guidance,
            )
        ]

    def partner_cell(self, row: ReferenceRow, *, with_guidance: bool = True) -> list[Flowable]:
        """The linked partner criteria of ``row``: ref, relation, text and (optionally) guidance."""
        s, t = self.s, self.t
        cell: list[Flowable] = []
        for link in row.links:
            cell.append(
                self.markup_paragraph(
                    f"<b>{self.escaped_markup(link.criterion.ref)}</b>  "
                    f"<font color='#5B6573'>{escaped_markup(t.relation(link.relation))}</font>",
                    s.cell,
                )
            )
            cell.append(self.escaped_paragraph(link.criterion.text, s.cell))
            if with_guidance:
                cell += self.guidance(link.criterion)
            cell.append(Spacer(1, 4))
        if cell:
            cell.pop()
        else:
            key = "cell.not_linked_yet" if row.status is Status.UNREVIEWED else "cell.no_link"
            cell.append(self.markup_paragraph(escaped_markup(t(key)), s.cell_muted))
        return cell

    # -- the story -----------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        story: list[Flowable] = []
        story += self.cover()
        story += key_findings(self)
        story += self.contents()
        story += self.summary()
        story += self.discussion()
        story += consensus_section(self)
        story += self.register()
        story += self.side_by_side()
        story += self.partner_only()
        story += self.method()
        story += changes_appendix(self)
        if self.options.annex:
            story += technical_annex(self)
        # The contents lists every heading; their page numbers are filled in after layout.
        at = next(i for i, f in enumerate(story) if isinstance(f, _ContentsPlaceholder))
        story[at : at + 1] = self.contents_lines(story)
        return story

    def status_line(self) -> str:
        """ "Complete — all N criteria reviewed" or "DRAFT — N of M criteria not yet reviewed"."""
        d = self.data
        if d.is_draft:
            return self.t.n(
                "status.draft_line", d.unreviewed, unreviewed=d.unreviewed, total=len(d.rows)
            )
        return self.t("status.complete_line", total=len(d.rows))

    def cover(self) -> list[Flowable]:
        d, o, s, t = self.data, self.options, self.s, self.t
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
                t(
                    "cover.compared_with",
                    reference=self.escaped_markup(d.reference.name),
                    partner=self.escaped_markup(d.partner.name),
                ),
                s.subtitle,
            )
        )
        rows: list[list[Any]] = [self.head("", t("cover.reference"), t("cover.partner"))]
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
                    self.markup_paragraph(escaped_markup(label), s.cell_bold),
                    self.escaped_paragraph(ref_value, s.cell),
                    self.escaped_paragraph(partner_value, s.cell),
                ]
            )
        out.append(self.table(rows, self.cols(self.width, 0.2, 0.4, 0.4), zebra=False))
        out.append(Spacer(1, 16))
        meta = [
            [
                self.markup_paragraph(t("cover.date"), s.cell_bold),
                self.escaped_paragraph(o.date, s.cell),
            ],
            [
                self.markup_paragraph(t("cover.prepared_by"), s.cell_bold),
                self.escaped_paragraph(o.prepared_by or t("cover.author_not_stated"), s.cell),
            ],
        ]
        if o.marking:
            meta.append(
                [
                    self.markup_paragraph(t("cover.handling"), s.cell_bold),
                    self.escaped_paragraph(o.marking, s.cell),
                ]
            )
        if d.project_file:
            meta.append(
                [
                    self.markup_paragraph(t("cover.project_file"), s.cell_bold),
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
        line = escaped_markup(self.status_line())
        if d.is_draft:
            text = f"<b>{line}</b><br/><font size=9>{t('cover.draft_note')}</font>"
            tint, edge = colors.HexColor("#FBE3E1"), DRAFT_RED
        else:
            text = f"<b>{line}</b><br/><font size=9>{t('cover.complete_note')}</font>"
            tint, edge = colors.HexColor("#DCEFD8"), colors.HexColor("#2E6B36")
        out.append(self.box(text, tint, edge))
        out.append(PageBreak())
        return out

    def box(self, markup: str, tint: Any, edge: Any, style: ParagraphStyle | None = None) -> Table:
        """A tinted box with a coloured edge (the cover's status, the findings' draft note)."""
        box = Table(
            [[self.markup_paragraph(markup, style or self.s.status_box)]],
            colWidths=[self.width],
            hAlign="LEFT",
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
        return box

    def contents(self) -> list[Flowable]:
        return [
            Heading(self.t("section.contents"), self.s.h1, level=0, key="contents", toc=False),
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

    def partner_only_sentence(self) -> str:
        """How many partner criteria are partner-only (and, in a draft, not yet linked)."""
        d, t = self.data, self.t
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

    def summary(self) -> list[Flowable]:
        d, s, t = self.data, self.s, self.t
        counts = d.counts
        out: list[Flowable] = [self.heading("section.summary", s.h1, level=0)]
        out.append(
            self.markup_paragraph(
                t(
                    "summary.compared",
                    n_ref=len(d.rows),
                    reference=self.escaped_markup(d.reference.name),
                    n_partner=d.partner.criteria_count,
                    partner=self.escaped_markup(d.partner.name),
                )
                + " "
                + t.n("summary.links", d.link_count)
                + " "
                + self.partner_only_sentence()
            )
        )
        if d.is_draft:
            out.append(
                self.markup_paragraph(t.n("summary.draft_shares", d.unreviewed, **d.draft_counts()))
            )
        register = len(d.register_rows())
        must = d.counts_by_level().get("Must")
        must_gaps = must.count(Status.GAP) + must.count(Status.CONFLICT) if must else 0
        discussion = len(d.discussion_rows())
        out.append(
            self.markup_paragraph(
                t.n("summary.register", register)
                + " "
                + t.n("summary.must_gaps", must_gaps)
                + " "
                + t.n("summary.discussion", discussion)
            )
        )
        out += self.h2(self.heading("summary.assessments", s.h2, level=1))
        share_head = t("summary.share_reviewed") if d.is_draft else t("summary.share")
        rows: list[list[Any]] = [
            [
                *self.head(t("summary.assessment"), t("summary.meaning")),
                *[
                    self.markup_paragraph(escaped_markup(x), s.head_right)
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
                    self.markup_paragraph(f"<b>{escaped_markup(t.status(status))}</b>", s.cell),
                    self.markup_paragraph(t(f"meaning.{status.value}"), s.cell),
                    self.markup_paragraph(str(counts.count(status)), s.cell_right),
                    self.markup_paragraph(share, s.cell_right),
                ]
            )
            extra.append(("BACKGROUND", (0, i), (0, i), STATUS_TINT[status]))
        rows.append(
            [
                self.markup_paragraph(f"<b>{t('summary.total')}</b>", s.cell),
                self.markup_paragraph("", s.cell),
                self.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right),
                self.markup_paragraph(t.percent(100.0) if counts.reviewed else "—", s.cell_right),
            ]
        )
        out.append(
            self.table(rows, self.cols(self.width, 0.16, 0.6, 0.12, 0.12), zebra=False, extra=extra)
        )
        by_level = {t.level(k): v for k, v in d.counts_by_level().items()}
        out += self.kept_block(
            self.heading("summary.by_level", s.h2, level=1),
            self.counts_table(t("summary.level"), by_level, narrow=True),
        )
        by_section = d.counts_by_section()
        # A long category table splits (header repeated) rather than leave half a page empty.
        out += self.kept_block(
            self.heading("summary.by_category", s.h2, level=1),
            self.counts_table(t("summary.category"), by_section),
        )
        out.append(CondPageBreak(120))
        chart_block: list[Flowable] = [
            self.heading("summary.chart", s.h2, level=1),
            self.markup_paragraph(t("summary.chart_caption"), s.muted),
        ]
        if len(by_section) > MAX_CHART_CATEGORIES:
            chart_block.append(
                self.markup_paragraph(
                    t("summary.chart_cut", shown=MAX_CHART_CATEGORIES, total=len(by_section)),
                    s.muted,
                )
            )
        chart_block.append(category_chart(by_section, self.width, self.t))
        out.append(KeepTogether(chart_block))
        out.append(PageBreak())
        return out

    def counts_table(self, label: str, groups: dict[str, Counts], *, narrow: bool = False) -> Table:
        s, t = self.s, self.t
        header = [self.markup_paragraph(escaped_markup(label), s.head)] + [
            self.markup_paragraph(escaped_markup(t.status_short(st)), s.head_right)
            for st in STATUS_ORDER
        ]
        header.append(self.markup_paragraph(t("summary.total"), s.head_right))
        rows: list[list[Any]] = [header]
        for name, counts in groups.items():
            row: list[Any] = [self.escaped_paragraph(clip(name, _HEADING_CHARS), s.cell)]
            for status in STATUS_ORDER:
                n = counts.count(status)
                row.append(self.markup_paragraph(str(n) if n else "·", s.cell_right))
            row.append(self.markup_paragraph(f"<b>{counts.total}</b>", s.cell_right))
            rows.append(row)
        n_status = len(STATUS_ORDER)
        first = 0.2 if narrow else 0.3
        rest = (1 - first) / (n_status + 1)
        return self.table(rows, self.cols(self.width, first, *([rest] * (n_status + 1))), keep=True)

    # -- discussion points --------------------------------------------------------------------

    def discussion(self) -> list[Flowable]:
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [self.heading("section.discussion", s.h1, level=0)]
        items = d.discussion_rows()
        if not items:
            out.append(self.markup_paragraph(t("discussion.none"), s.muted))
            out.append(PageBreak())
            return out
        out.append(self.markup_paragraph(t.n("discussion.intro", len(items)), s.body))
        half = self.width / 2
        for n, row in enumerate(items, start=1):
            title = (
                f"{n}. {self.escaped_markup(row.ref)} · {self.escaped_markup(row.section)} · "
                f"{escaped_markup(t.level(row.level))} · {escaped_markup(t.status(row.status))}"
            )
            table_rows: list[list[Any]] = [
                [
                    self.markup_paragraph(
                        f"{self.escaped_markup(d.reference.name)} {self.escaped_markup(row.ref)}",
                        s.head,
                    ),
                    self.markup_paragraph(f"{self.escaped_markup(d.partner.name)}", s.head),
                ],
                [self.escaped_paragraph(row.criterion.text, s.cell), self.partner_cell(row)],
            ]
            block: list[Flowable] = [
                self.markup_paragraph(title, s.h3),
                self.table(table_rows, [half, half], zebra=False),
            ]
            note = row.note.strip()
            block.append(Spacer(1, 3))
            block.append(
                self.markup_paragraph(
                    f"<b>{t('discussion.note')}</b> {self.escaped_markup(note)}"
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

    # -- gap and conflict register ------------------------------------------------------------

    def register(self) -> list[Flowable]:
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [self.heading("section.register", s.h1, level=0)]
        rows = d.register_rows()
        if not rows:
            out.append(self.markup_paragraph(t("register.none"), s.muted))
            return out
        out.append(self.markup_paragraph(t("register.intro"), s.body))
        if d.is_draft:
            out.append(self.markup_paragraph(t.n("register.draft", d.unreviewed), s.muted))
        groups: dict[str, list[ReferenceRow]] = {}
        for row in rows:
            groups.setdefault(row.level, []).append(row)
        widths = self.cols(self.width, 0.08, 0.14, 0.36, 0.29, 0.13)
        for level, members in groups.items():
            key = {"Must": "register.must", "Should": "register.should"}.get(
                level, "register.no_level"
            )
            out += self.h2(
                Heading(t(key, n=len(members)), s.h2, level=1, key=f"register-{level}", toc=True)
            )
            table_rows: list[list[Any]] = [
                self.head(
                    t("col.ref"),
                    t("col.assessment"),
                    t("col.reference_criterion"),
                    t("col.note"),
                    t("col.stricter"),
                )
            ]
            extra: list[tuple[Any, ...]] = []
            for i, row in enumerate(members, start=1):
                crit: list[Flowable] = [self.escaped_paragraph(row.criterion.text, s.cell)]
                if row.links:
                    linked = ", ".join(
                        f"{self.escaped_markup(link.criterion.ref)} "
                        f"({escaped_markup(t.relation(link.relation))})"
                        for link in row.links
                    )
                    crit.append(
                        self.markup_paragraph(
                            f"<i>{t('cell.linked', links=linked)}</i>", s.cell_muted
                        )
                    )
                stricter = (
                    t(f"stricter.{row.stricter_side.lower().replace(' ', '_')}")
                    if row.status is Status.PARTIAL
                    else "—"
                )
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
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [
            NextPageTemplate("landscape"),
            PageBreak(),
            self.heading("section.side_by_side", s.h1, level=0),
            self.markup_paragraph(
                t(
                    "sbs.intro",
                    reference=self.escaped_markup(d.reference.name),
                    partner=self.escaped_markup(d.partner.name),
                )
                + " "
                + t("sbs.relations")
                + (" " + t("sbs.guidance") if self.options.guidance else ""),
                s.small,
            ),
        ]
        widths = self.cols(self.wide, 0.07, 0.3, 0.33, 0.1, 0.2)
        header = self.head(
            t("col.ref"),
            t("sbs.reference_col", program=d.reference.name),
            t("sbs.partner_col", program=d.partner.name),
            t("col.assessment"),
            t("col.note"),
        )
        for index, (section, rows) in enumerate(d.rows_by_section().items()):
            name = clip(section, _HEADING_CHARS)
            out += self.h2(
                Heading(
                    name,
                    s.h2,
                    level=1,
                    key=f"sbs-{index}",
                    markup_text=self.escaped_markup(name),
                )
            )
            table_rows: list[list[Any]] = [header]
            extra: list[tuple[Any, ...]] = []
            for i, row in enumerate(rows, start=1):
                table_rows.append(
                    [
                        [
                            ref_paragraph(self, row.ref, s.cell_bold),
                            self.markup_paragraph(
                                escaped_markup(t.level_short(row.level)), s.cell_muted
                            ),
                        ],
                        self.escaped_paragraph(row.criterion.text, s.cell),
                        self.partner_cell(row),
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
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [self.heading("section.partner_only", s.h1, level=0)]
        confirmed, pending = d.confirmed_partner_only, d.not_yet_linked
        if not d.partner_only:
            out.append(self.markup_paragraph(t("po.all_linked"), s.muted))
            return out
        partner = self.escaped_markup(d.partner.name)
        if confirmed:
            out.append(
                self.markup_paragraph(
                    t.n("po.intro", len(confirmed), total=d.partner.criteria_count, partner=partner)
                    + " "
                    + t("po.why"),
                    s.body,
                )
            )
        else:
            out.append(self.markup_paragraph(t("po.none_yet"), s.muted))
        if pending:
            # Without suggestions nobody knows what a criterion still to be reviewed may claim.
            why = "po.pending_intro" if d.partner_candidates is not None else "po.unaligned_intro"
            out.append(self.markup_paragraph(t.n(why, len(pending), partner=partner), s.body))
        out += self.partner_list(confirmed, "po")
        if pending:
            out += self.h2(self.heading("po.pending_title", s.h2, level=1, n=len(pending)))
            out += self.partner_list(pending, "pending")
        return out

    def partner_list(self, criteria: Sequence[Criterion], prefix: str) -> list[Flowable]:
        """Partner criteria by the partner's own sections: ref, text, level and guidance."""
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = []
        widths = self.cols(self.width, 0.13, 0.87)
        for index, (section, members) in enumerate(d.partner_only_by_section(criteria).items()):
            out += self.h2(
                Heading(
                    f"{clip(section, _HEADING_CHARS)} ({len(members)})",
                    s.h2 if prefix == "po" else s.h3,
                    level=1 if prefix == "po" else 2,
                    key=f"{prefix}-{index}",
                    toc=False,
                    markup_text=f"{self.escaped_markup(clip(section, _HEADING_CHARS))} ({len(members)})",
                )
            )
            rows: list[list[Any]] = [self.head(t("col.ref"), t("col.criterion"))]
            rows.extend(
                [ref_paragraph(self, c.ref, s.cell_bold), self.criterion_cell(c)] for c in members
            )
            out.extend(self.chunked_table(rows, widths, ()))
        return out

    def criterion_cell(self, criterion: Criterion) -> list[Flowable]:
        cell: list[Flowable] = [self.escaped_paragraph(criterion.text, self.s.cell)]
        if criterion.level is not None:
            cell.append(
                self.markup_paragraph(
                    escaped_markup(self.t.level(criterion.level.value)), self.s.cell_muted
                )
            )
        cell += self.guidance(criterion)
        return cell

    # -- method and provenance ----------------------------------------------------------------

    def method(self) -> list[Flowable]:
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [CondPageBreak(250), self.heading("section.method", s.h1, level=0)]
        out += self.h2(self.heading("method.suggested", s.h2, level=1))
        out.append(self.markup_paragraph(t("method.suggested_text")))
        if _refitted(d.settings):
            key = "method.refitted_affinity" if _affinity(d.settings) else "method.refitted"
            out.append(self.markup_paragraph(t(key)))
        if d.aligned_at:
            out.append(
                self.markup_paragraph(
                    t("method.aligned_at", when=escaped_markup(short_time(d.aligned_at)))
                )
            )
        out.append(
            self.markup_paragraph(
                t("method.settings_in_annex") if self.options.annex else t("method.settings_kept"),
                s.muted,
            )
        )
        out += self.h2(self.heading("method.confirmation", s.h2, level=1))
        out.append(self.markup_paragraph(self.confirmation()))
        out += self.h2(self.heading("method.partner_only_rule", s.h2, level=1))
        out.append(self.markup_paragraph(t("method.partner_only_text", ranks=CANDIDATE_RANKS)))
        if d.is_draft:
            out.append(self.markup_paragraph(t("method.shares_text")))
        out += self.h2(self.heading("method.reviewers", s.h2, level=1))
        shown = reviewers_shown(d)
        if shown:
            rows = [
                self.head(
                    t("col.reviewer"), t("col.assessed"), t("col.first_utc"), t("col.last_utc")
                )
            ]
            rows.extend(
                [
                    self.escaped_paragraph(r.reviewer or t("method.unnamed"), s.cell),
                    self.markup_paragraph(str(r.decisions), s.cell_right),
                    self.escaped_paragraph(short_time(r.first), s.cell),
                    self.escaped_paragraph(short_time(r.last), s.cell),
                ]
                for r in shown
            )
            out.append(self.table(rows, self.cols(self.width, 0.4, 0.14, 0.23, 0.23)))
        else:
            out.append(self.markup_paragraph(t("method.no_decision"), s.muted))
        if d.agreement:
            out.append(Spacer(1, 4))
            out.append(self.markup_paragraph(t("method.agreement_intro")))
            out.extend(self.markup_paragraph(self.agreement(pair), s.body) for pair in d.agreement)
        out += self.h2(self.heading("method.sources", s.h2, level=1))
        if any(len(info.editions) > 1 for info in d.editions):
            out += self.editions_table()
        else:
            not_recorded = t("cover.not_recorded")
            rows = [self.head(t("col.program"), t("cover.source_file"), "SHA-256")]
            for program in (d.reference, d.partner):
                rows.append(
                    [
                        self.escaped_paragraph(program.name, s.cell),
                        self.escaped_paragraph(program.source_file or not_recorded, s.cell),
                        self.escaped_paragraph(spaced_hash(program.sha256, not_recorded), s.cell),
                    ]
                )
            out.append(self.table(rows, self.cols(self.width, 0.25, 0.3, 0.45)))
        warnings = len(d.reference.import_warnings) + len(d.partner.import_warnings)
        if warnings:
            where = "method.warnings_annex" if self.options.annex else "method.warnings_kept"
            out.append(Spacer(1, 4))
            out.append(self.markup_paragraph(t.n(where, warnings), s.muted))
        else:
            out.append(Spacer(1, 4))
            out.append(self.markup_paragraph(t("method.no_warnings"), s.muted))
        return out

    def confirmation(self) -> str:
        """How many links were confirmed from suggestions and how many made by hand."""
        d, t = self.data, self.t
        links, manual = d.link_count, d.manual_link_count
        suggested = links - manual
        if not links:
            return t("method.no_links")
        if not manual:
            how = t.n("method.all_suggested", links)
        elif not suggested:
            how = t.n("method.all_by_hand", links)
        else:
            how = t(
                "method.split",
                suggested=t.n("method.from_suggestions", suggested),
                manual=t.n("method.by_hand", manual),
            )
        return " ".join((t.n("method.confirmed", links), how, t("method.named")))

    def agreement(self, pair: Any) -> str:
        """One reviewer pair's agreement as a sentence of this language (names escaped)."""
        t = self.t
        a, b = (self.escaped_markup(name) for name in pair.reviewers)
        if pair.criteria == 0:
            return t("agreement.none", a=a, b=b)
        kappa = (
            t("agreement.kappa", kappa=t.number(pair.kappa, 2))
            if pair.kappa is not None
            else t("agreement.kappa_undefined")
        )
        return t.n(
            "agreement.pair",
            pair.criteria,
            a=a,
            b=b,
            agreed=pair.agreed,
            percent=t.percent(pair.percent or 0.0),
            kappa=kappa,
        )

    def editions_table(self) -> list[Flowable]:
        """Every edition of both programs on record: label, file, SHA-256, imported when, by whom."""
        d, s, t = self.data, self.s, self.t
        out: list[Flowable] = [self.markup_paragraph(t("editions.intro"), s.body)]
        rows: list[list[Any]] = [
            self.head(
                t("col.program"),
                t("editions.edition"),
                t("cover.source_file"),
                t("editions.imported"),
                "SHA-256",
            )
        ]
        not_recorded = t("cover.not_recorded")
        for info in d.editions:
            for e in info.editions:
                label = f"{e.number}" + (f" ({e.label})" if e.label else "")
                rows.append(
                    [
                        self.escaped_paragraph(info.program, s.cell),
                        self.escaped_paragraph(label, s.cell),
                        self.markup_paragraph(
                            t.n(
                                "editions.file",
                                e.criteria,
                                file=self.escaped_markup(e.source_file or not_recorded),
                            ),
                            s.cell,
                        ),
                        self.markup_paragraph(
                            escaped_markup(short_time(e.imported_at))
                            + (
                                " " + t("editions.by", who=self.escaped_markup(e.imported_by))
                                if e.imported_by
                                else ""
                            ),
                            s.cell,
                        ),
                        self.escaped_paragraph(spaced_hash(e.sha256, not_recorded), s.cell),
                    ]
                )
        out.append(self.table(rows, self.cols(self.width, 0.18, 0.13, 0.23, 0.18, 0.28)))
        return out


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
        builder.t("cell.continued", ref=builder.escaped_markup(ref)), builder.s.cell_muted
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


def spaced_hash(sha: str, missing: str = "not recorded") -> str:
    """A SHA-256 split in groups of 8 so it wraps cleanly in a narrow cell."""
    if not sha:
        return missing
    return " ".join(sha[i : i + 8] for i in range(0, len(sha), 8))


def short_time(stamp: str) -> str:
    """ "2026-11-23T12:54:02+00:00" -> "2026-11-23 12:54"."""
    if "T" in stamp:
        day, time = stamp.split("T", 1)
        return f"{day} {time[:5]}"
    return stamp


def clip(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_setting(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    return str(value)


def _refitted(settings: Mapping[str, object]) -> bool:
    """True when this comparison's channel weights differ from the shipped ones."""
    shipped = AlignerSettings().to_dict()
    return bool(settings) and any(
        settings.get(name, shipped[name]) != shipped[name] for name in CHANNEL_WEIGHTS
    )


def _affinity(settings: Mapping[str, object]) -> bool:
    affinity = settings.get("weight_affinity", 0)
    return isinstance(affinity, (int, float)) and affinity > 0
