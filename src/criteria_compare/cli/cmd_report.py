"""The ``report`` subcommand: export the compatibility report as PDF, and optionally as a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from criteria_compare.cli.output import Progress, emit_json, say
from criteria_compare.errors import InvalidValue
from criteria_compare.paths import resolve_path

#: report.options.PAGE_SIZES, repeated so that the CLI starts without loading reportlab
#: (a test checks the two agree).
PAGE_SIZES = ("A4", "letter")

__all__ = ["register", "run"]


def _page_size(text: str) -> str:
    for name in PAGE_SIZES:
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(f"choose one of {', '.join(PAGE_SIZES)}")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "report",
        help="export the compatibility report (PDF, optionally .xlsx)",
        description=(
            "Write the compatibility report of a project as a PDF (cover, executive summary, "
            "discussion points, gap and conflict register, side-by-side table, partner-only "
            "criteria, method and provenance) and optionally the same content as a workbook. "
            "Files are written atomically: an interrupted export leaves no half-written file."
        ),
    )
    parser.add_argument("project", type=Path, metavar="PROJECT", help="the .ccproj project file")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.pdf", help="the PDF to write"
    )
    parser.add_argument("--xlsx", type=Path, metavar="FILE.xlsx", help="also write a workbook")
    parser.add_argument(
        "--title",
        default="",
        metavar="TEXT",
        help='report title (default "REFERENCE and PARTNER: compatibility report")',
    )
    parser.add_argument(
        "--marking",
        default="",
        metavar="TEXT",
        help='handling marking printed in every page header and footer, e.g. "FOR OFFICIAL USE ONLY"',
    )
    parser.add_argument(
        "--page-size",
        type=_page_size,
        default="A4",
        metavar="A4|letter",
        help="paper size (default A4)",
    )
    parser.add_argument(
        "--prepared-by",
        default=None,
        metavar="NAME",
        help="author (default: the project's reviewer)",
    )
    parser.add_argument("--date", default=None, metavar="TEXT", help="report date (default today)")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    parser.set_defaults(func=run)


def _check_outputs(project: Path, pdf: Path, xlsx: Path | None) -> None:
    targets = [pdf] + ([xlsx] if xlsx else [])
    for target in targets:
        if resolve_path(target) == resolve_path(project):
            raise InvalidValue(
                f"The report file {target} is the project file itself; choose another name."
            )
    if xlsx is not None and resolve_path(xlsx) == resolve_path(pdf):
        raise InvalidValue("-o and --xlsx name the same file; give the workbook its own name.")


def run(args: argparse.Namespace) -> int:
    """Open the project read-only, gather the content once, write the PDF (and workbook)."""
    from criteria_compare.project import Project
    from criteria_compare.report import ReportOptions, collect, render_pdf, render_workbook

    _check_outputs(args.project, args.output, args.xlsx)
    with Project.open(args.project, read_only=True) as project:
        data = collect(project)
        prepared_by = args.prepared_by if args.prepared_by is not None else project.reviewer
    title = args.title or f"{data.reference.name} and {data.partner.name}: compatibility report"
    fields = {"title": title, "marking": args.marking, "page_size": args.page_size}
    options = ReportOptions(prepared_by=prepared_by, **fields)
    if args.date:
        options = ReportOptions(prepared_by=prepared_by, date=args.date, **fields)
    progress = Progress()
    try:
        pdf = render_pdf(data, args.output, options, progress=progress)
        xlsx = render_workbook(data, args.xlsx, options, progress=progress) if args.xlsx else None
    finally:
        progress.finish()
    counts = data.counts
    result = {
        "pdf": str(pdf),
        "xlsx": str(xlsx) if xlsx else None,
        "status": "draft" if data.is_draft else "complete",
        "status_line": data.status_line,
        "reference_criteria": len(data.rows),
        "partner_criteria": data.partner.criteria_count,
        "counts": {status.value: counts.count(status) for status in counts.by_status},
        "partner_only": len(data.partner_only),
        "discussion_points": len(data.discussion_rows()),
        "page_size": options.page_size,
    }
    if args.json:
        emit_json(result)
    else:
        say(f"Wrote {pdf}")
        if xlsx:
            say(f"Wrote {xlsx}")
        say(data.status_line)
    return 0
