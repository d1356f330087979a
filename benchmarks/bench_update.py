"""Editions: updating a reviewed 2,000 x 3,000 project to a new 3,000-criterion partner edition.

The new edition has 10 % of the partner criteria reworded, 5 % renumbered, 2 %
removed and 3 % added (benchmarks/synthetic_criteria.synthetic_edition). The
project was aligned with the sentence encoder once (so its embeddings are
stored in the file) and 1,500 reference criteria carry a confirmed link and a
verdict. Timed: the dry-run preview (read the file, match, carry; nothing
written) and the whole update (preview, backup copy, re-alignment reusing the
stored embeddings, one write transaction). The same-run reference is a plain
re-alignment of the same project (``criteria-compare align``), which the update
contains.
"""

from __future__ import annotations

import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import figure, info, timed
from criteria_compare.importing import read_criteria
from criteria_compare.model import Criterion, Program
from criteria_compare.project import Decision, Project
from criteria_compare.workflow.realign import realign
from criteria_compare.workflow.update import apply_update, plan_update
from synthetic_criteria import synthetic_criteria, synthetic_edition

T = TypeVar("T")

REFERENCE = 2_000
PARTNER = 3_000
DECIDED = 1_500


def _write_csv(path: Path, criteria: tuple[Criterion, ...]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Ref", "Section", "Requirement"])
        for c in criteria:
            writer.writerow([c.ref, c.section, c.text])
    return path


def _reviewed_project(folder: Path, partner: tuple[Criterion, ...]) -> Project:
    reference = synthetic_criteria(REFERENCE, 1, "R")
    project = Project.create(
        folder / "bench.ccproj",
        Program("Reference", reference, "2019"),
        Program("Partner", partner, "v1", source_file="partner-v1.csv"),
        reviewer="bench",
    )
    realign(project)  # stores the embeddings of every text in the file
    decisions = []
    for c in reference[:DECIDED]:
        top = project.suggestions(c.ref)
        if top:
            decisions.append(
                Decision(ref=c.ref, status="aligned", link=((top[0].target_ref, "equal"),))
            )
    project.apply(decisions)
    return project


def main() -> None:
    partner = synthetic_criteria(PARTNER, 2, "P")
    new = synthetic_edition(partner, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = _write_csv(folder / "partner-v2.csv", new)
        project = _reviewed_project(folder, partner)
        try:
            info("machine", f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
            (_, align_seconds), align_cpu = _cpu(lambda: timed(lambda: realign(project)))
            pristine = project.write_backup(folder / "pristine.ccproj")  # before any preview
            imported = read_criteria(source)
            (preview, preview_seconds), preview_cpu = _cpu(
                lambda: timed(lambda: plan_update(project, "partner", read_criteria(source)))
            )
            counts = preview.counts()
            info(
                "new edition as matched",
                ", ".join(f"{n} {k}" for k, n in counts.items() if n),
            )
            figure("dry-run preview (import, match, carry)", preview_seconds, 2.0)
            figure("  same, CPU time (close to wall time on an idle machine)", preview_cpu, 2.0)

            settled = _settle(project, imported, preview)

            def update() -> object:
                fresh = plan_update(project, "partner", imported, settled=settled)
                return apply_update(project, fresh)

            (result, update_seconds), update_cpu = _cpu(lambda: timed(update))
            figure("update 2,000 x 3,000 to a new partner edition", update_seconds, 5.0)
            figure("  same, CPU time", update_cpu, 5.0)
            info(
                "  same run: plain re-alignment of the project",
                f"{align_seconds:.3f} s wall, {align_cpu:.3f} s CPU",
            )
            info(
                "  carried",
                f"{preview.carried.counts} ; suspect {result.suspect}",  # type: ignore[attr-defined]
            )
            cli_seconds, cli_cpu = _as_the_command_line_runs_it(pristine, source, settled)
            info(
                "  as `criteria-compare update` runs it (read-only preview, then write)",
                f"{cli_seconds:.3f} s wall, {cli_cpu:.3f} s CPU",
            )
        finally:
            project.close()


def _as_the_command_line_runs_it(
    restored: Path, source: Path, settled: dict[str, str | None]
) -> tuple[float, float]:
    """The same update of a copy of the project made before any preview, the way the CLI makes
    it: the preview on a read-only connection (which stores no new embeddings), then the update
    (wall and CPU seconds)."""

    def run() -> object:
        with Project.open(restored, read_only=True) as reading:
            preview = plan_update(reading, "partner", read_criteria(source), settled=settled)
        with Project.open(restored) as writing:
            return apply_update(writing, preview)

    (_, seconds), cpu = _cpu(lambda: timed(run))
    return seconds, cpu


def _cpu(func: Callable[[], T]) -> tuple[T, float]:
    """func's result and the CPU seconds it used (all threads of this process)."""
    start = time.process_time()
    result = func()
    return result, time.process_time() - start


def _settle(project: Project, imported: object, preview: object) -> dict[str, str | None]:
    """Settle every ambiguous match with its first candidate, as a reviewer would pick one
    (untimed; settling one can leave another's candidate taken, so until none is left)."""
    settled: dict[str, str | None] = {}
    unclear = preview.match.ambiguous  # type: ignore[attr-defined]
    while unclear:
        taken = {v for v in settled.values() if v}
        for a in unclear:
            free = [c for c in a.candidates if c not in taken]
            settled[a.old] = free[0] if free else None
            taken.add(settled[a.old] or "")
        unclear = plan_update(project, "partner", imported, settled=settled).match.ambiguous  # type: ignore[arg-type]
    info("  ambiguous matches settled (as a reviewer would)", str(len(settled)))
    return settled


if __name__ == "__main__":
    main()
