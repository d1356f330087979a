"""Reading criteria files for the CLI: ``--columns`` and ``--max-size``, and advice naming this command's options."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from criteria_compare.errors import ColumnMappingError, CriteriaCompareError, ImportFailed
from criteria_compare.importing import (
    ImportLimits,
    ImportResult,
    ImportWarning,  # noqa: A004
    read_criteria,
)
from criteria_compare.progress import ProgressCallback

__all__ = [
    "add_max_size_argument",
    "advice",
    "limits_from",
    "parse_columns",
    "read_for_cli",
    "warning_text",
]

_MIB = 1024 * 1024
_DEFAULT_MB = ImportLimits().max_bytes // _MIB


_COLUMNS_EXAMPLE = '\'{"ref": "ID", "text": "Criteria"}\''


def parse_columns(text: str | None, option: str = "--columns") -> dict[str, str | None] | None:
    """The JSON object given to ``option`` (role -> header text, column letter, or null for
    "no such column"), checked for shape; the importer checks the roles."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ColumnMappingError(
            f"{option} is not valid JSON ({exc.msg} at character {exc.pos}); give an object "
            f"such as {_COLUMNS_EXAMPLE}."
        ) from None
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in value.items()
    ):
        raise ColumnMappingError(
            f"{option} must be a JSON object of role to header text or column letter (or null "
            f"for none), such as {_COLUMNS_EXAMPLE}."
        )
    return value


def _megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"give a number of megabytes such as {_DEFAULT_MB}, not {text!r}"
        ) from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"give a number of megabytes above 0, not {text!r}")
    return value


def add_max_size_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--max-size MB``: the largest input file the importer accepts."""
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help=f"refuse input files larger than MB megabytes (default {_DEFAULT_MB})",
    )


def limits_from(args: argparse.Namespace) -> ImportLimits:
    """Import limits with the size limit from ``--max-size`` when given."""
    megabytes = getattr(args, "max_size", None)
    if megabytes is None:
        return ImportLimits()
    return ImportLimits(max_bytes=max(1, int(megabytes * _MIB)))


def advice(message: str, prefix: str) -> str:
    """The importer's advice with this command's option names (``--reference-columns``...)."""
    if prefix:
        message = message.replace("--columns", f"--{prefix}-columns")
        message = message.replace("--language", f"--{prefix}-language")
        message = message.replace("--sheet", f"--{prefix}-sheet")
    if "over the import limit" in message:
        message = message.replace(
            "remove unused sheets or rows and try again.",
            "remove unused sheets or rows, or raise the limit with --max-size MB.",
        )
    return message


#: What the user can do about a warning, in this front end's words (see ImportWarning.advice).
_WARNING_ADVICE = {
    "columns": "map it with --columns",
    "language": "give the language with --language CODE",
    "sheet": "choose the sheet with --sheet NAME",
}


def warning_text(warning: ImportWarning, prefix: str = "") -> str:
    """An import warning as the CLI prints it: located, with this command's option names."""
    text = str(warning)
    hint = _WARNING_ADVICE.get(warning.advice)
    if hint:
        text = f"{text.rstrip('.')} ({hint})."
    return advice(text, prefix)


def read_for_cli(
    path: Path,
    *,
    sheet: str | None,
    columns: dict[str, str | None] | None,
    limits: ImportLimits,
    prefix: str = "",
    require_criteria: bool = False,
    progress: ProgressCallback | None = None,
    language: str | None = None,
    prefer_language: str | None = None,
) -> ImportResult:
    """``read_criteria`` whose errors name this command's options (``--{prefix}-columns``).

    With ``require_criteria``, a file in which no criterion was found is refused
    (a project needs criteria on both sides) instead of giving a warning.
    """
    try:
        result = read_criteria(
            path,
            sheet=sheet,
            columns=columns,
            limits=limits,
            progress=progress,
            language=language,
            prefer_language=prefer_language,
        )
    except CriteriaCompareError as exc:
        advised = advice(str(exc), prefix)
        if advised == str(exc):
            raise
        raise type(exc)(advised) from None
    if require_criteria and not result.criteria:
        where = result.file + (f", sheet '{result.sheet}'" if result.sheet else "")
        below = f"below its header row (row {result.header_row})" if result.header_row else ""
        option = f"--{prefix}-" if prefix else "--"
        choose = (
            f"the sheet and columns with {option}sheet and {option}columns"
            if result.sheets
            else f"the columns with {option}columns"
        )
        raise ImportFailed(
            f"{where} has no criteria {below}".rstrip() + f"; check the file, or choose {choose}."
        )
    return result
