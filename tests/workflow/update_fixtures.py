"""A reviewed project and new-edition files for the update tests, all text in our own words."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from pathlib import Path

from criteria_compare.align import AlignerSettings
from criteria_compare.importing import ImportResult, read_criteria
from criteria_compare.project import Project
from tests.project.conftest import PARTNER_TEXTS, REFERENCE_TEXTS, make_partner, make_reference


def reviewed_project(path: Path) -> Project:
    """The small project (5 x 6), lexical aligner, with a verdict of every kind on record."""
    from criteria_compare.workflow.realign import realign

    project = Project.create(
        path,
        make_reference(),
        make_partner(),
        reviewer="alice",
        settings=AlignerSettings(use_embedding=False),
    )
    realign(project)
    project.decide("1.1", link=[("P-1", "equal")], status="aligned", discussion=True)
    project.decide(
        "2.1", link=[("P-2", "subset_of")], status="partial", note="Only every two years."
    )
    project.decide("3.1", link=[("P-3", "equal")], reject=["P-1"], status="aligned")
    project.decide("6.1", link=[("P-4", "equal")], status="aligned")
    project.pin("6.1", "P-5")
    project.decide("7.10", status="gap", note="Nothing on discrepancies.")
    return project


def write_edition(path: Path, rows: Mapping[str, tuple[str, str]]) -> Path:
    """A CSV new edition: ref -> (section, text)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Ref", "Section", "Requirement"])
        for ref, (section, text) in rows.items():
            writer.writerow([ref, section, text])
    return path


def partner_rows() -> dict[str, tuple[str, str]]:
    """The partner edition as it is now."""
    return dict(PARTNER_TEXTS)


def reference_rows() -> dict[str, tuple[str, str]]:
    """The reference edition as it is now (sections and texts)."""
    return {ref: (section, text) for ref, (section, text, _level) in REFERENCE_TEXTS.items()}


def read(path: Path) -> ImportResult:
    """The file through the normal importer."""
    return read_criteria(path)
