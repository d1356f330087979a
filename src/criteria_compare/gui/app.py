"""GUI entry point ``criteria-compare-gui [PROJECT] [--sample] [--screenshot PNG]``: QApplication set-up and main()."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from criteria_compare import __version__
from criteria_compare.resources import resource_path

if TYPE_CHECKING:  # main() imports the window after the application exists
    from criteria_compare.gui.main_window import MainWindow

__all__ = [
    "APPLICATION",
    "ORGANIZATION",
    "SCREENSHOT_SIZE",
    "app_icon",
    "build_parser",
    "ensure_app",
    "main",
    "split_qt_options",
    "take_screenshot",
]

ORGANIZATION = "criteria-compare"
APPLICATION = "criteria-compare"
SCREENSHOT_SIZE = (1400, 900)


def build_parser() -> argparse.ArgumentParser:
    """The GUI's command line."""
    parser = argparse.ArgumentParser(
        prog="criteria-compare-gui",
        description="Review a CTPAT / partner AEO criteria comparison.",
    )
    parser.add_argument(
        "project",
        nargs="?",
        type=Path,
        help="a .ccproj project to open, or a partner spreadsheet to start a comparison with",
    )
    parser.add_argument("--sample", action="store_true", help="open the bundled sample comparison")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the review screen at 1400x900 to PNG and exit",
    )
    parser.add_argument("--version", action="version", version=f"criteria-compare {__version__}")
    return parser


# Qt's own command-line options (see QApplication/QGuiApplication), with and without a value.
_QT_VALUE_OPTIONS = frozenset(
    {
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-style",
        "-stylesheet",
        "-session",
        "-display",
        "-geometry",
        "-qwindowgeometry",
        "-qwindowtitle",
        "-qwindowicon",
        "-title",
        "-name",
    }
)
_QT_FLAG_OPTIONS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Separate Qt's own options (``-platform offscreen``, ``-style fusion``...) from ours."""
    ours: list[str] = []
    qt: list[str] = []
    items = iter(argv)
    for item in items:
        if item in _QT_VALUE_OPTIONS:
            qt.append(item)
            qt.append(next(items, ""))
        elif item in _QT_FLAG_OPTIONS:
            qt.append(item)
        else:
            ours.append(item)
    return ours, qt


def ensure_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, created once with the organisation/application names and icon."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    assert isinstance(app, QApplication)
    if not QCoreApplication.organizationName() or QCoreApplication.organizationName() == "":
        QCoreApplication.setOrganizationName(ORGANIZATION)
    if QCoreApplication.applicationName() in ("", "python", "python3", Path(sys.argv[0]).name):
        QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName("criteria-compare")
    QGuiApplication.setDesktopFileName("criteria-compare")
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The application icon at every size shipped in resources/icons/."""
    icon = QIcon()
    for name in ("criteria-compare-32.png", "criteria-compare-64.png", "criteria-compare.png"):
        path = resource_path("icons", name)
        if path.is_file():
            icon.addFile(str(path))
    return icon


def take_screenshot(window: MainWindow, path: Path) -> bool:
    """Select the first criterion, render the window to ``path`` and say whether it was written."""
    review, project = window.review, window.project
    if review is not None and project is not None and project.reference.criteria:
        review.select_ref(project.reference.criteria[0].ref)
    QApplication.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    return bool(window.grab().save(str(path)))


def quit_on_terminate(app: QApplication) -> Callable[[], None]:
    """On SIGTERM or SIGHUP (a logout, a shutdown, ``kill``) leave the event loop, so the window
    closes as when the user quits: the project's lock is given back and the layout saved.

    Python runs a signal handler only between bytecodes, and Qt's event loop runs none while
    it waits, so a timer wakes the interpreter a few times a second.
    """
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if not wanted or threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = {
        signum: signal.signal(signum, lambda *_: QTimer.singleShot(0, app.quit))
        for signum in wanted
    }
    waker = QTimer(app)
    waker.setObjectName("signal_waker")
    waker.timeout.connect(lambda: None)
    waker.start(250)

    def restore() -> None:
        """Put the earlier handlers back and stop the timer (when main() returns)."""
        waker.stop()
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    return restore


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GUI; returns the exit status."""
    ours, qt_options = split_qt_options(list(argv) if argv is not None else sys.argv[1:])
    args = build_parser().parse_args(ours)
    app = ensure_app([sys.argv[0], *qt_options])

    from criteria_compare.gui.errors_dialog import install_excepthook
    from criteria_compare.gui.main_window import MainWindow

    previous_hooks = sys.excepthook, threading.excepthook
    install_excepthook(app)
    restore_signals = quit_on_terminate(app)
    window = MainWindow(ask_reviewer=args.screenshot is None)
    status = {"code": 0}

    if args.screenshot is not None:
        shot = args.screenshot

        def finish(_project: object) -> None:
            QTimer.singleShot(50, lambda: app.exit(0 if take_screenshot(window, shot) else 1))

        def failed(message: str) -> None:
            print(f"criteria-compare-gui: {message}", file=sys.stderr)
            status["code"] = 2
            QTimer.singleShot(0, lambda: app.exit(2))

        window.projectOpened.connect(finish)
        window.jobFailed.connect(failed)
        window.remember_window = False  # a fixed size; the user's geometry is left alone
        window.remember_recent = False  # a screenshot is not "working on" the project
        window.resize(*SCREENSHOT_SIZE)
    window.show()

    if args.project is not None:
        window.file_menu.open_file(args.project)
    elif args.sample or args.screenshot is not None:
        window.file_menu.open_sample()

    code = app.exec()
    window.close()
    window.deleteLater()
    sys.excepthook, threading.excepthook = previous_hooks
    restore_signals()
    return status["code"] or code
