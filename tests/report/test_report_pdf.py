"""The PDF report as a reader sees it: every criterion, right counts, marking, outline, fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from criteria_compare.model import Status
from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, collect, export_pdf, render_pdf
from criteria_compare.report.pdf_story import SECTION_TITLES
from criteria_compare.report.synthetic import CATEGORIES, synthetic_report_data
from tests.report.report_helpers import MARKUP_NOTE, pdf_outline, pdf_pages, render_png

MARKING = "FOR OFFICIAL USE ONLY"


@pytest.fixture(scope="module")
def sample_pdf(sample_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    with Project.open(sample_project, read_only=True) as project:
        export_pdf(project, out, ReportOptions(marking=MARKING, prepared_by="A. Rivera"))
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_reference_ref_appears(sample_project: Path, sample_pdf: Path) -> None:
    """Each reference criterion's ref is printed in the side-by-side section."""
    with Project.open(sample_project, read_only=True) as project:
        refs = [c.ref for c in project.reference.criteria]
    pages = pdf_pages(sample_pdf)
    start = next(i for i, t in enumerate(pages) if "Side-by-side comparison" in t and i > 2)
    words = set(re.findall(r"\S+", " ".join(pages[start:])))
    missing = [ref for ref in refs if ref not in words]
    assert missing == []


def test_summary_counts_match_the_project(sample_project: Path, sample_pdf: Path) -> None:
    """The executive summary prints the project's own counts and the partner-only count."""
    with Project.open(sample_project, read_only=True) as project:
        summary = project.summary()
    pages = pdf_pages(sample_pdf)
    summary_page = _flat(next(t for t in pages if "Executive summary" in t and "Meaning" in t))
    ref = summary["reference"]
    assert f"{ref['total']} criteria of" in summary_page
    for status in ("aligned", "partial", "gap"):
        label = Status(status).label
        assert re.search(rf"{label} .*? {ref[status]} ", summary_page), status
    assert f"{summary['partner']['partner_only']} partner criteria have no counterpart" in (
        summary_page
    )


def test_cover_names_both_programs_hashes_and_status(
    sample_project: Path, sample_pdf: Path
) -> None:
    """The cover shows both programs, the source files, the SHA-256 and "Complete"."""
    cover = _flat(pdf_pages(sample_pdf)[0])
    with Project.open(sample_project, read_only=True) as project:
        reference, partner = project.reference, project.partner
    for program in (reference, partner):
        assert program.name in cover
        assert program.source_file in cover
        assert program.sha256[:8] in cover
    assert "Complete — all 106 criteria reviewed" in cover
    assert "A. Rivera" in cover
    assert "DRAFT" not in cover


def test_marking_on_every_page_header_and_footer(sample_pdf: Path) -> None:
    """The handling marking appears twice (header and footer) on every page."""
    pages = pdf_pages(sample_pdf)
    assert len(pages) > 10
    assert all(page.count(MARKING) >= 2 for page in pages)


def test_page_x_of_y(sample_pdf: Path) -> None:
    """Each page carries "Page n of total" with the real total."""
    pages = pdf_pages(sample_pdf)
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in page


def test_markup_in_notes_prints_literally(sample_pdf: Path) -> None:
    """A note with <, &, and an <img> tag is printed as typed, not interpreted."""
    text = _flat(" ".join(pdf_pages(sample_pdf)))
    assert MARKUP_NOTE in text


def test_outline_has_sections_and_categories(sample_project: Path, sample_pdf: Path) -> None:
    """Bookmarks: every report section at the top level, every CTPAT category below it."""
    outline = pdf_outline(sample_pdf)
    top = [title for depth, title, _ in outline if depth == 0]
    for title in SECTION_TITLES:
        assert title in top
    with Project.open(sample_project, read_only=True) as project:
        sections = list(dict.fromkeys(c.section for c in project.reference.criteria))
    sbs = list(top).index("Side-by-side comparison")
    children: list[str] = []
    seen_top = -1
    for depth, title, _page in outline:
        if depth == 0:
            seen_top += 1
        elif seen_top == sbs:
            children.append(title)
    assert children == sections
    pages = [page for _, _, page in outline]
    assert pages == sorted(pages), "bookmarks point at pages in reading order"
    assert pages[-1] > 10


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_contents_page_lists_sections_with_their_pages(sample_pdf: Path) -> None:
    """The table of contents names every section beside the page its bookmark opens."""
    contents = subprocess.run(
        ["pdftotext", "-layout", "-f", "3", "-l", "3", str(sample_pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = {title: page for depth, title, page in pdf_outline(sample_pdf) if depth == 0}
    for title in SECTION_TITLES:
        assert re.search(rf"{re.escape(title)}[ .]*{pages[title]}\n", contents), title


def test_draft_status_and_watermark_on_every_page(draft_project: Path, tmp_path: Path) -> None:
    """With unreviewed criteria the cover says DRAFT — N of M and every page carries DRAFT."""
    out = tmp_path / "draft.pdf"
    with Project.open(draft_project, read_only=True) as project:
        export_pdf(project, out)
    pages = pdf_pages(out)
    assert "DRAFT — 7 of 106 criteria not yet reviewed" in _flat(pages[0])
    assert all("DRAFT" in page for page in pages)


def test_complete_report_has_no_draft_mark(sample_pdf: Path) -> None:
    """A fully reviewed project prints no DRAFT anywhere."""
    assert not any("DRAFT" in page for page in pdf_pages(sample_pdf))


def test_letter_and_a4_page_sizes(tmp_path: Path) -> None:
    """A4 and US Letter give their paper sizes; the side-by-side pages are landscape."""
    data = synthetic_report_data(30, 20)
    sizes = {}
    for name in ("A4", "letter"):
        out = render_pdf(data, tmp_path / f"{name}.pdf", ReportOptions(page_size=name))
        reader = pypdf.PdfReader(str(out))
        boxes = [
            (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
        ]
        sizes[name] = boxes
    assert sizes["A4"][0] == (595, 842)
    assert sizes["letter"][0] == (612, 792)
    assert (842, 595) in sizes["A4"]
    assert (792, 612) in sizes["letter"]


def _fonts_on_page(page: pypdf.PageObject) -> set[str]:
    fonts = page["/Resources"]["/Font"]
    return {str(f.get_object()["/BaseFont"]).lstrip("/") for f in fonts.values()}


def _fonts_used_in_content(page: pypdf.PageObject) -> set[str]:
    """Base fonts the page's content stream selects and then shows text in."""
    content = page.get_contents().get_data().decode("latin-1")
    used = set(re.findall(r"/(F\d+(?:\+0)?) [\d.]+ Tf(?:(?!Tf|ET).)*?T[jJ]", content, re.S))
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[f"/{name}"].get_object()["/BaseFont"]).lstrip("/") for name in used}


def test_japanese_partner_prints_with_cjk_font(tmp_path: Path) -> None:
    """Japanese partner criteria are set in the shipped CJK font, and come back out as text."""
    data = synthetic_report_data(30, 20, japanese=True)
    out = render_pdf(data, tmp_path / "ja.pdf")
    reader = pypdf.PdfReader(str(out))
    japanese_pages = [p for p in reader.pages if "照合" in (p.extract_text() or "")]
    assert japanese_pages
    for page in japanese_pages:
        assert any(f.endswith("DroidSansFallback") for f in _fonts_used_in_content(page))
    latin_fonts = _fonts_used_in_content(reader.pages[0])
    assert all("DejaVuSans" in f for f in latin_fonts), latin_fonts


def test_greek_and_cyrillic_use_the_embedded_font(tmp_path: Path) -> None:
    """Accented Latin, Greek and Cyrillic text prints in the embedded DejaVu font."""
    base = synthetic_report_data(12, 6)
    first = base.rows[0]
    from dataclasses import replace

    row = replace(first, note="Éléments: Ασφάλεια φορτίου; Безопасность грузов")
    data = replace(base, rows=(row, *base.rows[1:]))
    out = render_pdf(data, tmp_path / "scripts.pdf")
    reader = pypdf.PdfReader(str(out))
    text = _flat(" ".join(p.extract_text() for p in reader.pages))
    assert "Ασφάλεια φορτίου" in text
    assert "Безопасность грузов" in text
    for page in reader.pages:
        for name in _fonts_used_in_content(page):
            assert name.endswith(("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"))
    embedded = [
        f.get_object()["/FontDescriptor"].get("/FontFile2")
        for f in reader.pages[0]["/Resources"]["/Font"].values()
        if "DejaVu" in str(f.get_object()["/BaseFont"])
    ]
    assert embedded
    assert all(e is not None for e in embedded)


def test_long_criterion_is_never_cut(tmp_path: Path) -> None:
    """A criterion longer than a page splits across pages and every word is printed."""
    from dataclasses import replace

    base = synthetic_report_data(12, 6)
    words = [f"word{i:04d}" for i in range(1500)]
    crit = replace(base.rows[3].criterion, text=" ".join(words))
    rows = list(base.rows)
    rows[3] = replace(rows[3], criterion=crit)
    out = render_pdf(replace(base, rows=tuple(rows)), tmp_path / "long.pdf")
    text = " ".join(" ".join(pdf_pages(out)).split())
    found = set(re.findall(r"word\d{4}", text))
    assert found == set(words)
    assert f"{crit.ref} (cont.)" in text, "the continued row names its criterion on the next page"


def test_collect_reads_programs_links_and_history(sample_project: Path) -> None:
    """collect() carries names, versions, hashes, links, partner-only and reviewer activity."""
    with Project.open(sample_project, read_only=True) as project:
        data = collect(project)
        summary = project.summary()
        assert data.reference.sha256 == project.reference.sha256
    assert data.reference.version == "2019"
    assert data.partner.name == "Meridia AEO-S"
    assert len(data.rows) == summary["reference"]["total"]
    assert len(data.partner_only) == summary["partner"]["partner_only"]
    assert data.link_count == summary["links"]
    assert data.reviewers
    assert data.reviewers[0].reviewer == "A. Rivera"
    assert data.reviewers[0].decisions == len(data.rows)
    assert sum(data.history_actions.values()) == len(data.history)


def test_category_names_from_synthetic_data_in_outline(tmp_path: Path) -> None:
    """Synthetic data: the side-by-side outline lists its CTPAT categories."""
    out = render_pdf(synthetic_report_data(120, 30), tmp_path / "s.pdf")
    titles = {title for depth, title, _ in pdf_outline(out) if depth == 1}
    assert set(CATEGORIES) <= titles


def test_long_categories_are_cut_into_blocks_without_losing_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With tiny blocks every side-by-side row (and its assessment) still prints once."""
    import criteria_compare.report.pdf_story as story

    monkeypatch.setattr(story, "_CHUNK_ROWS", 4)
    data = synthetic_report_data(40, 10)
    out = render_pdf(data, tmp_path / "blocks.pdf")
    pages = pdf_pages(out)
    start = next(i for i, t in enumerate(pages) if "Side-by-side comparison" in t and i > 2)
    words = re.findall(r"\S+", " ".join(pages[start:]))
    for row in data.rows:
        assert row.ref in words


def test_korean_partner_prints_with_korean_font(tmp_path: Path) -> None:
    """Hangul text is set in the shipped Korean font (the CJK font has no hangul)."""
    from dataclasses import replace

    base = synthetic_report_data(12, 30)
    assert base.partner_only
    korean = tuple(
        replace(c, text="화물 적재 전에 컨테이너를 점검하고 기록을 보관한다.")
        for c in base.partner_only
    )
    out = render_pdf(replace(base, partner_only=korean), tmp_path / "ko.pdf")
    reader = pypdf.PdfReader(str(out))
    pages = [p for p in reader.pages if "컨테이너" in (p.extract_text() or "")]
    assert pages
    assert all(any(f.endswith("NanumGothic") for f in _fonts_used_in_content(p)) for p in pages)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_every_page_renders_to_png(sample_pdf: Path, tmp_path: Path) -> None:
    """pdftoppm renders every page (the images are what we look at while building the report)."""
    images = render_png(sample_pdf, tmp_path)
    assert len(images) == len(pdf_pages(sample_pdf))
    assert all(image.stat().st_size > 3000 for image in images)


def test_japanese_title_and_marking_in_running_header(tmp_path: Path) -> None:
    """A Japanese title and marking print in every page's header in the shipped CJK font."""
    options = ReportOptions(title="日本との比較", marking="取扱注意")
    out = render_pdf(synthetic_report_data(20, 10), tmp_path / "jt.pdf", options)
    reader = pypdf.PdfReader(str(out))
    for page in reader.pages:
        text = page.extract_text()
        assert text.count("取扱注意") >= 2
        assert "日本との比較" in text
        assert any(f.endswith("DroidSansFallback") for f in _fonts_used_in_content(page))
