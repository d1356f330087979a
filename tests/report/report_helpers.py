"""Helpers for the report tests: PDF text and outline, PNG rendering, the markup note."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf

__all__ = ["MARKUP_NOTE", "pdf_outline", "pdf_pages", "render_png"]

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
