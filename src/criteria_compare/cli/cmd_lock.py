"""The ``unlock`` subcommand, and how the CLI words "another program has the project open for writing"."""

from __future__ import annotations

import argparse
from pathlib import Path

from criteria_compare.cli.arguments import add_json, add_project
from criteria_compare.cli.output import emit_json, say
from criteria_compare.errors import ProjectInUse
from criteria_compare.project.lock import describe, this_host

__all__ = ["in_use_sentence", "register"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``unlock`` to the CLI."""
    p = subparsers.add_parser(
        "unlock",
        help="remove the lock another program left on a project (after checking it is closed)",
        description="Remove PROJECT's lock file, which says who has it open for writing. Use it "
        "only once you are sure that program no longer has the project open (it crashed, or "
        "its computer was switched off); a lock held by a program still running on this "
        "computer is never removed. A lock left by a killed program on this computer is "
        "cleared by the next command by itself.",
    )
    add_project(p)
    add_json(p)
    p.set_defaults(func=run_unlock)


def run_unlock(args: argparse.Namespace) -> int:
    """Remove the project's lock; say whose it was."""
    from criteria_compare.project.lock import break_lock
    from criteria_compare.project.opening import precheck

    path: Path = args.project
    precheck(path)
    holder = break_lock(path)
    if args.json:
        emit_json(
            {
                "project": str(path),
                "removed": holder is not None,
                "holder": None
                if holder is None
                else {
                    "user": holder.user,
                    "host": holder.host,
                    "pid": holder.pid,
                    "since": holder.since,
                    "app": holder.app,
                },
            }
        )
        return 0
    if holder is None:
        say(f"{path.name} is not locked; nothing was changed.")
    else:
        say(f"Removed the lock of {path.name} held by {describe(holder)}.")
    return 0


def in_use_sentence(exc: ProjectInUse) -> str:
    """The CLI's sentence for a project another program has open for writing: who, where, since
    when, and what to do (close it there, wait, or ``unlock`` once sure it is closed there)."""
    holder, path = exc.holder, exc.path
    who = describe(holder)
    if exc.stale:
        return (
            f"{path.name} was left locked by {who}, which is no longer running; run the command "
            "again to take the lock over."
        )
    if holder.host.casefold() == this_host().casefold() and holder.pid:
        return (
            f"{path.name} is open for writing by {who}; close it there and try again "
            "(read-only commands such as 'status' and 'report' work meanwhile)."
        )
    return (
        f"{path.name} is open for writing by {who}; try again once it is closed there, or, if "
        "you are sure it is not open there any more (the program crashed or the computer was "
        f"switched off), run 'criteria-compare unlock {path}' first."
    )
