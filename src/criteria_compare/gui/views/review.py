"""The review screen: header line, queue | focus | partner panes; every reviewer action is an undoable project write.

This module lays out the panes, moves between criteria and repaints after changes. What
each action writes: ``review_commands``; how (undo, inline refusals, bulk in a worker):
``review_writer``; which key runs it: ``review_actions``; the header: ``review_header``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QToolButton, QVBoxLayout, QWidget

from criteria_compare.gui.click_grace import ClickGrace
from criteria_compare.gui.keys import OwnKeys, own_keys
from criteria_compare.gui.models.sort_proxy import QueueFilter
from criteria_compare.gui.models.suggestions import candidate_rows, keep_numbers
from criteria_compare.gui.style import SPACING
from criteria_compare.gui.undo import ChangeNotifier, ExclusionCommand
from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
from criteria_compare.gui.views.candidate_widget import CandidateWidget
from criteria_compare.gui.views.focus_pane import FocusData, FocusPane
from criteria_compare.gui.views.partner_pane import PartnerPane
from criteria_compare.gui.views.queue_pane import QueuePane
from criteria_compare.gui.views.redline_view import TextChange
from criteria_compare.gui.views.review_actions import ActionBinding, Handler, numbered
from criteria_compare.gui.views.review_commands import ReviewCommands
from criteria_compare.gui.views.review_data import LinkIndex, ReviewData
from criteria_compare.gui.views.review_header import ReviewHeader
from criteria_compare.gui.views.review_writer import ReviewWriter, WriteGate
from criteria_compare.model import Assessment, Criterion, Exclusion, Side, Status
from criteria_compare.project import Decision, Project
from criteria_compare.workflow.changes import changed_texts
from criteria_compare.workflow.refit_words import RefitSchedule

__all__ = ["ReviewView"]

HISTORY_SHOWN = 8
PANE_SHARE = 0.27  # of the window, for the queue and for the partner pane each
PANE_MAX = 440  # px; a wide window gives the rest to the candidates


class ReviewView(QWidget):
    """Three panes over one open project; the project file is the only state."""

    countsChanged = Signal()
    refitDue = Signal()  # another REFIT_EVERY links were confirmed: time for a background re-fit
    noticeActed = Signal()  # the notice line's button (the offered re-fit)

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
        self._notifier = ChangeNotifier(self)
        self._current: str | None = None
        self._partners: dict[str, Criterion] = {}
        self._references: dict[str, Criterion] = {}
        self._excluded: dict[str, Exclusion] = {}  # reference criteria out of the comparison
        self._partner_sections: list[str] = []
        self._links = LinkIndex()
        # Candidate numbers given during this visit of the current criterion (partner ref →
        # number): a digit key means the same card until the reviewer moves on.
        self._numbers: dict[str, int] = {}
        self._refit_schedule = RefitSchedule(0)

        self._header = ReviewHeader()
        self._header.noticeActed.connect(self.noticeActed)
        self.queue = QueuePane()
        self.focus = FocusPane()
        self.partners = PartnerPane()
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setChildrenCollapsible(False)
        for pane in (self.queue, self.focus, self.partners):
            self._splitter.addWidget(pane)
        for index, stretch in enumerate((0, 1, 0)):
            self._splitter.setStretchFactor(index, stretch)
        self._splitter.setSizes([380, 640, 420])
        # Until the reviewer drags a divider (or a saved layout is restored), the panes keep
        # their shares of the window, so a small window narrows all three instead of
        # squeezing the candidates.
        self._auto_sizes = True
        self._splitter.splitterMoved.connect(self._stop_auto_sizes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)
        layout.addWidget(self._header)
        layout.addWidget(self._splitter, 1)

        self._writer = ReviewWriter(undo_stack, self.focus, read_only=self.read_only, parent=self)
        self.commands = ReviewCommands(
            project, self._writer, self._notifier, self.focus, self.queue, self.current_ref, self
        )
        self.commands.notice = self.show_notice
        self._connect_panes()
        # A click that misses every control pauses the single-key commands for a moment.
        self.grace = ClickGrace(
            self, self.focus.show_message, self.queue.focus_queue, targets=(CandidateWidget,)
        )
        self._binding = ActionBinding(self, actions, self._action_handlers())
        if self.read_only:
            self._header.show_read_only(project.read_only_reason, str(project.path))
            self.focus.set_read_only(True)
            self.partners.set_read_only(True)
            self._binding.disable_writes()
        self.reload(prepared)

    def _connect_panes(self) -> None:
        c = self.commands
        self.queue.currentRefChanged.connect(self._show_ref)
        self.focus.confirmToggled.connect(c.toggle_link)
        self.focus.rejectRequested.connect(c.reject)
        self.focus.unrejectRequested.connect(c.unreject)
        self.focus.relationChosen.connect(c.set_relation)
        self.focus.verdictChosen.connect(c.set_verdict)
        self.focus.flagToggled.connect(c.set_flag)
        self.focus.noteCommitted.connect(c.commit_note)
        self.focus.noteLeft.connect(self.queue.focus_queue)
        self.focus.stillHoldsRequested.connect(self.confirm_unchanged)
        self.partners.linkRequested.connect(c.link_manual)
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

    def _action_handlers(self) -> dict[str, Handler]:
        c = self.commands
        return {
            "next": self.next_criterion,
            "previous": self.previous_criterion,
            "next_unreviewed": self.next_unreviewed,
            "previous_unreviewed": self.previous_unreviewed,
            "cycle_relation": c.cycle_relation,
            "edit_note": self.focus.edit_note,
            "flag": c.toggle_flag,
            "search": self.partners.focus_search,
            "expand_evidence": self.focus.toggle_evidence,
            "more_candidates": self.focus.toggle_more,
            "confirm_marked": c.confirm_marked,
            "reject_marked": c.reject_marked,
            "next_candidate": lambda: self.focus.step_candidate(1),
            "previous_candidate": lambda: self.focus.step_candidate(-1),
            "commit_next": self.commit_next,
            "exclude_criterion": self.exclude_current,
            "confirm_unchanged": self.confirm_unchanged,
            "bulk_confirm": c.open_bulk_confirm,
            **numbered(c.confirm_number, c.reject_number, c.set_verdict),
        }

    # -- public API (used by the shell) ------------------------------------------------------
    @property
    def project(self) -> Project:
        return self._project

    @property
    def notifier(self) -> ChangeNotifier:
        """Tells this screen which criteria a change touched (commands from other windows use it)."""
        return self._notifier

    @property
    def read_only(self) -> bool:
        """True when the project was opened read-only: navigation works, writing controls are off."""
        return self._project.read_only

    def read_only_banner_text(self) -> str:
        """The read-only banner's text, without markup ("" when the project can be changed)."""
        return self._header.banner_text()

    def current_ref(self) -> str | None:
        """The reference criterion on screen."""
        return self._current

    def select_ref(self, ref: str) -> None:
        """Show reference criterion ``ref`` (clears the queue filter if it hides it)."""
        if ref not in self._references and ref not in self._excluded:
            return
        if not self.queue.select_ref(ref):
            self.queue.set_filter(QueueFilter(excluded=ref in self._excluded))
            self.queue.select_ref(ref)
        if self._current != ref:
            self._show_ref(ref)

    def reload(self, prepared: ReviewData | None = None) -> None:
        """Re-read everything from the project (after opening or re-aligning); keeps the current criterion.

        ``prepared`` (read by the worker that opened the project) saves reading the
        queue rows and links again on the GUI thread.
        """
        keep = self._current
        p = self._project
        self._partners = p.partner.by_ref()
        self._references = p.reference.by_ref()
        self._excluded = {e.criterion.ref: e for e in p.excluded(Side.REFERENCE)}
        self._partner_sections = list(dict.fromkeys(c.section for c in p.partner.criteria))
        links = prepared.links if prepared is not None else p.links()
        self._links = LinkIndex(links)
        self._refit_schedule = RefitSchedule(self._links.count)
        self.queue.model.set_project(p, prepared.queue if prepared is not None else None)
        self.queue.view.fit_ref_column(list(self._references))
        self.partners.set_criteria(p.partner.criteria, links)
        self.partners.set_program_name(p.partner.name)
        self._header.set_programs(p.reference, p.partner)
        self._current = None
        target = keep if keep in self._references else self.queue.model.next_unreviewed(None)
        if target is None:
            refs = self.queue.model.refs()
            target = refs[0] if refs else None
        if target is not None:
            self.select_ref(target)
        else:
            self.focus.show_data(None)
        self._update_header()
        self.queue.focus_queue()

    def show_outside_changes(self) -> None:
        """Re-read what another program may have changed: queue rows, header counts, links and
        the detail pane (a note being typed stays); everything when the criteria changed."""
        p = self._project
        if list(p.reference.by_ref()) != list(self._references) or list(p.partner.by_ref()) != list(
            self._partners
        ):
            self.reload()
            return
        self._on_changed(list(self._references))

    def save_state(self) -> QByteArray:
        """Splitter sizes the reviewer chose, for the shell's settings (empty while they follow the window)."""
        return QByteArray() if self._auto_sizes else self._splitter.saveState()

    def restore_state(self, state: QByteArray) -> None:
        """Restore splitter sizes saved by :meth:`save_state`."""
        if state is not None and not state.isEmpty():
            self._splitter.restoreState(state)
            self._auto_sizes = False

    def pane_widths(self) -> list[int]:
        """The widths of the queue, focus and partner panes."""
        return self._splitter.sizes()

    def _stop_auto_sizes(self, *_: object) -> None:
        self._auto_sizes = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_sizes:
            self._share_panes(event.size().width())

    def _share_panes(self, width: int) -> None:
        handles = self._splitter.handleWidth() * (self._splitter.count() - 1)
        total = max(0, width - handles)
        side = max(0, min(PANE_MAX, int(total * PANE_SHARE)))
        queue = max(self.queue.minimumSizeHint().width(), side)
        partner = max(self.partners.minimumSizeHint().width(), side)
        self._splitter.setSizes([queue, max(0, total - queue - partner), partner])

    def progress(self) -> tuple[int, int]:
        """(reviewed, total) reference criteria, from the queue (no project read)."""
        counts = self.queue.model.counts()
        return counts.reviewed, counts.total

    def header_text(self) -> str:
        """The progress line, e.g. "Reviewed 37/152 (24 %) · Aligned 20 · … · next unreviewed: 4.3"."""
        return self._header.counts_text()

    def programs_text(self) -> str:
        return self._header.programs_text()

    def show_notice(self, text: str, action: str = "") -> None:
        """Say what just happened (or what is on offer) above the panes, without blocking."""
        self._header.show_notice(text, action)

    def clear_notice(self) -> None:
        self._header.clear_notice()

    def notice_text(self) -> str:
        return self._header.notice_text()

    @property
    def notice_button(self) -> QToolButton:
        return self._header.notice_button

    def set_write_gate(self, gate: WriteGate | None) -> None:
        """Ask ``gate(proceed)`` before each write; when it returns True it will call ``proceed`` later.

        The shell uses it to ask for the reviewer's name at the first decision, so the
        decision that prompted the question is recorded under that name.
        """
        self._writer.gate = gate

    def flush(self) -> None:
        """Commit a note still being typed (call before closing the project)."""
        self.focus.flush_note()

    def detach(self) -> None:
        """Disconnect from the shared actions (call before throwing the view away)."""
        if self.busy:
            self.wait_for_bulk()
        self._writer.detached = True
        self.grace.detach()
        self.flush()
        self._binding.release()

    # -- the commands, for the shell and scripts ---------------------------------------------
    def confirm_number(self, n: int) -> None:
        self.commands.confirm_number(n)

    def set_verdict(self, status: Status) -> None:
        self.commands.set_verdict(status)

    def toggle_flag(self) -> None:
        self.commands.toggle_flag()

    def open_bulk_confirm(self) -> BulkConfirmDialog:
        return self.commands.open_bulk_confirm()

    def apply_bulk(self, decisions: Sequence[Decision]) -> bool:
        return self.commands.apply_bulk(decisions)

    @property
    def busy(self) -> bool:
        """True while a big bulk step is being written (other writes are refused meanwhile)."""
        return self._writer.busy

    def wait_for_bulk(self, msecs: int = 30000) -> bool:
        return self._writer.wait_for_bulk(msecs)

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
        ref = self.queue.next_unreviewed(self._current, backwards=backwards)
        if ref is not None:
            self.select_ref(ref)

    def previous_unreviewed(self) -> None:
        self.next_unreviewed(backwards=True)

    def confirm_unchanged(self) -> None:
        """Keep the current decision for its changed texts, then go to the next changed criterion."""
        ref = self._current
        if ref is not None and self.commands.confirm_unchanged():
            following = self.queue.next_changed(ref)
            if following is not None:
                self.select_ref(following)

    def exclude_current(self) -> None:
        """Take the criterion on screen out of the comparison (one undo step; refused in one
        sentence while it carries a decision)."""
        ref = self._current
        if ref is None:
            return
        self.focus.flush_note()
        back = ref in self._excluded
        command = ExclusionCommand(self._project, ref, self._after_exclusion, restore=back)
        if not self._writer.run(command):
            return
        if back:
            self.show_notice(
                f"{ref} is back in the comparison; it gets suggestions at the next re-align "
                "(Review → Re-align suggestions). Ctrl+Z excludes it again."
            )
        else:
            self.show_notice(
                f"{ref} is out of the comparison: no longer counted, suggested or reported "
                "(the Excluded filter lists it). Ctrl+Z brings it back."
            )

    def _after_exclusion(self, ref: str, excluded: bool) -> None:
        self.reload()
        if not excluded:
            self.select_ref(ref)  # brought back: show it (suggestions come at the next re-align)
        elif self.queue.current_filter().excluded:
            self.queue.set_filter(QueueFilter())

    def commit_next(self) -> None:
        """Save the note being typed and go to the next unreviewed criterion."""
        self.next_unreviewed()

    def _show_ref(self, ref: str) -> None:
        if ref == self._current:
            return
        self.focus.flush_note()
        self._current = ref
        self._numbers = {}
        self._refresh_focus(keep_view=False)
        self._update_header()

    def _focus_data(self, ref: str) -> FocusData:
        p = self._project
        out = self._excluded.get(ref)
        if out is not None:  # no candidates, no decisions: only the way back
            return FocusData(
                criterion=out.criterion,
                assessment=Assessment(ref),
                history=p.history(ref, limit=HISTORY_SHOWN),
            )
        candidates, rejected = candidate_rows(p, ref, self._partners)
        candidates, rejected, self._numbers = keep_numbers(candidates, rejected, self._numbers)
        assessment = p.assessment(ref)
        changes = tuple(
            TextChange(c.side, c.new_ref or "", c.old_text, c.new_text, c.old_ref or "")
            for c in (changed_texts(p, ref) if assessment.suspect else ())
        )
        return FocusData(
            criterion=self._references[ref],
            assessment=assessment,
            candidates=candidates,
            rejected=rejected,
            history=p.history(ref, limit=HISTORY_SHOWN),
            changes=changes,
            position=p.position(ref),
        )

    def _refresh_focus(self, *, keep_view: bool) -> None:
        ref = self._current
        if ref is None:
            self.focus.show_data(None)
            return
        data = self._focus_data(ref)
        self.focus.show_data(data, keep_view=keep_view)
        out = self._excluded.get(ref)
        if out is not None:
            why = f" ({out.reason})" if out.reason and out.reason != "excluded" else ""
            self.focus.show_message(
                f"{ref} is excluded from the comparison{why}; Ctrl+Shift+X brings it back."
            )
        # "Same section first": partner sections named like the criterion's, then the
        # sections of its candidates in rank order.
        section = data.criterion.section.casefold()
        same = [s for s in self._partner_sections if section and s.casefold() == section]
        related = same + [r.partner.section for r in data.candidates if not r.rejected]
        links = [r.partner_ref for r in data.candidates if r.confirmed]
        self.partners.set_current(ref, related, links)

    # -- reacting to changes -----------------------------------------------------------------
    def _on_changed(self, refs: list[str]) -> None:
        self.queue.model.refresh(refs)
        used_by = self._links.update(self._project, refs)
        if used_by:
            self.partners.model.update_used_by(used_by)
            self.partners.model.refilter()
            if not self.read_only and self._refit_schedule.due(self._links.count):
                self.refitDue.emit()
        if self._current in refs:
            self._refresh_focus(keep_view=True)
        self._update_header()

    def _on_restored(self, refs: list[str]) -> None:
        """After undo/redo, show the criterion that changed."""
        if refs and self._current not in refs:
            self.select_ref(refs[0])

    def _update_header(self) -> None:
        model = self.queue.model
        self._header.set_counts(model.counts(), model.next_unreviewed(self._current))
        self.countsChanged.emit()
