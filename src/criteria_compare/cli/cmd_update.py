"""The ``update`` subcommand: bring one side of a project to a new edition of its program, carrying every decision."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from criteria_compare.cli.arguments import add_json, add_project, add_reviewer
from criteria_compare.cli.output import Progress, emit_json, notice, say
from criteria_compare.cli.reading import (
    add_max_size_argument,
    advice,
    limits_from,
    parse_columns,
    read_for_cli,
)
from criteria_compare.errors import InvalidValue
from criteria_compare.model import Side
from criteria_compare.wording import counted

if TYPE_CHECKING:
    from criteria_compare.project.carry import Dropped
    from criteria_compare.workflow.update import UpdatePreview

__all__ = ["parse_matches", "register"]

_MAX_LISTED = 20


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``update`` to the CLI."""
    p = subparsers.add_parser(
        "update",
        help="update the reference or partner program to a new edition, carrying every decision",
        description="Read the new edition of one program, match its criteria to the current "
        "ones (unchanged, reworded, renumbered, split, merged, removed, added) and carry links, "
        "verdicts, notes, discussion flags, rejections and pins forward; decisions touching "
        "changed criteria become suspect. A backup copy of PROJECT is written first and the "
        "update is one transaction. --dry-run shows the preview and writes nothing.",
    )
    add_project(p)
    side = p.add_mutually_exclusive_group(required=True)
    side.add_argument("--reference", type=Path, metavar="FILE", help="the new reference edition")
    side.add_argument("--partner", type=Path, metavar="FILE", help="the new partner edition")
    p.add_argument("--sheet", metavar="NAME", help="sheet of the new workbook")
    p.add_argument(
        "--columns",
        metavar="JSON",
        help='column mapping, e.g. \'{"ref": "ID", "text": "Criteria", "level": null}\'',
    )
    p.add_argument(
        "--edition", metavar="LABEL", help="label of the new edition (default: file name)"
    )
    p.add_argument(
        "--match",
        action="append",
        default=[],
        metavar="OLD=NEW",
        help="settle an ambiguous match: old ref OLD became NEW (OLD= : it was removed); repeatable",
    )
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument(
        "--force",
        action="store_true",
        help="update even when the new file matches few of the current criteria",
    )
    add_max_size_argument(p)
    add_reviewer(p)
    add_json(p)
    p.set_defaults(func=run_update)


def parse_matches(values: Sequence[str]) -> dict[str, str | None]:
    """``--match OLD=NEW`` / ``OLD=`` options as old ref -> new ref (None: removed)."""
    out: dict[str, str | None] = {}
    for value in values:
        old, sep, new = value.partition("=")
        old, new = old.strip(), new.strip()
        if not sep or not old:
            raise InvalidValue(
                f"--match {value!r} is not OLD=NEW; give the old ref, '=', and the new ref "
                "(or nothing after '=' if the old criterion was removed), e.g. --match 3.1=3.1.2."
            )
        if old in out and out[old] != (new or None):
            raise InvalidValue(f"--match gives two answers for {old}; give one.")
        out[old] = new or None
    return out


def run_update(args: argparse.Namespace) -> int:
    """Preview (and unless --dry-run apply) an update; print what changed."""
    from criteria_compare.paths import resolve_path
    from criteria_compare.project import Project
    from criteria_compare.project.connection import read_only_error, writable
    from criteria_compare.workflow.update import apply_update, plan_update, unsettled_sentence

    side = "reference" if args.reference is not None else "partner"
    source: Path = args.reference if args.reference is not None else args.partner
    if resolve_path(source) == resolve_path(args.project):
        raise InvalidValue(
            f"The new {side} file is the project file {args.project.name} itself; give the "
            "spreadsheet or CSV of the new edition."
        )
    settled = parse_matches(args.match)
    columns = parse_columns(args.columns)
    progress = Progress()
    # Read and plan on a read-only connection, so a refusal (bad file, unsettled match, another
    # program's file) leaves the project's bytes as they were; only then open it for writing.
    try:
        with Project.open(args.project, read_only=True) as reading:
            if not args.dry_run and not writable(args.project):
                raise read_only_error(args.project)
            imported = read_for_cli(
                source,
                sheet=args.sheet,
                columns=columns,
                limits=limits_from(args),
                require_criteria=True,
                progress=progress,
            )
            progress.finish()
            for warning in imported.warnings[:_MAX_LISTED]:
                notice(f"warning: {advice(str(warning), '')}")
            preview = plan_update(
                reading,
                side,
                imported,
                label=args.edition,
                settled=settled,
                force=args.force,
                progress=progress,
            )
            progress.finish()
        if not args.dry_run:
            if preview.match.ambiguous:
                raise InvalidValue(unsettled_sentence(preview.match.ambiguous))
            with Project.open(args.project) as project:
                result = apply_update(project, preview, reviewer=args.reviewer, progress=progress)
    finally:
        progress.finish()
    data = preview.to_dict()
    data["dry_run"] = bool(args.dry_run)
    if not args.dry_run:
        data["suspect"] = result.suspect
        data["backup"] = str(result.backup)
        for message in result.notices:
            notice(message)
    else:
        for message in preview.notices:
            notice(message)
    for line in _dropped_lines(preview):
        notice(line)
    if args.json:
        emit_json(data)
        return 0
    _print(data, args)
    return 0


def _dropped_lines(preview: UpdatePreview) -> list[str]:
    """One line per decision the update drops; a decision on an old criterion still unclear
    (a --dry-run before --match) is only at stake, and says so."""
    unclear = {a.old for a in preview.match.ambiguous}

    def old_ref(item: Dropped) -> str | None:
        return item.partner_ref if preview.side is Side.PARTNER else item.reference_ref

    pending = {
        item.reference_ref
        for item in preview.carried.dropped
        if item.what != "reset" and old_ref(item) in unclear
    }
    lines = []
    for item in preview.carried.dropped[:_MAX_LISTED]:
        where = item.reference_ref + (f" -> {item.partner_ref}" if item.partner_ref else "")
        old = old_ref(item)
        if item.what != "reset" and old in unclear:
            lines.append(
                f"decision at stake on unclear criterion {old} (settle it with --match "
                f"{old}=NEW): {where}: {item.description}"
            )
        elif item.what == "reset" and item.reference_ref in pending:
            lines.append(
                f"decision at stake until the unclear criteria are settled: {where}: "
                f"{item.description}"
            )
        elif item.what == "reset":
            lines.append(f"verdict reset, its links changed: {where}: {item.description}")
        else:
            lines.append(f"decision on a removed criterion: {where}: {item.description}")
    return lines


def _print(data: dict[str, object], args: argparse.Namespace) -> None:
    counts = data["counts"]
    assert isinstance(counts, dict)
    edition = data["edition"]
    assert isinstance(edition, dict)
    verb = "Would update" if args.dry_run else "Updated"
    say(
        f"{verb} the {data['side']} program of {args.project.name} to edition "
        f"{edition['number']} ({edition['label']}, {counted(edition['criteria'], 'criterion')}):"
    )
    for kind in ("unchanged", "reworded", "renumbered", "renumbered_reworded", "split", "merged"):
        if counts.get(kind):
            say(f"  {kind.replace('_', ' '):<21} {counts[kind]:>5}")
    for kind in ("removed", "added", "ambiguous"):
        if counts.get(kind):
            say(f"  {kind:<21} {counts[kind]:>5}")
    carried = data["carried"]
    assert isinstance(carried, dict)
    suspect = data["suspect"]
    assert isinstance(suspect, int)
    say(
        f"  carried: {counted(carried['links'], 'link')}, "
        f"{counted(carried['assessments'], 'verdict')}, "
        f"{counted(carried['rejections'], 'rejection')}; "
        f"{counted(suspect, 'reference criterion')} to look at again (suspect)"
    )
    ambiguous = data["ambiguous"]
    assert isinstance(ambiguous, list)
    for item in ambiguous[:_MAX_LISTED]:
        say(f"  unclear: {item['old']} -> one of {', '.join(item['candidates'])}")
    if args.dry_run:
        say("Nothing was written (--dry-run).")
    else:
        say(f"A copy of the project before the update: {data['backup']}")
