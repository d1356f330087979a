"""Scripting many `decide` calls stays quick: the CLI loads the aligner and reportlab only when used."""

from __future__ import annotations

import subprocess
import sys


def test_cli_import_leaves_aligner_and_report_libraries_unloaded() -> None:
    """Importing the CLI (as every subcommand does) loads neither the aligner nor reportlab."""
    code = (
        "import sys, criteria_compare.cli as c; c.build_parser(); "
        "print(sorted(m for m in ('criteria_compare.align', 'reportlab', 'criteria_compare.report')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_report_page_sizes_offered_by_the_cli_are_the_reports() -> None:
    """The page sizes `report --page-size` accepts are exactly those the report can print."""
    from criteria_compare.cli import cmd_report
    from criteria_compare.report import PAGE_SIZES

    assert cmd_report.PAGE_SIZES == PAGE_SIZES


def test_report_languages_offered_by_the_cli_are_the_reports() -> None:
    """The languages `report --language` accepts are exactly those with a catalogue."""
    from criteria_compare.cli import cmd_report
    from criteria_compare.report import LANGUAGES
    from criteria_compare.report.catalogue import CATALOGUES

    assert cmd_report.LANGUAGES == LANGUAGES == tuple(CATALOGUES)
