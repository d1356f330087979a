"""Fixtures for the report tests: a reviewed sample project, report data, PDF text helpers."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pypdf
import pytest

from criteria_compare.report.synthetic import reviewed_sample_project

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


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples as a fully reviewed project, one note holding markup characters."""
    path = tmp_path_factory.mktemp("report") / "meridia.ccproj"
    return reviewed_sample_project(path, note=MARKUP_NOTE)


@pytest.fixture(scope="session")
def draft_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples with the last 7 reference criteria left unreviewed."""
    path = tmp_path_factory.mktemp("report-draft") / "draft.ccproj"
    return reviewed_sample_project(path, unreviewed=7)
