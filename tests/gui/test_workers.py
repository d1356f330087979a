"""Workers: progress reaches the GUI thread, cancel stops the job, errors become one sentence."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from criteria_compare.crashlog import log_file
from criteria_compare.errors import ImportFailed
from criteria_compare.gui.views.progress_dialog import ProgressDialog
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.progress import check_cancel


def _counting_job(steps: int, gate: threading.Event | None = None):
    def job(progress, cancel):
        for i in range(steps):
            if gate is not None and i == 1:
                gate.wait(5)
            check_cancel(cancel)
            progress(i + 1, steps, f"step {i + 1}")
        return steps * 10

    return job


def test_worker_reports_progress_and_result_on_the_gui_thread(qtbot) -> None:
    """The caller sees the last progress report and the job's result, delivered on its thread."""
    worker = Worker(_counting_job(5))
    seen: list[tuple[int, int, str]] = []
    threads: list[QThread] = []
    worker.signals.progress.connect(
        lambda d, t, m: (seen.append((d, t, m)), threads.append(QThread.currentThread()))
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [50]
    qtbot.waitUntil(lambda: seen and seen[-1] == (5, 5, "step 5"))
    assert all(t is QThread.currentThread() for t in threads)


def test_worker_can_be_cancelled(qtbot) -> None:
    """Cancel stops the job at its next check and reports cancelled, not finished."""
    gate = threading.Event()
    worker = Worker(_counting_job(100, gate))
    finished: list[object] = []
    worker.signals.finished.connect(finished.append)
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.start(project_pool())
        worker.cancel()
        gate.set()
    assert finished == []
    assert worker.signals.outcome == "cancelled"


def test_user_error_becomes_its_sentence(qtbot) -> None:
    """An importer error reaches the GUI as its own one sentence."""

    def job(progress, cancel):
        raise ImportFailed(
            "partner.xlsx, sheet 'A': no text column was found; name one with Columns."
        )

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        worker.start()
    assert blocker.args[0].startswith("partner.xlsx, sheet 'A'")


def test_unexpected_error_is_logged_not_shown_as_traceback(qtbot) -> None:
    """A bug in a job is written to the log file and reported as one sentence naming that file."""

    def job(progress, cancel):
        raise ZeroDivisionError("boom")

    worker = Worker(job, name="alignment")
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        worker.start()
    message = blocker.args[0]
    assert "Traceback" not in message
    assert str(log_file()) in message
    assert "ZeroDivisionError" in log_file().read_text(encoding="utf-8")


def test_progress_dialog_follows_and_cancels_the_worker(qtbot) -> None:
    """The dialog shows the job's message, and its Cancel button stops the job."""
    gate = threading.Event()
    worker = Worker(_counting_job(100, gate))
    dialog = ProgressDialog(worker, "Aligning", delay_ms=0)
    qtbot.addWidget(dialog)
    worker.start()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.label.text() == "step 1")
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        dialog.cancel_button.click()
        gate.set()
    assert not dialog.isVisible()
