"""Printed header and footer of the workbook stay within the spreadsheet limit of 255 characters."""

from __future__ import annotations

import re
import zipfile
from html import unescape
from pathlib import Path

import openpyxl

from criteria_compare.report import ReportOptions, render_workbook
from criteria_compare.report.synthetic import synthetic_report_data

LIMIT = 255  # Excel refuses (and "repairs") header/footer strings longer than this


def _header_footer_strings(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = "".join(z.read(n).decode("utf-8") for n in sheets)
    return [unescape(t) for t in re.findall(r"<odd(?:Header|Footer)>([^<]*)</odd", xml)]


def test_long_title_marking_and_date_fit_the_header_and_footer(tmp_path: Path) -> None:
    """The longest title and date the options accept are cut so every printed header and
    footer stays within 255 characters, while a marking of ordinary length is kept whole."""
    options = ReportOptions(
        title=("A comparison title that goes on & on " * 9)[:300],
        marking="FOR OFFICIAL USE ONLY & R&D",
        date=("the week of the plenary meeting " * 2)[:60],
    )
    out = render_workbook(synthetic_report_data(8, 5), tmp_path / "long.xlsx", options)
    strings = _header_footer_strings(out)
    assert strings
    assert all(len(s) <= LIMIT for s in strings), [len(s) for s in strings]
    ws = openpyxl.load_workbook(out)["Side by side"]
    assert ws.oddHeader.center.text == "FOR OFFICIAL USE ONLY && R&&D"
    assert ws.oddHeader.left.text.startswith("A comparison title that goes on && on")
    assert ws.oddHeader.left.text.endswith("…")
    assert "&" not in ws.oddHeader.left.text.replace("&&", "")  # no lone "&" (a code) left
