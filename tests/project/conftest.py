"""Fixtures for the project-file tests: two small programs written in our own words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from criteria_compare.model import (
    Band,
    Criterion,
    Evidence,
    Level,
    Program,
    Provenance,
    Suggestion,
)
from criteria_compare.project import Project

REFERENCE_TEXTS = {
    "1.1": (
        "Security Vision",
        "Management names a person who answers for the security programme.",
        Level.MUST,
    ),
    "2.1": (
        "Risk Assessment",
        "The company reviews supply-chain threats every year and writes down the result.",
        Level.MUST,
    ),
    "3.1": (
        "Business Partners",
        "New partners are screened against a written checklist before contracts.",
        Level.SHOULD,
    ),
    "6.1": (
        "Seal Security",
        "High-security seals on every loaded container, recorded by number.",
        Level.MUST,
    ),
    "7.10": (
        "Procedural Security",
        "Cargo discrepancies are reported to the supervisor the same day.",
        None,
    ),
}
PARTNER_TEXTS = {
    "P-1": ("Organisation", "A named security officer coordinates protective measures."),
    "P-2": ("Risk", "Threats to the logistics chain are assessed at regular intervals."),
    "P-3": ("Partners", "Trading partners must show their security arrangements."),
    "P-4": ("Cargo", "Containers are sealed and the seal numbers are logged."),
    "P-5": ("Records", "Commercial records are kept for five years."),
    "P-6": ("Solvency", "The operator shows it can pay its debts."),
}


def make_reference() -> Program:
    """The reference side: five criteria with sections, levels and provenance."""
    return Program(
        name="CTPAT MSC",
        version="2019-11",
        source_file="ctpat.xlsx",
        sha256="a" * 64,
        criteria=tuple(
            Criterion(
                ref=ref,
                text=text,
                section=section,
                guidance=f"Guidance for {ref}",
                level=level,
                provenance=Provenance(file="ctpat.xlsx", sha256="a" * 64, sheet="MSC", row=i + 3),
            )
            for i, (ref, (section, text, level)) in enumerate(REFERENCE_TEXTS.items())
        ),
    )


def make_partner() -> Program:
    """The partner side: six criteria from a CSV (no sheet, no level)."""
    return Program(
        name="Meridia AEO",
        version="v3",
        source_file="meridia.csv",
        sha256="b" * 64,
        criteria=tuple(
            Criterion(
                ref=ref,
                text=text,
                section=section,
                provenance=Provenance(file="meridia.csv", sha256="b" * 64, sheet=None, row=i + 2),
            )
            for i, (ref, (section, text)) in enumerate(PARTNER_TEXTS.items())
        ),
    )


def sample_suggestions() -> tuple[dict[str, list[Suggestion]], dict[str, list[Suggestion]]]:
    """Hand-made forward/backward suggestions standing in for the aligner."""
    pairs = {"1.1": ["P-1", "P-3"], "2.1": ["P-2"], "3.1": ["P-3", "P-1"], "6.1": ["P-4"]}
    forward: dict[str, list[Suggestion]] = {}
    backward: dict[str, list[Suggestion]] = {}
    for ref, targets in pairs.items():
        for rank, pref in enumerate(targets, start=1):
            score = 0.9 / rank
            evidence = Evidence(
                shared_terms=("security", "seal"),
                source_spans=((0, 4), (10, 18)),
                target_spans=((2, 9),),
                channels={"tfidf": 0.5, "char": 0.25},
                margin=0.125,
                section_match=rank == 1,
            )
            band = Band.HIGH if rank == 1 else Band.LOW
            forward.setdefault(ref, []).append(Suggestion(ref, pref, rank, score, band, evidence))
            backward.setdefault(pref, []).append(
                Suggestion(pref, ref, len(backward.get(pref, [])) + 1, score, band, evidence)
            )
    return forward, backward


@dataclass(frozen=True)
class FakeImport:
    """Quacks like importing.ImportResult (the attributes Project.create reads)."""

    program: Program
    file: str
    sheet: str | None
    header_row: int = 1
    columns: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    encoding: str | None = None
    sha256: str = ""

    def to_program(self, name: str, version: str = "") -> Program:
        return Program(
            name=name,
            criteria=self.program.criteria,
            version=version,
            source_file=self.file,
            sha256=self.program.sha256,
        )


@pytest.fixture
def new_project(tmp_path: Path) -> Callable[..., Project]:
    """Factory: a fresh project in tmp_path (with hand-made suggestions unless told otherwise)."""
    opened: list[Project] = []

    def make(name: str = "review.ccproj", suggestions: bool = True, **kwargs: object) -> Project:
        project = Project.create(
            tmp_path / name, make_reference(), make_partner(), reviewer="alice", **kwargs
        )
        if suggestions:
            project.store_suggestions(*sample_suggestions())
        opened.append(project)
        return project

    yield make
    for project in opened:
        project.close()


@pytest.fixture
def reference() -> Program:
    """The small reference program."""
    return make_reference()


@pytest.fixture
def partner() -> Program:
    """The small partner program."""
    return make_partner()


@pytest.fixture
def suggestions() -> tuple[dict[str, list[Suggestion]], dict[str, list[Suggestion]]]:
    """Hand-made (forward, backward) suggestions."""
    return sample_suggestions()


@pytest.fixture
def fake_import() -> type[FakeImport]:
    """The ImportResult stand-in class."""
    return FakeImport
