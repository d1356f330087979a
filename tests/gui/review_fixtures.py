"""Small hand-made projects for the review-screen tests: two programs and word-overlap suggestions."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from criteria_compare.gui.actions import build_actions, install_typing_guard
from criteria_compare.gui.typed_keys import install_typed_keys
from criteria_compare.gui.views.review import ReviewView
from criteria_compare.model import Band, Criterion, Evidence, Level, Program, Suggestion
from criteria_compare.project import Project

__all__ = ["PARTNER", "REFERENCE", "Shell", "make_project", "overlap_suggestions"]

_WORD = re.compile(r"[a-z]{4,}")
_STOP = {"must", "should", "with", "that", "their", "each", "they", "from", "have", "into", "than"}

REFERENCE = Program(
    name="CTPAT MSC",
    version="2019",
    criteria=(
        Criterion(
            "1.1",
            "Management signs a written commitment to supply chain security.",
            "Security Vision",
            "A signed policy posted for staff.",
            Level.MUST,
        ),
        Criterion(
            "1.2",
            "A named security lead coordinates the security programme.",
            "Security Vision",
            "",
            Level.SHOULD,
        ),
        Criterion(
            "3.1",
            "Screen business partners for security practices before contracting.",
            "Business Partners",
            "Use a questionnaire.",
            Level.MUST,
        ),
        Criterion(
            "3.4",
            "Review business partners again when risk changes.",
            "Business Partners",
            "",
            Level.SHOULD,
        ),
        Criterion(
            "6.1",
            "Seal every loaded container with a high security bolt seal.",
            "Seal Security",
            "Record seal numbers.",
            Level.MUST,
        ),
        Criterion(
            "6.2",
            "Verify seal numbers against shipping documents on arrival.",
            "Seal Security",
            "",
            Level.MUST,
        ),
        Criterion(
            "7.10",
            "Report anomalies in cargo counts to management promptly.",
            "Procedural Security",
            "",
            Level.MUST,
        ),
    ),
)

PARTNER = Program(
    name="Meridia AEO",
    version="3.1",
    criteria=(
        Criterion(
            "M-1",
            "The operator keeps a written security policy signed by management.",
            "Security organisation",
        ),
        Criterion(
            "M-2",
            "A security officer is appointed to coordinate security measures.",
            "Security organisation",
        ),
        Criterion(
            "M-3",
            "Trading partners are screened for security before contracts are signed.",
            "Trading partners",
        ),
        Criterion(
            "M-4", "Seal numbers are checked against the shipping documents on receipt.", "Seals"
        ),
        Criterion("M-5", "High security seals are fitted to every loaded container.", "Seals"),
        Criterion("M-6", "Customs declarations are lodged on time.", "Customs compliance"),
        Criterion("M-7", "Financial solvency is proven for the last three years.", "Solvency"),
        Criterion(
            "M-8",
            "Cargo discrepancies are reported to the security officer.",
            "Logistics processes",
        ),
    ),
)


def _terms(text: str) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text.lower()):
        stem = m.group()[:5]
        if m.group() not in _STOP:
            out.setdefault(stem, []).append(m.span())
    return out


def overlap_suggestions(
    reference: Sequence[Criterion], partner: Sequence[Criterion], k: int = 5
) -> dict[str, list[Suggestion]]:
    """Rank partner criteria by shared 5-letter stems (a stand-in aligner with real spans)."""
    forward: dict[str, list[Suggestion]] = {}
    pterms = {p.ref: _terms(p.text) for p in partner}
    for c in reference:
        cterms = _terms(c.text)
        scored = []
        for p in partner:
            shared = sorted(set(cterms) & set(pterms[p.ref]))
            if not shared:
                continue
            score = min(1.0, len(shared) / max(3, len(cterms)) * 1.2)
            scored.append((score, p, shared))
        scored.sort(key=lambda t: (-t[0], t[1].ref))
        suggestions = []
        for rank, (score, p, shared) in enumerate(scored[:k], start=1):
            nxt = scored[rank][0] if rank < len(scored) else 0.0
            band = Band.HIGH if score >= 0.6 else Band.MEDIUM if score >= 0.35 else Band.LOW
            suggestions.append(
                Suggestion(
                    c.ref,
                    p.ref,
                    rank,
                    round(score, 3),
                    band,
                    Evidence(
                        shared_terms=tuple(shared),
                        source_spans=tuple(s for t in shared for s in cterms[t]),
                        target_spans=tuple(s for t in shared for s in pterms[p.ref][t]),
                        # The stand-in's lead counts as every channel's first choice
                        # (what the calibration reads as agreement).
                        channels={
                            "overlap": round(score, 3),
                            "embedding": 1.0 if rank == 1 else round(score, 3),
                        },
                        margin=round(score - nxt, 3),
                        section_match=False,
                    ),
                )
            )
        forward[c.ref] = suggestions
    return forward


def make_project(path: Path, reference: Program = REFERENCE, partner: Program = PARTNER) -> Project:
    """Create a project at ``path`` with the two programs and stored overlap suggestions."""
    project = Project.create(path, reference, partner, reviewer="tester")
    project.store_suggestions(overlap_suggestions(reference.criteria, partner.criteria))
    return project


class Shell:
    """A stand-in main window: actions, typing guard, undo stack and the review view."""

    def __init__(self, qtbot: QtBot, project: Project) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.actions = build_actions(self.window)
        self.stack = QUndoStack(self.window)
        self.actions["undo"].triggered.connect(self.stack.undo)
        self.actions["redo"].triggered.connect(self.stack.redo)
        self.guard = install_typing_guard(QApplication.instance(), self.actions)
        self.typed_keys = install_typed_keys(QApplication.instance(), self.window, self.actions)
        self.view = ReviewView(project, self.stack, self.actions, self.window)
        QVBoxLayout(self.window).addWidget(self.view)
        self.window.resize(1400, 900)
        with qtbot.waitActive(self.window):
            self.window.show()
            self.window.activateWindow()
        self.view.queue.focus_queue()
        assert QApplication.focusWidget() is self.view.queue.view
        self.qtbot = qtbot

    def key(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press one key where the keyboard focus is."""
        target = QApplication.focusWidget() or self.view
        self.qtbot.keyClick(target, key, modifier)

    def close(self) -> None:
        self.view.detach()
        self.guard.detach()
        self.typed_keys.detach()
        self.window.close()


@contextlib.contextmanager
def open_shell(qtbot: QtBot, path: Path) -> Iterator[Shell]:
    """Open the project at ``path`` in a stand-in window; close both afterwards."""
    project = Project.open(path)
    shell = Shell(qtbot, project)
    try:
        yield shell
    finally:
        shell.close()
        project.close()


def open_in(qtbot: QtBot, window: Any, path: Path) -> None:
    """Open the project at ``path`` in a main window and wait until it is on screen."""
    with qtbot.waitSignal(window.projectOpened, timeout=20000):
        window.file_menu.open_path(path)
