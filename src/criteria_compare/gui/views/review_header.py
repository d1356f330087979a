"""The review screen's header: the two programs, the progress line and the read-only banner."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

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
    """Programs line, progress line and (for a read-only project) the banner."""

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        layout.setSpacing(2)
        layout.addWidget(self._programs)
        layout.addWidget(self._counts)
        layout.addSpacing(2)
        layout.addWidget(self._banner)

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

    def _style_banner(self) -> None:
        pal = self._banner.palette()
        pal.setColor(QPalette.ColorRole.Window, subtle_fill(self.palette()))
        self._banner.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._banner.isHidden():
            self._style_banner()
