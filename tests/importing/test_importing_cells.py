"""Numbers rendered through the number formats users put on ref cells, as Excel shows them."""

from __future__ import annotations

import datetime as dt

import pytest

from criteria_compare.importing.cells import clean_text, format_number, format_temporal


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (7.1, "0.00", "7.10"),
        (7.1, "General", "7.1"),
        (3, "General", "3"),
        (3.0, "0", "3"),
        (12.0, "0.0", "12.0"),
        (7.125, "0.00", "7.13"),  # half away from zero, as Excel rounds
        (1.2, "00.00", "01.20"),
        (1234.5, "#,##0.00", "1,234.50"),
        (7.1, "0.0#", "7.1"),
        (7.125, "0.0#", "7.13"),
        (4.2, '"S-"0.0', "S-4.2"),
        (4.2, "\\A0.0", "A4.2"),
        (2.5, '0.00" pts"', "2.50 pts"),
        (12, "[Red]0.0", "12.0"),
        (12, "[$-409]0.00", "12.00"),
        (-2, "0.00;(0.00)", "(2.00)"),
        (-2, "0.00", "-2.00"),
        (7.1, "0.0_);(0.0)", "7.1"),
        (0.5, "0%", "50%"),
        (3, "@", "3"),
        (1.5e20, "0.00E+00", "1.5e+20"),
        (0.1 + 0.2, "General", "0.3"),
        (True, "General", "TRUE"),
        (5, '0" pcs; each"', "5 pcs; each"),  # a quoted ';' does not end the section
        (5, "0\\;\\-", "5;-"),  # nor does an escaped one
        (-5, '0;"minus "0', "minus 5"),  # a plain ';' does
        (-5, "0_;;0", "5"),  # '_;' is a padding; the next ';' starts the negative section
        (3, '0_)"x"', "3 x"),  # a padding shows as a space
        (3, "*-0", "3"),  # a fill character shows as nothing
    ],
)
def test_number_formats(value: float, fmt: str, shown: str) -> None:
    """Each format shows the number as Excel would (scientific falls back to General)."""
    assert format_number(value, fmt) == shown


def test_dates_and_text() -> None:
    """Dates read as ISO text; Windows line ends become \\n and outer spaces go."""
    assert format_temporal(dt.datetime(2026, 7, 10)) == "2026-07-10"
    assert format_temporal(dt.datetime(2026, 7, 10, 8, 30)) == "2026-07-10 08:30:00"
    assert clean_text("  one\r\ntwo\rthree \u00a0") == "one\ntwo\nthree"
