"""Subcommands of the headless pipeline: ``new``, ``align``, ``decide``, ``confirm-clear``, ``status``, ``history``."""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from criteria_compare.cli.arguments import add_json, add_project, add_reviewer
from criteria_compare.cli.output import Progress, emit_json, notice, say, visible
from criteria_compare.cli.reading import (
    add_max_size_argument,
    limits_from,
    parse_columns,
    read_for_cli,
    warning_text,
)
from criteria_compare.cli.verdicts import verdict_sentence
from criteria_compare.errors import InvalidValue, VerdictRuleError
from criteria_compare.model import Relation, Status
from criteria_compare.paths import resolve_path
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.importing import ImportResult

__all__ = ["register"]

_STATUSES = ", ".join(s.value for s in Status)
_MAX_WARNINGS_SHOWN = 20  # per side; the full list is in --json and in `inspect`
_RELATIONS = ", ".join(r.value for r in Relation)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the CLI."""
    _register_new(subparsers)
    _register_align(subparsers)
    _register_decide(subparsers)
    _register_confirm_clear(subparsers)
    _register_status(subparsers)
    _register_history(subparsers)


# ---------------------------------------------------------------------------- helpers


def _aligner_settings(no_embedding: bool, base: Any = None) -> Any:
    from criteria_compare.align import AlignerSettings

    settings = base if base is not None else AlignerSettings()
    return settings.replace(use_embedding=False) if no_embedding else settings


# ---------------------------------------------------------------------------- new


def _register_new(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "new",
        help="import both programs, align them and write a new project file",
        description="Import the reference and partner criteria, compute suggestions and write "
        "PROJECT (a .ccproj file). The file appears only when complete.",
    )
    add_project(p, "the .ccproj file to create")
    p.add_argument(
        "--reference",
        type=Path,
        required=True,
        metavar="FILE",
        help="reference criteria (.xlsx, .xlsm, .csv, .tsv), e.g. CTPAT MSC",
    )
    p.add_argument(
        "--partner",
        type=Path,
        required=True,
        metavar="FILE",
        help="partner program criteria (.xlsx, .xlsm, .csv, .tsv)",
    )
    for side in ("reference", "partner"):
        p.add_argument(
            f"--{side}-name",
            metavar="NAME",
            help=f"name of the {side} program (default: the title the file gives, such as a "
            "title row or its metadata, else the file name)",
        )
        p.add_argument(
            f"--{side}-version",
            default="",
            metavar="V",
            help=f"version or date label of the {side} program (default: the one the file "
            "gives, such as 'Rev. 3' in its title)",
        )
        p.add_argument(
            f"--{side}-language",
            metavar="CODE",
            help=f"when the {side} text comes in several languages, the one to read (default: "
            "the other program's language when the file has it, else English)",
        )
        p.add_argument(f"--{side}-sheet", metavar="S", help=f"sheet of the {side} workbook")
        p.add_argument(
            f"--{side}-columns",
            metavar="JSON",
            help='column mapping, e.g. \'{"ref": "ID", "text": "Criteria", "level": null}\'',
        )
    p.add_argument(
        "--no-embedding",
        action="store_true",
        help="lexical channels only (skip the sentence encoder)",
    )
    add_max_size_argument(p)
    add_reviewer(p, "default reviewer stored in the project")
    p.add_argument("--force", action="store_true", help="overwrite an existing project file")
    add_json(p)
    p.set_defaults(func=run_new)


def run_new(args: argparse.Namespace) -> int:
    """Import, align and write a new project; print a summary."""
    from criteria_compare.importing import text_language
    from criteria_compare.project.files import check_target
    from criteria_compare.workflow.create import build_project

    started = time.perf_counter()
    target: Path = args.project
    for side in ("reference", "partner"):
        source: Path = getattr(args, side)
        if resolve_path(source) == resolve_path(target):
            raise InvalidValue(
                f"The project file {target.name} is also the --{side} file; give the project "
                "its own name, such as review.ccproj."
            )
    check_target(target, args.force)  # fail before the (slow) import and alignment
    ref_columns = parse_columns(args.reference_columns, "--reference-columns")
    partner_columns = parse_columns(args.partner_columns, "--partner-columns")
    limits = limits_from(args)
    progress = Progress()
    try:

        def read(side: str, prefer: str | None) -> ImportResult:
            return read_for_cli(
                getattr(args, side),
                sheet=getattr(args, f"{side}_sheet"),
                columns=ref_columns if side == "reference" else partner_columns,
                limits=limits,
                prefix=side,
                require_criteria=True,
                progress=progress,
                language=getattr(args, f"{side}_language"),
                prefer_language=prefer,
            )

        reference = read("reference", None)
        partner = read("partner", text_language(reference))
        if args.reference_language is None and len(reference.languages) > 1:
            wanted = text_language(partner)  # the reference follows the partner's language
            if wanted and wanted != reference.language and wanted in reference.languages:
                reference = read("reference", wanted)
        progress.finish()
        for side, result in (("reference", reference), ("partner", partner)):
            for warning in result.warnings[:_MAX_WARNINGS_SHOWN]:
                notice(f"warning: {warning_text(warning, side)}")
            more = len(result.warnings) - _MAX_WARNINGS_SHOWN
            if more > 0:
                notice(
                    f"... and {more} more import warnings for {result.file}; see them all with "
                    f"'criteria-compare inspect {result.path}' (or --json)."
                )
        project, alignment = build_project(
            target,
            reference,
            partner,
            reference_name=args.reference_name,
            partner_name=args.partner_name,
            reference_version=args.reference_version,
            partner_version=args.partner_version,
            settings=_aligner_settings(args.no_embedding),
            reviewer=args.reviewer,
            force=args.force,
            progress=progress,
        )
    finally:
        progress.finish()
    seconds = time.perf_counter() - started
    for message in alignment.notices:
        notice(message)
    for side, result in (("reference", reference), ("partner", partner)):
        for message in _taken_from_document(side, result, args):
            notice(message)
    with project:
        summary = project.summary()
        sides: dict[str, dict[str, Any]] = {}
        for side, result, program in (
            ("reference", reference, project.reference),
            ("partner", partner, project.partner),
        ):
            sides[side] = {
                "name": program.name,
                "version": program.version,
                "file": result.file,
                "sheet": result.sheet,
                "criteria": len(program.criteria),
                "warnings": [warning_text(w, side) for w in result.warnings],
            }
    data = {
        "project": str(target),
        "reference": sides["reference"],
        "partner": sides["partner"],
        "suggestions": summary["suggestions"],
        "notices": list(alignment.notices),
        "align_seconds": round(alignment.seconds, 3),
        "seconds": round(seconds, 3),
    }
    if args.json:
        emit_json(data)
        return 0
    say(f"Created {target}")
    for side in ("reference", "partner"):
        info = sides[side]
        where = f"{info['file']}" + (f", sheet '{info['sheet']}'" if info["sheet"] else "")
        say(
            f"  {side:<9} {info['name']}: {info['criteria']} criteria from {where}, "
            f"{len(info['warnings'])} import warning{'s' if len(info['warnings']) != 1 else ''}"
        )
    say(f"  suggestions {summary['suggestions']} (aligned in {alignment.seconds:.1f} s)")
    say(f"  total time  {seconds:.1f} s")
    return 0


def _taken_from_document(side: str, result: ImportResult, args: argparse.Namespace) -> list[str]:
    """What ``new`` took from the file for the names and versions it was not given."""
    taken: list[str] = []
    given_name = (getattr(args, f"{side}_name") or "").strip()
    given_version = (getattr(args, f"{side}_version") or "").strip()
    where = f"{result.title_source} of {result.file}" if result.title_source else result.file
    if not given_name and result.proposed_name:
        taken.append(f"name '{result.proposed_name}'")
    if not given_version and result.proposed_version:
        taken.append(f"version '{result.proposed_version}'")
    if taken:
        return [
            f"{side} program: took the {' and the '.join(taken)} from {where}; give "
            f"--{side}-name and --{side}-version to change them."
        ]
    if not given_name:
        return [
            f"{side} program: {result.file} gives no title, so the program is named after the "
            f"file; give --{side}-name to name it."
        ]
    return []


# ---------------------------------------------------------------------------- align


def _register_align(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "align",
        help="re-run the suggestions of a project, keeping every decision",
        description="Replace the machine suggestions of PROJECT using its stored settings. "
        "Confirmed links, rejections, pins and verdicts are kept.",
    )
    add_project(p)
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--no-embedding",
        action="store_true",
        help="store the setting 'lexical channels only' and use it",
    )
    group.add_argument(
        "--embedding",
        action="store_true",
        help="store the setting 'use the sentence encoder' and use it",
    )
    add_reviewer(p)
    add_json(p)
    p.set_defaults(func=run_align)


def run_align(args: argparse.Namespace) -> int:
    """Re-align a project in place."""
    from criteria_compare.project import Project
    from criteria_compare.workflow.realign import aligner_settings, realign

    with Project.open(args.project) as project:
        settings = None
        if args.no_embedding or args.embedding:
            settings = aligner_settings(project).replace(use_embedding=bool(args.embedding))
        progress = Progress()
        try:
            result = realign(project, settings=settings, reviewer=args.reviewer, progress=progress)
        finally:
            progress.finish()
        summary = project.summary()
    for message in result.notices:
        notice(message)
    data = {
        "project": str(args.project),
        "suggestions": summary["suggestions"],
        "links": summary["links"],
        "rejected": summary["rejected"],
        "pinned": summary["pinned"],
        "reviewed": summary["reference"]["reviewed"],
        "notices": list(result.notices),
        "seconds": round(result.seconds, 3),
    }
    if args.json:
        emit_json(data)
        return 0
    say(
        f"Aligned {args.project.name}: {data['suggestions']} suggestions in {result.seconds:.1f} s; "
        f"kept {data['links']} links, {data['rejected']} rejections, {data['pinned']} pins and "
        f"{data['reviewed']} verdicts."
    )
    return 0


# ---------------------------------------------------------------------------- decide


def _register_decide(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "decide",
        help="record one decision on a reference criterion",
        description="Record a decision on reference criterion REF in one transaction. Link "
        "changes are applied first, then the verdict rules are checked; on any error nothing "
        "is changed.",
    )
    add_project(p)
    p.add_argument("ref", metavar="REF", help="reference criterion ref, e.g. 7.10")
    p.add_argument("--status", metavar="S", help=f"verdict: {_STATUSES}")
    p.add_argument("--note", metavar="TEXT", help="note (what is missing, which side is stricter)")
    p.add_argument(
        "--discussion",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="put (or take) the criterion on the negotiation agenda",
    )
    p.add_argument(
        "--link",
        action="append",
        default=[],
        metavar="PARTNER_REF",
        help="confirm a link to a partner criterion (repeatable)",
    )
    p.add_argument(
        "--relation",
        action="append",
        default=[],
        metavar="R",
        help=f"relation of each --link, in order ({_RELATIONS}; default equal; "
        "one value applies to every link)",
    )
    p.add_argument(
        "--unlink",
        action="append",
        default=[],
        metavar="PARTNER_REF",
        help="remove a confirmed link (repeatable)",
    )
    p.add_argument(
        "--reject",
        action="append",
        default=[],
        metavar="PARTNER_REF",
        help="reject a suggestion so it is never proposed again (repeatable)",
    )
    p.add_argument(
        "--unreject",
        action="append",
        default=[],
        metavar="PARTNER_REF",
        help="take back a rejection (repeatable)",
    )
    p.add_argument(
        "--still-holds",
        action="store_true",
        help="the decision carried over a changed text still holds: clear 'changed since the "
        "decision' (recorded in the history; give it alone)",
    )
    p.add_argument(
        "--reviewer",
        metavar="NAME",
        help="who made the decision (default: project reviewer or OS user)",
    )
    add_json(p)
    p.set_defaults(func=run_decide)


def _pair_links(links: Sequence[str], relations: Sequence[str]) -> list[tuple[str, str]]:
    if relations and not links:
        raise InvalidValue("--relation needs a --link to apply to; add --link PARTNER_REF.")
    if not relations:
        return [(link, Relation.EQUAL.value) for link in links]
    if len(relations) == 1:
        return [(link, relations[0]) for link in links]
    if len(relations) != len(links):
        raise InvalidValue(
            f"Got {len(links)} --link and {len(relations)} --relation options; give one "
            "--relation for all links or one per link, in the same order."
        )
    return list(zip(links, relations, strict=True))


def run_decide(args: argparse.Namespace) -> int:
    """Apply one decision (under the review policy) and print the criterion's resulting state."""
    from criteria_compare.project import Decision, Project
    from criteria_compare.workflow import review

    pairs = _pair_links(args.link, args.relation)
    changes = (
        args.status
        or args.note is not None
        or args.discussion is not None
        or pairs
        or args.unlink
        or args.reject
        or args.unreject
    )
    if args.still_holds:
        if changes:
            raise InvalidValue(
                "--still-holds keeps the decision as it is; give it without --status, --note, "
                "--discussion, --link, --unlink, --reject or --unreject (a new verdict clears "
                "'changed since the decision' by itself)."
            )
        return _run_still_holds(args)
    if not changes:
        raise InvalidValue(
            "Nothing to record; give --status, --note, --discussion, --link, --unlink, "
            "--reject, --unreject or --still-holds."
        )
    decision = Decision(
        ref=args.ref,
        status=args.status,
        note=args.note,
        discussion=args.discussion,
        link=tuple(pairs),
        unlink=tuple(args.unlink),
        reject=tuple(args.reject),
        unreject=tuple(args.unreject),
    )
    with Project.open(args.project) as project:
        try:
            outcome = review.decide(project, decision, reviewer=args.reviewer)
        except VerdictRuleError as exc:
            raise VerdictRuleError(exc.violation, verdict_sentence(exc.violation)) from None
        assessment = outcome.assessments[0]
        links = project.links(args.ref)
        rejected = sorted(p for _, p in project.rejected(args.ref))
    data = {
        "ref": args.ref,
        "status": assessment.status.value,
        "note": assessment.note,
        "discussion": assessment.discussion,
        "suspect": assessment.suspect,
        "reviewer": assessment.reviewer,
        "timestamp": assessment.timestamp,
        "links": [{"partner_ref": lk.partner_ref, "relation": lk.relation.value} for lk in links],
        "rejected": rejected,
        "resets": [reset.to_dict() for reset in outcome.resets],
    }
    for reset in outcome.resets:
        notice(reset.message)
    if args.json:
        emit_json(data)
        return 0
    linked = ", ".join(f"{lk.partner_ref} ({lk.relation.label})" for lk in links) or "none"
    line = f"{args.ref}: {assessment.status.label}; links: {linked}"
    if assessment.discussion:
        line += "; discussion point"
    say(line)
    if assessment.note:
        # The whole note is in the project; one line here confirms which note it is.
        say(f"  note: {clipped(assessment.note, 300)}")
    return 0


def _run_still_holds(args: argparse.Namespace) -> int:
    """``decide REF --still-holds``: the same confirmation as the GUI's "Decision still holds"."""
    from criteria_compare.project import Project
    from criteria_compare.workflow.update import confirm_carried

    with Project.open(args.project) as project:
        ref = project.assessment(args.ref).reference_ref
        if not project.assessment(ref).suspect:
            raise InvalidValue(
                f"No text of {ref} or its links changed since the decision; nothing to confirm."
            )
        confirm_carried(project, ref, reviewer=args.reviewer)
        assessment = project.assessment(ref)
        entry = project.history(ref, limit=1)[0]
    if args.json:
        emit_json(
            {
                "ref": ref,
                "status": assessment.status.value,
                "suspect": assessment.suspect,
                "confirmed": entry.new_value,
                "reviewer": entry.reviewer,
                "timestamp": entry.timestamp,
            }
        )
        return 0
    say(f"{ref}: {assessment.status.label}; the decision still holds (recorded in the history).")
    return 0


# ---------------------------------------------------------------------------- confirm-clear


def _register_confirm_clear(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    p = subparsers.add_parser(
        "confirm-clear",
        help="link every unreviewed criterion whose top suggestion is very likely right",
        description="Link each unreviewed reference criterion to its top suggestion when that "
        "suggestion is right at least 95 %% of the time by the aligner's calibration (the review "
        "screen's Confirm clear winners), in one transaction recorded as bulk. Partner criteria "
        "proposed for several criteria are listed but not linked. The relation is --relation "
        "(default equal); the verdict is left unreviewed unless --verdict is given. --dry-run "
        "lists them and changes nothing.",
    )
    p.add_argument(
        "--relation",
        choices=[r.value for r in Relation],
        default=Relation.EQUAL.value,
        help="relation of each new link (default equal)",
    )
    p.add_argument(
        "--verdict",
        choices=[Status.ALIGNED.value, Status.PARTIAL.value],
        help="also set this verdict on each linked criterion (default: leave it unreviewed)",
    )
    add_project(p)
    p.add_argument("--dry-run", action="store_true", help="list the clear winners; write nothing")
    add_reviewer(p)
    add_json(p)
    p.set_defaults(func=run_confirm_clear)


def run_confirm_clear(args: argparse.Namespace) -> int:
    """List the clear winners and, unless --dry-run, confirm them all in one bulk step."""
    from criteria_compare.project import Project
    from criteria_compare.workflow import review
    from criteria_compare.workflow.bulk import clear_winners

    with Project.open(args.project, read_only=args.dry_run) as project:
        if not args.dry_run:
            project.check_writable()
        found = clear_winners(project)
        winners = [w for w in found if w.ticked]
        status = Status(args.verdict) if args.verdict else None
        decisions = [w.decision(Relation(args.relation), status) for w in winners]
        if decisions and not args.dry_run:
            review.apply(project, decisions, reviewer=args.reviewer)
    applied = bool(winners) and not args.dry_run
    rows = [
        {
            "ref": w.reference.ref,
            "partner_ref": w.partner.ref,
            "score": round(w.suggestion.score, 3),
            "margin": round(w.suggestion.evidence.margin, 3),
            "probability": round(w.probability, 3),
        }
        for w in winners
    ]
    shared: list[dict[str, Any]] = [
        {"ref": w.reference.ref, "partner_ref": w.partner.ref, "also_for": list(w.shared_with)}
        for w in found
        if not w.ticked
    ]
    if args.json:
        emit_json(
            {
                "project": str(args.project),
                "applied": applied,
                "criteria": rows,
                "shared_partner": shared,
            }
        )
        return 0
    for row in shared:
        say(
            f"{row['ref']:<10} -> {row['partner_ref']:<10} not linked: the same partner criterion "
            f"is proposed for {', '.join(row['also_for'])}"
        )
    for row in rows:
        say(
            f"{row['ref']:<10} -> {row['partner_ref']:<10} score {row['score']:.2f}, "
            f"margin {row['margin']:.2f}"
        )
    n = len(rows)
    s = "" if n == 1 else "s"
    if not n:
        say("No unreviewed criterion has a clear winner; nothing was changed.")
    elif applied:
        verdict = f", {Status(args.verdict).label}" if args.verdict else ", verdict left unreviewed"
        say(f"Confirmed {n} clear winner{s} (linked {args.relation}{verdict}) in one bulk step.")
    else:
        say(f"{n} clear winner{s}; nothing was changed (run without --dry-run to confirm them).")
    return 0


# ---------------------------------------------------------------------------- status


def _register_status(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "status", help="counts of verdicts, links, rejections and partner-only criteria"
    )
    add_project(p)
    add_json(p)
    p.set_defaults(func=run_status)


def run_status(args: argparse.Namespace) -> int:
    """Print the project's counts."""
    from criteria_compare.project import Project

    with Project.open(args.project, read_only=True) as project:
        summary = project.summary()
        pairs = project.agreement()
    if args.json:
        emit_json(summary)
        return 0
    ref = summary["reference"]
    partner = summary["partner"]
    say(f"{summary['project']}")
    say(
        f"  reference {ref['name']} {ref['version']}".rstrip() + f": {ref['total']} criteria, "
        f"{ref['reviewed']} reviewed"
    )
    for status in Status:
        say(f"    {status.label:<11} {ref[status.value]:>5}")
    if ref["suspect"]:
        say(f"    {'suspect':<11} {ref['suspect']:>5}  (text changed since the decision)")
    say(
        f"  partner   {partner['name']} {partner['version']}".rstrip() + f": "
        f"{partner['total']} criteria, {partner['linked']} linked, "
        f"{summary['partner_only']} partner-only"
    )
    say(
        f"  links {summary['links']}, rejected {summary['rejected']}, pinned {summary['pinned']}, "
        f"discussion points {summary['discussion_points']}, suggestions {summary['suggestions']}"
    )
    if summary.get("merge_conflicts"):
        say(
            f"  merge conflicts {summary['merge_conflicts']} (ours kept; resolve them in the "
            "review screen, filter 'Merge conflicts')"
        )
    for side, info in (("reference", ref), ("partner", partner)):
        editions = info.get("editions", [])
        if len(editions) > 1:
            last = editions[-1]
            say(
                f"  {side} edition {last['number']}"
                + (f" ({last['label']})" if last["label"] else "")
                + f" from {last['source_file']}, {last['imported_at']} by {last['imported_by']}"
            )
            counts = last.get("changes") or {}
            kinds = ", ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items() if n)
            if kinds:
                say(f"    changes: {kinds}")
        if info.get("excluded"):
            say(f"  {side} criteria excluded: {info['excluded']}")
    warnings = ref["import_warnings"] + partner["import_warnings"]
    if warnings:
        say(
            f"  import warnings: {ref['import_warnings']} reference, "
            f"{partner['import_warnings']} partner"
        )
    if pairs:
        from criteria_compare.project.agreement import agreement_sentence

        say("  agreement between reviewers:")
        for pair in pairs:
            say(f"    {agreement_sentence(pair)}")
    return 0


# ---------------------------------------------------------------------------- history


def _register_history(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("history", help="the audit trail, newest first")
    add_project(p)
    p.add_argument("--ref", metavar="REF", help="only entries about this reference criterion")
    p.add_argument("--limit", type=int, metavar="N", help="at most N entries")
    add_json(p)
    p.set_defaults(func=run_history)


def _short(value: str | None, width: int = 60) -> str:
    if value is None:
        return "-"
    flat = visible(" ".join(value.split())) if value.strip() else repr(value)
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def run_history(args: argparse.Namespace) -> int:
    """Print who did what, when, newest first."""
    from criteria_compare.project import Project

    if args.limit is not None and args.limit < 0:
        raise InvalidValue("--limit must be zero or more.")
    with Project.open(args.project, read_only=True) as project:
        entries = project.history(args.ref, limit=args.limit)
    if args.json:
        emit_json(
            {
                "project": str(args.project),
                "ref": args.ref,
                "entries": [
                    {
                        "id": e.id,
                        "timestamp": e.timestamp,
                        "reviewer": e.reviewer,
                        "action": e.action,
                        "reference_ref": e.reference_ref,
                        "partner_ref": e.partner_ref,
                        "old_value": e.old_value,
                        "new_value": e.new_value,
                        "bulk": e.bulk,
                        "origin": e.origin,
                    }
                    for e in entries
                ],
            }
        )
        return 0
    for e in entries:
        target = " ".join(
            x for x in (e.reference_ref, e.partner_ref and f"-> {e.partner_ref}") if x
        )
        change = f"{_short(e.old_value, 40)} => {_short(e.new_value)}"
        say(
            f"{e.timestamp}  {e.reviewer:<14} {e.action:<10} {target:<18} {change}"
            + ("  [bulk]" if e.bulk else "")
            + (f"  [{e.origin}]" if e.origin else "")
        )
    if not entries:
        say("No history entries" + (f" for {args.ref}." if args.ref else "."))
    return 0
