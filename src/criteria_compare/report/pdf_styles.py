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
    "MUTED",
    "STATUS_BAR",
    "STATUS_TINT",
    "ZEBRA",
    "Styles",
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
