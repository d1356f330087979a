"""Reviewer copies for the merge tests: a base project in our own words and two copies of it."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from criteria_compare.model import Criterion, Program
from criteria_compare.project import Project

REFERENCE = Program(
    "CTPAT MSC",
    (
        Criterion("1.1", "Management names a person who answers for the security programme."),
        Criterion("3.1", "Business partners are screened against a written risk method."),
        Criterion("6.1", "High-security seals on every loaded container, recorded by number."),
        Criterion("7.10", "Cargo discrepancies are reported to the supervisor the same day."),
    ),
)
PARTNER = Program(
    "Meridia AEO",
    (
        Criterion("P-1", "A named security officer coordinates protective measures."),
        Criterion("P-2", "Trading partners are assessed before contracts are signed."),
        Criterion("P-4", "Containers are sealed and the seal numbers are logged."),
        Criterion("P-5", "Commercial records are kept for five years."),
    ),
)

Edit = Callable[[Project], object]


@dataclass(frozen=True)
class Copies:
    """The three files of a merge and where the merged one goes."""

    base: Path
    ours: Path
    theirs: Path
    out: Path


def make_copies(
    folder: Path,
    base: Edit | None = None,
    ours: Edit | None = None,
    theirs: Edit | None = None,
    *,
    reference: Program = REFERENCE,
    partner: Program = PARTNER,
) -> Copies:
    """Create the base (edited by ``base``), copy it twice, and let alice and bob edit their copy."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = Copies(
        folder / "base.ccproj",
        folder / "alice.ccproj",
        folder / "bob.ccproj",
        folder / "merged.ccproj",
    )
    with Project.create(paths.base, reference, partner, reviewer="carol") as project:
        if base is not None:
            base(project)
    shutil.copyfile(paths.base, paths.ours)
    shutil.copyfile(paths.base, paths.theirs)
    for path, edit, who in ((paths.ours, ours, "alice"), (paths.theirs, theirs, "bob")):
        with Project.open(path) as project:
            project.set_reviewer(who)
            if edit is not None:
                edit(project)
    return paths
