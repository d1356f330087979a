"""The review screen's header: the two programs, the progress line and the read-only banner."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from criteria_compare.gui.models.criteria_table import QueueCounts
from criteria_compare.gui.style import MARGIN, SPACING, subtle_fill
from criteria_compare.model import Program, Status

__all__ = ["ReviewHeader", "counts_text", "read_only_text"]


def counts_text(counts: QueueCounts, next_ref: str | None) -> str:
    """The progress line: "Reviewed 37/152 (24 %) · Aligned 20 · … · Flagged 3 · next unreviewed: 4.3"."""
    by = counts.by_status
    parts = [
        f"Reviewed {counts.reviewed}/{counts.total} ({counts.percent} %)",
        f"Aligned {by[Status.ALIGNED]}",
        f"Partial {by[Status.PARTIAL]}",
        f"Gap {by[Status.GAP]}",
        f"Conflict {by[Status.CONFLICT]}",
        f"N/A {by[Status.NOT_APPLICABLE]}",
        f"Flagged {counts.flagged}",
        f"next unreviewed: {next_ref}" if next_ref else "all reviewed",
    ]
    return " · ".join(parts)


def read_only_text(reason: str) -> str:
    """The banner shown over a project opened read-only."""
    if reason.startswith("open for writing by "):  # another program has it (project.lock)
        return (
            f"<b>Read-only</b>: {html.escape(reason[0].upper() + reason[1:])}. You can read, "
            "search and export this comparison; decisions saved there appear here as they are "
            "made. To review it here, open it again once it is closed there."
        )
    why = f" ({html.escape(reason)})" if reason else ""
    return (
        f"<b>Read-only</b>{why}: you can read, search and export this comparison, but not "
        "change it. To review it, use File → Save a copy… and open the copy."
    )


class ReviewHeader(QWidget):
    """Programs line, progress line, (for a read-only project) the banner, and a notice line.

    The notice says what just happened or what is on offer (a bulk confirm, an undo, a
    re-fit found in the background), never blocks, and may carry one action button.
    """

    noticeActed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._programs = QLabel()
        self._programs.setAccessibleName("Programs compared")
        bold = self._programs.font()
        bold.setBold(True)
        self._programs.setFont(bold)
        self._counts = QLabel()
        self._counts.setAccessibleName("Review progress")
        self._counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._banner = QLabel()
        self._banner.setObjectName("readOnlyBanner")
        self._banner.setAccessibleName("Read-only project")
        self._banner.setWordWrap(True)
        self._banner.setTextFormat(Qt.TextFormat.RichText)
        self._banner.setAutoFillBackground(True)
        self._banner.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        self._banner.setVisible(False)

        self._notice = QWidget()
        self._notice.setObjectName("reviewNotice")
        self._notice.setAutoFillBackground(True)
        self._notice_text = QLabel()
        self._notice_text.setWordWrap(True)
        self._notice_text.setAccessibleName("Notice")
        self._notice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_button = QToolButton()
        self.notice_button.clicked.connect(self.noticeActed)
        self._notice_close = QToolButton()
        self._notice_close.setText("×")
        self._notice_close.setAutoRaise(True)
        self._notice_close.setToolTip("Dismiss this notice")
        self._notice_close.setAccessibleName("Dismiss the notice")
        self._notice_close.clicked.connect(self.clear_notice)
        row = QHBoxLayout(self._notice)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING // 2, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self._notice_text, 1)
        row.addWidget(self.notice_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._notice_close, 0, Qt.AlignmentFlag.AlignVCenter)
        self._notice.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        layout.setSpacing(2)
        layout.addWidget(self._programs)
        layout.addWidget(self._counts)
        layout.addSpacing(2)
        layout.addWidget(self._banner)
        layout.addWidget(self._notice)

    def set_programs(self, reference: Program, partner: Program) -> None:
        self._programs.setText(
            f"{reference.name} {reference.version}".strip()
            + "  ⇄  "
            + f"{partner.name} {partner.version}".strip()
        )

    def programs_text(self) -> str:
        return self._programs.text()

    def set_counts(self, counts: QueueCounts, next_ref: str | None) -> None:
        self._counts.setText(counts_text(counts, next_ref))

    def counts_text(self) -> str:
        return self._counts.text()

    def show_read_only(self, reason: str, tooltip: str) -> None:
        """Show the read-only banner with ``reason``."""
        self._banner.setText(read_only_text(reason))
        self._banner.setToolTip(tooltip)
        self._banner.setVisible(True)
        self._style_banner()

    def banner_text(self) -> str:
        """The banner's text without markup ("" when it is not shown)."""
        if self._banner.isHidden():
            return ""
        return html.unescape(re.sub(r"<[^>]+>", "", self._banner.text()))

    def show_notice(self, text: str, action: str = "") -> None:
        """Show ``text`` in the notice line, with an ``action`` button when given (noticeActed)."""
        self._notice_text.setText(text)
        self.notice_button.setText(action)
        self.notice_button.setVisible(bool(action))
        self._notice.setVisible(True)
        self._style_banner()

    def clear_notice(self) -> None:
        self._notice.setVisible(False)
        self._notice_text.setText("")

    def notice_text(self) -> str:
        """The notice shown ("" when none)."""
        return "" if self._notice.isHidden() else self._notice_text.text()

    def _style_banner(self) -> None:
        for widget in (self._banner, self._notice):
            pal = widget.palette()
            pal.setColor(QPalette.ColorRole.Window, subtle_fill(self.palette()))
            widget.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_banner()
