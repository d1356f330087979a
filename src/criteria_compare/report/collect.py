"""Gather a report's content from a project, once, into a plain :class:`ReportData`."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from criteria_compare.model import PARTNER_ADMINISTRATION, Assessment, Link, Side, Status
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.data import (
    ChangeRow,
    EditionsInfo,
    LinkedCriterion,
    ProgramInfo,
    ReferenceRow,
    ReportData,
    ReviewerActivity,
)

if TYPE_CHECKING:
    from criteria_compare.project import Project
    from criteria_compare.report.options import ReportOptions

__all__ = ["CANDIDATE_RANKS", "RECENT_HISTORY", "Writer", "collect", "from_project"]

_Source = TypeVar("_Source", contravariant=True)


class Writer(Protocol[_Source]):
    """A report writer: the PDF or the workbook, from a ReportData or from a whole project."""

    def __call__(
        self,
        source: _Source,
        /,
        path: str | os.PathLike[str],
        options: ReportOptions | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> Path: ...


#: How many of the most recent history entries the PDF lists one by one (the workbook has all).
RECENT_HISTORY = 25

#: A partner criterion ranked this high for an unreviewed reference criterion is "not yet linked"
#: rather than partner-only while the review is incomplete (stated on the method page).
CANDIDATE_RANKS = 5


def _candidates(project: Project, rows: list[ReferenceRow], unlinked: set[str]) -> frozenset[str]:
    """Unlinked partner refs among the top candidates of a reference criterion not yet reviewed."""
    out: set[str] = set()
    for row in rows:
        if row.status is not Status.UNREVIEWED or row.links:
            continue
        for suggestion in project.suggestions(row.ref)[:CANDIDATE_RANKS]:
            if suggestion.target_ref in unlinked:
                out.add(suggestion.target_ref)
    return frozenset(out)


def _settings(project: Project) -> dict[str, Any]:
    from criteria_compare.align import AlignerSettings

    try:
        return dict(AlignerSettings.from_dict(project.settings_dict()).to_dict())
    except Exception:  # an unreadable or newer settings blob must not stop the report  # noqa: BLE001
        return dict(project.settings_dict())


def _state(assessment: Assessment | None, links: list[Link]) -> str:
    """A reference criterion's decision as the changes appendix shows it."""
    if assessment is None:
        return ""
    parts = [assessment.status.label]
    if links:
        parts.append(
            "links " + ", ".join(f"{lk.partner_ref} ({lk.relation.label})" for lk in links)
        )
    if assessment.suspect:
        parts.append("to be checked again")
    elif links or assessment.status is not Status.UNREVIEWED:
        parts.append("holds")
    return "; ".join(parts)


def _editions(
    project: Project,
    assessments: dict[str, Assessment],
    links_by_ref: dict[str, list[Link]],
) -> tuple[EditionsInfo, ...]:
    """Each side's editions and, after an update, its last changes (excluded criteria left out)."""
    shown = {
        Side.REFERENCE: {c.ref for c in project.reference.criteria},
        Side.PARTNER: {c.ref for c in project.partner.criteria},
    }
    by_partner: dict[str, list[Link]] = {}
    for group in links_by_ref.values():
        for link in group:
            by_partner.setdefault(link.partner_ref, []).append(link)
    out = []
    for side, program in ((Side.REFERENCE, project.reference), (Side.PARTNER, project.partner)):
        editions = project.editions(side)
        rows: list[ChangeRow] = []
        if len(editions) > 1:
            for change in project.edition_changes(side, editions[-1].number):
                if change.new_ref is not None and change.new_ref not in shown[side]:
                    continue  # excluded since
                if change.new_ref is None:
                    state = f"Dropped: {change.decision}" if change.decision else ""
                elif side is Side.REFERENCE:
                    state = _state(
                        assessments.get(change.new_ref), links_by_ref.get(change.new_ref, [])
                    )
                else:
                    linked = by_partner.get(change.new_ref, [])
                    state = "; ".join(
                        f"linked from {lk.reference_ref} ("
                        + _state(assessments.get(lk.reference_ref), [])
                        + ")"
                        for lk in linked
                    )
                rows.append(
                    ChangeRow(
                        change.change,
                        change.old_ref,
                        change.new_ref,
                        change.old_text,
                        change.new_text,
                        state,
                    )
                )
        out.append(EditionsInfo(side.value, program.name, editions, tuple(rows)))
    return tuple(out)


def collect(project: Project, *, cancel: CancelCheck | None = None) -> ReportData:
    """Read everything the report shows from ``project`` (reads only, no writes)."""
    reference = project.reference
    partner = project.partner
    partner_by_ref = partner.by_ref()
    assessments = project.assessments()
    positions = project.positions()
    links_by_ref: dict[str, list[Link]] = {}
    for link in project.links():
        links_by_ref.setdefault(link.reference_ref, []).append(link)
    check_cancel(cancel)

    rows: list[ReferenceRow] = []
    linked_partners: set[str] = set()
    for criterion in reference.criteria:
        a = assessments.get(criterion.ref)
        linked = []
        for link in links_by_ref.get(criterion.ref, ()):
            target = partner_by_ref.get(link.partner_ref)
            if target is None:
                continue
            linked_partners.add(link.partner_ref)
            linked.append(
                LinkedCriterion(
                    target,
                    link.relation,
                    reviewer=link.reviewer,
                    timestamp=link.timestamp,
                    manual=link.origin.value == "manual",
                )
            )
        rows.append(
            ReferenceRow(
                criterion,
                status=a.status if a else Status.UNREVIEWED,
                note=a.note if a else "",
                discussion=a.discussion if a else False,
                suspect=a.suspect if a else False,
                reviewer=a.reviewer if a else "",
                timestamp=a.timestamp if a else "",
                links=tuple(linked),
                position=positions.get(criterion.ref),
            )
        )
    check_cancel(cancel)

    history = project.history()
    actions = Counter(entry.action for entry in history)
    stamps: dict[str, list[str]] = {}
    for entry in history:
        if entry.timestamp and entry.reviewer != PARTNER_ADMINISTRATION:
            stamps.setdefault(entry.reviewer, []).append(entry.timestamp)
    assessed = Counter(row.reviewer for row in rows if row.status is not Status.UNREVIEWED)
    reviewers = tuple(
        ReviewerActivity(
            name,
            assessed.get(name, 0),
            min(stamps.get(name, [""])),
            max(stamps.get(name, [""])),
        )
        for name in sorted(set(assessed) | set(stamps), key=lambda n: (-assessed.get(n, 0), n))
    )
    alignment = project.alignment_info() or {}
    unlinked = {c.ref for c in partner.criteria if c.ref not in linked_partners}
    return ReportData(
        reference=ProgramInfo(
            reference.name,
            reference.version,
            reference.source_file,
            reference.sha256,
            len(reference.criteria),
            project.import_warnings(Side.REFERENCE),
        ),
        partner=ProgramInfo(
            partner.name,
            partner.version,
            partner.source_file,
            partner.sha256,
            len(partner.criteria),
            project.import_warnings(Side.PARTNER),
        ),
        rows=tuple(rows),
        partner_only=tuple(c for c in partner.criteria if c.ref not in linked_partners),
        settings=_settings(project),
        reviewers=reviewers,
        agreement=project.agreement(),
        history_actions=dict(actions),
        history=history,
        project_file=project.path.name,
        aligned_at=str(alignment.get("timestamp") or ""),
        notices=tuple(str(n) for n in alignment.get("notices") or ()),
        editions=_editions(project, assessments, links_by_ref),
        # Never aligned: nobody knows which partner criteria a criterion still to be reviewed
        # may claim, so in a draft none is called partner-only yet.
        partner_candidates=_candidates(project, rows, unlinked) if alignment else None,
    )


def from_project(render: Writer[ReportData]) -> Writer[Project]:
    """``render`` fed from a whole project: gather its content with :func:`collect`, then write."""

    def export(
        project: Project,
        path: str | os.PathLike[str],
        options: ReportOptions | None = None,
        *,
        progress: ProgressCallback | None = None,
        cancel: CancelCheck | None = None,
    ) -> Path:
        return render(collect(project), path, options, progress=progress, cancel=cancel)

    return export
