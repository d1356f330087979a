"""Importer on documents: a 60-page PDF booklet and a Word annex of 400 criteria each.

Each import is printed beside its budget and beside a same-run reference. The budget is
on CPU time: the import is single-threaded, so on an idle machine its wall time is its CPU
time, while on a busy shared machine the wall time mostly measures the other processes
(both are printed). For the PDF the reference is
pdfplumber's own character extraction of every page (``page.chars``), which the reader
replaces with a leaner pass over pdfminer's layout; for Word, python-docx opening the
file and reading every table cell's text through its API.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import figure, info
from criteria_compare.importing import read_criteria

CRITERIA = 400
CATEGORIES = 12
ROUNDS = 3
HEADER = ("ID", "Criteria", "Implementation Guidance", "Must/Should")


def _rows() -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    per = -(-CRITERIA // CATEGORIES)
    sections = []
    made = 0
    for cat in range(1, CATEGORIES + 1):
        rows = []
        for n in range(1, per + 1):
            if made == CRITERIA:
                break
            made += 1
            rows.append(
                (
                    f"{cat}.{n}",
                    f"The operator keeps written procedure {cat}.{n} for checking seals, "
                    "containers and the paperwork that travels with them, names who carries "
                    "it out, and reviews it every year with the security lead and the "
                    "managers of the sites concerned.",
                    f"Keep the record of procedure {cat}.{n} for at least one year, with the "
                    "names of the people who checked and what they found; show it to the "
                    "validator on request.",
                    "Must" if n % 3 else "Should",
                )
            )
        sections.append((f"{cat}. Generated category {cat}", rows))
    return sections


def make_pdf(path: Path) -> tuple[Path, int]:
    """The booklet layout of the CTPAT sample, 400 criteria; returns the path and page count."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=14.8)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16)
    pages = [0]

    def page(c: object, _d: object) -> None:
        pages[0] += 1
        c.setFont("Helvetica", 8)  # type: ignore[attr-defined]
        c.drawString(54, 760, "Generated booklet for the benchmark")  # type: ignore[attr-defined]
        c.drawString(54, 30, f"Page {pages[0]}")  # type: ignore[attr-defined]

    story: list[object] = []
    for heading, rows in _rows():
        story.append(Paragraph(heading, head))
        data = [[Paragraph(h, body) for h in HEADER]]
        data += [[Paragraph(v, body) for v in row] for row in rows]
        table = Table(data, colWidths=(40, 220, 200, 50), repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)]))
        story.append(table)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=letter, invariant=1).build(
        story, onFirstPage=page, onLaterPages=page
    )
    path.write_bytes(buf.getvalue())
    return path, pages[0]


def make_docx(path: Path) -> Path:
    """A Word annex: a heading and a table per category, 400 criteria."""
    import docx

    document = docx.Document()
    for heading, rows in _rows():
        document.add_heading(heading, level=1)
        table = document.add_table(rows=1, cols=4)
        for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
    document.save(str(path))
    return path


def wall_and_cpu(func: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def best(func: Callable[[], object]) -> tuple[float, float]:
    return min(wall_and_cpu(func) for _ in range(ROUNDS))


def pdfplumber_chars(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return sum(len(p.chars) for p in pdf.pages)


def python_docx_cells(path: Path) -> int:
    import docx

    document = docx.Document(str(path))
    return sum(len(c.text) for t in document.tables for r in t.rows for c in r.cells)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pdf, pages = make_pdf(Path(tmp) / "booklet.pdf")
        result = read_criteria(pdf)
        info("PDF booklet", f"{pages} pages, {len(result.criteria)} criteria imported")
        ours = best(lambda: read_criteria(pdf))
        plain = best(lambda: pdfplumber_chars(pdf))
        figure(f"import of a {pages}-page PDF, {CRITERIA} criteria (CPU)", ours[1], 5.0, "s")
        info("  wall", f"{ours[0]:.3f} s")
        info(
            "  reference: pdfplumber page.chars on every page",
            f"{plain[0]:.3f} s ({plain[1]:.3f} s CPU); import / reference CPU "
            f"{ours[1] / plain[1]:.2f} x",
        )
        word = make_docx(Path(tmp) / "annex.docx")
        result = read_criteria(word)
        info("Word annex", f"{len(result.criteria)} criteria imported")
        ours = best(lambda: read_criteria(word))
        plain = best(lambda: python_docx_cells(word))
        figure(f"import of a {CRITERIA}-criterion .docx (CPU)", ours[1], 2.0, "s")
        info("  wall", f"{ours[0]:.3f} s")
        info(
            "  reference: python-docx reading every table cell",
            f"{plain[0]:.3f} s ({plain[1]:.3f} s CPU); import / reference CPU "
            f"{ours[1] / plain[1]:.2f} x",
        )


if __name__ == "__main__":
    main()
