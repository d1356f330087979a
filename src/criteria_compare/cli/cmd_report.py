"""The ``report`` subcommand: export the compatibility report as PDF, and optionally as a workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from criteria_compare.cli.output import Progress, emit_json, notice, say
from criteria_compare.errors import InvalidValue
from criteria_compare.paths import resolve_path

#: report.options.PAGE_SIZES and report.i18n.LANGUAGES, repeated so that the CLI starts
#: without loading reportlab (a test checks they agree).
PAGE_SIZES = ("A4", "letter")
LANGUAGES = ("en", "es", "fr")

__all__ = ["register", "run"]


def _page_size(text: str) -> str:
    for name in PAGE_SIZES:
        if text.strip().lower() == name.lower():
            return name
    raise argparse.ArgumentTypeError(f"choose one of {', '.join(PAGE_SIZES)}")


def _language(text: str) -> str:
    if text.strip().lower() in LANGUAGES:
        return text.strip().lower()
    raise argparse.ArgumentTypeError(f"choose one of {', '.join(LANGUAGES)}")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "report",
        help="export the compatibility report (PDF, optionally .xlsx)",
        description=(
            "Write the compatibility report of a project as a PDF (cover, key findings, "
            "executive summary, discussion points, gap and conflict register, side-by-side "
            "table, partner-only criteria, method and provenance, and on request a technical "
            "annex) in English, Spanish or French, and optionally the same content as a "
            "workbook. Files are written atomically: an interrupted export leaves no "
            "half-written file."
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
        help='report title (default "REFERENCE and PARTNER: compatibility report", in the '
        "report's language)",
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
        default=None,
        metavar="A4|letter",
        help="paper size (default: US Letter where the locale uses it, as in the US, Canada "
        "and Mexico; A4 elsewhere)",
    )
    parser.add_argument(
        "--language",
        type=_language,
        default="en",
        metavar="en|es|fr",
        help="language of the report's own words (default en); criteria and notes print as written",
    )
    parser.add_argument(
        "--annex",
        action="store_true",
        help="add the technical annex: aligner settings, import warnings, every account and "
        "the audit trail as net changes",
    )
    parser.add_argument(
        "--no-guidance",
        dest="guidance",
        action="store_false",
        help="leave out the partner's own guidance (printed under its criteria by default)",
    )
    parser.add_argument(
        "--prepared-by",
        default=None,
        metavar="NAME",
        help="author (default: the reviewers who made decisions, never an account that only created or aligned the project)",
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
    from criteria_compare.report import (
        ReportOptions,
        collect,
        default_author,
        default_page_size,
        default_title,
        render_pdf,
        render_workbook,
    )

    _check_outputs(args.project, args.output, args.xlsx)
    with Project.open(args.project, read_only=True) as project:
        data = collect(project)
        prepared_by = (
            args.prepared_by
            if args.prepared_by is not None
            else default_author(data, project.reviewer)
        )
    dated = {"date": args.date} if args.date else {}
    options = ReportOptions(
        title=args.title or default_title(data, args.language),
        marking=args.marking,
        page_size=args.page_size or default_page_size(),
        prepared_by=prepared_by,
        language=args.language,
        annex=args.annex,
        guidance=args.guidance,
        **dated,
    )
    progress = Progress()
    warnings: list[str] = []
    try:
        pdf = render_pdf(data, args.output, options, progress=progress, warnings=warnings)
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
        "language": options.language,
        "annex": options.annex,
        "warnings": warnings,
    }
    if args.json:
        emit_json(result)
    else:
        say(f"Wrote {pdf}")
        if xlsx:
            say(f"Wrote {xlsx}")
        say(data.status_line)
    for warning in warnings:
        notice(warning)
    return 0
