"""The ``exclude`` subcommand: take a criterion that is not a requirement out of a project, or restore it."""

from __future__ import annotations

import argparse

from criteria_compare.cli.arguments import add_json, add_project, add_reviewer
from criteria_compare.cli.output import emit_json, notice, say
from criteria_compare.wording import counted

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``exclude`` to the CLI."""
    p = subparsers.add_parser(
        "exclude",
        help="exclude a criterion that is not a requirement (a footer or note row), or restore it",
        description="Take one criterion out of the counts, the aligner, the report and the "
        "review queue without re-importing; it stays listed (status --json) and can be "
        "restored with --restore. Both steps are in the history.",
    )
    add_project(p)
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--reference", metavar="REF", help="a reference criterion ref")
    side.add_argument("--partner", metavar="REF", help="a partner criterion ref")
    p.add_argument("--restore", action="store_true", help="bring an excluded criterion back")
    p.add_argument("--reason", default="", metavar="TEXT", help="why it is excluded")
    add_reviewer(p)
    add_json(p)
    p.set_defaults(func=run_exclude)


def run_exclude(args: argparse.Namespace) -> int:
    """Exclude or restore one criterion and print what is excluded now."""
    from criteria_compare.errors import InvalidValue
    from criteria_compare.project import Project
    from criteria_compare.workflow import exclusion

    side = "reference" if args.reference is not None else "partner"
    ref: str = args.reference if args.reference is not None else args.partner
    if args.restore and args.reason:
        raise InvalidValue("--reason goes with excluding; leave it out with --restore.")
    with Project.open(args.project) as project:
        if args.restore:
            exclusion.restore(project, side, ref, reviewer=args.reviewer)
        else:
            exclusion.exclude(project, side, ref, reason=args.reason, reviewer=args.reviewer)
        excluded = project.excluded()
    if args.restore:
        notice(
            f"{side} criterion {ref} gets suggestions at the next alignment "
            f"(criteria-compare align {args.project})."
        )
    if args.json:
        emit_json(
            {
                "project": str(args.project),
                "side": side,
                "ref": ref,
                "excluded": not args.restore,
                "reason": args.reason,
                "excluded_now": [
                    {
                        "side": e.side.value,
                        "ref": e.criterion.ref,
                        "reason": e.reason,
                        "reviewer": e.reviewer,
                        "timestamp": e.timestamp,
                    }
                    for e in excluded
                ],
            }
        )
        return 0
    if args.restore:
        say(f"Restored {side} criterion {ref}.")
    else:
        say(f"Excluded {side} criterion {ref}" + (f" ({args.reason})." if args.reason else "."))
    say(f"{counted(len(excluded), 'criterion')} excluded in {args.project.name}.")
    return 0
