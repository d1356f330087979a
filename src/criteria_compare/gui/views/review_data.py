"""What the review screen reads from a project before it can show it, gathered off the GUI thread."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from criteria_compare.gui.models.criteria_table import QueueRows, build_queue_rows
from criteria_compare.model import Link
from criteria_compare.progress import CancelCheck, ProgressCallback, check_cancel
from criteria_compare.project import Project

__all__ = [
    "LinkIndex",
    "OpenedProject",
    "ReviewData",
    "open_for_review",
    "prepare_review",
    "release_frozen",
]


@dataclass(frozen=True)
class ReviewData:
    """The first data the review screen needs: every queue row and every confirmed link."""

    queue: QueueRows
    links: tuple[Link, ...]


@dataclass(frozen=True)
class OpenedProject:
    """An open project together with its prepared review data (a worker's result)."""

    project: Project
    data: ReviewData


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """No garbage collection while the data is read; then keep it out of full collections.

    A full collection walks every object; with a big project's rows and caches that is
    a 50 ms pause, and one started by the worker holds the GIL and freezes the window
    as surely as one on the GUI thread. What a project's review reads lives until
    the project is closed, so it is frozen (``gc.freeze``) once read;
    :func:`release_frozen` hands it back to the collector on close.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if enabled:
            gc.enable()


def release_frozen() -> None:
    """Let the collector see objects frozen by an earlier opening again (call on closing)."""
    gc.unfreeze()


def prepare_review(
    project: Project, progress: ProgressCallback, cancel: CancelCheck, *, lo: int = 0, hi: int = 100
) -> ReviewData:
    """Read the queue rows (assessments, best suggestions, link counts) and links of ``project``.

    Creates no Qt objects, so a worker thread can run it; the project's own caches
    (programs, suggestions) are warm afterwards, so the GUI thread only builds widgets.
    """
    check_cancel(cancel)
    total = max(1, len(project.reference.criteria))

    def step(done: int, _total: int) -> None:
        progress(lo + (hi - lo) * done // total, 100, f"Reading {done} of {total} criteria…")

    queue = build_queue_rows(project, step, cancel)
    links = tuple(project.links())
    _ = project.partner.by_ref(), project.reference.by_ref()
    check_cancel(cancel)
    # The review screen's module is imported here too, so the GUI thread does not wait for it.
    import criteria_compare.gui.views.review  # noqa: F401

    progress(hi, 100, "Building the review screen…")
    return ReviewData(queue=queue, links=links)


def open_for_review(
    open_project: Callable[[Path, ProgressCallback, CancelCheck], Project],
    path: Path,
    progress: ProgressCallback,
    cancel: CancelCheck,
) -> OpenedProject:
    """Open ``path`` with ``open_project`` and prepare its review data; the project is closed on failure."""

    def opening(done: int, total: int, message: str) -> None:
        progress(min(20, 20 * done // max(1, total)), 100, message)

    with _long_lived():
        project = open_project(path, opening, cancel)
        try:
            data = prepare_review(project, progress, cancel, lo=20, hi=100)
        except BaseException:
            project.close()
            raise
    return OpenedProject(project, data)


class LinkIndex:
    """Which partner criteria each reference criterion links to, kept current after each change.

    :meth:`update` returns, for every partner criterion whose links changed, the
    reference criteria that now use it (what the partner pane shows).
    """

    BULK = 40  # more refs than this: one read of every link instead of one per criterion

    def __init__(self, links: Iterable[Link] = ()) -> None:
        grouped: dict[str, set[str]] = {}
        for link in links:
            grouped.setdefault(link.reference_ref, set()).add(link.partner_ref)
        self._of = {ref: frozenset(prefs) for ref, prefs in grouped.items()}
        self.count = sum(len(prefs) for prefs in self._of.values())  # every confirmed link

    def update(self, project: Project, refs: Sequence[str]) -> dict[str, list[str]]:
        many = len(refs) > self.BULK
        by_ref: dict[str, set[str]] = {}
        by_partner: dict[str, list[str]] = {}
        for link in project.links() if many else ():
            by_ref.setdefault(link.reference_ref, set()).add(link.partner_ref)
            by_partner.setdefault(link.partner_ref, []).append(link.reference_ref)
        changed: set[str] = set()
        for ref in refs:
            if many:
                new = frozenset(by_ref.get(ref, ()))
            else:
                new = frozenset(lk.partner_ref for lk in project.links(ref))
            old = self._of.get(ref, frozenset())
            changed |= new ^ old
            self.count += len(new) - len(old)
            self._of[ref] = new
        if many:
            return {p: by_partner.get(p, []) for p in changed}
        return {p: [lk.reference_ref for lk in project.links_for_partner(p)] for p in changed}
