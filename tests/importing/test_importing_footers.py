"""Footer and summary rows are reported with their row and not imported, in every format."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from criteria_compare.importing import read_criteria
from tests.importing import docx_fixtures, pdf_fixtures
from tests.importing.import_fixtures import HEADER, write_workbook

CRITERIA = [
    ["1.1", "Gates are locked outside working hours.", "", "Must"],
    ["1.2", "Lighting covers the loading area.", "", "Should"],
    ["1.3", "Cameras record the gate.", "", "Must"],
    ["1.4", "Keys are issued against a signature.", "", "Must"],
    ["1.5", "Fences are inspected every month.", "", "Should"],
]
FOOTERS = [
    ["Total number of requirements", "", "", "5"],
    ["", "Number of criteria", "", "5"],
    ["106"],
    ["Summary"],
    ["Total", "5"],
    ["End of annex"],
]


def _xlsx(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    return write_workbook(path.with_suffix(".xlsx"), rows)


def _csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    target = path.with_suffix(".csv")
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return target


def _docx(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    document = docx_fixtures.new_document()
    width = len(HEADER)
    docx_fixtures.add_table(document, [HEADER, *[[*r, *[""] * (width - len(r))] for r in rows]])
    return docx_fixtures.save(document, path.with_suffix(".docx"))


def _pdf(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    width = len(HEADER)
    padded = [[*r, *[""] * (width - len(r))] for r in rows]
    return pdf_fixtures.booklet(path.with_suffix(".pdf"), [("1. Premises", padded)])


WRITERS: dict[str, Callable[[Path, Sequence[Sequence[str]]], Path]] = {
    "xlsx": _xlsx,
    "csv": _csv,
    "docx": _docx,
    "pdf": _pdf,
}


@pytest.mark.parametrize("kind", list(WRITERS))
def test_footer_rows_are_warned_and_not_imported(tmp_path: Path, kind: str) -> None:
    """Totals with their count, a bare count among dotted refs, a 'Summary' heading that
    holds only a total, and an end note: each one warning naming it, none a criterion."""
    path = WRITERS[kind](tmp_path / "annex", [*CRITERIA, *FOOTERS])
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    messages = [w.message for w in result.warnings]
    assert len(messages) == 5, messages
    assert all("looks like a totals or footer row" in m for m in messages), messages
    shown = " ".join(messages)
    for label in ("Total number of requirements | 5", "Number of criteria | 5", "'106'"):
        assert label in shown
    assert "and 'Summary' above it holds nothing else" in shown
    assert "'End of annex'" in shown
    assert all(w.row is not None for w in result.warnings)


def test_a_criterion_that_starts_with_total_is_kept(tmp_path: Path) -> None:
    """Criterion text that begins with "Total" and bare refs in a program numbered 1, 2, 3
    are criteria, not footers."""
    rows = [
        ["1", "Total cargo weight is checked against the manifest.", "", "Must"],
        ["2", "Seals are logged.", "", "Must"],
        ["3", "Doors are alarmed.", "", "Must"],
    ]
    result = read_criteria(_csv(tmp_path / "plain", rows))
    assert [c.ref for c in result.criteria] == ["1", "2", "3"]
    assert result.warnings == ()


def test_preview_shows_the_last_rows(tmp_path: Path) -> None:
    """Asked for them, the preview holds the last rows too, where the footer rows are."""
    from criteria_compare.importing import preview

    path = _csv(tmp_path / "annex", [*CRITERIA, *FOOTERS])
    shown = preview(path, max_rows=2, tail_rows=3)
    assert [cells[0] for _, cells in shown.rows] == ["ID", "1.1", "1.2"]
    assert [cells[:2] for _, cells in shown.tail] == [
        ("Summary",),
        ("Total", "5"),
        ("End of annex",),
    ]
    assert preview(path, max_rows=2).tail == ()
