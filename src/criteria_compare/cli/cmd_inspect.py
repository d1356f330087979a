"""The ``inspect`` subcommand: show what the importer understood in one spreadsheet, CSV or document."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from criteria_compare.cli.arguments import add_json
from criteria_compare.cli.output import emit_json, visible
from criteria_compare.cli.reading import (
    add_max_size_argument,
    limits_from,
    parse_columns,
    read_for_cli,
    warning_text,
)
from criteria_compare.importing import NO_LEVEL, ROLES, ImportResult

__all__ = ["register", "run"]

_MAX_WARNINGS_SHOWN = 30


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``inspect`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "inspect",
        help="show how a criteria spreadsheet, CSV file or document is understood",
        description=(
            "Read a criteria workbook (.xlsx, .xlsm), CSV/TSV file, Word document (.docx) or PDF "
            "and show the sheet or tables, header row, column roles, counts by section and "
            "level, and every import warning."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="the .xlsx, .xlsm, .csv, .tsv, .docx or .pdf file"
    )
    parser.add_argument("--sheet", metavar="NAME", help="the worksheet to read (default: detected)")
    parser.add_argument(
        "--columns",
        metavar="JSON",
        help=(
            "map roles to header texts or column letters (null: no such column), overriding "
            "detection, e.g. "
            '\'{"ref": "ID", "text": "Criteria", "level": "D"}\'; roles: ' + ", ".join(ROLES)
        ),
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
        help="when the text comes in several languages (description[fr]...), the one to read, "
        "e.g. en or fr (default: English when present, else the file's own)",
    )
    add_max_size_argument(parser)
    add_json(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import the file and print what was understood; 0 even with warnings."""
    columns = parse_columns(args.columns)
    result = read_for_cli(
        args.file,
        sheet=args.sheet,
        columns=columns,
        limits=limits_from(args),
        language=args.language,
    )
    if args.json:
        data = result.to_dict()
        data["warnings"] = [warning_text(w) for w in result.warnings]
        emit_json(data)
    else:
        print_summary(result, sys.stdout)
    return 0


def print_summary(result: ImportResult, out: TextIO) -> None:
    """A readable account of the import for a terminal."""

    def write(text: str) -> None:
        out.write(visible(text))

    write(f"File:       {result.file}\n")
    if result.sheets:
        others = [s for s in result.sheets if s != result.sheet]
        extra = f" (other sheets: {', '.join(others)})" if others else ""
        write(f"Sheet:      {result.sheet}{extra}\n")
    if result.tables is not None:
        pages = f" on {result.pages} pages" if result.pages is not None else ""
        write(f"Tables:     {result.tables}{pages}\n")
    if result.encoding:
        delimiter = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(
            result.delimiter or "", repr(result.delimiter)
        )
        write(f"Encoding:   {result.encoding}, {delimiter}-separated\n")
    write(f"SHA-256:    {result.sha256}\n")
    if result.proposed_name or result.proposed_version:
        label = " · ".join(x for x in (result.proposed_name, result.proposed_version) if x)
        write(f"Title:      {label} (from {result.title_source or 'the document'})\n")
    if len(result.languages) > 1:
        write(f"Language:   {result.language} (the file holds {', '.join(result.languages)})\n")
    write(f"Header row: {result.header_row}\n")
    write("Columns:\n")
    for role in ROLES:
        if role in result.columns:
            letter = result.column_letters.get(role, "")
            write(f"  {role:<9} {letter:>3}  {result.columns[role]}\n")
        else:
            write(f"  {role:<9}      (none)\n")
    write(f"Criteria:   {len(result.criteria)}\n")
    refs = [c.ref for c in result.criteria]
    if refs:
        shown_refs = ", ".join(refs[:4]) + (f" … {refs[-1]}" if len(refs) > 4 else "")
        write(f"Refs:       {shown_refs}\n")
    sections = result.sections
    write(f"Sections:   {len(sections)}\n")
    for name, count in sections.items():
        write(f"  {count:>5}  {name or '(no section)'}\n")
    levels = result.levels
    shown = ", ".join(
        f"{'no level' if key == NO_LEVEL else key} {count}" for key, count in levels.items()
    )
    write(f"Levels:     {shown or '-'}\n")
    warnings = result.warnings
    write(f"Warnings:   {len(warnings)}\n")
    for warning in warnings[:_MAX_WARNINGS_SHOWN]:
        write(f"  - {warning_text(warning)}\n")
    if len(warnings) > _MAX_WARNINGS_SHOWN:
        write(f"  ... and {len(warnings) - _MAX_WARNINGS_SHOWN} more (use --json to see all)\n")
