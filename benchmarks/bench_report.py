"""Report export: PDF and workbook for the bundled samples and for a synthetic 3,000-criteria project."""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import best_of, figure, info, timed
from criteria_compare.project import Project
from criteria_compare.report import ReportOptions, collect, render_pdf, render_workbook
from criteria_compare.report.synthetic import reviewed_sample_project, synthetic_report_data


def main() -> None:
    options = ReportOptions(marking="FOR OFFICIAL USE ONLY", prepared_by="bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project_path = reviewed_sample_project(folder / "sample.ccproj")

        def sample_pdf() -> None:
            with Project.open(project_path, read_only=True) as project:
                render_pdf(collect(project), folder / "sample.pdf", options)

        def sample_xlsx() -> None:
            with Project.open(project_path, read_only=True) as project:
                render_workbook(collect(project), folder / "sample.xlsx", options)

        sample_pdf()  # warm-up: font registration, imports
        figure("report PDF, bundled samples reviewed (≈106×93)", best_of(sample_pdf), 1.5)
        figure("report workbook, bundled samples reviewed", best_of(sample_xlsx), 1.5)
        info("  sample PDF size", f"{(folder / 'sample.pdf').stat().st_size / 1024:.0f} KiB")

        big = synthetic_report_data(3000, 2500, reviewed=0.95)
        _, seconds = timed(lambda: render_pdf(big, folder / "big.pdf", options))
        figure("report PDF, synthetic 3,000 reference criteria", seconds, 20.0)
        _, seconds = timed(lambda: render_workbook(big, folder / "big.xlsx", options))
        figure("report workbook, synthetic 3,000 reference criteria", seconds, 20.0)
        info("  synthetic PDF size", f"{(folder / 'big.pdf').stat().st_size / 1024 / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
