"""Review keys on the sample: from a real key press to the repainted review screen (issue 14: under 100 ms).

The window is the real main window at 1400 x 900 with the bundled sample open. Each
key goes through QTest as a key event (ShortcutOverride, the shortcut map or
gui.typed_keys, then the action), and the clock stops when the focus pane's
criterion ref label has been painted with the new criterion. The same-run
reference is a key press that changes nothing (an unbound key) to the next paint
of the same label after an update() request: what any key costs on this machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import figure, info

PRESSES = int(os.environ.get("BENCH_PRESSES", "30"))  # per figure
BUDGET_MS = 100.0


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QSettings, QStandardPaths, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from criteria_compare.gui.main_window import MainWindow
    from criteria_compare.gui.settings import Settings
    from criteria_compare.workflow.sample import build_sample

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["HOME"] = tmp
        path = build_sample(Path(tmp) / "sample.ccproj", lambda *_: None, lambda: False)
        QStandardPaths.setTestModeEnabled(True)
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, ask_reviewer=False)
        window.remember_window = False
        window.remember_recent = False
        window.resize(1400, 900)
        window.show()
        opened: list[object] = []
        window.projectOpened.connect(opened.append)
        window.file_menu.open_path(path)
        deadline = time.perf_counter() + 60
        while not opened and time.perf_counter() < deadline:
            app.processEvents()
        review = window.review
        assert review is not None
        window.activateWindow()  # keys go to the active window, as on a desktop
        while QApplication.focusWidget() is None and time.perf_counter() < deadline:
            app.processEvents()
        label = review.focus._ref  # the criterion's ref: repainted on every move

        class Painted(QObject):
            """Counts paint events of the watched widget (the one the key must change)."""

            def __init__(self) -> None:
                super().__init__()
                self.count = 0
                self.watched: QWidget = label

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if watched is self.watched and event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        painted = Painted()
        app.installEventFilter(painted)

        def press(
            key: Qt.Key,
            *,
            before: Callable[[], None] | None = None,
            watch: Callable[[], QWidget] = lambda: label,
        ) -> float:
            review.queue.focus_queue()
            for _ in range(3):
                app.processEvents()
            painted.watched = watch()
            if before is not None:
                before()
            seen = painted.count
            target = QApplication.focusWidget() or review
            assert isinstance(target, QWidget)
            start = time.perf_counter()
            QTest.keyClick(target, key)
            while painted.count == seen and time.perf_counter() - start < 5:
                app.processEvents()
            return (time.perf_counter() - start) * 1000

        def median(key: Qt.Key, *, before: Callable[[], None] | None = None) -> float:
            return statistics.median(press(key, before=before) for _ in range(PRESSES))

        reference = median(Qt.Key.Key_F13, before=label.update)
        info("keys: reference, an unbound key to the next paint (median)", f"{reference:.1f} ms")
        figure(
            "keys: J (next criterion), key press to repaint (median)",
            median(Qt.Key.Key_J),
            BUDGET_MS,
            "ms",
        )
        figure(
            "keys: ] (next unreviewed), key press to repaint (median)",
            median(Qt.Key.Key_BracketRight),
            BUDGET_MS,
            "ms",
        )

        def first_confirm() -> QWidget:
            card = review.focus.candidate_cards()[0]
            return card._confirm

        times = []
        for _ in range(PRESSES):
            review.next_unreviewed()
            # confirm candidate 1: write, undo step, repaint of its card (Confirm becomes Unlink)
            times.append(press(Qt.Key.Key_1, watch=first_confirm))
        figure(
            "keys: 1 (confirm candidate 1), key press to repaint (median)",
            statistics.median(times),
            BUDGET_MS,
            "ms",
        )
        app.removeEventFilter(painted)
        window.close()
        app.processEvents()


if __name__ == "__main__":
    main()
