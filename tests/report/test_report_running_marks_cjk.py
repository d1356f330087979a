"""Running header and footer of a Japanese report: kanji-only strings and mixed lines print right."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pypdf

from criteria_compare.report import ReportOptions, render_pdf
from criteria_compare.report.synthetic import synthetic_report_data


def _fonts_used_in_content(page: pypdf.PageObject) -> set[str]:
    """Base fonts the page's content stream selects and then shows text in."""
    content = page.get_contents().get_data().decode("latin-1")
    used = set(re.findall(r"/(F\d+(?:\+0)?) [\d.]+ Tf(?:(?!Tf|ET).)*?T[jJ]", content, re.S))
    fonts = page["/Resources"]["/Font"]
    return {str(fonts[f"/{name}"].get_object()["/BaseFont"]).lstrip("/") for name in used}


def test_kanji_only_title_and_marking_use_the_reports_japanese_font(tmp_path: Path) -> None:
    """A title and marking written in kanji alone print in the shipped, embedded CJK font (no
    CID font that a viewer would have to supply)."""
    base = synthetic_report_data(20, 10, japanese=True)
    data = replace(base, partner=replace(base.partner, name="日本AEO"))
    options = ReportOptions(title="日米比較報告書", marking="取扱注意")
    out = render_pdf(data, tmp_path / "ja.pdf", options)
    for page in pypdf.PdfReader(str(out)).pages:
        fonts = _fonts_used_in_content(page)
        assert not any("STSong" in f or "Heisei" in f for f in fonts)
        assert any(f.endswith("DroidSansFallback") for f in fonts)
        assert (page.extract_text() or "").count("取扱注意") >= 2


def test_latin_parts_of_a_mixed_footer_stay_in_the_embedded_font(tmp_path: Path) -> None:
    """The footer "date · reference / 日本AEO" prints its Latin part and the middle dot in the
    embedded DejaVu font, and only the Japanese run in the CJK font."""
    base = synthetic_report_data(12, 6, japanese=True)
    data = replace(base, partner=replace(base.partner, name="日本AEO"))
    out = render_pdf(data, tmp_path / "footer.pdf", ReportOptions(date="2026-01-02"))
    page = pypdf.PdfReader(str(out)).pages[1]  # the contents page: the date is only in the footer
    content = page.get_contents().get_data().decode("latin-1")
    fonts = page["/Resources"]["/Font"]
    names = {k.lstrip("/"): str(v.get_object()["/BaseFont"]).lstrip("/") for k, v in fonts.items()}
    # the footer's date is shown in a DejaVu font, never in a CID font
    shown = re.findall(
        r"/(F\d+(?:\+0)?) [\d.]+ Tf(?:(?!Tf).)*?\((2026-01-02[^)]*)\) Tj", content, re.S
    )
    assert shown, "the footer date was not found as a text run"
    assert all(names[font].endswith("DejaVuSans") for font, _ in shown)
