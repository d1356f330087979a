"""Fixtures for the report tests: reviewed sample projects (complete and draft)."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.report.synthetic import reviewed_sample_project
from tests.report.report_helpers import MARKUP_NOTE


@pytest.fixture(scope="session")
def sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples as a fully reviewed project, one note holding markup characters."""
    path = tmp_path_factory.mktemp("report") / "meridia.ccproj"
    return reviewed_sample_project(path, note=MARKUP_NOTE)


@pytest.fixture(scope="session")
def draft_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled samples with the last 7 reference criteria left unreviewed."""
    path = tmp_path_factory.mktemp("report-draft") / "draft.ccproj"
    return reviewed_sample_project(path, unreviewed=7)
