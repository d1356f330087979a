"""Paragraph styles, colours and table styles of the PDF report, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from criteria_compare.model import Status
from criteria_compare.report.fonts import BODY_FONT, BOLD_FONT, ITALIC_FONT, register_fonts

__all__ = [
    "GRID",
    "HEADER_BG",
    "INK",
    "KEEP_WHOLE_ROWS",
    "MUTED",
    "ORPHAN_ROWS",
    "STATUS_BAR",
    "STATUS_TINT",
    "ZEBRA",
    "Styles",
    "kept_rows",
    "make_styles",
]

INK = colors.HexColor("#1B2330")
MUTED = colors.HexColor("#5B6573")
ACCENT = colors.HexColor("#1F3A5F")
HEADER_BG = colors.HexColor("#1F3A5F")
GRID = colors.HexColor("#B8C0CC")
ZEBRA = colors.HexColor("#F3F5F8")
DRAFT_RED = colors.HexColor("#B3261E")

#: Light tints behind the assessment word in tables (the word is always printed too).
STATUS_TINT = {
    Status.ALIGNED: colors.HexColor("#DCEFD8"),
    Status.PARTIAL: colors.HexColor("#FCEFC7"),
    Status.GAP: colors.HexColor("#F6D4D2"),
    Status.CONFLICT: colors.HexColor("#E8D6F0"),
    Status.NOT_APPLICABLE: colors.HexColor("#E4E6EA"),
    Status.UNREVIEWED: colors.white,
}

#: Stronger colours for the chart bars (the legend names each one).
STATUS_BAR = {
    Status.ALIGNED: colors.HexColor("#4C9A58"),
    Status.PARTIAL: colors.HexColor("#E2A72E"),
    Status.GAP: colors.HexColor("#C4473F"),
    Status.CONFLICT: colors.HexColor("#7B4B9A"),
    Status.NOT_APPLICABLE: colors.HexColor("#9AA1AB"),
    Status.UNREVIEWED: colors.HexColor("#D5DAE1"),
}

#: A table of at most this many body rows is never split: it moves whole, with its heading.
KEEP_WHOLE_ROWS = 8
#: A longer table splits between rows, leaving at least this many body rows on either page.
ORPHAN_ROWS = 3


def kept_rows(body_rows: int, header_rows: int = 1) -> list[tuple[object, ...]]:
    """``NOSPLIT`` table commands for orphan and widow control, as in a printed report.

    A table of up to :data:`KEEP_WHOLE_ROWS` body rows stays whole; a longer one
    may split between rows (its header repeated), but never leaves fewer than
    :data:`ORPHAN_ROWS` body rows at the foot of a page or at the top of the next.
    """
    first, last = header_rows, header_rows + body_rows - 1
    if body_rows < 2:
        return []
    if body_rows <= KEEP_WHOLE_ROWS:
        return [("NOSPLIT", (0, first), (-1, last))]
    return [
        ("NOSPLIT", (0, first), (-1, first + ORPHAN_ROWS - 1)),
        ("NOSPLIT", (0, last - ORPHAN_ROWS + 1), (-1, last)),
    ]


@dataclass(frozen=True)
class Styles:
    """The named paragraph styles the report uses."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_right: ParagraphStyle
    guidance: ParagraphStyle
    findings_item: ParagraphStyle
    head: ParagraphStyle
    head_right: ParagraphStyle
    status_box: ParagraphStyle
    toc1: ParagraphStyle
    toc2: ParagraphStyle


def make_styles() -> Styles:
    """Build the styles (registers the embedded fonts first)."""
    register_fonts()
    base = ParagraphStyle(
        "body", fontName=BODY_FONT, fontSize=9.5, leading=13, textColor=INK, spaceAfter=5
    )
    cell = ParagraphStyle("cell", parent=base, fontSize=8, leading=10.2, spaceAfter=0)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD_FONT, textColor=colors.white)
    return Styles(
        title=ParagraphStyle(
            "title",
            parent=base,
            fontName=BOLD_FONT,
            fontSize=24,
            leading=30,
            textColor=ACCENT,
            spaceAfter=10,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=base, fontSize=13, leading=18, textColor=MUTED, spaceAfter=18
        ),
        h1=ParagraphStyle(
            "h1",
            parent=base,
            fontName=BOLD_FONT,
            fontSize=16,
            leading=21,
            textColor=ACCENT,
            spaceBefore=18,
            spaceAfter=10,
        ),
        h2=ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD_FONT,
            fontSize=11.5,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=5,
        ),
        h3=ParagraphStyle(
            "h3",
            parent=base,
            fontName=BOLD_FONT,
            fontSize=9.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
        body=base,
        small=ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        muted=ParagraphStyle("muted", parent=base, fontSize=8.5, leading=11.5, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD_FONT),
        cell_muted=ParagraphStyle("cell_muted", parent=cell, fontName=ITALIC_FONT, textColor=MUTED),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        guidance=ParagraphStyle(
            "guidance", parent=cell, fontSize=7, leading=8.8, textColor=MUTED, spaceBefore=2
        ),
        findings_item=ParagraphStyle(
            "findings_item",
            parent=base,
            fontSize=8.5,
            leading=11,
            leftIndent=10,
            firstLineIndent=-8,
            spaceAfter=2,
        ),
        head=head,
        head_right=ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT),
        status_box=ParagraphStyle(
            "status_box", parent=base, fontName=BOLD_FONT, fontSize=11, leading=15
        ),
        toc1=ParagraphStyle(
            "toc1", parent=base, fontName=BOLD_FONT, fontSize=10, leading=14, spaceBefore=5
        ),
        toc2=ParagraphStyle(
            "toc2", parent=base, fontSize=9, leading=13.5, leftIndent=16, spaceAfter=0
        ),
    )
