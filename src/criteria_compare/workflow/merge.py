"""Merge a reviewer's copy into ours against the copy both started from, into a new project file.

``merge(base, ours, theirs, out)`` reads the three copies (never writing them),
refuses copies of different comparisons with one sentence, merges every
decision element three-way (``workflow.merge_plan``) and writes ``out`` as a
copy of ours with theirs' changes taken, the conflicts stored (ours kept for
them) and theirs' history appended with its reviewers' names. ``out`` appears
only when complete (``project.staging``) and is never one of the three inputs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from criteria_compare.errors import DifferentComparison, ProjectError
from criteria_compare.model import HistoryEntry
from criteria_compare.paths import resolve_path
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.project import Project
from criteria_compare.project.conflicts import MergeConflict, MergeWrite
from criteria_compare.project.elements import (
    ComparisonIdentity,
    ElementKey,
    identity,
    read_elements,
)
from criteria_compare.project.files import check_target
from criteria_compare.project.staging import staged_copy
from criteria_compare.wording import counted
from criteria_compare.workflow.merge_plan import MergePlan, plan_merge

__all__ = ["MergeResult", "check_same_comparison", "merge"]


@dataclass(frozen=True)
class MergeResult:
    """What a merge did: elements taken from each side or the same on both, and the conflicts."""

    out: Path
    taken_ours: int
    taken_theirs: int
    same: int
    conflicts: tuple[MergeConflict, ...]
    not_taken: tuple[str, ...] = ()
    left_out: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The ``merge --json`` object."""
        return {
            "taken_ours": self.taken_ours,
            "taken_theirs": self.taken_theirs,
            "same": self.same,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "not_taken": list(self.not_taken),
        }

    @property
    def message(self) -> str:
        """One line both front ends show."""
        n = len(self.conflicts)
        kept = f"; {counted(n, 'conflict')} kept ours, to be resolved" if n else ""
        left = self.left_out
        left_out = (
            f"; {counted(left, 'change')} of theirs not taken (on excluded criteria)"
            if left
            else ""
        )
        return (
            f"Merged into {self.out.name}: {self.taken_theirs} change"
            f"{'s' if self.taken_theirs != 1 else ''} taken from theirs, {self.taken_ours} from "
            f"ours, {self.same} made the same on both{kept}{left_out}."
        )


def _first_difference(
    a: Sequence[tuple[str, str]], b: Sequence[tuple[str, str]]
) -> tuple[str, str] | None:
    """(ref, what) of the first criterion that differs between two programs, if any."""
    if a == b:
        return None
    a_map, b_map = dict(a), dict(b)
    for ref, fingerprint in a:
        if ref not in b_map:
            return ref, "is missing"
        if b_map[ref] != fingerprint:
            return ref, "has another text"
    extra = [ref for ref, _ in b if ref not in a_map]
    if extra:
        return extra[0], "is new"
    moved = next(x for x, y in zip(a, b, strict=False) if x != y)
    return moved[0], "is in another place"


def check_same_comparison(
    base: ComparisonIdentity, other: ComparisonIdentity, name: str, base_name: str
) -> None:
    """Refuse (DifferentComparison, one sentence) a copy that is not of ``base``'s comparison."""
    for side, mine, theirs in (
        ("reference", base.reference, other.reference),
        ("partner", base.partner, other.partner),
    ):
        diff = _first_difference(mine, theirs)
        if diff is not None:
            raise DifferentComparison(
                f"{name} holds another {side} program or edition than {base_name} (its "
                f"criterion {diff[0]} {diff[1]}); merge only copies of the same comparison and "
                "edition, or update both to the same edition first."
            )
    if other.created != base.created:
        when = other.created[0].replace("T", " ")[:16] or "at an unknown time"
        raise DifferentComparison(
            f"{name} is not a copy of the comparison in {base_name}: it was created separately "
            f"({when}); merge only copies made from one project."
        )


def _same_file(a: Path, b: Path) -> bool:
    try:
        return resolve_path(a) == resolve_path(b) or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _check_out(out: Path, inputs: Sequence[tuple[str, Path]], force: bool) -> None:
    for label, path in inputs:
        if _same_file(out, path):
            raise ProjectError(
                f"The merged project cannot be written to {out.name}: it is the {label} copy being "
                "merged, which is never overwritten; choose a new file name."
            )
    check_target(out, force)


def _row_key(e: HistoryEntry) -> tuple[object, ...]:
    return (
        e.timestamp,
        e.reviewer,
        e.action,
        e.reference_ref,
        e.partner_ref,
        e.old_value,
        e.new_value,
        e.bulk,
    )


def _new_history(base: Project, ours: Project, theirs: Project) -> tuple[HistoryEntry, ...]:
    """Theirs' history rows that neither base nor ours holds, oldest first.

    Both copies hold base's rows under base's ids, so only the rows after base's
    newest one are compared; a row ours already has (an earlier merge brought it
    in) is not added twice.
    """
    newest = base.history(limit=1)
    after = newest[0].id if newest else 0
    known = {_row_key(e) for e in ours.history_after(after)}
    return tuple(e for e in theirs.history_after(after) if _row_key(e) not in known)


def _stored_conflicts(
    base: Project, ours: Project, theirs: Project
) -> tuple[list[ElementKey], list[MergeConflict]]:
    """Conflict rows of earlier merges: (those theirs resolved, those only theirs holds)."""
    in_base = {c.key for c in base.merge_conflicts()}
    in_ours = {c.key: c for c in ours.merge_conflicts()}
    in_theirs = {c.key: c for c in theirs.merge_conflicts()}
    resolved = [k for k in in_ours if k in in_base and k not in in_theirs]
    only_theirs = [c for k, c in in_theirs.items() if k not in in_ours and k not in in_base]
    return resolved, only_theirs


_T = TypeVar("_T")


def _open_all(paths: Sequence[Path]) -> list[Project]:
    """Open the copies read-only side by side (each open checks its file); the first failure, in
    the order given, is raised after the others are closed again."""
    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        futures = [pool.submit(Project.open, path, read_only=True) for path in paths]
    opened: list[Project] = []
    failure: BaseException | None = None
    for future in futures:
        try:
            opened.append(future.result())
        except BaseException as exc:  # noqa: BLE001 - re-raised below, once the others are closed
            failure = failure or exc
    if failure is not None:
        for project in opened:
            project.close()
        raise failure
    return opened


def _in_threads(func: Callable[[Project], _T], projects: Sequence[Project]) -> list[_T]:
    """``func`` of each project, read side by side (SQLite works outside the interpreter lock)."""
    with ThreadPoolExecutor(max_workers=len(projects)) as pool:
        return list(pool.map(func, projects))


def merge(
    base: str | os.PathLike[str],
    ours: str | os.PathLike[str],
    theirs: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    reviewer: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
) -> MergeResult:
    """Merge ``theirs`` into ``ours`` against ``base`` and write the result to the new file ``out``."""
    paths = {"base": Path(base), "ours": Path(ours), "theirs": Path(theirs)}
    target = Path(out)
    report: Callable[[int, str], None] = (
        (lambda step, msg: progress(step, 5, msg)) if progress else (lambda step, msg: None)
    )
    _check_out(target, list(paths.items()), force)
    report(0, "Reading the three copies…")
    with contextlib.ExitStack() as stack:
        b, o, t = (stack.enter_context(p) for p in _open_all(list(paths.values())))
        ids = _in_threads(identity, (b, o, t))
        for project, found in zip((o, t), ids[1:], strict=True):
            check_same_comparison(ids[0], found, project.path.name, b.path.name)
        check_cancel(cancel)
        report(1, "Comparing decisions…")
        order = {ref: i for i, (ref, _) in enumerate(ids[0].reference)}
        base_el, ours_el, theirs_el = _in_threads(read_elements, (b, o, t))
        plan: MergePlan = plan_merge(base_el, ours_el, theirs_el, t.path.name, order)
        resolved, only_theirs = _stored_conflicts(b, o, t)
        history = _new_history(b, o, t)
        check_cancel(cancel)
        new_keys = {c.key for c in plan.conflicts}
        write = MergeWrite(
            states=plan.states,
            conflicts=(*plan.conflicts, *(c for c in only_theirs if c.key not in new_keys)),
            resolved=resolved,
            history=history,
            origin=f"merged from {t.path.name}",
            excluded=plan.excluded,
            restored=plan.restored,
            positions=t.position_rows(),
            not_taken=plan.not_taken,
            summary=(
                f"{t.path.name} into {o.path.name} against {b.path.name}: "
                f"{plan.taken_theirs} taken from theirs, {plan.taken_ours} from ours, "
                f"{plan.same} the same, {counted(len(plan.conflicts), 'conflict')}"
            ),
        )
        report(2, f"Writing {target.name}…")
        with staged_copy(o.path, target, force=force) as merged:
            check_cancel(cancel)
            merged.record_merge(write, reviewer=reviewer)
            report(4, f"Writing {target.name}…")
            check_cancel(cancel)
    report(5, "Merged")
    return MergeResult(
        out=target,
        taken_ours=plan.taken_ours,
        taken_theirs=plan.taken_theirs,
        same=plan.same,
        conflicts=plan.conflicts,
        not_taken=plan.not_taken,
        left_out=plan.left_out,
    )
