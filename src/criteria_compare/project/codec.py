"""Converting model objects to and from the project file's columns (JSON text, enum values, timestamps)."""

from __future__ import annotations

import datetime as _dt
import json
import math
import unicodedata
from collections.abc import Mapping
from typing import Any

from criteria_compare.errors import InvalidValue
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
    Status,
    Suggestion,
)

__all__ = [
    "assessment_from_row",
    "check_reviewer",
    "check_text",
    "criterion_from_row",
    "dumps",
    "evidence_from_json",
    "evidence_to_json",
    "link_from_row",
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
    """A Status from its value ("aligned") or enum; InvalidValue otherwise."""
    if isinstance(value, Status):
        return value
    text = str(value).strip().lower()
    labels = {s.label.lower(): s for s in Status}  # "n/a", as the tool prints it
    if text in labels:
        return labels[text]
    try:
        return Status(text.replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        raise InvalidValue(f"Unknown status {value!r}; use one of {allowed}.") from None


def parse_relation(value: Relation | str) -> Relation:
    """A Relation from its value ("subset_of") or enum; InvalidValue otherwise."""
    if isinstance(value, Relation):
        return value
    text = str(value).strip().lower()
    labels = {r.label: r for r in Relation}  # "subset", "intersects", as the tool prints them
    if text in labels:
        return labels[text]
    try:
        return Relation(text.replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(r.value for r in Relation)
        raise InvalidValue(f"Unknown relation {value!r}; use one of {allowed}.") from None


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _num(value: float) -> float:
    value = float(value)
    return value if math.isfinite(value) else 0.0


def evidence_to_json(evidence: Evidence) -> str:
    """Evidence as compact JSON (short keys: it is stored for every suggestion)."""
    data: dict[str, Any] = {}
    if evidence.shared_terms:
        data["t"] = list(evidence.shared_terms)
    if evidence.source_spans:
        data["s"] = [list(span) for span in evidence.source_spans]
    if evidence.target_spans:
        data["g"] = [list(span) for span in evidence.target_spans]
    if evidence.channels:
        data["c"] = {str(k): round(_num(v), 6) for k, v in evidence.channels.items()}
    if evidence.margin:
        data["m"] = round(_num(evidence.margin), 6)
    if evidence.section_match:
        data["x"] = 1
    return dumps(data)


def evidence_from_json(text: str | None) -> Evidence:
    """Evidence back from :func:`evidence_to_json`."""
    if not text:
        return Evidence()
    data: Mapping[str, Any] = json.loads(text)
    return Evidence(
        shared_terms=tuple(data.get("t", ())),
        source_spans=tuple((int(a), int(b)) for a, b in data.get("s", ())),
        target_spans=tuple((int(a), int(b)) for a, b in data.get("g", ())),
        channels={str(k): float(v) for k, v in data.get("c", {}).items()},
        margin=float(data.get("m", 0.0)),
        section_match=bool(data.get("x", 0)),
    )


def criterion_from_row(row: tuple[Any, ...]) -> Criterion:
    """Criterion from (ref, section, text, guidance, level, file, sha256, sheet, row)."""
    ref, section, text, guidance, level, pfile, psha, psheet, prow = row
    provenance = (
        Provenance(file=pfile, sha256=psha or "", sheet=psheet, row=int(prow or 0))
        if pfile is not None
        else None
    )
    return Criterion(
        ref=ref,
        text=text,
        section=section,
        guidance=guidance,
        level=Level(level) if level else None,
        provenance=provenance,
    )


def suggestion_from_row(row: tuple[Any, ...], pinned: bool = False) -> Suggestion:
    """Suggestion from (source_ref, target_ref, rank, score, band, evidence)."""
    source, target, rank, score, band, evidence = row
    return Suggestion(
        source_ref=source,
        target_ref=target,
        rank=int(rank),
        score=float(score),
        band=Band(band),
        evidence=evidence_from_json(evidence),
        pinned=pinned,
    )


def link_from_row(row: tuple[Any, ...]) -> Link:
    """Link from (reference_ref, partner_ref, relation, origin, score, reviewer, timestamp)."""
    ref, pref, relation, origin, score, reviewer, stamp = row
    return Link(
        reference_ref=ref,
        partner_ref=pref,
        relation=Relation(relation),
        origin=LinkOrigin(origin),
        score=None if score is None else float(score),
        reviewer=reviewer,
        timestamp=stamp,
    )


def assessment_from_row(row: tuple[Any, ...], suspect: bool = False) -> Assessment:
    """Assessment from (reference_ref, status, note, discussion, reviewer, timestamp)."""
    ref, status, note, discussion, reviewer, stamp = row
    return Assessment(
        reference_ref=ref,
        status=Status(status),
        note=note,
        discussion=bool(discussion),
        reviewer=reviewer,
        timestamp=stamp,
        suspect=suspect,
    )
