"""Review screen: moving between criteria, searching and deciding with 3,000 partner criteria."""

from __future__ import annotations

import os
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import figure, info, timed
from criteria_compare.model import Band, Criterion, Evidence, Program, Suggestion
from criteria_compare.project import Project
from synthetic_criteria import synthetic_criteria

REFERENCE = 150
PARTNER = 3_000
K = 10
MOVES = 60
_WORD = re.compile(r"\w{4,}")


def _spans(text: str, words: set[str]) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(text) if m.group().lower() in words)


def _suggestions(
    reference: tuple[Criterion, ...], partner: tuple[Criterion, ...]
) -> dict[str, list[Suggestion]]:
    rng = random.Random(7)
    forward: dict[str, list[Suggestion]] = {}
    for c in reference:
        cwords = {w.lower() for w in _WORD.findall(c.text)}
        scores = sorted((rng.random() for _ in range(K)), reverse=True)
        out = []
        for rank, (p, score) in enumerate(zip(rng.sample(partner, K), scores, strict=True), 1):
            shared = cwords & {w.lower() for w in _WORD.findall(p.text)}
            nxt = scores[rank] if rank < K else 0.0
            out.append(
                Suggestion(
                    c.ref,
                    p.ref,
                    rank,
                    score,
                    Band.HIGH if score > 0.6 else Band.MEDIUM if score > 0.35 else Band.LOW,
                    Evidence(
                        shared_terms=tuple(sorted(shared)),
                        source_spans=_spans(c.text, shared),
                        target_spans=_spans(p.text, shared),
                        channels={"tfidf": score, "bm25": score, "char": score},
                        margin=score - nxt,
                    ),
                )
            )
        forward[c.ref] = out
    return forward


def main() -> None:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from criteria_compare.gui.actions import build_actions
    from criteria_compare.gui.views.review import ReviewView

    app = QApplication.instance() or QApplication([])
    reference = synthetic_criteria(REFERENCE, seed=1, prefix="R")
    partner = synthetic_criteria(PARTNER, seed=2, prefix="P")
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(
            Path(tmp) / "bench.ccproj",
            Program("Reference", reference),
            Program("Partner", partner),
            reviewer="bench",
        )
        project.store_suggestions(_suggestions(reference, partner))
        project.close()
        project = Project.open(Path(tmp) / "bench.ccproj")

        window = QWidget()
        actions = build_actions(window)
        stack = QUndoStack(window)

        def build() -> ReviewView:
            view = ReviewView(project, stack, actions, window)
            QVBoxLayout(window).addWidget(view)
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            return view

        view, seconds = timed(build)
        info(
            f"review: open {REFERENCE} x {PARTNER:,} project on the review screen",
            f"{seconds:.3f} s",
        )

        times = []
        for _ in range(MOVES):
            start = time.perf_counter()
            view.next_criterion()
            app.processEvents()
            times.append(time.perf_counter() - start)
        times.sort()
        figure(
            f"review: next criterion with {PARTNER:,} partner criteria (median)",
            statistics.median(times) * 1000,
            50,
            "ms",
        )
        info("review: next criterion, slowest of 60", f"{times[-1] * 1000:.1f} ms")

        search = view.partners
        times = []
        for query in ("s", "se", "sea", "seal", "seal c", "seal co", "seal con", "seal cont"):
            search.search_edit.setText(query)
            start = time.perf_counter()
            search.run_search()
            app.processEvents()
            times.append(time.perf_counter() - start)
        figure(
            f"review: partner search per keystroke, {PARTNER:,} criteria (worst)",
            max(times) * 1000,
            100,
            "ms",
        )
        search.search_edit.clear()
        search.run_search()

        times = []
        for _ in range(20):
            view.next_unreviewed()
            start = time.perf_counter()
            view.confirm_number(1)
            app.processEvents()
            times.append(time.perf_counter() - start)
        figure(
            "review: confirm a candidate (write, undo step, repaint; median)",
            statistics.median(times) * 1000,
            100,
            "ms",
        )
        view.detach()
        window.close()
        project.close()
    big_project()


def big_project() -> None:
    """Open a 2,000 x 3,000 project on the review screen: time and peak memory."""
    import resource

    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from criteria_compare.gui.actions import build_actions
    from criteria_compare.gui.views.review import ReviewView

    app = QApplication.instance() or QApplication([])
    reference = synthetic_criteria(2_000, seed=3, prefix="R")
    partner = synthetic_criteria(PARTNER, seed=4, prefix="P")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.ccproj"
        project = Project.create(
            path, Program("Reference", reference), Program("Partner", partner), reviewer="bench"
        )
        project.store_suggestions(_suggestions(reference, partner))
        project.close()
        window = QWidget()
        actions = build_actions(window)

        def open_view() -> tuple[Project, ReviewView]:
            opened = Project.open(path)
            view = ReviewView(opened, QUndoStack(window), actions, window)
            QVBoxLayout(window).addWidget(view)
            window.resize(1400, 900)
            window.show()
            app.processEvents()
            return opened, view

        (opened, view), seconds = timed(open_view)
        info("review: open a 2,000 x 3,000 project on the review screen", f"{seconds:.3f} s")
        split_open(path, app, actions)
        times = []
        for _ in range(30):
            start = time.perf_counter()
            view.next_criterion()
            app.processEvents()
            times.append(time.perf_counter() - start)
        info(
            "review: next criterion in the 2,000 x 3,000 project (median)",
            f"{statistics.median(times) * 1000:.1f} ms",
        )
        bulk_step(view, app)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        info("review: peak memory of this benchmark process", f"{rss:.0f} MB")
        view.detach()
        window.close()
        opened.close()


def bulk_step(view: object, app: object) -> None:
    """Confirm every clear winner of the big project in one step, then undo it (GUI thread)."""
    from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
    from criteria_compare.workflow.bulk import clear_winners

    project = view.project  # type: ignore[attr-defined]
    winners = clear_winners(project)
    if not winners:
        info("review: bulk confirm, 2,000 x 3,000", "no clear winners in this synthetic data")
        return
    decisions = BulkConfirmDialog(winners).decisions()

    def apply() -> None:
        view.apply_bulk(decisions)  # type: ignore[attr-defined]
        while view.busy:  # type: ignore[attr-defined]  # written by the project worker
            app.processEvents()  # type: ignore[attr-defined]
            time.sleep(0.001)
        app.processEvents()  # type: ignore[attr-defined]

    def undo() -> None:
        view._stack.undo()  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]

    def redo() -> None:
        view._stack.redo()  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]

    _, apply_s = timed(apply)
    _, undo_s = timed(undo)
    _, redo_s = timed(redo)
    info(
        f"review: bulk confirm of {len(decisions)} criteria, 2,000 x 3,000",
        f"apply {apply_s * 1000:.0f} ms (written in the worker), undo {undo_s * 1000:.0f} ms, "
        f"redo {redo_s * 1000:.0f} ms (GUI thread, one transaction each)",
    )


def split_open(path: Path, app: object, actions: dict) -> None:
    """The same opening split as the GUI does it: data read in the worker, then the screen built."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from criteria_compare.gui.views.review import ReviewView
    from criteria_compare.gui.views.review_data import open_for_review, release_frozen
    from criteria_compare.workflow.opening import open_project

    opened, worker_s = timed(
        lambda: open_for_review(open_project, path, lambda *a: None, lambda: False)
    )
    window = QWidget()

    def build() -> ReviewView:
        view = ReviewView(opened.project, QUndoStack(window), actions, window, prepared=opened.data)
        QVBoxLayout(window).addWidget(view)
        window.resize(1400, 900)
        window.show()
        app.processEvents()  # type: ignore[attr-defined]
        return view

    view, gui_s = timed(build)
    info(
        "review: 2,000 x 3,000, reading in the open worker",
        f"{worker_s:.3f} s (off the GUI thread)",
    )
    info(
        "review: 2,000 x 3,000, building the screen from it",
        f"{gui_s:.3f} s (GUI thread, with paint)",
    )
    view.detach()
    window.close()
    opened.project.close()
    release_frozen()


if __name__ == "__main__":
    main()
