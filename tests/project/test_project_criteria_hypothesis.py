"""Criteria with any text, section, guidance and ref characters survive the project file unchanged."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from criteria_compare.model import Criterion, Level, Program, Provenance
from criteria_compare.project import Project

TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=120)
REF = st.text(
    alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")


@st.composite
def programs(draw: st.DrawFn) -> Program:
    refs = draw(st.lists(REF, min_size=1, max_size=6, unique=True))
    criteria = tuple(
        Criterion(
            ref=ref,
            text=draw(TEXT),
            section=draw(TEXT),
            guidance=draw(TEXT),
            level=draw(st.sampled_from([None, Level.MUST, Level.SHOULD])),
            provenance=draw(
                st.none()
                | st.builds(
                    Provenance,
                    file=TEXT,
                    sha256=st.text("0123456789abcdef", min_size=64, max_size=64),
                    sheet=st.none() | TEXT,
                    row=st.integers(1, 1_000_000),
                )
            ),
        )
        for ref in refs
    )
    return Program(name=draw(TEXT), criteria=criteria, version=draw(TEXT), source_file=draw(TEXT))


@settings(max_examples=40, deadline=None)
@given(reference=programs(), partner=programs())
def test_programs_round_trip(reference: Program, partner: Program) -> None:
    """Whatever characters the spreadsheets held, both programs read back equal and in order."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "h.ccproj"
        Project.create(path, reference, partner).close()
        with Project.open(path) as project:
            assert project.reference == reference
            assert project.partner == partner
