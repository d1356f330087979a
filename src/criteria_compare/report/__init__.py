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
from criteria_compare.report.options import PAGE_SIZES, ReportOptions, default_page_size
from criteria_compare.report.pdf import export_pdf, render_pdf
from criteria_compare.report.workbook import export_workbook, render_workbook

__all__ = [
    "LANGUAGES",
    "LANGUAGE_NAMES",
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
    """Who prepared the report unless told: the project's reviewer if they assessed criteria,
    else the reviewers who did (most first, at most three); never an account that assessed none.
    """
    assessed = [r.reviewer for r in data.reviewers if r.decisions > 0 and r.reviewer]
    if project_reviewer and project_reviewer in assessed:
        return project_reviewer
    return ", ".join(assessed[:3])
