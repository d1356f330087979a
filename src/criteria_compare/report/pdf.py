"""The PDF compatibility report: render a ReportData (or a whole project) to a file, atomically."""

from __future__ import annotations

import os
from pathlib import Path

from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.report.atomic import atomic_target
from criteria_compare.report.collect import from_project
from criteria_compare.report.data import ReportData
from criteria_compare.report.fonts import missing_glyphs_warning
from criteria_compare.report.i18n import translator
from criteria_compare.report.options import ReportOptions
from criteria_compare.report.pdf_story import StoryBuilder
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
    warnings: list[str] | None = None,
) -> Path:
    """Write the PDF report for ``data`` to ``path`` (atomically) and return the final path.

    ``warnings``, if given, receives one sentence per thing the reader should
    know about the export (characters no shipped font can print), once each.
    """
    options = options or ReportOptions()
    check_cancel(cancel)
    if progress is not None:
        progress(0, 1, "Preparing the report")
    size = page_size(options.page_size)
    styles = make_styles()
    data = data.with_unsectioned(translator(options.language)("cell.unsectioned"))
    builder = StoryBuilder(data, options, styles, size)
    t = builder.t
    story = builder.story()
    check_cancel(cancel)
    names = (data.reference.name, data.partner.name)
    footer = (f"{options.date} · ", names)
    programs_title = t("title.programs", reference=names[0], partner=names[1])
    # The default title names both programs: the header keeps both, shortened together.
    header = ("", names) if options.title == programs_title else options.title
    with atomic_target(path) as tmp:
        doc = ReportDocTemplate(
            str(tmp),
            size=size,
            title=options.title,
            marking=options.marking,
            draft=data.is_draft,
            footer_left=footer,
            header=header,
            author=options.prepared_by,
            subject=t("meta.subject", reference=data.reference.name, partner=data.partner.name),
            keywords=t("meta.keywords"),
            progress=progress,
            cancel=cancel,
            fonts=builder.fonts,
            lang=t.language,
            draft_word=t("mark.draft"),
            page_label=t("mark.page"),
        )
        doc.build_report(story, report_canvas())
        if progress is not None:
            progress(1, 1, "Report written")
    if warnings is not None:
        sentence = missing_glyphs_warning(builder.fonts.missing)
        if sentence:
            warnings.append(sentence)
    return resolve_path(path)


#: Gather the report's content from a project and write the PDF to ``path``.
export_pdf = from_project(render_pdf)
