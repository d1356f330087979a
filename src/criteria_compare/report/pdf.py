"""The PDF compatibility report: render a ReportData (or a whole project) to a file, atomically."""

from __future__ import annotations

import os
from pathlib import Path

from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.atomic import atomic_target
from criteria_compare.report.collect import from_project
from criteria_compare.report.data import ReportData
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_story import StoryBuilder, cjk_hint
from criteria_compare.report.pdf_styles import make_styles
from criteria_compare.report.pdf_template import ReportDocTemplate, page_size, report_canvas

__all__ = ["export_pdf", "render_pdf"]


def render_pdf(
    data: ReportData,
    path: str | os.PathLike[str],
    options: ReportOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> Path:
    """Write the PDF report for ``data`` to ``path`` (atomically) and return the final path."""
    options = options or ReportOptions()
    check_cancel(cancel)
    if progress is not None:
        progress(0, 1, "Preparing the report")
    size = page_size(options.page_size)
    styles = make_styles()
    story = StoryBuilder(data, options, styles, size).story()
    check_cancel(cancel)
    footer = f"{options.date} · {data.reference.name} / {data.partner.name}"
    with atomic_target(path) as tmp:
        doc = ReportDocTemplate(
            str(tmp),
            size=size,
            title=options.title,
            marking=options.marking,
            draft=data.is_draft,
            footer_left=footer,
            author=options.prepared_by,
            subject=f"{data.reference.name} compared with {data.partner.name}",
            progress=progress,
            cancel=cancel,
            cjk_language=cjk_hint(data),
        )
        doc.build_report(story, report_canvas())
        if progress is not None:
            progress(1, 1, "Report written")
    return resolve_path(path)


#: Gather the report's content from a project and write the PDF to ``path``.
export_pdf = from_project(render_pdf)
