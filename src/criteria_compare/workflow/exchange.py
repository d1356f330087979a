"""Exchanging positions with the partner administration: export the workbook, import their answers.

``export_positions`` writes the exchange workbook (``report.exchange_workbook``)
for the next round, carrying the partner's last position and comment, and
records what went out. ``import_positions`` reads the returned file as hostile
input (the importer's size, zip-bomb and row limits, read-only parsing),
checks it belongs to this comparison, verifies each row's keyed check, and
stores the positions of the rows that are intact. It never changes a verdict,
a link or a note of ours.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from criteria_compare.errors import CriteriaCompareError, ImportFailed
from criteria_compare.importing.cells import printable
from criteria_compare.importing.result import ImportLimits
from criteria_compare.importing.source import load_source, sniff_kind
from criteria_compare.importing.xlsx import XlsxReader
from criteria_compare.model import Stance, Status
from criteria_compare.progress import CancelCheck
from criteria_compare.project import Project
from criteria_compare.project.codec import now_utc
from criteria_compare.project.positions import ExchangeIdentity
from criteria_compare.report.exchange_workbook import (
    CHECK_HEADER,
    COMMENT_HEADER,
    FORMAT_NAME,
    FORMAT_VERSION,
    LOCKED_HEADERS,
    META_SHEET,
    POSITION_HEADER,
    POSITIONS_SHEET,
    ExchangeRow,
    ExchangeWorkbook,
    canonical,
    meta_check,
    render_exchange_workbook,
    row_check,
)
from criteria_compare.wording import counted

__all__ = [
    "ExchangeExport",
    "ImportSummary",
    "UnimportedAnswers",
    "exchange_rows",
    "export_positions",
    "import_positions",
    "parse_stance",
    "read_positions_workbook",
    "unimported_answers",
]

#: A comment longer than this is cut (a spreadsheet cell holds 32,767 characters).
MAX_COMMENT = 32_000


@dataclass(frozen=True)
class ExchangeExport:
    """What ``export_positions`` wrote."""

    path: Path
    round: int
    rows: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "round": self.round,
            "rows": self.rows,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class ReadBack:
    """An exchange workbook as read back: intact answers, and the rows set aside."""

    round: int
    sha256: str
    answers: dict[str, tuple[Stance, str]]
    altered: tuple[str, ...]
    unknown: tuple[str, ...]
    missing: int = 0


@dataclass(frozen=True)
class ImportSummary:
    """What ``import_positions`` stored (``answers``) and set aside; ``changed`` counts the current
    positions that changed; ``notices`` are sentences for the user (stderr in the CLI)."""

    round: int
    sha256: str
    answers: Mapping[str, tuple[Stance, str]]
    altered: tuple[str, ...]
    unknown: tuple[str, ...]
    changed: int
    notices: tuple[str, ...] = field(default=())

    def count(self, stance: Stance) -> int:
        return sum(1 for s, _ in self.answers.values() if s is stance)

    def sentence(self, name: str) -> str:
        """What the import stored, in words both front ends show: the answers by stance, how many
        are new or changed, and the rows left blank (which change nothing)."""
        blank = self.count(Stance.BLANK)
        answered = len(self.answers) - blank
        parts = [
            f"{self.count(Stance.AGREE)} agree",
            f"{self.count(Stance.DISAGREE)} disagree",
            f"{self.count(Stance.NEEDS_DISCUSSION)} need discussion",
        ]
        changed = f"{self.changed} new or changed" if self.changed else "none new or changed"
        if answered:
            text = (
                f"Stored {counted(answered, 'answer')} of the partner administration (round "
                f"{self.round}) from {name}: {', '.join(parts)}; {changed}."
            )
        else:
            text = f"{name} (round {self.round}) holds no answers" + (
                f"; {counted(self.changed, 'earlier answer was', 'earlier answers were')} "
                "taken back (left blank)."
                if self.changed
                else "."
            )
        if blank:
            text += f" {counted(blank, 'row was', 'rows were')} left blank."
        return f"{text} Our verdicts are unchanged."

    def to_json(self) -> dict[str, Any]:
        """Exactly the keys the ``exchange import --json`` contract names."""
        return {
            "positions": len(self.answers),
            "agree": self.count(Stance.AGREE),
            "disagree": self.count(Stance.DISAGREE),
            "needs_discussion": self.count(Stance.NEEDS_DISCUSSION),
            "blank": self.count(Stance.BLANK),
            "altered": list(self.altered),
            "unknown": list(self.unknown),
        }


# ---------------------------------------------------------------------------- export


def _assessment_label(status: Status, discussion: bool) -> str:
    label = "Not assessed yet" if status is Status.UNREVIEWED else status.label
    return f"{label} (we put it up for discussion)" if discussion else label


def exchange_rows(project: Project) -> tuple[ExchangeRow, ...]:
    """One row per reference criterion in program order, with the partner's last answer."""
    assessments = project.assessments()
    positions = project.positions()
    rows = []
    for criterion in project.reference.criteria:
        ref = criterion.ref
        assessment = assessments[ref]
        links = "\n".join(f"{lk.partner_ref} ({lk.relation.label})" for lk in project.links(ref))
        last = positions.get(ref)
        rows.append(
            ExchangeRow(
                ref=ref,
                category=criterion.section,
                text=criterion.text,
                links=links,
                assessment=_assessment_label(assessment.status, assessment.discussion),
                note=assessment.note,
                stance=last.stance if last else Stance.BLANK,
                comment=last.comment if last else "",
            )
        )
    return tuple(rows)


class UnimportedAnswers(CriteriaCompareError):
    """The file an export would replace is a workbook the partner filled in and nobody
    imported: writing over it would lose their answers."""

    def __init__(self, path: Path, answers: int) -> None:
        self.path = path
        self.answers = answers
        verb = "has" if answers == 1 else "have"
        super().__init__(
            f"{path.name} holds {counted(answers, 'answer')} of the partner administration that "
            f"{verb} not been imported, so it was not replaced; import it first, or write the new "
            "workbook under another name."
        )


def unimported_answers(project: Project, path: str | os.PathLike[str]) -> int:
    """How many filled-in positions or comments the exchange workbook at ``path`` holds that
    ``project`` does not have (0 when there is no such file, it is not this comparison's
    workbook, it was imported, or it only carries answers imported earlier)."""
    target = Path(path)
    if not target.is_file():
        return 0
    try:
        back = read_positions_workbook(
            target,
            project.exchange_identity(),
            [c.ref for c in project.reference.criteria],
            project_name=project.path.name,
        )
    except ImportFailed:
        return 0
    if back.sha256 in {p.sha256 for p in project.position_rows()}:
        return 0
    # A workbook of ours carries the partner's last answers: those are stored already.
    stored = {ref: (p.stance, p.comment) for ref, p in project.positions().items()}
    return sum(
        1
        for ref, (stance, comment) in back.answers.items()
        if (stance is not Stance.BLANK or comment) and stored.get(ref) != (stance, comment)
    )


def export_positions(
    project: Project,
    path: str | os.PathLike[str],
    *,
    prepared_by: str = "",
    reviewer: str | None = None,
    cancel: CancelCheck | None = None,
    replace: bool = False,
) -> ExchangeExport:
    """Write the exchange workbook of the next round to ``path`` and record it in the history.

    The project must be writable (the export is recorded, and the comparison's
    exchange identity must be the one stored in the file). A returned workbook at
    ``path`` whose answers were never imported is replaced only with ``replace``
    (else UnimportedAnswers, and nothing is written).
    """
    project.check_writable()
    if not replace:
        answers = unimported_answers(project, path)
        if answers:
            raise UnimportedAnswers(Path(path), answers)
    identity = project.exchange_identity()
    round_ = project.exchange_round() + 1
    book = ExchangeWorkbook(
        comparison_id=identity.id,
        round=round_,
        exported_at=now_utc(),
        reference_name=project.reference.name,
        partner_name=project.partner.name,
        rows=exchange_rows(project),
        prepared_by=prepared_by,
    )
    written = render_exchange_workbook(book, identity.secret, path, cancel=cancel)
    sha256 = hashlib.sha256(written.read_bytes()).hexdigest()
    project.record_exchange_export(
        round_=round_, file_name=written.name, sha256=sha256, rows=len(book.rows), reviewer=reviewer
    )
    return ExchangeExport(path=written, round=round_, rows=len(book.rows), sha256=sha256)


# ---------------------------------------------------------------------------- import


_STANCES = {
    **{s.label.lower(): s for s in Stance if s is not Stance.BLANK},
    **{s.value.replace("_", " "): s for s in Stance if s is not Stance.BLANK},
    "": Stance.BLANK,
}


def parse_stance(text: str) -> Stance | None:
    """The stance a cell names ("Agree", "needs discussion", "NEEDS_DISCUSSION", empty), or None."""
    return _STANCES.get(" ".join(text.replace("_", " ").lower().split()))


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _not_exchange(name: str, why: str) -> ImportFailed:
    return ImportFailed(
        f"{name} is not an exchange workbook of criteria-compare ({why}); import the workbook "
        "made with 'criteria-compare exchange export' that the partner filled in."
    )


def _meta(reader: XlsxReader, name: str) -> dict[str, str]:
    sheet = reader.read(META_SHEET)
    meta = {cells[0].lower(): (cells[1] if len(cells) > 1 else "") for _, cells in sheet.rows}
    if meta.get("format") != FORMAT_NAME:
        raise _not_exchange(name, "its identification sheet was changed")
    if meta.get("version") != FORMAT_VERSION:
        raise ImportFailed(
            f"{name} is an exchange workbook of another version of criteria-compare (format "
            f"{printable(meta.get('version', ''))}); export a new one and send it to the partner."
        )
    return meta


def _check_identity(
    meta: Mapping[str, str], identity: ExchangeIdentity, name: str, project: str
) -> int:
    if meta.get("comparison") != identity.id:
        raise ImportFailed(
            f"{name} was exported from another comparison, not from {project}; import it into "
            "the project it was exported from."
        )
    try:
        round_ = int(meta.get("round", ""))
    except ValueError:
        round_ = 0
    expected = meta_check(identity.secret, identity.id, round_, meta.get("exported", ""))
    if round_ < 1 or not hmac.compare_digest(expected, meta.get("check", "")):
        raise ImportFailed(
            f"{name}: its hidden identification sheet was changed, so it cannot be trusted; "
            "export a new workbook and send it to the partner."
        )
    return round_


def _header(rows: Sequence[tuple[int, tuple[str, ...]]], name: str) -> tuple[int, dict[str, int]]:
    """The header row's number and each known column's index."""
    wanted = {
        canonical(h).lower()
        for h in (*LOCKED_HEADERS, POSITION_HEADER, COMMENT_HEADER, CHECK_HEADER)
    }
    for number, cells in rows[:10]:
        found = {
            canonical(c).lower(): i for i, c in enumerate(cells) if canonical(c).lower() in wanted
        }
        if canonical(LOCKED_HEADERS[0]).lower() in found:
            for title in (LOCKED_HEADERS[0], POSITION_HEADER):
                if title.lower() not in found:
                    raise ImportFailed(
                        f"{name}, sheet '{POSITIONS_SHEET}', row {number}: the column "
                        f"'{title}' is missing; send the partner a new workbook."
                    )
            return number, found
    raise ImportFailed(
        f"{name}, sheet '{POSITIONS_SHEET}' has no header row with '{LOCKED_HEADERS[0]}' and "
        f"'{POSITION_HEADER}'; send the partner a new workbook."
    )


def read_positions_workbook(
    path: str | os.PathLike[str],
    identity: ExchangeIdentity,
    known_refs: Sequence[str],
    *,
    project_name: str = "this project",
    limits: ImportLimits | None = None,
    cancel: CancelCheck | None = None,
) -> ReadBack:
    """Read and verify a returned exchange workbook; raise ImportFailed (one sentence) if it is
    not one, belongs to another comparison or holds an entry that is no position."""
    source = load_source(Path(path), limits or ImportLimits())
    name = source.name
    if sniff_kind(source) != "xlsx":
        raise _not_exchange(name, "it is not an Excel workbook")
    reader = XlsxReader(source, limits or ImportLimits())
    try:
        sheets = reader.sheet_names()
        if META_SHEET not in sheets or POSITIONS_SHEET not in sheets:
            missing = POSITIONS_SHEET if POSITIONS_SHEET not in sheets else "identification"
            raise _not_exchange(name, f"it has no {missing} sheet")
        round_ = _check_identity(_meta(reader, name), identity, name, project_name)
        sheet = reader.read(POSITIONS_SHEET, cancel)
    finally:
        reader.close()
    header_row, cols = _header(sheet.rows, name)

    def cell(cells: tuple[str, ...], title: str) -> str:
        index = cols.get(canonical(title).lower())
        return cells[index] if index is not None and index < len(cells) else ""

    known = set(known_refs)
    seen: dict[str, int] = {}
    intact: dict[str, tuple[Stance, str]] = {}
    altered: list[str] = []
    unknown: list[str] = []
    position_col = _column_letter(cols[POSITION_HEADER.lower()])
    for number, cells in sheet.rows:
        if number <= header_row:
            continue
        ref = cell(cells, LOCKED_HEADERS[0]).strip()
        if not ref:
            continue
        if ref not in known:
            if ref not in unknown:
                unknown.append(ref)
            continue
        if ref in seen:  # a copied row: neither copy can be trusted
            intact.pop(ref, None)
            if ref not in altered:
                altered.append(ref)
            continue
        seen[ref] = number
        expected = row_check(
            identity.secret, identity.id, round_, [cell(cells, h) for h in LOCKED_HEADERS]
        )
        if not hmac.compare_digest(expected, cell(cells, CHECK_HEADER).strip()):
            altered.append(ref)
            continue
        raw = cell(cells, POSITION_HEADER)
        stance = parse_stance(raw)
        if stance is None:
            raise ImportFailed(
                f"{name}, sheet '{POSITIONS_SHEET}', row {number}, column {position_col} "
                f"(criterion {printable(ref)}): {printable(raw)!r} is not a position; choose "
                "Agree, Disagree or Needs discussion, or leave the cell empty, and import again."
            )
        comment = cell(cells, COMMENT_HEADER).strip()[:MAX_COMMENT]
        intact[ref] = (stance, comment)
    absent = sum(1 for ref in known_refs if ref not in seen)
    return ReadBack(
        round=round_,
        sha256=source.sha256,
        answers=intact,
        altered=tuple(altered),
        unknown=tuple(unknown),
        missing=absent,
    )


def import_positions(
    project: Project,
    path: str | os.PathLike[str],
    *,
    reviewer: str | None = None,
    limits: ImportLimits | None = None,
    cancel: CancelCheck | None = None,
) -> ImportSummary:
    """Store the partner's positions from a returned exchange workbook (one transaction)."""
    project.check_writable()
    refs = [c.ref for c in project.reference.criteria]
    back = read_positions_workbook(
        path,
        project.exchange_identity(),
        refs,
        project_name=project.path.name,
        limits=limits,
        cancel=cancel,
    )
    latest = project.exchange_round()
    name = printable(Path(path).name)
    if back.round < latest:
        raise ImportFailed(
            f"{name} is the round {back.round} workbook, but positions of round {latest} are "
            f"already imported; import the round {latest} workbook or a later one."
        )
    notices = []
    if back.altered:
        notices.append(
            f"{len(back.altered)} row{'s' if len(back.altered) != 1 else ''} of {name} had our "
            f"protected content changed, so their positions were not taken: "
            f"{', '.join(back.altered[:10])}{' …' if len(back.altered) > 10 else ''}."
        )
    if back.unknown:
        notices.append(
            f"{len(back.unknown)} ref{'s' if len(back.unknown) != 1 else ''} in {name} "
            f"{'are' if len(back.unknown) != 1 else 'is'} not in the project and "
            f"{'were' if len(back.unknown) != 1 else 'was'} left out: {', '.join(back.unknown[:10])}"
            f"{' …' if len(back.unknown) > 10 else ''}."
        )
    if back.missing:
        notices.append(
            f"{back.missing} criteri{'a' if back.missing != 1 else 'on'} of the project "
            f"{'are' if back.missing != 1 else 'is'} not in {name} (rows deleted, or added to the "
            "project since the export); their positions are unchanged."
        )
    changed = project.store_positions(
        back.answers, round_=back.round, sha256=back.sha256, file_name=name, reviewer=reviewer
    )
    return ImportSummary(
        round=back.round,
        sha256=back.sha256,
        answers=back.answers,
        altered=back.altered,
        unknown=back.unknown,
        changed=changed,
        notices=tuple(notices),
    )
