"""What the OSCAL and CISO Assistant exports share: the comparison, stable ids and the writing.

A :class:`Crosswalk` is a report's content plus both programs' criteria in program
order (a catalog lists every criterion, linked or not). Identifiers are derived, never
random, so that exporting the same comparison twice gives the same bytes and a
re-export after more review diffs cleanly: UUIDs are version 5 (name-based) under
one namespace, from the two programs' names and versions and the object they name;
control ids and URN parts are the refs made into tokens, kept unique.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from criteria_compare.model import Criterion, Status
from criteria_compare.report.atomic import ReportWriteError, atomic_target
from criteria_compare.report.data import ReportData

if TYPE_CHECKING:
    from criteria_compare.project import Project

__all__ = [
    "NAMESPACE",
    "Companion",
    "Crosswalk",
    "FilesInTheWay",
    "in_the_way",
    "latest_timestamp",
    "no_links",
    "slug",
    "token_ids",
    "urn_parts",
    "write_json",
    "write_yaml",
]

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://criteria-compare.invalid/interop")
"""The namespace of every UUID the exports derive (fixed: changing it changes every id)."""

_NOT_TOKEN = re.compile(r"[^A-Za-z0-9_.\-]+")


@dataclass(frozen=True)
class Crosswalk:
    """One comparison as the exports see it."""

    data: ReportData
    reference: tuple[Criterion, ...]
    partner: tuple[Criterion, ...]

    @classmethod
    def of(cls, project: Project) -> Crosswalk:
        """Read the comparison from an open project (reads only)."""
        from criteria_compare.report.collect import collect

        return cls(collect(project), project.reference.criteria, project.partner.criteria)

    @property
    def seed(self) -> str:
        """What names this comparison in every UUID: both programs' names and versions."""
        ref, partner = self.data.reference, self.data.partner
        return "\n".join((ref.name, ref.version, partner.name, partner.version))

    def uuid(self, *parts: str) -> str:
        """The UUID (version 5) of one object of this comparison, e.g. ``("map", "7.1", "B2")``."""
        return str(uuid.uuid5(NAMESPACE, "\n".join((self.seed, *parts))))

    @property
    def assessed(self) -> bool:
        return not self.data.is_draft

    def gap_refs(self) -> tuple[str, ...]:
        """Reference criteria assessed as gaps, in program order."""
        return tuple(row.ref for row in self.data.rows if row.status is Status.GAP)


def token_ids(refs: Iterable[str], prefix: str, reserved: Iterable[str] = ()) -> dict[str, str]:
    """An OSCAL token (``[A-Za-z_][A-Za-z0-9_.-]*``) per ref, unique and none of ``reserved``
    (the document's other ids): ``7.37`` -> ``c-7.37``."""
    found: dict[str, str] = {}
    used = {r.casefold() for r in reserved}
    for ref in refs:
        ascii_ref = unicodedata.normalize("NFKD", ref).encode("ascii", "ignore").decode()
        base = _NOT_TOKEN.sub("-", ascii_ref).strip("-.") or "x"
        if not (base[0].isalpha() or base[0] == "_"):
            base = f"{prefix}-{base}"
        token, n = base, 2
        while token.casefold() in used:
            token, n = f"{base}-{n}", n + 1
        used.add(token.casefold())
        found[ref] = token
    return found


def no_links(what: str) -> ReportWriteError:
    """The refusal of an export that needs at least one confirmed link (``what``: "an OSCAL
    mapping")."""
    return ReportWriteError(
        f"The comparison has no confirmed link yet, and {what} needs at least one; confirm "
        "links in the review first."
    )


@dataclass(frozen=True)
class Companion:
    """A file an export writes beside its mapping (a program as a catalog or framework
    library), and a text only an earlier export of that same program puts in it."""

    path: Path
    mark: str


class FilesInTheWay(ReportWriteError):
    """Files of the names an export would write beside the mapping exist and are someone
    else's; each front end asks (GUI) or says how to replace them (CLI)."""

    def __init__(self, paths: tuple[Path, ...]) -> None:
        self.paths = paths
        names = " and ".join(p.name for p in paths)
        verb = "exists" if len(paths) == 1 else "exist"
        super().__init__(
            f"{names} already {verb} in {paths[0].parent} and {'is' if len(paths) == 1 else 'are'} "
            "not from an earlier export of the same program, so nothing was written"
        )


_MARK_LIMIT = 256 * 1024 * 1024
"""Files above this size are never read for the mark (and so count as in the way)."""


def in_the_way(companions: Iterable[Companion]) -> tuple[Path, ...]:
    """The companions' paths that exist and hold no mark of ours: replacing them would lose a
    file that an earlier export of the same program did not write (another comparison's
    catalog of a program with the same name, or the user's own file)."""
    found: list[Path] = []
    for companion in companions:
        path = companion.path
        if not path.exists():
            continue
        try:
            if (
                path.is_file()
                and path.stat().st_size <= _MARK_LIMIT
                and companion.mark.encode("utf-8") in path.read_bytes()
            ):
                continue
        except OSError:
            pass
        found.append(path)
    return tuple(found)


def slug(text: str) -> str:
    """A name as a lower-case URN or file-name part: ``CTPAT MSC (Importers)`` -> ``ctpat-msc-importers``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")[:60] or "program"


def urn_parts(refs: Iterable[str], reserved: Iterable[str] = ()) -> dict[str, str]:
    """A lower-case URN part per ref (``[a-z0-9._-]``), unique and none of ``reserved``:
    ``S-4.2.1`` -> ``s-4.2.1``."""
    found: dict[str, str] = {}
    used = set(reserved)
    for ref in refs:
        ascii_ref = unicodedata.normalize("NFKD", ref).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9._\-]+", "-", ascii_ref.casefold()).strip("-.") or "x"
        part, n = base, 2
        while part in used:
            part, n = f"{base}-{n}", n + 1
        used.add(part)
        found[ref] = part
    return found


def latest_timestamp(data: ReportData) -> str:
    """The newest decision of the comparison (ISO 8601 with a zone), so that an export of the
    same state carries the same date; the alignment's time when nothing was decided yet."""
    stamps = [row.timestamp for row in data.rows if row.timestamp]
    stamps += [link.timestamp for row in data.rows for link in row.links if link.timestamp]
    stamps += [entry.timestamp for entry in data.history if entry.timestamp]
    newest = max(stamps, default=data.aligned_at) or "1970-01-01T00:00:00+00:00"
    if re.search(r"(Z|[+-]\d\d:?\d\d)$", newest) is None:
        newest += "+00:00"
    return newest


def write_json(document: Mapping[str, Any], path: str | Path) -> Path:
    """Write ``document`` as indented UTF-8 JSON, atomically."""
    with atomic_target(path) as tmp:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


class _PlainDumper(yaml.SafeDumper):  # type: ignore[misc]  # PyYAML ships no types
    """Safe YAML without anchors or aliases (a repeated object is written out again)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_yaml(document: Mapping[str, Any], path: str | Path) -> Path:
    """Write ``document`` as UTF-8 YAML in its own key order, atomically."""
    with atomic_target(path) as tmp:
        text = yaml.dump(
            dict(document),
            Dumper=_PlainDumper,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        tmp.write_text(text, encoding="utf-8")
    return Path(path)
