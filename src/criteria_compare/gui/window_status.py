"""The main window's status bar: who decisions are recorded under, and whether they are saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from criteria_compare.project import Project

__all__ = ["WindowStatus"]


class WindowStatus:
    """Two permanent labels in ``bar`` (reviewer, save state) and the project's messages."""

    def __init__(self, bar: QStatusBar) -> None:
        self.bar = bar
        self.reviewer_label = QLabel()
        self.reviewer_label.setAccessibleName("Reviewer")
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Save state")
        self.reviewer_label.setContentsMargins(8, 0, 8, 0)
        self.saved_label.setContentsMargins(8, 0, 8, 0)
        bar.addPermanentWidget(self.reviewer_label)
        bar.addPermanentWidget(self.saved_label)

    def project_shown(self, project: Project) -> None:
        """Say whether ``project`` saves each decision or was opened read-only (and why)."""
        if project.read_only:
            reason = project.read_only_reason or "the file cannot be written"
            self.saved_label.setText("Read-only")
            self.saved_label.setToolTip(f"Opened read-only: {reason}")
            self.bar.showMessage(f"Opened read-only: {reason}", 15000)
        else:
            self.saved_label.setText("All changes saved")
            self.saved_label.setToolTip("Every decision is written to the project file at once.")
            self.bar.showMessage(f"Opened {project.path.name}", 5000)

    def saved(self) -> None:
        self.saved_label.setText("All changes saved")

    def show_reviewer(self, name: str) -> None:
        self.reviewer_label.setText(f"Reviewer: {name}")

    def clear(self) -> None:
        """Nothing to report: no project is open."""
        self.saved_label.clear()
        self.reviewer_label.clear()
        self.bar.clearMessage()
