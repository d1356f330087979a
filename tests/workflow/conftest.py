"""Fixtures for the workflow tests: a small project written in our own words, no aligner run."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
def make_project() -> Iterator[Callable[[Path], Project]]:
    """Create (and open) the small project at a given path; every one is closed afterwards."""
    made: list[Project] = []

    def make(path: Path) -> Project:
        made.append(Project.create(path, REFERENCE, PARTNER, reviewer="alice"))
        return made[-1]

    yield make
    for p in made:
        p.close()


@pytest.fixture
def project(make_project: Callable[[Path], Project], tmp_path: Path) -> Project:
    """An open project with three reference and three partner criteria."""
    return make_project(tmp_path / "review.ccproj")
