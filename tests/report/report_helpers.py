"""Helpers for the report tests: PDF text and outline, PNG rendering, the markup note, a draft
with the partner's positions."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf

from criteria_compare.model import Position, Stance
from criteria_compare.report.data import ReportData
from criteria_compare.report.synthetic import synthetic_report_data

__all__ = ["MARKUP_NOTE", "draft_with_positions", "pdf_outline", "pdf_pages", "render_png"]

MARKUP_NOTE = "Check <img src=x> & <b>not bold</b> before =SUM(A1)"


def pdf_pages(path: Path) -> list[str]:
    """The text of every page of a PDF, as pypdf extracts it."""
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages]


def pdf_outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) for every outline entry, in order."""
    reader = pypdf.PdfReader(str(path))
    out: list[tuple[int, str, int]] = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def render_png(pdf: Path, folder: Path, resolution: int = 60) -> list[Path]:
    """Render every page to PNG with pdftoppm (for looking at while building the report)."""
    subprocess.run(
        ["pdftoppm", "-r", str(resolution), "-png", str(pdf), str(folder / "page")], check=True
    )
    return sorted(folder.glob("page*.png"))


def draft_with_positions() -> ReportData:
    """A synthetic draft (40 x 30, 60 % reviewed) whose first nine rows carry the partner's
    positions (agree, disagree, needs discussion in turn) and one partner-only criterion
    still a candidate: every section of the report has something to print."""
    base = synthetic_report_data(40, 30, reviewed=0.6)
    stances = (Stance.AGREE, Stance.DISAGREE, Stance.NEEDS_DISCUSSION)
    rows = tuple(
        replace(
            row,
            position=Position(
                row.ref, stances[i % 3], "c", 1, "ab" * 32, "2026-11-01T00:00:00Z", "K. Tanaka"
            ),
        )
        if i < 9
        else row
        for i, row in enumerate(base.rows)
    )
    return replace(base, rows=rows, partner_candidates=frozenset({base.partner_only[0].ref}))
