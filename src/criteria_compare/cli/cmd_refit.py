"""The ``refit`` subcommand: re-fit a project's aligner weights from its confirmed links.

Without ``--apply`` nothing is written (the project is opened read-only).
With ``--apply`` and an adopted re-fit, the new settings are stored (one
history row) and the suggestions re-computed with them.
"""

from __future__ import annotations

import argparse
from typing import Any

from criteria_compare.cli.arguments import add_json, add_project, add_reviewer
from criteria_compare.cli.output import Progress, emit_json, notice, say
from criteria_compare.errors import ProjectReadOnly

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``refit`` subcommand to the CLI."""
    p = subparsers.add_parser(
        "refit",
        help="re-fit the suggestions from the links reviewers confirmed",
        description="Check, on the links reviewers confirmed (each judged without its own "
        "link), whether suggestions re-fitted from them would put the confirmed partner "
        "criterion in first place more often than the current ones. Nothing is written unless "
        "--apply is given and the re-fit is clearly better.",
    )
    add_project(p)
    p.add_argument(
        "--apply",
        action="store_true",
        help="store the re-fitted settings and re-align the project (only when adopted)",
    )
    add_reviewer(p)
    add_json(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Re-fit, print the result, and apply it when asked and adopted."""
    from criteria_compare.project import Project
    from criteria_compare.workflow.realign import realign, refit_project
    from criteria_compare.workflow.refit_words import refit_words

    with Project.open(args.project, read_only=not args.apply) as project:
        if args.apply and project.read_only:
            raise ProjectReadOnly(
                f"{args.project.name} cannot be changed ({project.read_only_reason}), so "
                "--apply cannot store re-fitted settings; copy the file somewhere writable or "
                "run refit without --apply."
            )
        progress = Progress()
        try:
            result = refit_project(project, progress=progress)
            applied = False
            seconds = None
            if args.apply and result.adopted:
                # Stores the settings (one history row) and re-aligns with them.
                alignment = realign(
                    project, settings=result.settings, progress=progress, reviewer=args.reviewer
                )
                applied = True
                seconds = alignment.seconds
        finally:
            progress.finish()
    for message in result.notices:
        notice(message)
    words = refit_words(result)
    if args.json:
        data: dict[str, Any] = {"project": str(args.project), **result.to_dict()}
        data["message"] = words.headline
        data["applied"] = applied
        emit_json(data)
        return 0
    for line in words.lines():
        say(line)
    if applied:
        say(
            f"Stored the re-fitted settings and re-aligned {args.project.name} "
            f"in {seconds:.2f} s; every decision was kept."
        )
    elif result.adopted:
        say(f"Nothing was changed; run 'criteria-compare refit {args.project} --apply' to use it.")
    elif args.apply:
        say("Nothing was changed.")
    return 0
