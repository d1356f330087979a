"""The ``exchange`` subcommand: ``exchange export`` writes the workbook for the partner administration,
``exchange import`` brings their positions back (never changing a verdict of ours)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from criteria_compare.cli.arguments import add_json, add_project, add_reviewer
from criteria_compare.cli.output import emit_json, notice, say
from criteria_compare.errors import InvalidValue

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``exchange export`` and ``exchange import`` to the CLI."""
    p = subparsers.add_parser(
        "exchange",
        help="send our assessment to the partner administration and bring back their positions",
        description="Positions of the partner administration: 'export' writes a workbook with "
        "our assessment of every reference criterion and two columns for their answer; "
        "'import' reads the workbook they send back.",
    )
    p.set_defaults(func=lambda _args: _usage(p))
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))

    export = actions.add_parser(
        "export",
        help="write the workbook for the partner administration",
        description="Write an .xlsx workbook with one row per reference criterion: our links, "
        "assessment and note (protected), and the columns 'Their position' (a drop-down) and "
        "'Their comment' for the partner. A later export carries their last answers. The "
        "export is recorded in the project's history.",
    )
    add_project(export)
    export.add_argument(
        "-o", "--output", type=Path, required=True, metavar="XLSX", help="the workbook to write"
    )
    export.add_argument(
        "--prepared-by", default="", metavar="NAME", help="shown on the first sheet"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace XLSX even when it is a returned workbook whose answers were not imported",
    )
    add_reviewer(export)
    add_json(export)
    export.set_defaults(func=run_export)

    imp = actions.add_parser(
        "import",
        help="store the positions from the workbook the partner sent back",
        description="Read the returned exchange workbook and store the partner's positions and "
        "comments (recorded as coming from the partner administration, with the file's "
        "SHA-256). Rows whose protected content was changed are listed and not taken. Our "
        "verdicts are never changed.",
    )
    add_project(imp)
    imp.add_argument("workbook", type=Path, metavar="XLSX", help="the workbook they sent back")
    add_reviewer(imp)
    add_json(imp)
    imp.set_defaults(func=run_import)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    notice("choose an action: 'exchange export PROJECT -o FILE' or 'exchange import PROJECT FILE'.")
    return 2


def run_export(args: argparse.Namespace) -> int:
    """Write the exchange workbook and say where."""
    from criteria_compare.project import Project
    from criteria_compare.workflow.exchange import UnimportedAnswers, export_positions

    with Project.open(args.project) as project:
        try:
            result = export_positions(
                project,
                args.output,
                prepared_by=args.prepared_by,
                reviewer=args.reviewer,
                replace=args.force,
            )
        except UnimportedAnswers as exc:
            raise InvalidValue(f"{exc} To replace it all the same, give --force.") from None
    if args.json:
        emit_json(result.to_json())
        return 0
    say(
        f"Wrote {result.path} (round {result.round}, {result.rows} criteria) for the partner "
        "administration; import it with 'criteria-compare exchange import' when it comes back."
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Store the partner's positions and list the rows that were set aside."""
    from criteria_compare.project import Project
    from criteria_compare.workflow.exchange import import_positions

    with Project.open(args.project) as project:
        summary = import_positions(project, args.workbook, reviewer=args.reviewer)
    for message in summary.notices:
        notice(message)
    if args.json:
        emit_json(summary.to_json())
        return 0
    say(summary.sentence(args.workbook.name))
    return 0
