"""PDF files written in code for the importer tests (reportlab): ruled and borderless tables."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HEADER = ("ID", "Criteria", "Implementation Guidance", "Must/Should")
BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=11)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=13, leading=16)
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=18, leading=22, alignment=1)


def _footer(c: canvas.Canvas, _doc: object) -> None:
    c.setFont("Helvetica", 8)
    c.drawString(50, 810, "Annex II – Security requirements")
    c.drawString(50, 30, f"Page {c.getPageNumber()}")


def booklet(
    path: Path,
    sections: Sequence[tuple[str, Sequence[Sequence[str]]]],
    *,
    ruled: bool = True,
    encrypt: str | None = None,
    title: str | None = None,
    page_title: str | None = None,
    intro: str | None = None,
) -> Path:
    """A PDF with, per section, a bold heading and a table (header repeated on each page);
    ``title`` is the document information's Title (reportlab writes "untitled" without it),
    ``page_title`` a large centred title on the first page, ``intro`` a paragraph under
    each heading."""
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"invariant": 1}
    if title is not None:
        kwargs["title"] = title
    if encrypt is not None:
        kwargs["encrypt"] = encrypt
    doc = SimpleDocTemplate(buf, pagesize=A4, topMargin=60, bottomMargin=60, **kwargs)
    story: list[object] = [] if page_title is None else [Paragraph(page_title, TITLE)]
    for heading, rows in sections:
        story.append(Paragraph(heading, HEADING))
        story.append(Spacer(1, 4))
        if intro is not None:
            story.append(Paragraph(intro, BODY))
        data = [[Paragraph(c, BODY) for c in HEADER]]
        data += [[Paragraph(c.replace("\n", "<br/>"), BODY) for c in row] for row in rows]
        table = Table(data, colWidths=(70, 190, 170, 65), repeatRows=1)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        if ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
        table.setStyle(TableStyle(style))
        story.append(table)
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    path.write_bytes(buf.getvalue())
    return path


def criteria_rows(prefix: str, count: int) -> list[tuple[str, str, str, str]]:
    """``count`` criteria ``prefix.1`` ... with two-line text and guidance."""
    return [
        (
            f"{prefix}.{n}",
            f"The operator keeps written procedure {prefix}.{n} for checking seals and "
            "containers and reviews it every year with the security lead.",
            f"Keep the record of procedure {n} for at least one year.",
            "Must" if n % 3 else "Should",
        )
        for n in range(1, count + 1)
    ]


def image_only(path: Path) -> Path:
    """A 'scanned' page: drawn shapes and no text at all."""
    c = canvas.Canvas(str(path), invariant=1)
    for y in range(100, 700, 20):
        c.rect(50, y, 400, 10, fill=1)
    c.showPage()
    c.save()
    return path


def claimed_pages(path: Path, count: int) -> Path:
    """A one-page PDF whose page tree claims ``count`` pages."""
    c = canvas.Canvas(str(path), invariant=1)
    c.drawString(50, 700, "ID Criteria")
    c.showPage()
    c.save()
    data = re.sub(rb"/Count 1\b", b"/Count " + str(count).encode(), path.read_bytes())
    path.write_bytes(data)
    return path
