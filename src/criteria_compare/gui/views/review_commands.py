"""The review screen's decisions: each reviewer action becomes one undoable project write, under the review policy."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from criteria_compare.gui.models.suggestions import CandidateRow
from criteria_compare.gui.undo import (
    ChangeNotifier,
    StillHoldsCommand,
    apply_command,
    decide_command,
    decision_command,
    note_command,
    relation_command,
)
from criteria_compare.gui.views.bulk_confirm import BulkConfirmDialog
from criteria_compare.gui.views.focus_pane import FocusPane, relation_after
from criteria_compare.gui.views.queue_pane import QueuePane
from criteria_compare.gui.views.review_writer import ReviewWriter
from criteria_compare.model import Relation, Status
from criteria_compare.project import Decision, Project
from criteria_compare.workflow import review
from criteria_compare.workflow.bulk import clear_winners

__all__ = ["BULK_IN_WORKER", "ReviewCommands"]

BULK_IN_WORKER = 200  # bulk steps over this many criteria are written off the GUI thread


def _reject_key(n: int) -> str:
    """The key that rejects (or restores) candidate ``n``: Shift+n for 1–5, else X on its card."""
    return f"Shift+{n}" if 1 <= n <= 5 else "X on its card"


class ReviewCommands(QObject):
    """What the keys, buttons and panes of the review screen do to the project."""

    def __init__(
        self,
        project: Project,
        writer: ReviewWriter,
        notifier: ChangeNotifier,
        focus: FocusPane,
        queue: QueuePane,
        current: Callable[[], str | None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._writer = writer
        self._notifier = notifier
        self._focus = focus
        self._queue = queue
        self._current = current
        self._dialog_parent = parent
        self.notice: Callable[[str], object] = lambda _text: None  # the screen's notice line

    def _targets(self) -> list[str]:
        """The selected criteria when several are selected, else the current one."""
        selected = self._queue.selected_refs()
        if len(selected) > 1:
            return selected
        ref = self._current()
        return [ref] if ref else []

    def _decide(self, decision: Decision, text: str) -> bool:
        """Push ``decision`` as the review policy applies it; a verdict it resets is said inline."""
        planned, reset = review.plan(self._project, decision)
        command = decision_command(self._project, planned, text, self._notifier)
        return self._writer.run(command, reset.message if reset is not None else "")

    # -- candidates and links ----------------------------------------------------------------
    def _candidate(self, n: int) -> CandidateRow | None:
        data = self._focus.data
        row = next((r for r in data.candidates if r.number == n), None) if data else None
        if row is None:
            self._focus.show_message(f"There is no candidate {n} for {self._current()}.")
        return row

    def confirm_number(self, n: int) -> None:
        """Toggle the link to candidate ``n`` of the current criterion."""
        row = self._candidate(n)
        if row is not None:
            self._focus.focus_candidate(row.partner_ref)
            self._confirm_row(row)

    def reject_number(self, n: int) -> None:
        """Reject candidate ``n`` of the current criterion (restore it if it was rejected)."""
        row = self._candidate(n)
        if row is not None:
            self._focus.focus_candidate(row.partner_ref)
            self._reject_row(row)

    def confirm_marked(self) -> None:
        """Toggle the link to the marked candidate card (the one Left/Right move to)."""
        row = self._focus.focused_row()
        if row is None:
            self._focus.show_message(f"There is no candidate to confirm for {self._current()}.")
        else:
            self._confirm_row(row)

    def reject_marked(self) -> None:
        """Reject the marked candidate card, or restore it if it was rejected."""
        row = self._focus.focused_row()
        if row is None:
            self._focus.show_message(f"There is no candidate to reject for {self._current()}.")
        else:
            self._reject_row(row)

    def _confirm_row(self, row: CandidateRow) -> None:
        if row.rejected:
            self._focus.show_message(
                f"Candidate {row.number} ({row.partner_ref}) is rejected; "
                f"{_reject_key(row.number)} takes the rejection back."
            )
            return
        self.toggle_link(row.partner_ref)

    def _reject_row(self, row: CandidateRow) -> None:
        if row.rejected:
            self.unreject(row.partner_ref)
        else:
            self.reject(row.partner_ref)

    def toggle_link(self, partner_ref: str) -> None:
        """Confirm the pair with ``partner_ref`` (equal), or remove the link if it is confirmed."""
        ref = self._current()
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
        ref = self._current()
        if ref is None:
            return
        if partner_ref in {lk.partner_ref for lk in self._project.links(ref)}:
            self._focus.show_message(f"{ref} is already linked to {partner_ref}.")
            return
        self._focus.focus_candidate(partner_ref)  # R and W act on the link just made
        self._decide(
            Decision(ref, link=((partner_ref, Relation.EQUAL),)),
            f"Link {ref} to {partner_ref} by hand",
        )

    def reject(self, partner_ref: str) -> None:
        """Reject the pair with ``partner_ref``; it is never suggested again."""
        ref = self._current()
        if ref is not None:
            self._decide(Decision(ref, reject=(partner_ref,)), f"Reject {ref} → {partner_ref}")

    def unreject(self, partner_ref: str) -> None:
        ref = self._current()
        if ref is not None:
            self._decide(Decision(ref, unreject=(partner_ref,)), f"Restore {ref} → {partner_ref}")

    def set_relation(self, partner_ref: str, relation: Relation) -> None:
        ref = self._current()
        if ref is not None:
            self._writer.run(
                relation_command(self._project, ref, partner_ref, relation, self._notifier)
            )

    def cycle_relation(self) -> None:
        """Cycle the relation of the focused link (or, when none has the keyboard, the newest link)."""
        data = self._focus.data
        if data is None:
            return
        row = self._focus.focused_row()
        if row is None or not row.confirmed:
            # Nothing linked has the keyboard: the newest link, never an older one by accident.
            linked = [r for r in data.candidates if r.confirmed]
            row = max(linked, key=lambda r: r.link.timestamp if r.link else "", default=None)
        if row is None or row.relation is None:
            self._focus.show_message("There is no confirmed link to change; confirm one with 1–5.")
            return
        self._focus.focus_candidate(row.partner_ref)
        self.set_relation(row.partner_ref, relation_after(row.relation))

    # -- verdicts, flags, notes --------------------------------------------------------------
    def set_verdict(self, status: Status) -> None:
        """Set the verdict of the current (or every selected) criterion; the note being typed goes with it."""
        targets = self._targets()
        if not targets:
            return
        note = self._focus.pending_note()
        if len(targets) == 1:
            ref = targets[0]
            decision = Decision(ref, status=status)
            if note is not None and ref == self._current():
                decision = Decision(ref, status=status, note=note)
            if self._writer.run(
                decision_command(self._project, decision, f"{ref}: {status.label}", self._notifier)
            ):
                self._focus.flush_note()  # marks the note as saved
            return
        self._focus.flush_note()
        self._apply_selected(
            [Decision(ref=r, status=status) for r in targets],
            f"{len(targets)} criteria: {status.label}",
        )

    def toggle_flag(self) -> None:
        """Flag the current (or every selected) criterion for discussion, or take the flag off."""
        targets = self._targets()
        if targets:
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
            self._writer.run(
                decide_command(self._project, ref, f"{word} {ref}", self._notifier, discussion=on)
            )
            return
        self._apply_selected(
            [Decision(ref=r, discussion=on) for r in targets],
            f"{word} {len(targets)} criteria",
        )

    def _apply_selected(self, decisions: list[Decision], label: str) -> None:
        """One undo step for the same change on every selected criterion (not a bulk confirm)."""
        self._writer.run(
            apply_command(self._project, decisions, label, bulk=False, notifier=self._notifier)
        )

    def commit_note(self, ref: str, note: str) -> None:
        """Store the note of ``ref`` (autosave); consecutive edits are one undo step."""
        self._writer.run(note_command(self._project, ref, note, self._notifier))

    def confirm_unchanged(self) -> bool:
        """The current criterion's decision still holds for its changed texts (one undo step)."""
        ref = self._current()
        if ref is None:
            return False
        if not self._project.assessment(ref).suspect:
            self._focus.show_message(
                f"No text of {ref} or its links changed since the decision; nothing to confirm."
            )
            return False
        return self._writer.run(StillHoldsCommand(self._project, ref, self._notifier))

    # -- bulk --------------------------------------------------------------------------------
    def open_bulk_confirm(self) -> BulkConfirmDialog:
        """Show the "Confirm clear winners" preview; applying it is one undo step."""
        self._focus.flush_note()
        dialog = BulkConfirmDialog(clear_winners(self._project), self._dialog_parent)
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
        many = f"all {n}" if n != 1 else "it"
        if n <= BULK_IN_WORKER:
            done = self._writer.run(command)
            if done:
                self.notice(
                    f"Confirmed clear winners for {n} criteri{'a' if n != 1 else 'on'}, as the "
                    f"preview showed; Ctrl+Z takes {many} back in one step."
                )
            return done
        started = self._writer.run_in_worker(command)
        if started:
            self.notice(
                f"Confirming clear winners for {n} criteria in the background; once done, "
                f"Ctrl+Z takes {many} back in one step."
            )
        return started
