"""Orphan and widow control of the summary's count tables, tried at every page height."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table

from criteria_compare.report.data import Counts
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_story import StoryBuilder
from criteria_compare.report.pdf_styles import KEEP_WHOLE_ROWS, ORPHAN_ROWS, make_styles
from criteria_compare.report.pdf_summary import counts_table
from criteria_compare.report.pdf_template import page_size
from criteria_compare.report.synthetic import synthetic_report_data


def _table(rows: int) -> tuple[StoryBuilder, Table]:
    data = synthetic_report_data(30, 20)
    builder = StoryBuilder(data, ReportOptions(), make_styles(), page_size("A4"))
    counts = next(iter(data.counts_by_section().values()))
    groups: dict[str, Counts] = {f"{i}. Category {i}": counts for i in range(1, rows + 1)}
    return builder, counts_table(builder, "Category", groups)


def _body_rows(part: Table) -> int:
    return len(part._cellvalues) - 1


@pytest.mark.parametrize("rows", [ORPHAN_ROWS * 2 + 3, 12, 40])
def test_a_long_table_leaves_at_least_three_rows_on_either_page(rows: int) -> None:
    """Cut at any height, a long table leaves no fewer than 3 rows behind or carries fewer over,
    and its header row is repeated on the next page."""
    builder, table = _table(rows)
    _, full = table.wrap(builder.width, builder.wide)
    splits = 0
    for step in range(int(full)):
        parts = table.split(builder.width, float(step))
        if len(parts) != 2:
            continue
        splits += 1
        first, rest = parts
        assert _body_rows(first) >= ORPHAN_ROWS
        assert _body_rows(rest) >= ORPHAN_ROWS
        assert _body_rows(first) + _body_rows(rest) == rows
        assert rest._cellvalues[0] == table._cellvalues[0]  # the header row again
    assert splits > 0


def test_a_short_table_is_never_split() -> None:
    """A table of up to 8 rows moves whole rather than split."""
    builder, table = _table(KEEP_WHOLE_ROWS)
    _, full = table.wrap(builder.width, builder.wide)
    assert all(len(table.split(builder.width, float(h))) != 2 for h in range(int(full)))


def test_a_section_name_longer_than_a_page_is_shortened_not_an_internal_error(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """A paragraph imported into the section column (7,000 characters) would make a heading
    and a contents line taller than a page, which reportlab cannot lay out: the report is
    written, and the headings, the contents and the category table show the name cut short."""
    from dataclasses import replace

    from criteria_compare.report import render_pdf
    from tests.report.report_helpers import pdf_pages

    base = synthetic_report_data(6, 4, reviewed=0.5)
    long_name = ("Seal integrity and container inspection for every shipment " * 120)[:7000]
    rows = tuple(
        replace(row, criterion=replace(row.criterion, section=long_name)) if i < 3 else row
        for i, row in enumerate(base.rows)
    )
    out = render_pdf(replace(base, rows=rows), tmp_path / "long.pdf")
    text = " ".join(" ".join(pdf_pages(out)).split())
    assert "Seal integrity and container inspection for every shipment" in text
    assert "…" in text
    assert text.count("every shipment") < 20  # the 7,000-character name is not printed whole


@pytest.mark.parametrize(
    ("field", "limit"), [("title", 300), ("marking", 120), ("prepared_by", 200), ("date", 60)]
)
def test_an_overlong_cover_text_is_refused_in_one_sentence(field: str, limit: int) -> None:
    """A title, marking, author or date longer than the cover and the running lines can hold
    is refused with its length and the limit; one at the limit is accepted."""
    from criteria_compare.errors import InvalidValue

    assert len(getattr(ReportOptions(**{field: "x" * limit}), field)) == limit
    with pytest.raises(InvalidValue, match=f"use at most {limit}"):
        ReportOptions(**{field: "x" * (limit + 1)})


def test_a_heading_near_the_foot_of_a_page_moves_whole_to_the_next(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A three-line heading that meets the foot of a page is not cut (reportlab's cut of a
    Heading failed with an internal error): the longest title the options accept renders."""
    from dataclasses import replace

    from criteria_compare.report import render_pdf
    from criteria_compare.report.pdf_template import Heading

    style = make_styles().h2
    heading = Heading("word " * 60, style, level=1, key="k")
    heading.wrap(400, 1000)
    assert heading.split(400, 30) == []
    base = synthetic_report_data(30, 20, reviewed=0.5)
    name = "Partners, seals and conveyance security " * 5
    rows = tuple(
        replace(row, criterion=replace(row.criterion, section=f"{name}{i % 7}"))
        for i, row in enumerate(base.rows)
    )
    out = render_pdf(replace(base, rows=rows), tmp_path / "h.pdf", ReportOptions(title="T" * 300))
    assert out.stat().st_size > 0
