"""The reviewer-name question: asked before the first decision ever (never on opening), once."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from shiboken6 import isValid

from criteria_compare.gui.settings import Settings
from criteria_compare.osuser import os_user

__all__ = ["ReviewerGate"]


class ReviewerGate(QObject):
    """Holds the first decision back until the reviewer has given a name, then makes it.

    Cancel keeps the OS user name and the question is not asked again.
    ``nameChanged`` carries the name in effect each time it is set.
    """

    nameChanged = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget, *, ask: bool = True) -> None:
        super().__init__(parent)
        self._settings = settings
        self._window = parent
        self.ask = ask
        self.dialog: QInputDialog | None = None
        self._pending: list[Callable[[], object]] = []
        self._bypassed = False
        self._return_to: QWidget | None = None

    @property
    def name(self) -> str:
        """The name decisions are recorded under (the OS user until one is given)."""
        return self._settings.reviewer_name() or os_user()

    def ask_name(self) -> QInputDialog:
        """Ask for the name recorded with each decision (OS user name offered)."""
        self._return_to = QApplication.focusWidget()
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Reviewer name")
        dialog.setLabelText(
            "Your name, recorded with every decision you make in the comparison\n"
            "(shown in the history and the report):"
        )
        dialog.setTextValue(self.name)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.textValueSelected.connect(self.set_name)
        dialog.rejected.connect(self._declined)
        dialog.finished.connect(self._dialog_closed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def set_name(self, name: str) -> None:
        """Remember ``name`` (blank: the OS user name)."""
        name = name.strip() or os_user()
        self._settings.set_reviewer_name(name)
        self.nameChanged.emit(name)

    def before_write(self, proceed: Callable[[], object]) -> bool:
        """The review screen's write gate: True when ``proceed`` waits for the answer.

        It is called once the question is answered or cancelled.
        """
        if self._bypassed or not self.ask or self._settings.reviewer_name() is not None:
            return False
        self._pending.append(proceed)
        if self.dialog is None:
            self.ask_name()
        return True

    def drop_pending(self) -> None:
        """Forget the decisions waiting for the answer (their review screen has closed)."""
        self._pending = []

    @contextlib.contextmanager
    def bypassed(self) -> Iterator[None]:
        """Writes inside this block never wait for the question (a note flushed on closing)."""
        self._bypassed = True
        try:
            yield
        finally:
            self._bypassed = False

    def _declined(self) -> None:
        if self._settings.reviewer_name() is None:
            self.set_name(os_user())

    def _dialog_closed(self, *_: object) -> None:
        # QInputDialog reports the chosen text after ``finished``: act once it has.
        self.dialog = None
        QTimer.singleShot(0, self._run_pending)

    def _run_pending(self) -> None:
        """The decision that prompted the question is made now, under the name just given."""
        if self._settings.reviewer_name() is None:
            self.set_name(os_user())
        pending, self._pending = self._pending, []
        for proceed in pending:
            proceed()
        self._give_back_keyboard()

    def _give_back_keyboard(self) -> None:
        """The keys typed next go where they went before the question (the review queue).

        A closed dialog does not always reactivate its window (no window manager,
        some X11 set-ups), and the decision just made may have hidden the widget
        that had the focus; then the window's own focus chain decides.
        """
        target, self._return_to = self._return_to, None
        window = self._window
        if not isValid(window) or not window.isVisible():
            return
        window.activateWindow()
        if (
            target is not None
            and isValid(target)
            and target.isVisible()
            and target.window() is window
        ):
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        elif window.focusWidget() is None or not window.focusWidget().isVisible():
            window.setFocus(Qt.FocusReason.OtherFocusReason)
