"""Opening a project reads what the review screen needs in the worker, not on the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from criteria_compare.errors import Cancelled
from criteria_compare.gui.main_window import MainWindow
from criteria_compare.gui.models import criteria_table
from criteria_compare.gui.views import review_data
from criteria_compare.model import Status
from criteria_compare.workflow.opening import open_project


def test_queue_rows_are_read_in_the_worker(qtbot, sample_project: Path, monkeypatch) -> None:
    """The assessments and best suggestions of every criterion are read off the GUI thread."""
    threads: list[threading.Thread] = []
    real = criteria_table.build_queue_rows

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(criteria_table, "build_queue_rows", recording)
    monkeypatch.setattr(review_data, "build_queue_rows", recording)
    window = MainWindow(ask_reviewer=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.file_menu.open_path(sample_project)
    assert threads
    assert all(t is not threading.main_thread() for t in threads)
    review = window.review
    assert review is not None
    total = len(window.project.reference.criteria)
    assert review.header_text().startswith(f"Reviewed 0/{total}")
    assert review.current_ref() == window.project.reference.criteria[0].ref
    window.close_project()


def test_prepared_rows_match_a_fresh_read(sample_project: Path) -> None:
    """The worker's queue rows are exactly what the model would read itself."""
    opened = review_data.open_for_review(
        open_project, sample_project, lambda *a: None, lambda: False
    )
    try:
        project = opened.project
        first = project.reference.criteria[0].ref
        assert opened.data.queue == criteria_table.build_queue_rows(project)
        assert opened.data.links == project.links()
        entry = opened.data.queue.rows[opened.data.queue.row_of[first]]
        assert entry.status is Status.UNREVIEWED
        assert entry.best_score is not None
    finally:
        opened.project.close()


def test_cancelling_while_preparing_closes_the_project(sample_project: Path) -> None:
    """Cancel after the file is open but before the data is read: Cancelled, and the file is closed."""
    opened: list[object] = []

    def open_and_remember(path: Path, progress: object, cancel: object) -> object:
        project = open_project(path, progress, lambda: False)  # type: ignore[arg-type]
        opened.append(project)
        return project

    with pytest.raises(Cancelled):
        review_data.open_for_review(
            open_and_remember, sample_project, lambda *a: None, lambda: True
        )
    assert opened
    assert opened[0].closed


def test_realign_rereads_the_queue_in_the_worker(qtbot, sample_project: Path, monkeypatch) -> None:
    """After re-aligning, the new queue rows are read off the GUI thread and the queue shows them."""
    window = MainWindow(ask_reviewer=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.file_menu.open_path(sample_project)
    threads: list[threading.Thread] = []
    real = criteria_table.build_queue_rows

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(criteria_table, "build_queue_rows", recording)
    monkeypatch.setattr(review_data, "build_queue_rows", recording)
    ref = window.project.reference.criteria[0].ref
    window.project.decide(ref, status="gap", note="Nothing similar.")
    worker = window.aligner_menu.realign()
    with qtbot.waitSignal(worker.signals.finished, timeout=60000):
        pass
    assert threads
    assert all(t is not threading.main_thread() for t in threads)
    entry = window.review.queue.model.entry_for(ref)
    assert entry is not None
    assert entry.status is Status.GAP
    window.close_project()
