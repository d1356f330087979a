"""The compatibility report: a PDF for the negotiation table and a workbook with the same content.

Content is gathered once from a project into a plain :class:`ReportData`
(:func:`collect`), which the PDF and workbook writers render. Both writers
write atomically: an interrupted export never leaves a half-written file.
"""

from __future__ import annotations

from criteria_compare.report.atomic import ReportWriteError
from criteria_compare.report.collect import collect
from criteria_compare.report.data import (
    Counts,
    LinkedCriterion,
    ProgramInfo,
    ReferenceRow,
    ReportData,
    ReviewerActivity,
)
from criteria_compare.report.i18n import LANGUAGE_NAMES, LANGUAGES
from criteria_compare.report.options import (
    MAX_LENGTHS,
    PAGE_SIZES,
    ReportOptions,
    default_page_size,
)
from criteria_compare.report.pdf import export_pdf, render_pdf
from criteria_compare.report.workbook import export_workbook, render_workbook

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "MAX_LENGTHS",
    "PAGE_SIZES",
    "Counts",
    "LinkedCriterion",
    "ProgramInfo",
    "ReferenceRow",
    "ReportData",
    "ReportOptions",
    "ReportWriteError",
    "ReviewerActivity",
    "collect",
    "default_author",
    "default_page_size",
    "default_title",
    "export_pdf",
    "export_workbook",
    "render_pdf",
    "render_workbook",
]


def default_title(data: ReportData, language: str = "en") -> str:
    """ "REFERENCE and PARTNER: compatibility report" in ``language``."""
    from criteria_compare.report.i18n import translator

    return translator(language)(
        "title.programs", reference=data.reference.name, partner=data.partner.name
    )


def default_author(data: ReportData, project_reviewer: str = "") -> str:
    """Who prepared the report unless told: the reviewers with decisions in the audit trail
    (assessments, notes, flags, links, candidates rejected or pinned, exclusions), the project's
    reviewer alone if they are among them, else most decisions first, at most three.

    An account that only created the project, computed suggestions or changed settings (the
    operating-system account, often) is never named, nor is the partner administration; "" when
    nobody decided anything.
    """
    from collections import Counter

    from criteria_compare.model import PARTNER_ADMINISTRATION
    from criteria_compare.report.data import DECISION_ACTIONS

    counts = Counter(e.reviewer for e in data.history if e.action in DECISION_ACTIONS)
    for activity in data.reviewers:  # data built in code may carry no history
        counts[activity.reviewer] += activity.decisions
    deciders = [
        name
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if n > 0 and name.strip() and name != PARTNER_ADMINISTRATION
    ]
    if project_reviewer and project_reviewer in deciders:
        return project_reviewer
    return ", ".join(deciders[:3])
