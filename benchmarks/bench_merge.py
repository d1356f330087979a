"""Merging reviewer copies: two 2,000-criterion copies with 500 differing decisions, beside a plain copy."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_project import build
from common import figure, info, timed
from criteria_compare.project import Decision, Project
from criteria_compare.workflow.copying import save_copy
from criteria_compare.workflow.merge import merge

DIFFERING = 500  # decisions that differ between the copies (some the same, some conflicts)


def _edit(path: Path, decisions: list[Decision], who: str) -> None:
    with Project.open(path) as project:
        project.apply(decisions, reviewer=who)


def copies(folder: Path) -> tuple[Path, Path, Path]:
    """Base (the 2,000 x 3,000 project with 1,500 decisions) and two copies, 500 decisions apart."""
    base = build(folder)
    ours, theirs = folder / "alice.ccproj", folder / "bob.ccproj"
    shutil.copyfile(base, ours)
    shutil.copyfile(base, theirs)
    with Project.open(base, read_only=True) as project:
        refs = [c.ref for c in project.reference.criteria]
        partners = [c.ref for c in project.partner.criteria]
    mine: list[Decision] = []
    yours: list[Decision] = []
    for i in range(DIFFERING):
        ref = refs[1500 + i % 500] if i < 400 else refs[i]
        kind = i % 5
        if kind == 0:  # ours only: a note and a flag
            mine.append(Decision(ref, note=f"alice {i}", discussion=True))
        elif kind == 1:  # theirs only: a link and a verdict
            yours.append(Decision(ref, status="aligned", link=[(partners[i], "equal")]))
        elif kind == 2:  # theirs only: a rejection
            yours.append(Decision(ref, reject=[partners[i + 1]]))
        elif kind == 3:  # the same change on both sides
            same = Decision(ref, note=f"agreed {i}")
            mine.append(same)
            yours.append(same)
        else:  # a conflict
            mine.append(Decision(ref, note=f"alice says {i}"))
            yours.append(Decision(ref, note=f"bob says {i}"))
    _edit(ours, mine, "alice")
    _edit(theirs, yours, "bob")
    return base, ours, theirs


def main() -> None:
    with tempfile.TemporaryDirectory(dir=Path.cwd() if Path.cwd().is_dir() else None) as tmp:
        folder = Path(tmp)
        base, ours, theirs = copies(folder)
        merges: list[float] = []
        plain: list[float] = []
        result = None
        for i in range(3):
            result, seconds = timed(
                lambda i=i: merge(base, ours, theirs, folder / f"merged{i}.ccproj")
            )
            merges.append(seconds)
            _, seconds = timed(
                lambda i=i: save_copy(
                    ours, folder / f"copy{i}.ccproj", lambda *_: None, lambda: False
                )
            )
            plain.append(seconds)
        assert result is not None
        figure(
            f"merge two 2,000-criterion copies, {DIFFERING} differing decisions (median of 3)",
            statistics.median(merges),
            2.0,
        )
        info(
            "  reference: save a copy of the same project (median of 3)",
            f"{statistics.median(plain):.3f} s",
        )
        if hasattr(os, "getloadavg"):
            info("  machine load average (1 min) during the run", f"{os.getloadavg()[0]:.1f}")
        info(
            "  taken ours / theirs / same / conflicts",
            f"{result.taken_ours} / {result.taken_theirs} / {result.same} / "
            f"{len(result.conflicts)}",
        )


if __name__ == "__main__":
    main()
