"""Delimiter sniffing when cells hold the other delimiters and quoted line breaks."""

from __future__ import annotations

import csv
import io

from criteria_compare.importing.csv_reader import sniff_delimiter


def test_semicolon_file_with_commas_and_quoted_line_breaks_in_cells() -> None:
    """Commas inside cells and a quoted line break that a comma split would tear apart do not
    outvote the semicolons that split every line evenly (found by hypothesis)."""
    buffer = io.StringIO()
    torn = ["", "", "", ",", "\n;", ","]
    rows = [["A"] * 6, ["", "", "", "", "", ","], torn, torn]
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(rows)
    assert sniff_delimiter(buffer.getvalue()) == ";"
