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
from criteria_compare.report.options import PAGE_SIZES, ReportOptions
from criteria_compare.report.pdf import export_pdf, render_pdf
from criteria_compare.report.workbook import export_workbook, render_workbook

__all__ = [
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
    "export_pdf",
    "export_workbook",
    "render_pdf",
    "render_workbook",
]
