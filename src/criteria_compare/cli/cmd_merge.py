"""The ``merge`` subcommand: merge a reviewer's copy into ours, three-way against their common base."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from criteria_compare.cli.arguments import add_json, add_reviewer
from criteria_compare.cli.output import Progress, emit_json, notice, say
from criteria_compare.wording import counted

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``merge`` subcommand to the CLI."""
    p = subparsers.add_parser(
        "merge",
        help="merge a reviewer's copy into ours against the copy both started from",
        description="Compare every decision (verdict, note, discussion flag, each link and its "
        "relation, rejections, pins) of OURS and THEIRS with BASE: a change made on one side is "
        "taken, the same change on both sides once, and different changes are conflicts, for "
        "which OUT keeps ours and marks them (the review screen's 'Merge conflicts' filter). "
        "OUT is a new file; BASE, OURS and THEIRS are never changed.",
    )
    p.add_argument("base", type=Path, metavar="BASE", help="the copy both reviewers started from")
    p.add_argument("ours", type=Path, metavar="OURS", help="our copy")
    p.add_argument("theirs", type=Path, metavar="THEIRS", help="the other reviewer's copy")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="the merged project to write",
    )
    p.add_argument("--force", action="store_true", help="replace OUT if it exists (never an input)")
    add_reviewer(p, "who is recorded as having merged")
    add_json(p)
    p.set_defaults(func=run)


def _value(value: object) -> str:
    return "(none)" if value is None or value == "" else json.dumps(value, ensure_ascii=False)


def run(args: argparse.Namespace) -> int:
    """Merge, write OUT, print what was taken and the conflicts."""
    from criteria_compare.workflow.merge import merge

    progress = Progress()
    try:
        result = merge(
            args.base,
            args.ours,
            args.theirs,
            args.output,
            reviewer=args.reviewer,
            force=args.force,
            progress=progress,
        )
    finally:
        progress.finish()
    if result.conflicts:
        notice(
            f"{counted(len(result.conflicts), 'conflict')} "
            f"{'keeps' if len(result.conflicts) == 1 else 'keep'} our value in "
            f"{args.output.name}; resolve {'it' if len(result.conflicts) == 1 else 'them'} in "
            "the review screen (filter 'Merge conflicts')."
        )
    for sentence in result.not_taken:
        notice(sentence)
    if args.json:
        emit_json(result.to_dict())
        return 0
    say(result.message)
    for c in result.conflicts:
        what = c.field.value + (f" {c.partner}" if c.field.paired else "")
        say(
            f"  {c.ref:<10} {what:<16} base {_value(c.base)}, ours {_value(c.ours)}, "
            f"theirs {_value(c.theirs)}"
        )
    return 0
