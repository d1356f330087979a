"""Fixtures for the workflow tests: a small project written in our own words, no aligner run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from criteria_compare.model import Criterion, Program
from criteria_compare.project import Project

REFERENCE = Program(
    "CTPAT MSC",
    (
        Criterion("1.1", "Management names a person who answers for the security programme."),
        Criterion("6.1", "High-security seals on every loaded container, recorded by number."),
        Criterion("7.10", "Cargo discrepancies are reported to the supervisor the same day."),
    ),
)
PARTNER = Program(
    "Meridia AEO",
    (
        Criterion("P-1", "A named security officer coordinates protective measures."),
        Criterion("P-4", "Containers are sealed and the seal numbers are logged."),
        Criterion("P-5", "Commercial records are kept for five years."),
    ),
)


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An open project with three reference and three partner criteria."""
    with Project.create(tmp_path / "review.ccproj", REFERENCE, PARTNER, reviewer="alice") as p:
        yield p
