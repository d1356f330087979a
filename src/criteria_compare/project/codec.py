"""Converting model objects to and from the project file's columns (JSON text, enum values, timestamps)."""

from __future__ import annotations

import datetime as _dt
import enum
import json
import math
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from criteria_compare.errors import InvalidValue, ProjectCorrupt
from criteria_compare.model import (
    Assessment,
    Band,
    Criterion,
    Evidence,
    Level,
    Link,
    LinkOrigin,
    Provenance,
    Relation,
    Side,
    Status,
    Suggestion,
)

__all__ = [
    "StoredValueError",
    "assessment_from_row",
    "check_reviewer",
    "check_text",
    "criterion_from_row",
    "dumps",
    "evidence_from_json",
    "evidence_to_json",
    "link_from_row",
    "load_json",
    "now_utc",
    "parse_relation",
    "parse_status",
    "suggestion_from_row",
]

MAX_REVIEWER = 120


def now_utc() -> str:
    """The current time as UTC ISO-8601 with milliseconds, e.g. ``2026-11-23T12:54:01.123Z``."""
    stamp = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def check_text(value: str, what: str) -> str:
    """Refuse text that cannot be stored as UTF-8 (undecodable bytes from a shell or a file)."""
    if not isinstance(value, str):
        raise InvalidValue(f"The {what} must be text.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidValue(
            f"The {what} holds bytes that are not valid UTF-8 text; retype it or fix the "
            "terminal's encoding."
        ) from None
    return value


def check_reviewer(name: str) -> str:
    """A reviewer name stripped of surrounding space; refuse empty, control characters or too long."""
    cleaned = check_text(name, "reviewer name").strip() if isinstance(name, str) else ""
    if not cleaned:
        raise InvalidValue(
            "The reviewer name is empty; give a name such as --reviewer 'A. Analyst'."
        )
    if any(unicodedata.category(ch) == "Cc" for ch in cleaned):
        raise InvalidValue(
            "The reviewer name contains control characters; use letters, digits and spaces."
        )
    if len(cleaned) > MAX_REVIEWER:
        raise InvalidValue(
            f"The reviewer name is {len(cleaned)} characters long; use at most {MAX_REVIEWER}."
        )
    return cleaned


def parse_status(value: Status | str) -> Status:
    """A Status from its value ("aligned"), its label ("N/A", as the tool prints it) or enum;
    InvalidValue otherwise."""
    return _parse_choice(Status, value, "status")


def parse_relation(value: Relation | str) -> Relation:
    """A Relation from its value ("subset_of"), its label ("subset", "intersects", as the tool
    prints them) or enum; InvalidValue otherwise."""
    return _parse_choice(Relation, value, "relation")


_Choice = TypeVar("_Choice", Status, Relation)


def _parse_choice(kind: type[_Choice], value: _Choice | str, what: str) -> _Choice:
    """A member of ``kind`` as a user may type it: value or label, any case, - or space for _."""
    if isinstance(value, kind):
        return value
    text = str(value).strip().lower()
    labels = {m.label.lower(): m for m in kind}
    if text in labels:
        return labels[text]
    try:
        return kind(text.replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise InvalidValue(f"Unknown {what} {value!r}; use one of {allowed}.") from None


#: One encoder for every value (``json.dumps`` with options builds a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text as is."""
    return _ENCODE(value)


def _num(value: float) -> float:
    value = float(value)
    return value if math.isfinite(value) else 0.0


def evidence_to_json(evidence: Evidence) -> str:
    """Evidence as compact JSON (short keys: it is stored for every suggestion)."""
    data: dict[str, Any] = {}
    # Tuples are written as JSON arrays, so the terms and spans go in as they are.
    if evidence.shared_terms:
        data["t"] = evidence.shared_terms
    if evidence.source_spans:
        data["s"] = evidence.source_spans
    if evidence.target_spans:
        data["g"] = evidence.target_spans
    if evidence.channels:
        data["c"] = {str(k): round(_num(v), 6) for k, v in evidence.channels.items()}
    if evidence.margin:
        data["m"] = round(_num(evidence.margin), 6)
    if evidence.section_match:
        data["x"] = 1
    return dumps(data)


class StoredValueError(ProjectCorrupt):
    """A value read from the file cannot be what its column holds (bad JSON, an unknown status,
    text where a number belongs); ``where`` names the table and row. The store re-raises it as a
    :class:`ProjectCorrupt` naming the file (:meth:`in_file`)."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(self._sentence("The project file"))

    def _sentence(self, subject: str) -> str:
        return (
            f"{subject} is damaged ({self.where}: {self.problem}); restore it from a backup or "
            "an earlier copy."
        )

    def in_file(self, path: Path) -> ProjectCorrupt:
        """The same sentence with the file's name."""
        return ProjectCorrupt(self._sentence(path.name))


def load_json(text: object, where: str, kind: type[dict[str, Any]] | type[list[Any]]) -> Any:
    """A stored JSON object (``kind=dict``) or array (``kind=list``); StoredValueError otherwise."""
    try:
        value = json.loads(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise StoredValueError(where, "not valid JSON") from None
    if not isinstance(value, kind):
        expected = "an object" if kind is dict else "a list"
        raise StoredValueError(where, f"JSON {type(value).__name__} where {expected} belongs")
    return value


def _text(value: object, where: str, column: str) -> str:
    if not isinstance(value, str):
        raise StoredValueError(where, f"{column} is {_shown(value)}, not text")
    return value


def _optional_text(value: object, where: str, column: str) -> str | None:
    return None if value is None else _text(value, where, column)


def _number(value: object, where: str, column: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StoredValueError(where, f"{column} is {_shown(value)}, not a number")
    number = float(value)
    if not math.isfinite(number):
        raise StoredValueError(where, f"{column} is {_shown(value)}, not a number")
    return number


def _whole(value: object, where: str, column: str) -> int:
    number = _number(value, where, column)
    if not number.is_integer():
        raise StoredValueError(where, f"{column} is {_shown(value)}, not a whole number")
    return int(number)


_E = TypeVar("_E", bound=enum.Enum)


def _member(kind: type[_E], value: object, where: str, column: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        raise StoredValueError(where, f"unknown {column} {_shown(value)}") from None


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def evidence_from_json(text: str | None, where: str = "suggestions") -> Evidence:
    """Evidence back from :func:`evidence_to_json`."""
    if not text:
        return Evidence()
    data: Mapping[str, Any] = load_json(text, where, dict)
    try:
        return Evidence(
            shared_terms=tuple(str(term) for term in data.get("t", ())),
            source_spans=tuple((int(a), int(b)) for a, b in data.get("s", ())),
            target_spans=tuple((int(a), int(b)) for a, b in data.get("g", ())),
            channels={str(k): float(v) for k, v in data.get("c", {}).items()},
            margin=float(data.get("m", 0.0)),
            section_match=bool(data.get("x", 0)),
        )
    except (TypeError, ValueError, AttributeError):
        raise StoredValueError(where, "evidence that is not in the expected form") from None


#: Stores one criterion; its values in the order :func:`criterion_row` gives them.
INSERT_CRITERION = (
    "INSERT INTO criteria (side, ref, position, section, text, guidance, level, prov_file, "
    "prov_sha256, prov_sheet, prov_row, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def criterion_row(side: Side, position: int, c: Criterion) -> tuple[Any, ...]:
    """The values of :data:`INSERT_CRITERION` for criterion ``c`` at ``position`` on ``side``."""
    p = c.provenance
    return (
        side.value,
        c.ref,
        position,
        c.section,
        c.text,
        c.guidance,
        None if c.level is None else c.level.value,
        None if p is None else p.file,
        None if p is None else p.sha256,
        None if p is None else p.sheet,
        None if p is None else p.row,
        c.fingerprint,
    )


def criterion_from_row(row: tuple[Any, ...]) -> Criterion:
    """Criterion from (ref, section, text, guidance, level, file, sha256, sheet, row)."""
    ref, section, text, guidance, level, pfile, psha, psheet, prow = row
    where = f"criteria, criterion {_shown(ref)}"
    provenance = (
        Provenance(
            file=_text(pfile, where, "provenance file"),
            sha256=_optional_text(psha, where, "provenance SHA-256") or "",
            sheet=_optional_text(psheet, where, "provenance sheet"),
            row=0 if prow is None else _whole(prow, where, "provenance row"),
        )
        if pfile is not None
        else None
    )
    return Criterion(
        ref=_text(ref, where, "ref"),
        text=_text(text, where, "text"),
        section=_text(section, where, "section"),
        guidance=_text(guidance, where, "guidance"),
        level=_member(Level, level, where, "level") if level else None,
        provenance=provenance,
    )


def suggestion_from_row(row: tuple[Any, ...], pinned: bool = False) -> Suggestion:
    """Suggestion from (source_ref, target_ref, rank, score, band, evidence)."""
    source, target, rank, score, band, evidence = row
    where = f"suggestions, {_shown(source)} → {_shown(target)}"
    return Suggestion(
        source_ref=_text(source, where, "source ref"),
        target_ref=_text(target, where, "target ref"),
        rank=_whole(rank, where, "rank"),
        score=_number(score, where, "score"),
        band=_member(Band, band, where, "band"),
        evidence=evidence_from_json(evidence, where),
        pinned=pinned,
    )


def link_from_row(row: tuple[Any, ...]) -> Link:
    """Link from (reference_ref, partner_ref, relation, origin, score, reviewer, timestamp)."""
    ref, pref, relation, origin, score, reviewer, stamp = row
    where = f"links, {_shown(ref)} → {_shown(pref)}"
    return Link(
        reference_ref=_text(ref, where, "reference ref"),
        partner_ref=_text(pref, where, "partner ref"),
        relation=_member(Relation, relation, where, "relation"),
        origin=_member(LinkOrigin, origin, where, "origin"),
        score=None if score is None else _number(score, where, "score"),
        reviewer=_text(reviewer, where, "reviewer"),
        timestamp=_text(stamp, where, "timestamp"),
    )


def assessment_from_row(row: tuple[Any, ...], suspect: bool = False) -> Assessment:
    """Assessment from (reference_ref, status, note, discussion, reviewer, timestamp)."""
    ref, status, note, discussion, reviewer, stamp = row
    where = f"assessments, criterion {_shown(ref)}"
    return Assessment(
        reference_ref=_text(ref, where, "ref"),
        status=_member(Status, status, where, "status"),
        note=_text(note, where, "note"),
        discussion=bool(_whole(discussion, where, "discussion flag")),
        reviewer=_text(reviewer, where, "reviewer"),
        timestamp=_text(stamp, where, "timestamp"),
        suspect=suspect,
    )
