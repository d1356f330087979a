"""PDF documents: ruled and borderless tables across pages, headings, running lines, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.errors import ImportFailed
from criteria_compare.importing import ImportLimits, read_criteria
from criteria_compare.model import Level
from tests.importing.pdf_fixtures import booklet, claimed_pages, criteria_rows, image_only


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_tables_across_pages(tmp_path: Path, ruled: bool) -> None:
    """Two categories whose tables run over several pages: every criterion once, under its
    heading, with criteria and guidance in their own columns; the repeated header rows,
    the running header and the page numbers are not criteria."""
    path = booklet(
        tmp_path / "annex.pdf",
        [("1. Seal Security", criteria_rows("1", 30)), ("2. Access", criteria_rows("2", 12))],
        ruled=ruled,
    )
    result = read_criteria(path)
    assert result.pages is not None
    assert result.pages >= 3
    assert [c.ref for c in result.criteria] == [f"1.{n}" for n in range(1, 31)] + [
        f"2.{n}" for n in range(1, 13)
    ]
    assert {c.section for c in result.criteria[:30]} == {"1. Seal Security"}
    assert {c.section for c in result.criteria[30:]} == {"2. Access"}
    first = result.criteria[0]
    assert first.text == (
        "The operator keeps written procedure 1.1 for checking seals and containers and "
        "reviews it every year with the security lead."
    )
    assert first.guidance == "Keep the record of procedure 1 for at least one year."
    assert [c.level for c in result.criteria[:3]] == [Level.MUST, Level.MUST, Level.SHOULD]
    assert result.warnings == ()


def test_provenance_names_page_and_table(tmp_path: Path) -> None:
    """A criterion on the second page records that page, its table and the row in it."""
    path = booklet(tmp_path / "p.pdf", [("1. Seals", criteria_rows("1", 30))])
    result = read_criteria(path)
    last = result.criteria[-1].provenance
    assert last is not None
    assert last.sheet is not None
    assert last.sheet.startswith("page ")
    assert last.sheet != "page 1, table 1"
    assert last.row >= 2


def test_scanned_pdf_has_no_text_layer(tmp_path: Path) -> None:
    """A PDF of page images: one sentence saying so and what to do."""
    with pytest.raises(ImportFailed, match="has no text layer") as caught:
        read_criteria(image_only(tmp_path / "scan.pdf"))
    assert "export the PDF again from the source document" in str(caught.value)


def test_encrypted_pdf(tmp_path: Path) -> None:
    """A PDF that needs a password to open: one sentence."""
    path = booklet(tmp_path / "locked.pdf", [("1. Seals", criteria_rows("1", 2))], encrypt="pw")
    with pytest.raises(ImportFailed, match="encrypted with a password"):
        read_criteria(path)


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n" + b"x" * 500, b"%PDF-1.4\n1 0 obj << /Type /Catalog"]
)
def test_damaged_pdf(tmp_path: Path, data: bytes) -> None:
    """Garbage after the PDF signature, or a file cut short: one sentence."""
    path = tmp_path / "torn.pdf"
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=r"could not be read as a PDF|has no pages"):
        read_criteria(path)


def test_page_limit(tmp_path: Path) -> None:
    """A page tree claiming more pages than the limit is refused before any page is read."""
    with pytest.raises(ImportFailed, match="1,000,000 pages, over the import limit"):
        read_criteria(claimed_pages(tmp_path / "many.pdf", 1_000_000))
    path = booklet(tmp_path / "three.pdf", [("1. Seals", criteria_rows("1", 40))])
    with pytest.raises(ImportFailed, match="pages, over the import limit of 1;"):
        read_criteria(path, limits=ImportLimits(max_pages=1))


def test_hyphenated_word_at_a_line_end_is_joined(tmp_path: Path) -> None:
    """A word hyphenated at the end of a full line reads as one word again; a short line
    (the end of a list item) stays a line break."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), invariant=1)
    first = "The site keeps a written secu-"
    right = 110 + stringWidth(first, "Helvetica", 10) + 4
    xs = (50, 106, right, right + 60)
    ys = (700, 684, 630)  # header row, one criterion row
    for x in xs:
        c.line(x, ys[-1], x, ys[0])
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    c.setFont("Helvetica", 10)
    for x, text in zip(xs, ("ID", "Criteria", "Level"), strict=False):
        c.drawString(x + 4, 689, text)
    c.drawString(54, 672, "1.1")
    lines = (first, "rity log listing every visitor", "and the time:", "day and night.")
    for n, line in enumerate(lines):
        c.drawString(110, 672 - 11 * n, line)
    c.drawString(right + 4, 672, "Must")
    c.showPage()
    c.save()
    (criterion,) = read_criteria(path).criteria
    assert criterion.text == (
        "The site keeps a written security log listing every visitor and the time:\nday and night."
    )


def test_flate_bomb_is_refused_and_leaves_no_budget_behind(tmp_path: Path) -> None:
    """A content stream that inflates 100 MiB from a tiny file is refused while inflating
    (not after); the next PDF imports normally."""
    from tests.importing.hostile_corpus import pdf_flate_bomb

    with pytest.raises(ImportFailed, match="looks like a decompression bomb"):
        read_criteria(pdf_flate_bomb(tmp_path / "flate.pdf", mebibytes=100))
    path = booklet(tmp_path / "fine.pdf", [("1. Seals", criteria_rows("1", 3))])
    assert len(read_criteria(path).criteria) == 3


def test_lzw_bomb_is_refused_while_decoding(tmp_path: Path) -> None:
    """An LZW content stream of 11 KB that decodes to 100 MiB is refused like a flate bomb."""
    from tests.importing.hostile_corpus import pdf_lzw_bomb

    with pytest.raises(ImportFailed, match="looks like a decompression bomb"):
        read_criteria(pdf_lzw_bomb(tmp_path / "lzw.pdf", mebibytes=100))
    path = booklet(tmp_path / "fine.pdf", [("1. Seals", criteria_rows("1", 3))])
    assert len(read_criteria(path).criteria) == 3
