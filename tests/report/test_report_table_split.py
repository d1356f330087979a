"""Orphan and widow control of the summary's count tables, tried at every page height."""

from __future__ import annotations

import pytest
from reportlab.platypus import Table

from criteria_compare.report.data import Counts
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_story import StoryBuilder
from criteria_compare.report.pdf_styles import KEEP_WHOLE_ROWS, ORPHAN_ROWS, make_styles
from criteria_compare.report.pdf_template import page_size
from criteria_compare.report.synthetic import synthetic_report_data


def _table(rows: int) -> tuple[StoryBuilder, Table]:
    data = synthetic_report_data(30, 20)
    builder = StoryBuilder(data, ReportOptions(), make_styles(), page_size("A4"))
    counts = next(iter(data.counts_by_section().values()))
    groups: dict[str, Counts] = {f"{i}. Category {i}": counts for i in range(1, rows + 1)}
    return builder, builder.counts_table("Category", groups)


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
