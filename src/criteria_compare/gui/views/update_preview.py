"""The update wizard's preview page: every change the new edition brings, before anything is written.

Groups: criteria to choose for (ambiguous: pick a candidate or "removed"),
removed (with the decisions they carried), reworded/renumbered/split/merged,
added, and unchanged (collapsed). The dry run runs in a worker; each choice
runs it again with the choices made so far.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from criteria_compare.align.editions import EditionMatch
from criteria_compare.gui.workers import Worker
from criteria_compare.model import Criterion
from criteria_compare.progress import CancelCheck, ProgressCallback

__all__ = ["REMOVED", "PlanJob", "PreviewPage", "UpdatePreview", "change_words"]

#: The choice "no counterpart" of an ambiguous criterion.
REMOVED = "\x00removed"

_KIND_WORDS = {
    "unchanged": "Unchanged",
    "reworded": "Reworded",
    "renumbered": "Renumbered",
    "renumbered_reworded": "Renumbered and reworded",
    "split": "Split",
    "merged": "Merged",
}


def change_words(kind: str) -> str:
    """A change kind in the reviewer's words."""
    return _KIND_WORDS.get(kind, kind.replace("_", " ").capitalize())


@dataclass(frozen=True)
class UpdatePreview:
    """What the preview shows: the matching, the old and new criteria, and the decisions at stake.

    ``decisions`` holds, for old refs that carry decisions, those decisions in
    words ("Aligned, linked to P-3"); ``summary`` is one line of totals.
    """

    match: EditionMatch
    old: Mapping[str, Criterion] = field(default_factory=dict)
    new: Mapping[str, Criterion] = field(default_factory=dict)
    decisions: Mapping[str, str] = field(default_factory=dict)
    summary: str = ""


#: Called on the GUI thread with the reviewer's choices so far; returns the dry run to run in
#: a worker: (progress, cancel) -> the preview.
PlanJob = Callable[
    [Mapping[str, str | None]], Callable[[ProgressCallback, CancelCheck], UpdatePreview]
]


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class PreviewPage(QWizardPage):
    """Shows the dry run of the update and collects the reviewer's choices for ambiguous criteria."""

    previewed = Signal()  # a dry run finished (or failed)

    def __init__(self, plan: PlanJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._worker: Worker | None = None
        self.preview: UpdatePreview | None = None
        self.error = ""
        self._choices: dict[str, str | None] = {}  # old ref -> chosen new ref (None: removed)
        self._offered: dict[str, tuple[str, ...]] = {}  # old ref -> candidates, once ambiguous
        self.combos: dict[str, QComboBox] = {}
        self.setTitle("Preview the update")
        self.setSubTitle(
            "Every change the new edition brings. Nothing is written until you choose "
            "Update project; decisions move with their criteria."
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Summary of the update")
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Changes in the new edition")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Change", "Old", "New", "Text / decisions"])
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(2, 220)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Preview status")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Progress")
        self.progress.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)

        self._rerun = QTimer(self, singleShot=True, interval=200)
        self._rerun.timeout.connect(self.run)

    # -- the dry run -------------------------------------------------------------------------
    def initializePage(self) -> None:
        """Run the dry run with the file chosen on the previous page."""
        self._choices.clear()
        self._offered.clear()
        self.run()

    def settled(self) -> dict[str, str | None]:
        """The reviewer's choices so far: old ref -> new ref, or None for "removed"."""
        return dict(self._choices)

    def run(self) -> Worker:
        """(Re)compute the preview in a worker."""
        if self._worker is not None:
            self._worker.cancel()
        worker = Worker(self._plan(self.settled()), name="update preview")
        worker.signals.progress.connect(self._on_progress)
        worker.signals.finished.connect(self._shown)
        worker.signals.failed.connect(self._failed)
        self._worker = worker
        self.preview = None
        self.status.setText("Matching the old criteria with the new ones…")
        self.progress.show()
        self.completeChanged.emit()
        worker.start(QThreadPool.globalInstance())
        return worker

    @property
    def running(self) -> bool:
        return self._worker is not None

    def _current(self) -> bool:
        worker = self._worker
        return worker is not None and self.sender() is worker.signals

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self._current():
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            if message:
                self.status.setText(message)

    def _failed(self, message: str) -> None:
        if not self._current():
            return
        self._worker = None
        self.progress.hide()
        self.error = message
        self.status.setText(f"⚠ {message}")
        self.tree.clear()
        self.completeChanged.emit()
        self.previewed.emit()

    def _shown(self, preview: UpdatePreview) -> None:
        if not self._current():
            return
        self._worker = None
        self.progress.hide()
        self.error = ""
        self.preview = preview
        for amb in preview.match.ambiguous:
            self._offered.setdefault(amb.old, amb.candidates)
        self.summary.setText(preview.summary)
        self._fill(preview)
        self._say_status()
        self.completeChanged.emit()
        self.previewed.emit()

    def _say_status(self) -> None:
        preview = self.preview
        if preview is None:
            return
        open_ = [a.old for a in preview.match.ambiguous if a.old not in self._choices]
        what = "criterion" if len(open_) == 1 else "criteria"
        self.status.setText(
            f"⚠ Choose a counterpart (or Removed) for {len(open_)} {what} marked ? first."
            if open_
            else "Ready: Update project writes these changes (a backup copy is kept)."
        )

    # -- showing ---------------------------------------------------------------------------
    def _text(self, refs: Mapping[str, Criterion], ref: str) -> str:
        c = refs.get(ref)
        return _short(c.text) if c is not None else ""

    @staticmethod
    def _both(
        old: Mapping[str, Criterion], new: Mapping[str, Criterion], old_ref: str, new_ref: str
    ) -> str:
        """Old and new text in full, for a changed row's tooltip."""
        was, now = old.get(old_ref), new.get(new_ref)
        return (
            f"Old {old_ref}: {was.text if was else ''}\n\nNew {new_ref}: {now.text if now else ''}"
        )

    def _group(self, title: str, count: int, *, expanded: bool = True) -> QTreeWidgetItem:
        item = QTreeWidgetItem([f"{title} ({count})"])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)  # only once the item is in the tree
        item.setExpanded(expanded)
        return item

    def _fill(self, preview: UpdatePreview) -> None:
        self.tree.clear()
        self.combos = {}
        match = preview.match
        old, new = preview.old, preview.new
        if self._offered:
            # Chosen ones stay here (their choice can change); their effect shows below too.
            group = self._group("? Choose the counterpart", len(self._offered))
            for ref, candidates in self._offered.items():
                mark = "✔ Chosen" if ref in self._choices else "? Ambiguous"
                item = QTreeWidgetItem(group, [mark, ref, "", self._text(old, ref)])
                self.tree.setItemWidget(item, 2, self._combo(ref, candidates, new))
        if match.removed:
            group = self._group("✖ Removed", len(match.removed))
            for ref in match.removed:
                decided = preview.decisions.get(ref, "")
                words = f"Decisions kept in the history: {decided}" if decided else ""
                QTreeWidgetItem(
                    group, ["✖ Removed", ref, "—", words or self._text(old, ref)]
                ).setToolTip(3, self._text(old, ref))
        changed = [p for p in match.matched if p.change != "unchanged"]
        if changed:
            group = self._group("✎ Changed", len(changed))
            for pair in changed:
                alike = "same text" if pair.similarity >= 1.0 else f"{pair.similarity:.0%} alike"
                decided = preview.decisions.get(pair.old, "")
                again = "" if pair.change == "renumbered" else ", to look at again"  # same words
                carried = f"Decisions carried{again}: {decided} · " if decided else ""
                item = QTreeWidgetItem(
                    group,
                    [
                        change_words(pair.change),
                        pair.old,
                        pair.new,
                        f"{carried}{alike} · {self._text(new, pair.new)}",
                    ],
                )
                item.setToolTip(3, self._both(old, new, pair.old, pair.new))
        if match.added:
            group = self._group("+ Added, unreviewed", len(match.added))
            for ref in match.added:
                QTreeWidgetItem(group, ["+ Added", "—", ref, self._text(new, ref)])
        same = [p for p in match.matched if p.change == "unchanged"]
        if same:
            group = self._group("= Unchanged", len(same), expanded=False)
            for pair in same:
                QTreeWidgetItem(group, ["Unchanged", pair.old, pair.new, self._text(new, pair.new)])

    def _combo(
        self, old_ref: str, candidates: Sequence[str], new: Mapping[str, Criterion]
    ) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"Counterpart of {old_ref}")
        combo.addItem("Choose…", None)
        for ref in candidates:
            combo.addItem(f"{ref}  {self._text(new, ref)[:60]}", ref)
        combo.addItem("Removed (no counterpart)", REMOVED)
        chosen = self._choices.get(old_ref, "")
        if old_ref in self._choices:
            combo.setCurrentIndex(max(0, combo.findData(REMOVED if chosen is None else chosen)))
        combo.currentIndexChanged.connect(lambda _i, r=old_ref, c=combo: self._chosen(r, c))
        self.combos[old_ref] = combo
        return combo

    def _chosen(self, old_ref: str, combo: QComboBox) -> None:
        value = combo.currentData()
        if value is None:
            self._choices.pop(old_ref, None)
        else:
            self._choices[old_ref] = None if value == REMOVED else str(value)
        self._say_status()
        self.completeChanged.emit()
        self._rerun.start()

    # -- QWizardPage -------------------------------------------------------------------------
    def isComplete(self) -> bool:
        """Ready when the preview is current and every ambiguous criterion has a choice."""
        preview = self.preview
        if preview is None or self.running or self._rerun.isActive():
            return False
        return all(a.old in self._choices for a in preview.match.ambiguous)
