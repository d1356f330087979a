"""Writing the content of a brand-new project file: both programs, their criteria, settings, first history row."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from criteria_compare.errors import InvalidValue
from criteria_compare.model import Program, Side
from criteria_compare.osuser import os_user
from criteria_compare.project.codec import (
    INSERT_CRITERION,
    check_reviewer,
    criterion_row,
    dumps,
    now_utc,
)
from criteria_compare.project.connection import harden
from criteria_compare.project.history import record
from criteria_compare.project.migrations import SCHEMA_VERSION, migrate
from criteria_compare.project.state import StoredSettings

if TYPE_CHECKING:
    from typing_extensions import Unpack

__all__ = ["NewFileDetails", "write_new_file"]


class NewFileDetails(TypedDict, total=False):
    """What a new project may be told besides its two programs; every key may be left out."""

    reference_name: str | None
    partner_name: str | None
    reference_version: str
    partner_version: str
    settings: StoredSettings | Mapping[str, Any] | None
    reviewer: str | None


def describe_program(
    source: Any, name: str | None, version: str, default_name: str
) -> tuple[Program, dict[str, Any], list[str]]:
    """(program, import settings, import warnings) from a Program or an importer result."""
    name = (name or "").strip() or None  # a name of spaces is no name
    version = (version or "").strip()
    if isinstance(source, Program):
        program = source
        if name:
            program = Program(
                name=name,
                criteria=program.criteria,
                version=version or program.version,
                source_file=program.source_file,
                sha256=program.sha256,
            )
        elif version:
            program = Program(
                name=program.name,
                criteria=program.criteria,
                version=version,
                source_file=program.source_file,
                sha256=program.sha256,
            )
        return program, {}, []
    if not hasattr(source, "to_program"):
        raise InvalidValue(
            f"Cannot build a program from {type(source).__name__}; pass an import result or a Program."
        )
    stem = Path(str(getattr(source, "file", "") or default_name)).stem or default_name
    proposed = (getattr(source, "proposed_name", None) or "").strip()
    proposed_version = (getattr(source, "proposed_version", None) or "").strip()
    # the name the document gives itself (a title row, its metadata) before the file's name
    program = source.to_program(name or proposed or stem, version or proposed_version)
    settings: dict[str, Any] = {}
    for key in ("sheet", "header_row", "encoding", "delimiter"):
        value = getattr(source, key, None)
        if value is not None:
            settings[key] = value
    columns = getattr(source, "columns", None)
    if columns:
        settings["columns"] = dict(columns)
    letters = getattr(source, "column_letters", None)
    if letters:
        settings["column_letters"] = dict(letters)
    warnings = [str(w) for w in getattr(source, "warnings", ())]
    return program, settings, warnings


def _check_refs(program: Program, side: Side) -> None:
    seen: set[str] = set()
    for criterion in program.criteria:
        if not isinstance(criterion.ref, str) or not criterion.ref.strip():
            raise InvalidValue(f"The {side.value} program has a criterion without a ref.")
        if criterion.ref in seen:
            raise InvalidValue(
                f"The {side.value} program lists ref {criterion.ref!r} twice; refs must be unique."
            )
        seen.add(criterion.ref)


def write_new_file(
    path: Path,
    reference: Any,
    partner: Any,
    *,
    schema: int = SCHEMA_VERSION,
    **details: Unpack[NewFileDetails],
) -> None:
    """Write a complete new project file at ``path`` (which must not exist) and close it."""
    unknown = sorted(set(details) - NewFileDetails.__optional_keys__)
    if unknown:
        raise TypeError(f"write_new_file() got unexpected keyword arguments: {', '.join(unknown)}")
    ref_program, ref_settings, ref_warnings = describe_program(
        reference, details.get("reference_name"), details.get("reference_version", ""), "Reference"
    )
    partner_program, partner_settings, partner_warnings = describe_program(
        partner, details.get("partner_name"), details.get("partner_version", ""), "Partner"
    )
    settings = details.get("settings")
    reviewer = details.get("reviewer")
    _check_refs(ref_program, Side.REFERENCE)
    _check_refs(partner_program, Side.PARTNER)
    who = check_reviewer(reviewer) if reviewer else os_user()
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        harden(conn)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, schema)
        stamp = now_utc()
        conn.execute("BEGIN IMMEDIATE")
        for side, program, imp, warns in (
            (Side.REFERENCE, ref_program, ref_settings, ref_warnings),
            (Side.PARTNER, partner_program, partner_settings, partner_warnings),
        ):
            conn.execute(
                "INSERT INTO programs (side, name, version, source_file, sha256, import_settings, "
                "import_warnings) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    side.value,
                    program.name,
                    program.version,
                    program.source_file,
                    program.sha256,
                    dumps(imp),
                    dumps(warns),
                ),
            )
            if schema >= 5:
                conn.execute(
                    "INSERT INTO editions (side, number, label, source_file, sha256, imported_at, "
                    "imported_by, criteria) VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
                    (
                        side.value,
                        program.version,
                        program.source_file,
                        program.sha256,
                        stamp,
                        who,
                        len(program.criteria),
                    ),
                )
            conn.executemany(
                INSERT_CRITERION,
                [criterion_row(side, i, c) for i, c in enumerate(program.criteria)],
            )
        if settings is not None:
            data = dict(settings) if isinstance(settings, Mapping) else settings.to_dict()
            conn.execute("INSERT INTO settings (key, value) VALUES ('aligner', ?)", (dumps(data),))
        if reviewer:
            conn.execute("INSERT INTO settings (key, value) VALUES ('reviewer', ?)", (who,))
        record(
            conn,
            timestamp=stamp,
            reviewer=who,
            action="create",
            new_value=f"{ref_program.name} ({len(ref_program.criteria)} criteria) vs "
            f"{partner_program.name} ({len(partner_program.criteria)} criteria)",
        )
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()
        raise
    conn.close()
