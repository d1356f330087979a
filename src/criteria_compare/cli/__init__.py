"""Command-line entry point: ``criteria-compare SUBCOMMAND ...``.

Each subcommand lives in its own module exposing ``register(subparsers)``,
which adds a parser whose ``func`` default takes the parsed arguments and
returns an exit status. Errors the user can fix print one sentence on stderr
and exit 2; anything else prints one sentence pointing at the log and exits 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from typing import Any

from criteria_compare import __version__
from criteria_compare.cli import (
    cmd_evaluate,
    cmd_exchange,
    cmd_exclude,
    cmd_export,
    cmd_inspect,
    cmd_lock,
    cmd_merge,
    cmd_project,
    cmd_refit,
    cmd_report,
    cmd_update,
)
from criteria_compare.cli.output import notice
from criteria_compare.crashlog import log_exception, logged_to
from criteria_compare.errors import CriteriaCompareError, ProjectInUse

__all__ = ["build_parser", "main"]

_COMMAND_MODULES = (
    cmd_inspect,
    cmd_evaluate,
    cmd_project,
    cmd_update,
    cmd_exclude,
    cmd_report,
    cmd_export,
    cmd_refit,
    cmd_lock,
    cmd_exchange,
    cmd_merge,
)


#: What an option looks like: ``-x`` or ``--word[=value]``. Anything else that starts with a dash
#: and names no option (``-2+3``, ``-5%``, ``-draft-``) is a value, e.g. of ``--note``.
_OPTION_SHAPE = re.compile(r"-[A-Za-z]|--[A-Za-z][A-Za-z0-9_-]*(=.*)?", re.DOTALL)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")

    def _parse_optional(self, arg_string: str) -> Any:
        parsed = super()._parse_optional(arg_string)
        if parsed is None or _OPTION_SHAPE.fullmatch(arg_string):
            return parsed
        options = parsed if isinstance(parsed, list) else [parsed]  # a list from Python 3.12.7 on
        if all(option[0] is None for option in options):  # names no option of this command
            return None
        return parsed


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="criteria-compare",
        description="Compare CTPAT Minimum Security Criteria with a partner AEO program.",
    )
    parser.add_argument("--version", action="version", version=f"criteria-compare {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in _COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Notices the core logs (e.g. a stale lock cleared) read like the CLI's own.
    logging.basicConfig(
        level=logging.WARNING, format="criteria-compare: %(message)s", stream=sys.stderr
    )
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args) or 0)
    except ProjectInUse as exc:
        notice(cmd_lock.in_use_sentence(exc))
        return 2
    except CriteriaCompareError as exc:
        notice(str(exc))
        return 2
    except BrokenPipeError:
        # The reader (e.g. `| head`) closed the pipe: not an error; keep Python quiet on exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        notice("interrupted; nothing half-written was kept.")
        return 130
    except Exception as exc:  # the last resort: logged with its traceback, one line, exit 1  # noqa: BLE001
        log = log_exception(type(exc), exc, exc.__traceback__)
        notice(f"internal error ({type(exc).__name__}: {exc}); {logged_to(log)}")
        return 1
