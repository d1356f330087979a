"""The review screen: header line, queue | focus | partner panes; every reviewer action is an undoable project write."""

from __future__ import annotations

import contextlib
import functools
import html
import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QByteArray, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QPalette, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QLabel, QSplitter, QVBoxLayout, QWidget

from criteria_compare.errors import CriteriaCompareError, VerdictRuleError
from criteria_compare.gui.actions import WRITE_ACTIONS
from criteria_compare.gui.keys import OwnKeys, own_keys
from criteria_compare.gui.models.criteria_table import QueueCounts
from criteria_compare.gui.models.sort_proxy import QueueFilter
from criteria_compare.gui.models.suggestions import candidate_rows
from criteria_compare.gui.style import MARGIN, SPACING, subtle_fill
from criteria_compare.gui.undo import (
    ChangeNotifier,
    ProjectCommand,
    apply_command,
    decide_command,
    decision_command,
    note_command,
    push,
    relation_command,
)
from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
from criteria_compare.gui.views.focus_pane import FocusData, FocusPane, relation_after
from criteria_compare.gui.views.partner_pane import PartnerPane
from criteria_compare.gui.views.progress_dialog import ProgressDialog
from criteria_compare.gui.views.queue_pane import QueuePane
from criteria_compare.gui.views.review_data import ReviewData
from criteria_compare.gui.views.rule_messages import verdict_message
from criteria_compare.gui.workers import Worker, project_pool
from criteria_compare.model import Relation, Status
from criteria_compare.progress import check_cancel
from criteria_compare.project import Decision, Project
from criteria_compare.workflow import review
from criteria_compare.workflow.bulk import clear_winners

__all__ = ["REVIEW_ACTIONS", "ReviewView", "counts_text", "read_only_text"]

HISTORY_SHOWN = 8
BULK_IN_WORKER = 200  # bulk steps over this many criteria are written off the GUI thread

# The actions this view connects (the shell connects the file/app ones).
REVIEW_ACTIONS: tuple[str, ...] = (
    "next",
    "previous",
    "next_unreviewed",
    "previous_unreviewed",
    *(f"confirm_{n}" for n in range(1, 6)),
    *(f"reject_{n}" for n in range(1, 6)),
    "verdict_aligned",
    "verdict_partial",
    "verdict_gap",
    "verdict_conflict",
    "verdict_na",
    "cycle_relation",
    "edit_note",
    "flag",
    "search",
    "expand_evidence",
    "commit_next",
    "bulk_confirm",
)

_VERDICT_ACTIONS = {
    "verdict_aligned": Status.ALIGNED,
    "verdict_partial": Status.PARTIAL,
    "verdict_gap": Status.GAP,
    "verdict_conflict": Status.CONFLICT,
    "verdict_na": Status.NOT_APPLICABLE,
}


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
    why = f" ({html.escape(reason)})" if reason else ""
    return (
        f"<b>Read-only</b>{why}: you can read, search and export this comparison, but not "
        "change it. To review it, use File → Save a copy… and open the copy."
    )


class ReviewView(QWidget):
    """Three panes over one open project; the project file is the only state."""

    countsChanged = Signal()

    def __init__(
        self,
        project: Project,
        undo_stack: QUndoStack,
        actions: Mapping[str, QAction],
        parent: QWidget | None = None,
        *,
        prepared: ReviewData | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self._project = project
        self._stack = undo_stack
        self._actions = dict(actions)
        self._notifier = ChangeNotifier(self)
        self._current: str | None = None
        self._partners = project.partner.by_ref()
        self._references = project.reference.by_ref()
        self._partner_sections: list[str] = []
        self._links_of: dict[str, frozenset[str]] = {}
        self._action_handlers: dict[QAction, Callable[[], None]] = {}
        self._disabled_actions: list[QAction] = []
        self._write_gate: Callable[[Callable[[], object]], bool] | None = None
        self._bulk_worker: Worker | None = None  # a big bulk step being written
        self._bulk_command: ProjectCommand | None = None
        self._detached = False
        self._read_only = bool(getattr(project, "read_only", False))

        self._programs = QLabel()
        self._programs.setAccessibleName("Programs compared")
        bold = self._programs.font()
        bold.setBold(True)
        self._programs.setFont(bold)
        self._counts = QLabel()
        self._counts.setAccessibleName("Review progress")
        self._counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._read_only_banner = QLabel()
        self._read_only_banner.setObjectName("readOnlyBanner")
        self._read_only_banner.setAccessibleName("Read-only project")
        self._read_only_banner.setWordWrap(True)
        self._read_only_banner.setTextFormat(Qt.TextFormat.RichText)
        self._read_only_banner.setAutoFillBackground(True)
        self._read_only_banner.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        self._read_only_banner.setVisible(False)
        self.queue = QueuePane()
        self.focus = FocusPane()
        self.partners = PartnerPane()
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self.queue)
        self._splitter.addWidget(self.focus)
        self._splitter.addWidget(self.partners)
        self._splitter.setStretchFactor(0, 0)
        self._splitter.setStretchFactor(1, 1)
        self._splitter.setStretchFactor(2, 0)
        self._splitter.setSizes([380, 640, 420])

        header = QVBoxLayout()
        header.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        header.setSpacing(2)
        header.addWidget(self._programs)
        header.addWidget(self._counts)
        header.addSpacing(2)
        header.addWidget(self._read_only_banner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addLayout(header)
        layout.addWidget(self._splitter, 1)

        self.queue.currentRefChanged.connect(self._show_ref)
        self.focus.confirmToggled.connect(self.toggle_link)
        self.focus.rejectRequested.connect(self.reject)
        self.focus.unrejectRequested.connect(self.unreject)
        self.focus.relationChosen.connect(self.set_relation)
        self.focus.verdictChosen.connect(self.set_verdict)
        self.focus.flagToggled.connect(self.set_flag)
        self.focus.noteCommitted.connect(self.commit_note)
        self.focus.noteLeft.connect(self.queue.focus_queue)
        self.partners.linkRequested.connect(self.link_manual)
        self.partners.jumpRequested.connect(self.select_ref)
        self.partners.leaveRequested.connect(self.queue.focus_queue)
        self.setFocusProxy(self.queue.view)
        # Every other list on this screen moves with its own arrows (and J/K) when focused.
        own_keys(
            v
            for v in self.findChildren(QAbstractItemView)
            if v is not self.queue.view
            and v.window() is self.window()
            and v.findChild(OwnKeys) is None
        )
        self._notifier.changed.connect(self._on_changed)
        self._notifier.restored.connect(self._on_restored)
        self._connect_actions()
        self._apply_read_only()
        self.reload(prepared)

    # -- public API (used by the shell) ------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @property
    def read_only(self) -> bool:
        """True when the project was opened read-only: navigation works, writing controls are off."""
        return self._read_only

    def read_only_banner_text(self) -> str:
        """The read-only banner's text, without markup ("" when the project can be changed)."""
        if not self._read_only:
            return ""
        return html.unescape(re.sub(r"<[^>]+>", "", self._read_only_banner.text()))

    def current_ref(self) -> str | None:
        """The reference criterion on screen."""
        return self._current

    def select_ref(self, ref: str) -> None:
        """Show reference criterion ``ref`` (clears the queue filter if it hides it)."""
        if ref not in self._references:
            return
        if not self.queue.select_ref(ref):
            self.queue.set_filter(QueueFilter())
            self.queue.select_ref(ref)
        if self._current != ref:
            self._show_ref(ref)

    def reload(self, prepared: ReviewData | None = None) -> None:
        """Re-read everything from the project (after opening or re-aligning); keeps the current criterion.

        ``prepared`` (read by the worker that opened the project) saves reading the
        queue rows and links again on the GUI thread.
        """
        keep = self._current
        self._partners = self._project.partner.by_ref()
        self._references = self._project.reference.by_ref()
        self._partner_sections = list(
            dict.fromkeys(c.section for c in self._project.partner.criteria)
        )
        links = prepared.links if prepared is not None else self._project.links()
        grouped: dict[str, set[str]] = {}
        for link in links:
            grouped.setdefault(link.reference_ref, set()).add(link.partner_ref)
        self._links_of = {ref: frozenset(prefs) for ref, prefs in grouped.items()}
        self.queue.model.set_project(
            self._project, prepared.queue if prepared is not None else None
        )
        self.partners.set_criteria(self._project.partner.criteria, links)
        self.partners.set_program_name(self._project.partner.name)
        ref_p, par_p = self._project.reference, self._project.partner
        self._programs.setText(
            f"{ref_p.name} {ref_p.version}".strip()
            + "  ⇄  "
            + f"{par_p.name} {par_p.version}".strip()
        )
        self._current = None
        target = keep if keep in self._references else None
        if target is None:
            target = self.queue.model.next_unreviewed(None)
        if target is None:
            refs = self.queue.model.refs()
            target = refs[0] if refs else None
        if target is not None:
            self.select_ref(target)
        else:
            self.focus.show_data(None)
        self._update_header()
        self.queue.focus_queue()

    def save_state(self) -> QByteArray:
        """Splitter sizes, for the shell's settings."""
        return self._splitter.saveState()

    def restore_state(self, state: QByteArray) -> None:
        """Restore splitter sizes saved by :meth:`save_state`."""
        if state is not None and not state.isEmpty():
            self._splitter.restoreState(state)

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) reference criteria, from the queue (no project read)."""
        counts = self.queue.model.counts()
        return counts.reviewed, counts.total

    def header_text(self) -> str:
        """The progress line, e.g. "Reviewed 37/152 (24 %) · Aligned 20 · … · next unreviewed: 4.3"."""
        return self._counts.text()

    def programs_text(self) -> str:
        return self._programs.text()

    def set_write_gate(self, gate: Callable[[Callable[[], object]], bool] | None) -> None:
        """Ask ``gate(proceed)`` before each write; when it returns True it will call ``proceed`` later.

        The shell uses it to ask for the reviewer's name at the first decision, so the
        decision that prompted the question is recorded under that name.
        """
        self._write_gate = gate

    def flush(self) -> None:
        """Commit a note still being typed (call before closing the project)."""
        self.focus.flush_note()

    def detach(self) -> None:
        """Disconnect from the shared actions (call before throwing the view away)."""
        if self.busy:
            self.wait_for_bulk()
        self._detached = True
        self.flush()
        for action, handler in self._action_handlers.items():
            with contextlib.suppress(RuntimeError, TypeError):
                action.triggered.disconnect(handler)
            self.removeAction(action)
        self._action_handlers.clear()
        for action in self._disabled_actions:
            with contextlib.suppress(RuntimeError):
                action.setEnabled(True)
        self._disabled_actions.clear()

    # -- actions -----------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "next": self.next_criterion,
            "previous": self.previous_criterion,
            "next_unreviewed": self.next_unreviewed,
            "previous_unreviewed": self.previous_unreviewed,
            "cycle_relation": self.cycle_relation,
            "edit_note": self.focus.edit_note,
            "flag": self.toggle_flag,
            "search": self.partners.focus_search,
            "expand_evidence": self.focus.toggle_evidence,
            "commit_next": self.commit_next,
            "bulk_confirm": self.open_bulk_confirm,
        }
        for name, action in self._actions.items():
            if name not in REVIEW_ACTIONS:
                continue
            handler = handlers.get(name) or self._on_numbered_or_verdict
            action.triggered.connect(handler)
            self._action_handlers[action] = handler
            self.addAction(action)  # shortcuts work wherever the view is shown

    def _apply_read_only(self) -> None:
        """A read-only project: say so in the header and switch off every control that writes."""
        if not self._read_only:
            return
        reason = str(getattr(self._project, "read_only_reason", "") or "")
        self._read_only_banner.setText(read_only_text(reason))
        self._read_only_banner.setToolTip(f"{self._project.path}")
        self._read_only_banner.setVisible(True)
        self._style_banner()
        self.focus.set_read_only(True)
        self.partners.set_read_only(True)
        for name in sorted(WRITE_ACTIONS):
            action = self._actions.get(name)
            if action is not None and action.isEnabled():
                action.setEnabled(False)
                self._disabled_actions.append(action)

    def _style_banner(self) -> None:
        pal = self._read_only_banner.palette()
        pal.setColor(QPalette.ColorRole.Window, subtle_fill(self.palette()))
        self._read_only_banner.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._read_only:
            self._style_banner()

    def _on_numbered_or_verdict(self) -> None:
        action = self.sender()
        name = next((n for n, a in self._actions.items() if a is action), "")
        if name.startswith("confirm_"):
            self.confirm_number(int(name.rsplit("_", 1)[1]))
        elif name.startswith("reject_"):
            self.reject_number(int(name.rsplit("_", 1)[1]))
        elif name in _VERDICT_ACTIONS:
            self.set_verdict(_VERDICT_ACTIONS[name])

    # -- navigation --------------------------------------------------------------------------
    def next_criterion(self) -> None:
        self.focus.flush_note()
        self.queue.step(1)

    def previous_criterion(self) -> None:
        self.focus.flush_note()
        self.queue.step(-1)

    def next_unreviewed(self, *, backwards: bool = False) -> None:
        """Go to the next unreviewed criterion shown by the filter (else anywhere, clearing it)."""
        self.focus.flush_note()
        visible = self.queue.visible_refs()
        if backwards:
            visible.reverse()
        model = self.queue.model
        start = visible.index(self._current) + 1 if self._current in visible else 0
        for ref in visible[start:] + visible[:start]:
            entry = model.entry_for(ref)
            if ref != self._current and entry is not None and not entry.reviewed:
                self.select_ref(ref)
                return
        ref = model.next_unreviewed(self._current, backwards=backwards)
        if ref is not None:
            self.select_ref(ref)

    def previous_unreviewed(self) -> None:
        self.next_unreviewed(backwards=True)

    def commit_next(self) -> None:
        """Save the note being typed and go to the next unreviewed criterion."""
        self.next_unreviewed()

    def _show_ref(self, ref: str) -> None:
        if ref == self._current:
            return
        self.focus.flush_note()
        self._current = ref
        self._refresh_focus(keep_view=False)
        self._update_header()

    def _focus_data(self, ref: str) -> FocusData:
        p = self._project
        candidates, rejected = candidate_rows(p, ref, self._partners)
        return FocusData(
            criterion=self._references[ref],
            assessment=p.assessment(ref),
            candidates=candidates,
            rejected=rejected,
            history=p.history(ref, limit=HISTORY_SHOWN),
        )

    def _refresh_focus(self, *, keep_view: bool) -> None:
        ref = self._current
        if ref is None:
            self.focus.show_data(None)
            return
        data = self._focus_data(ref)
        self.focus.show_data(data, keep_view=keep_view)
        # "Same section first": partner sections named like the criterion's, then the
        # sections of its candidates in rank order.
        section = data.criterion.section.casefold()
        same = [s for s in self._partner_sections if section and s.casefold() == section]
        related = same + [r.partner.section for r in data.candidates]
        links = [r.partner_ref for r in data.candidates if r.confirmed]
        self.partners.set_current(ref, related, links)

    # -- writes ------------------------------------------------------------------------------
    def _run(self, command: ProjectCommand, notice: str = "") -> bool:
        """Push ``command``; a refused action shows its one sentence inline (a broken verdict rule in keys)."""
        if self._read_only:
            self.focus.show_message("The project is open read-only; nothing was changed.")
            return False
        if self.busy:
            self.focus.show_message("A bulk step is still being written; try again in a moment.")
            return False
        gate = self._write_gate
        if gate is not None and gate(functools.partial(self._run, command, notice)):
            return False  # runs once the gate says so (e.g. the reviewer's name was given)
        try:
            push(self._stack, command)
        except VerdictRuleError as exc:
            self.focus.show_message(verdict_message(exc.violation))
            return False
        except CriteriaCompareError as exc:
            self.focus.show_message(str(exc))
            return False
        if notice:
            self.focus.show_message(notice)
        else:
            self.focus.clear_message()
        return True

    def _targets(self) -> list[str]:
        """The selected criteria when several are selected, else the current one."""
        selected = self.queue.selected_refs()
        if len(selected) > 1:
            return selected
        return [self._current] if self._current else []

    def confirm_number(self, n: int) -> None:
        """Toggle the link to candidate ``n`` of the current criterion."""
        row = self.focus.data.candidates[n - 1] if self._has_candidate(n) else None
        if row is None:
            self.focus.show_message(f"There is no candidate {n} for {self._current}.")
            return
        self.focus.focus_candidate(row.partner_ref)
        self.toggle_link(row.partner_ref)

    def reject_number(self, n: int) -> None:
        """Reject candidate ``n`` of the current criterion."""
        row = self.focus.data.candidates[n - 1] if self._has_candidate(n) else None
        if row is None:
            self.focus.show_message(f"There is no candidate {n} for {self._current}.")
            return
        self.reject(row.partner_ref)

    def _has_candidate(self, n: int) -> bool:
        data = self.focus.data
        return data is not None and 1 <= n <= len(data.candidates)

    def _decide(self, decision: Decision, text: str) -> bool:
        """Push ``decision`` as the review policy applies it; a verdict it resets is said inline."""
        planned, reset = review.plan(self._project, decision)
        command = decision_command(self._project, planned, text, self._notifier)
        return self._run(command, reset.message if reset is not None else "")

    def toggle_link(self, partner_ref: str) -> None:
        """Confirm the pair with ``partner_ref`` (equal), or remove the link if it is confirmed."""
        ref = self._current
        if ref is None:
            return
        if partner_ref in {lk.partner_ref for lk in self._project.links(ref)}:
            self._decide(Decision(ref, unlink=(partner_ref,)), f"Unlink {ref} → {partner_ref}")
        else:
            self._decide(
                Decision(ref, link=((partner_ref, Relation.EQUAL),)),
                f"Confirm {ref} → {partner_ref}",
            )

    def link_manual(self, partner_ref: str) -> None:
        """Link ``partner_ref`` by hand to the current criterion (from the partner pane)."""
        ref = self._current
        if ref is None:
            return
        if partner_ref in {lk.partner_ref for lk in self._project.links(ref)}:
            self.focus.show_message(f"{ref} is already linked to {partner_ref}.")
            return
        self._decide(
            Decision(ref, link=((partner_ref, Relation.EQUAL),)),
            f"Link {ref} to {partner_ref} by hand",
        )

    def reject(self, partner_ref: str) -> None:
        """Reject the pair with ``partner_ref``; it is never suggested again."""
        ref = self._current
        if ref is not None:
            self._decide(Decision(ref, reject=(partner_ref,)), f"Reject {ref} → {partner_ref}")

    def unreject(self, partner_ref: str) -> None:
        ref = self._current
        if ref is not None:
            self._run(
                decide_command(
                    self._project,
                    ref,
                    f"Restore {ref} → {partner_ref}",
                    self._notifier,
                    unreject=(partner_ref,),
                )
            )

    def set_relation(self, partner_ref: str, relation: Relation) -> None:
        ref = self._current
        if ref is not None:
            self._run(relation_command(self._project, ref, partner_ref, relation, self._notifier))

    def cycle_relation(self) -> None:
        """Cycle the relation of the focused link (or the first link)."""
        data = self.focus.data
        if data is None:
            return
        row = self.focus.focused_row()
        if row is None or not row.confirmed:
            row = next((r for r in data.candidates if r.confirmed), None)
        if row is None or row.relation is None:
            self.focus.show_message("There is no confirmed link to change; confirm one with 1–5.")
            return
        self.focus.focus_candidate(row.partner_ref)
        self.set_relation(row.partner_ref, relation_after(row.relation))

    def set_verdict(self, status: Status) -> None:
        """Set the verdict of the current (or every selected) criterion; the note being typed goes with it."""
        targets = self._targets()
        if not targets:
            return
        note = self.focus.pending_note()
        if len(targets) == 1:
            ref = targets[0]
            changes: dict[str, object] = {"status": status}
            if note is not None and ref == self._current:
                changes["note"] = note
            if self._run(
                decide_command(
                    self._project, ref, f"{ref}: {status.label}", self._notifier, **changes
                )
            ):
                self.focus.flush_note()  # marks the note as saved
            return
        self.focus.flush_note()
        decisions = [Decision(ref=r, status=status) for r in targets]
        self._run(
            apply_command(
                self._project,
                decisions,
                f"{len(targets)} criteria: {status.label}",
                bulk=False,
                notifier=self._notifier,
            )
        )

    def toggle_flag(self) -> None:
        """Flag the current (or every selected) criterion for discussion, or take the flag off."""
        targets = self._targets()
        if not targets:
            return
        on = not all(self._project.assessment(r).discussion for r in targets)
        self._set_flag(targets, on)

    def set_flag(self, on: bool) -> None:
        self._set_flag(self._targets(), on)

    def _set_flag(self, targets: Sequence[str], on: bool) -> None:
        if not targets:
            return
        word = "Flag" if on else "Unflag"
        if len(targets) == 1:
            ref = targets[0]
            self._run(
                decide_command(self._project, ref, f"{word} {ref}", self._notifier, discussion=on)
            )
            return
        decisions = [Decision(ref=r, discussion=on) for r in targets]
        self._run(
            apply_command(
                self._project,
                decisions,
                f"{word} {len(targets)} criteria",
                bulk=False,
                notifier=self._notifier,
            )
        )

    def commit_note(self, ref: str, note: str) -> None:
        """Store the note of ``ref`` (autosave); consecutive edits are one undo step."""
        self._run(note_command(self._project, ref, note, self._notifier))

    def open_bulk_confirm(self) -> BulkConfirmDialog:
        """Show the "Confirm clear winners" preview; applying it is one undo step."""
        self.focus.flush_note()
        dialog = BulkConfirmDialog(clear_winners(self._project), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_bulk(dialog.decisions()))
        dialog.open()
        return dialog

    def apply_bulk(self, decisions: Sequence[Decision]) -> bool:
        """Apply decisions in one transaction and one undo step, recorded as bulk.

        Up to BULK_IN_WORKER criteria are written at once; more are written by the
        project's worker (progress shown, other writes wait) and the undo step is
        added when the transaction is done. True when written or started.
        """
        if not decisions:
            return False
        n = len(decisions)
        command = apply_command(
            self._project,
            list(decisions),
            f"Confirm {n} clear winner{'s' if n != 1 else ''}",
            bulk=True,
            notifier=self._notifier,
        )
        if n <= BULK_IN_WORKER:
            return self._run(command)
        return self._run_in_worker(command)

    @property
    def busy(self) -> bool:
        """True while a big bulk step is being written (other writes are refused meanwhile)."""
        return self._bulk_worker is not None

    def wait_for_bulk(self, msecs: int = 30000) -> bool:
        """Block until a bulk step written in the worker is done (closing, tests)."""
        return project_pool().waitForDone(msecs)

    def _run_in_worker(self, command: ProjectCommand) -> bool:
        if self._read_only or self.busy:
            return self._run(command)  # says why nothing happens
        gate = self._write_gate
        if gate is not None and gate(functools.partial(self._run_in_worker, command)):
            return False
        n = len(command.refs)

        def job(progress: Callable[[int, int, str], None], cancel: Callable[[], bool]) -> None:
            progress(0, 1, f"Writing {n} decisions in one step…")
            check_cancel(cancel)
            command.execute()
            progress(1, 1, "Done.")

        worker = Worker(job, name="bulk confirmation")
        worker.signals.finished.connect(self._bulk_finished)
        worker.signals.failed.connect(self._bulk_failed)
        worker.signals.cancelled.connect(self._bulk_failed)
        self._bulk_worker, self._bulk_command = worker, command
        ProgressDialog(worker, command.text(), self)
        worker.start(project_pool())
        return True

    def _bulk_finished(self, _result: object) -> None:
        command = self._bulk_command
        self._bulk_worker = self._bulk_command = None
        if self._detached:  # the project was closed meanwhile: the decisions are on disk
            return
        if command is not None and command.changed_anything:
            self._stack.push(command)  # already written: the first redo only repaints
        self.focus.clear_message()

    def _bulk_failed(self, message: object = None) -> None:
        self._bulk_worker = self._bulk_command = None
        text = message if isinstance(message, str) else "The bulk step was cancelled."
        self.focus.show_message(f"{text} Nothing was changed.")

    # -- reacting to changes -----------------------------------------------------------------
    def _on_changed(self, refs: list[str]) -> None:
        self.queue.model.refresh(refs)
        many = len(refs) > 40  # a bulk step: one read of every link instead of one per criterion
        all_links = self._project.links() if many else ()
        by_ref: dict[str, set[str]] = {}
        by_partner: dict[str, list[str]] = {}
        for link in all_links:
            by_ref.setdefault(link.reference_ref, set()).add(link.partner_ref)
            by_partner.setdefault(link.partner_ref, []).append(link.reference_ref)
        partner_refs: set[str] = set()
        for ref in refs:
            if many:
                new = frozenset(by_ref.get(ref, ()))
            else:
                new = frozenset(lk.partner_ref for lk in self._project.links(ref))
            partner_refs |= new ^ self._links_of.get(ref, frozenset())
            self._links_of[ref] = new
        if partner_refs:
            self.partners.model.update_used_by(
                {
                    p: by_partner.get(p, [])
                    if many
                    else [lk.reference_ref for lk in self._project.links_for_partner(p)]
                    for p in partner_refs
                }
            )
            self.partners.model.refilter()
        if self._current in refs:
            self._refresh_focus(keep_view=True)
        self._update_header()

    def _on_restored(self, refs: list[str]) -> None:
        """After undo/redo, show the criterion that changed."""
        if refs and self._current not in refs:
            self.select_ref(refs[0])

    def _update_header(self) -> None:
        model = self.queue.model
        self._counts.setText(counts_text(model.counts(), model.next_unreviewed(self._current)))
        self.countsChanged.emit()
