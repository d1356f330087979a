"""The ``export`` subcommand: the comparison as an OSCAL mapping or a CISO Assistant mapping library."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from criteria_compare.cli.arguments import add_json, add_project
from criteria_compare.cli.output import emit_json, say
from criteria_compare.errors import InvalidValue
from criteria_compare.paths import resolve_path

if TYPE_CHECKING:
    from criteria_compare.report.interop import Crosswalk

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand to the CLI."""
    parser = subparsers.add_parser(
        "export",
        help="export the comparison as an OSCAL mapping or a CISO Assistant mapping library",
        description=(
            "Write the confirmed links of a project as an OSCAL 1.2 mapping-collection (JSON) "
            "and/or a CISO Assistant mapping library (YAML), optionally with both programs as "
            "OSCAL catalogs or CISO Assistant framework libraries so that the mapping's "
            "references resolve. Identifiers are derived from the programs and refs, so "
            "exporting the same comparison again gives the same file. Files are written "
            "atomically."
        ),
    )
    add_project(parser)
    parser.add_argument("--oscal", type=Path, metavar="OUT.json", help="the OSCAL mapping to write")
    parser.add_argument(
        "--oscal-catalogs",
        type=Path,
        metavar="DIR",
        help="also write both programs as OSCAL catalogs into this folder (with --oscal)",
    )
    parser.add_argument(
        "--ciso-assistant",
        type=Path,
        metavar="OUT.yaml",
        help="the CISO Assistant mapping library to write",
    )
    parser.add_argument(
        "--ciso-frameworks",
        type=Path,
        metavar="DIR",
        help="also write both programs as CISO Assistant framework libraries into this folder",
    )
    parser.add_argument(
        "--marking",
        default="",
        metavar="TEXT",
        help='handling marking stored in the OSCAL metadata, e.g. "FOR OFFICIAL USE ONLY"',
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace catalog or framework files of the same names that are not from an "
        "earlier export of the same programs",
    )
    add_json(parser)
    parser.set_defaults(func=run)


def _check(args: argparse.Namespace) -> None:
    if args.oscal is None and args.ciso_assistant is None:
        raise InvalidValue(
            "Nothing to export; give --oscal OUT.json, --ciso-assistant OUT.yaml or both."
        )
    if args.oscal_catalogs is not None and args.oscal is None:
        raise InvalidValue("--oscal-catalogs goes with --oscal; give the mapping's file too.")
    if args.ciso_frameworks is not None and args.ciso_assistant is None:
        raise InvalidValue(
            "--ciso-frameworks goes with --ciso-assistant; give the mapping's file too."
        )
    project = resolve_path(args.project)
    files = [f for f in (args.oscal, args.ciso_assistant) if f is not None]
    for target in files:
        if resolve_path(target) == project:
            raise InvalidValue(
                f"The export file {target} is the project file itself; choose another name."
            )
    if len(files) == 2 and resolve_path(files[0]) == resolve_path(files[1]):
        raise InvalidValue("--oscal and --ciso-assistant name the same file; give each its own.")
    for folder in (args.oscal_catalogs, args.ciso_frameworks):
        if folder is not None and not folder.is_dir():
            if not folder.parent.is_dir() or folder.exists():
                raise InvalidValue(
                    f"The folder {folder} does not exist and cannot be made there; choose an "
                    "existing folder."
                )
            folder.mkdir()


def _refuse_files_in_the_way(args: argparse.Namespace, crosswalk: Crosswalk) -> None:
    """Before anything is written: no program file beside either mapping may replace a file
    that an earlier export of the same program did not write."""
    from criteria_compare.report.ciso_assistant import framework_companions
    from criteria_compare.report.interop import Companion, FilesInTheWay, in_the_way
    from criteria_compare.report.oscal_catalog import catalog_companions

    companions: list[Companion] = []
    if args.oscal_catalogs is not None:
        companions += catalog_companions(crosswalk, args.oscal_catalogs)
    if args.ciso_frameworks is not None:
        companions += framework_companions(crosswalk, args.ciso_frameworks)
    blocked = in_the_way(companions)
    if blocked:
        them = "it" if len(blocked) == 1 else "them"
        raise InvalidValue(
            f"{FilesInTheWay(blocked)}; give --force to replace {them}, or choose another folder."
        )


def run(args: argparse.Namespace) -> int:
    """Open the project read-only, read the comparison once, write each file asked for."""
    from criteria_compare.project import Project
    from criteria_compare.report.ciso_assistant import write_ciso_mapping
    from criteria_compare.report.interop import Crosswalk
    from criteria_compare.report.oscal_mapping import write_oscal_mapping

    _check(args)
    with Project.open(args.project, read_only=True) as project:
        crosswalk = Crosswalk.of(project)
    if not args.force:
        _refuse_files_in_the_way(args, crosswalk)  # both exports, before either is written
    result: dict[str, object] = {
        "oscal": None,
        "oscal_catalogs": [],
        "ciso_assistant": None,
        "ciso_frameworks": [],
        "links": crosswalk.data.link_count,
        "status": "complete" if crosswalk.assessed else "draft",
    }
    written: list[Path] = []
    if args.oscal is not None:
        path, catalogs = write_oscal_mapping(
            crosswalk,
            args.oscal,
            catalogs=args.oscal_catalogs,
            marking=args.marking,
            replace=True,  # checked above
        )
        result["oscal"], result["oscal_catalogs"] = str(path), [str(p) for p in catalogs]
        written += [path, *catalogs]
    if args.ciso_assistant is not None:
        path, frameworks = write_ciso_mapping(
            crosswalk, args.ciso_assistant, frameworks=args.ciso_frameworks, replace=True
        )
        result["ciso_assistant"] = str(path)
        result["ciso_frameworks"] = [str(p) for p in frameworks]
        written += [path, *frameworks]
    if args.json:
        emit_json(result)
    else:
        for path in written:
            say(f"Wrote {path}")
        say(f"{crosswalk.data.link_count} confirmed links; {crosswalk.data.status_line}")
    return 0
