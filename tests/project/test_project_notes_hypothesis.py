"""Notes and reviewer-visible text survive the file unchanged, whatever characters they hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_compare.model import Status
from criteria_compare.project import Project

# any Unicode scalar value (no lone surrogates: they cannot be stored as UTF-8 by anyone),
# including NUL and other control characters, quotes and SQL-looking text
NOTES = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300) | st.sampled_from(
    ["'; DROP TABLE links; --", "\"quoted\" and 'single'", "line\r\nbreak\ttab\x00nul", "\u202eRTL"]
)


@pytest.fixture(scope="module")
def project_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from criteria_compare.model import Criterion, Program

    path = tmp_path_factory.mktemp("hyp") / "notes.ccproj"
    ref = Program("R", (Criterion("1.1", "alpha"), Criterion("1.2", "beta")))
    par = Program("P", (Criterion("A", "gamma"),))
    Project.create(path, ref, par, reviewer="hyp").close()
    return path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=NOTES)
def test_note_round_trips_exactly(project_path: Path, note: str) -> None:
    """A note is read back byte for byte after reopening, and history keeps it as the new value."""
    with Project.open(project_path) as project:
        project.decide("1.1", note=note)
    with Project.open(project_path) as project:
        assert project.assessment("1.1").note == note
        assert project.snapshot("1.1").assessment.note == note


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(note=NOTES.filter(lambda s: s.strip() != ""))
def test_conflict_note_round_trips(project_path: Path, note: str) -> None:
    """A note that makes a conflict verdict valid is stored as given and logged in history."""
    with Project.open(project_path) as project:
        project.decide("1.2", status=Status.CONFLICT, note=note)
        assert project.assessment("1.2").note == note
        entries = [e for e in project.history("1.2", limit=3) if e.action == "note"]
        assert not entries or entries[0].new_value == note
