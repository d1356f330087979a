"""Centre pane: the selected reference criterion, its candidates, the verdict bar, note, flag and history."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.align.evidence_words import content_spans
from criteria_compare.gui.models.suggestions import (
    SHOWN_CANDIDATES,
    CandidateRow,
)
from criteria_compare.gui.style import (
    MARGIN,
    SPACING,
    STATUS_GLYPHS,
    highlight_color,
    mute,
    subtle_fill,
)
from criteria_compare.gui.views.candidate_widget import (
    CandidateWidget,
    RejectedWidget,
    highlight_html,
)
from criteria_compare.gui.views.guidance_fold import GuidanceFold
from criteria_compare.gui.views.redline_view import RedlinePanel, TextChange
from criteria_compare.gui.views.reflow import ReflowGrid, wrapping
from criteria_compare.model import (
    Assessment,
    Criterion,
    HistoryEntry,
    Position,
    Relation,
    Stance,
    Status,
)

__all__ = [
    "NOTE_IDLE_MS",
    "VERDICTS",
    "FocusData",
    "FocusPane",
    "NoteEdit",
    "history_line",
    "relation_after",
]

NOTE_IDLE_MS = 1500  # the note is saved after this much idle time (and on leaving the editor)

VERDICTS: tuple[tuple[Status, str], ...] = (
    (Status.ALIGNED, "A"),
    (Status.PARTIAL, "P"),
    (Status.GAP, "G"),
    (Status.CONFLICT, "C"),
    (Status.NOT_APPLICABLE, "N"),
    (Status.UNREVIEWED, "U"),
)


@dataclass(frozen=True)
class FocusData:
    """Everything the focus pane shows about one reference criterion."""

    criterion: Criterion
    assessment: Assessment
    candidates: tuple[CandidateRow, ...] = ()
    rejected: tuple[CandidateRow, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    changes: tuple[TextChange, ...] = ()  # texts changed since the decision (a suspect one)
    position: Position | None = None  # the partner administration's, if imported


_ACTION_WORDS = {
    "status": "verdict",
    "discussion": "flag",
    "link": "linked",
    "unlink": "unlinked",
    "reject": "rejected",
    "unreject": "rejection taken back",
    "pin": "pinned",
    "unpin": "unpinned",
    "position": "partner's position",
    "merge": "merged",
    "resolve": "merge conflict resolved",
}


def _position_words(value: str | None) -> str:
    """A stored partner position (JSON with position, comment, round) as "Disagree (round 2)"."""
    try:
        data = json.loads(value or "")
        label = Stance(data["position"]).label or "no position"
        return f"{label} (round {int(data['round'])})"
    except (ValueError, KeyError, TypeError):
        return _short(value)


#: Characters of the partner's comment shown in the decision panel (the tooltip has all of it).
_PARTNER_COMMENT = 280


def _short(value: str | None, limit: int = 60) -> str:
    text = " ".join((value or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _word(value: str | None) -> str:
    """Stored values in the reviewer's words: relation and status labels, on/off for flags."""
    if value in ("true", "false"):
        return "on" if value == "true" else "off"
    for enum in (Relation, Status):
        try:
            return enum(value).label
        except ValueError:
            continue
    return _short(value)


_LIST = r"\[([^\]]*)\]"


def _state_words(value: str | None) -> str:
    """A saved criterion state ("status=gap; links=[P-1 equal]; discussion") in words."""
    if not value:
        return ""
    words: list[str] = []
    status = re.match(r"status=(\w+)", value)
    if status:
        words.append(_word(status.group(1)))
    links = re.search(r"links=" + _LIST, value)
    if links is not None:
        items = [i.split() for i in links.group(1).split(", ") if i.strip()]
        words.append(
            "linked " + ", ".join(f"{i[0]} ({_word(i[1])})" if len(i) > 1 else i[0] for i in items)
            if items
            else "no links"
        )
    rejected = re.search(r"rejected=" + _LIST, value)
    if rejected is not None:
        words.append(f"rejected {rejected.group(1)}")
    if re.search(r"(^|; )discussion(;|$)", value):
        words.append("flagged")
    if "; note=" in value:
        words.append("with a note")
    return ", ".join(words) if words else _short(value)


def history_line(entry: HistoryEntry) -> str:
    """One history entry as "2026-11-23 13:02 · alice · verdict: Unreviewed → Aligned"."""
    when = entry.timestamp.replace("T", " ")[:16]
    what = _ACTION_WORDS.get(entry.action, entry.action.replace("_", " "))
    if entry.partner_ref:
        what += f" {entry.partner_ref}"
    old, new = _word(entry.old_value), _word(entry.new_value)
    if entry.action in ("link", "reject", "unreject", "unlink", "pin", "unpin"):
        if entry.action == "link" and new:
            what += f" ({new})"
    elif entry.action == "confirm_unchanged":
        what = entry.new_value or "decision still holds"
    elif entry.action == "position":
        old, new = _position_words(entry.old_value), _position_words(entry.new_value)
        what += f": {old + ' → ' if entry.old_value else ''}{new}"
    elif entry.action in ("undo", "redo", "restore", "merge", "resolve"):
        state = _state_words(entry.new_value)
        what += f" → {state}" if state else ""
    elif old or new:
        what += f": {old or '—'} → {new or '—'}"
    bulk = " (bulk)" if entry.bulk else ""
    origin = f" ({entry.origin})" if entry.origin else ""
    return f"{when} · {entry.reviewer or 'unknown'} · {what}{bulk}{origin}"


class NoteEdit(QPlainTextEdit):
    """The note editor: Esc leaves it; losing focus saves it."""

    escaped = Signal()
    focusLost = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class FocusPane(QWidget):
    """Shows one criterion and turns the reviewer's clicks into signals (the view writes the project)."""

    confirmToggled = Signal(str)  # partner ref
    rejectRequested = Signal(str)
    unrejectRequested = Signal(str)
    relationChosen = Signal(str, object)  # partner ref, Relation
    verdictChosen = Signal(object)  # Status
    flagToggled = Signal(bool)
    noteCommitted = Signal(str, str)  # reference ref, note
    noteLeft = Signal()
    stillHoldsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: FocusData | None = None
        self._focused_ref: str | None = None
        self._more = False
        self._evidence_open: set[str] = set()
        self._saved_note = ""
        self._note_ref: str | None = None
        self._cards: list[CandidateWidget] = []
        self._rejected_widgets: list[RejectedWidget] = []
        self._read_only = False

        # criterion header
        self._ref = QLabel()
        big = self._ref.font()
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self._ref.setFont(big)
        self._ref.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._level = QLabel()
        self._level.setAutoFillBackground(True)
        self._level.setContentsMargins(SPACING, 1, SPACING, 1)
        self._section = mute(QLabel())
        self._section.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._suspect = wrapping(QLabel("! Text changed since the decision — look again"))
        self._suspect.setVisible(False)
        self.redline = RedlinePanel()
        self._text = wrapping(QLabel())
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text.setAccessibleName("Criterion text")
        text_font = self._text.font()
        text_font.setPointSizeF(text_font.pointSizeF() * 1.1)
        self._text.setFont(text_font)
        self.guidance = GuidanceFold("Implementation guidance", "Show implementation guidance")

        # candidates
        self._cand_title = QLabel()
        bold = self._cand_title.font()
        bold.setBold(True)
        self._cand_title.setFont(bold)
        self._cand_box = QVBoxLayout()
        self._cand_box.setSpacing(SPACING)
        self._more_button = QToolButton()
        self._more_button.setAutoRaise(True)
        self._more_button.setAccessibleName("Show more candidates")
        self._no_candidates = mute(
            QLabel(
                "No candidates. Search the partner criteria (/) to link one by hand, or decide Gap (G)."
            )
        )
        wrapping(self._no_candidates)
        self._rejected_toggle = QToolButton()
        self._rejected_toggle.setCheckable(True)
        self._rejected_toggle.setAutoRaise(True)
        self._rejected_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._rejected_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self._rejected_toggle.setAccessibleName("Show rejected candidates")
        self._rejected_box = QVBoxLayout()
        self._rejected_box.setSpacing(2)
        self._rejected_holder = QWidget()
        self._rejected_holder.setLayout(self._rejected_box)
        self._rejected_holder.setVisible(False)
        self._history_title = QLabel("History")
        self._history_title.setFont(bold)
        self._history = wrapping(mute(QLabel()))
        self._history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._history.setAccessibleName("History of this criterion")

        # decision panel (pinned below the scroll area)
        self._verdict_buttons: dict[Status, QToolButton] = {}
        for status, key in VERDICTS:
            button = QToolButton()
            button.setCheckable(True)
            button.setText(f"{STATUS_GLYPHS[status]} {status.label}  ({key})")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(f"Verdict {status.label}")
            button.setToolTip(
                f"Clear the verdict: back to {status.label} ({key})"
                if status is Status.UNREVIEWED
                else f"Set the verdict to {status.label} ({key})"
            )
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._verdict_buttons[status] = button
        self._message = wrapping(QLabel())
        self._message.setVisible(False)
        self._message.setAccessibleName("Verdict message")
        self._message.setAutoFillBackground(True)
        self._message.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        self._note = NoteEdit()
        self._note.setPlaceholderText(
            "Note (E): what is missing, which side is stricter, or why not applicable…"
        )
        self._note.setAccessibleName("Note")
        self._note.setTabChangesFocus(True)
        self._note.setFixedHeight(self._note.fontMetrics().lineSpacing() * 4 + 2 * MARGIN)
        self._partner = wrapping(QLabel())
        self._partner.setTextFormat(Qt.TextFormat.RichText)
        self._partner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._partner.setAccessibleName("The partner administration's position")
        self._partner.setAutoFillBackground(True)
        self._partner.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        self._partner.setVisible(False)
        self._flag = QCheckBox("Flag for discussion (F)")
        self._flag.setAccessibleName("Flag for discussion")
        self._saved_label = mute(QLabel())
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)

        # layouts
        head = QHBoxLayout()
        head.setSpacing(SPACING * 2)
        head.addWidget(self._ref)
        head.addWidget(self._level)
        head.addWidget(self._section, 1)
        content = QWidget()
        col = QVBoxLayout(content)
        col.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        col.setSpacing(SPACING)
        col.addLayout(head)
        col.addWidget(self._suspect)
        col.addWidget(self.redline)
        col.addWidget(self._text)
        col.addWidget(self.guidance)
        col.addSpacing(SPACING)
        col.addWidget(self._cand_title)
        col.addWidget(self._no_candidates)
        col.addLayout(self._cand_box)
        col.addWidget(self._more_button, 0, Qt.AlignmentFlag.AlignLeft)
        col.addWidget(self._rejected_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        col.addWidget(self._rejected_holder)
        col.addSpacing(SPACING)
        col.addWidget(self._history_title)
        col.addWidget(self._history)
        col.addStretch(1)
        self._scroll = QScrollArea()
        self._scroll.setWidget(content)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything wraps, so this bar only appears if a pane is made narrower than a card's
        # controls; then nothing is cut off without a way to reach it.
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._content = content

        # One row when the pane is wide enough, else 3 + 3 (or 2 + 2 + 2): never "Ali… (A)".
        self._verdicts = ReflowGrid(list(self._verdict_buttons.values()), (6, 3, 2), SPACING)
        flag_row = QHBoxLayout()
        flag_row.addWidget(self._flag)
        flag_row.addStretch(1)
        flag_row.addWidget(self._saved_label)
        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        panel_layout.setSpacing(SPACING)
        panel_layout.addWidget(self._verdicts)
        panel_layout.addWidget(self._message)
        panel_layout.addWidget(self._partner)
        panel_layout.addWidget(self._note)
        panel_layout.addLayout(flag_row)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._scroll, 1)
        outer.addWidget(panel)

        # connections
        self._more_button.clicked.connect(self.toggle_more)
        self._rejected_toggle.toggled.connect(self._on_rejected_toggled)
        for status, button in self._verdict_buttons.items():
            button.clicked.connect(lambda _=False, s=status: self._on_verdict_clicked(s))
        self._flag.clicked.connect(self._on_flag_clicked)
        self._note.textChanged.connect(self._note_timer.start)
        self._note_timer.timeout.connect(self.flush_note)
        self._note.focusLost.connect(self.flush_note)
        self._note.escaped.connect(self._on_note_escaped)
        self.redline.confirmRequested.connect(self.stillHoldsRequested)
        self._apply_palette()

    # -- showing a criterion ----------------------------------------------------------------
    @property
    def data(self) -> FocusData | None:
        return self._data

    def show_data(self, data: FocusData | None, *, keep_view: bool = False) -> None:
        """Show ``data`` (None: nothing selected). ``keep_view`` keeps scroll, focus and expansions."""
        same = (
            self._data is not None
            and data is not None
            and data.criterion.ref == self._data.criterion.ref
        )
        if not (same and keep_view):
            self.flush_note()
            self._more = False
            self._evidence_open.clear()
            self._focused_ref = None
            self.clear_message()
            self._rejected_toggle.setChecked(False)
        self._data = data
        self.setEnabled(data is not None)
        if data is None:
            self._ref.setText("")
            self._text.setText("No criterion selected.")
            self._fill_partner(None)
            return
        c, a = data.criterion, data.assessment
        self._ref.setText(c.ref)
        self._level.setText(c.level.value if c.level else "")
        self._level.setVisible(c.level is not None)
        self._level.setAccessibleName(f"Level {c.level.value}" if c.level else "")
        self._section.setText(c.section)
        self._section.setToolTip(c.section)
        self._suspect.setVisible(a.suspect)
        self.redline.show_changes(data.changes if a.suspect else ())
        self.guidance.set_guidance(c.guidance, collapse=not same)
        ids = {r.partner_ref for r in data.candidates}
        if self._focused_ref not in ids:
            self._focused_ref = data.candidates[0].partner_ref if data.candidates else None
        self._fill_candidates()
        self._fill_rejected()
        self._fill_decision(a)
        self._fill_partner(data.position)
        self._history.setText(
            "<br>".join(html.escape(history_line(h)) for h in data.history[:8])
            or "No decisions yet."
        )
        if not (same and keep_view):
            self._scroll.verticalScrollBar().setValue(0)

    def _visible_rows(self) -> list[CandidateRow]:
        assert self._data is not None
        if self._more:
            return list(self._data.candidates)
        return [r for r in self._data.candidates if r.number <= SHOWN_CANDIDATES or r.confirmed]

    def _card(self, i: int) -> CandidateWidget:
        while len(self._cards) <= i:  # built lazily, then reused
            card = CandidateWidget()
            card.confirmToggled.connect(self.confirmToggled)
            card.rejectRequested.connect(self.rejectRequested)
            card.restoreRequested.connect(self.unrejectRequested)
            card.relationChosen.connect(self.relationChosen)
            card.focusRequested.connect(self.focus_candidate)
            card.set_read_only(self._read_only)
            self._cand_box.addWidget(card)
            self._cards.append(card)
        return self._cards[i]

    def _fill_candidates(self) -> None:
        assert self._data is not None
        rows = self._visible_rows()
        for i, row in enumerate(rows):
            card = self._card(i)
            card.set_row(
                row,
                row.suggestion.evidence.margin if row.suggestion else None,
                self._data.criterion.text,
            )
            card.set_focused(row.partner_ref == self._focused_ref)
            card.set_evidence_visible(row.partner_ref in self._evidence_open)
            card.setVisible(True)
        for card in self._cards[len(rows) :]:
            card.setVisible(False)
        total = len(self._data.candidates)
        offered = sum(1 for r in self._data.candidates if not r.rejected)
        n_links = sum(1 for r in self._data.candidates if r.confirmed)
        linked = f" · {n_links} confirmed" if n_links else ""
        self._cand_title.setText(f"Candidates ({offered}){linked}" if total else "Candidates")
        self._no_candidates.setVisible(total == 0)
        hidden = total - len(rows)
        self._more_button.setVisible(hidden > 0 or (self._more and total > SHOWN_CANDIDATES))
        self._more_button.setText(f"More… ({hidden} more, M)" if hidden > 0 else "Fewer (M)")
        self._render_criterion_text()

    def _fill_rejected(self) -> None:
        assert self._data is not None
        for w in self._rejected_widgets:
            self._rejected_box.removeWidget(w)
            w.hide()
            w.deleteLater()
        self._rejected_widgets = []
        for row in self._data.rejected:
            w = RejectedWidget(row, read_only=self._read_only)
            w.restoreRequested.connect(self.unrejectRequested)
            self._rejected_box.addWidget(w)
            self._rejected_widgets.append(w)
        n = len(self._data.rejected)
        self._rejected_toggle.setVisible(n > 0)
        self._rejected_toggle.setText(f"{n} rejected")

    def _fill_decision(self, a: Assessment) -> None:
        for status, button in self._verdict_buttons.items():
            self._style_verdict(button, status is a.status)
        self._flag.setChecked(a.discussion)
        if (
            self._note_ref != a.reference_ref
            or self._note.toPlainText() == self._saved_note
            or (a.note != self._saved_note and not self._note.hasFocus())
        ):
            self._set_note_text(a.note)
        self._note_ref = a.reference_ref
        self._saved_label.setText(
            f"{a.status.label} · {a.reviewer} · {a.timestamp.replace('T', ' ')[:16]}"
            if a.timestamp
            else ""
        )

    def _fill_partner(self, position: Position | None) -> None:
        """Their position and comment, beside our verdict and note (hidden when they gave neither)."""
        if (
            position is not None
            and position.stance is Stance.BLANK
            and not position.comment.strip()
        ):
            position = None
        self._partner.setVisible(position is not None)
        if position is None:
            self._partner.clear()
            return
        label = position.stance.label or "No position given"
        comment = " ".join(position.comment.split())
        if len(comment) > _PARTNER_COMMENT:
            self._partner.setToolTip(position.comment)
            comment = comment[:_PARTNER_COMMENT] + "…"
        else:
            self._partner.setToolTip("")
        text = (
            f"<b>Partner administration</b> (round {position.round}): <b>{html.escape(label)}</b>"
        )
        if comment:
            text += f" — {html.escape(comment)}"
        self._partner.setText(text)

    @property
    def partner_label(self) -> QLabel:
        """The line showing the partner administration's position and comment."""
        return self._partner

    def _style_verdict(self, button: QToolButton, checked: bool) -> None:
        """Checked verdict: bold on the adaptive highlight, so the choice is clear in any palette."""
        button.setChecked(checked)
        font = button.font()
        if font.bold() != checked:
            font.setBold(checked)
            button.setFont(font)
        pal = self.palette()
        if checked:
            pal.setColor(QPalette.ColorRole.Button, highlight_color(pal))
        button.setPalette(pal)

    def _set_note_text(self, note: str) -> None:
        self._saved_note = note
        if self._note.toPlainText() != note:
            self._note.blockSignals(True)
            self._note.setPlainText(note)
            self._note.blockSignals(False)
        self._note_timer.stop()

    def _render_criterion_text(self) -> None:
        if self._data is None:
            return
        spans: tuple[tuple[int, int], ...] = ()
        row = self.focused_row()
        if row is not None and row.suggestion is not None:
            spans = content_spans(self._data.criterion.text, row.suggestion.evidence.source_spans)
        color = highlight_color(self.palette()) if spans else None
        self._text.setText(highlight_html(self._data.criterion.text, spans, color))

    def _apply_palette(self) -> None:
        for label in (self._level, self._message, self._partner):
            pal = label.palette()
            pal.setColor(QPalette.ColorRole.Window, subtle_fill(self.palette()))
            label.setPalette(pal)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
            self._render_criterion_text()
            for button in self._verdict_buttons.values():
                self._style_verdict(button, button.isChecked())

    # -- read-only ------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        """Show the criterion without the controls that write (a project opened read-only).

        The verdict bar, flag, confirm/reject/relation and restore are disabled; the
        note stays selectable but cannot be edited.
        """
        self.flush_note()
        self._read_only = read_only
        for button in self._verdict_buttons.values():
            button.setEnabled(not read_only)
        self._flag.setEnabled(not read_only)
        self.redline.set_read_only(read_only)
        self._note.setReadOnly(read_only)
        self._note.setPlaceholderText(
            "No note. The project is open read-only."
            if read_only
            else "Note (E): what is missing, which side is stricter, or why not applicable…"
        )
        for card in self._cards:
            card.set_read_only(read_only)
        for w in self._rejected_widgets:
            w.restore_button.setEnabled(not read_only)

    @property
    def read_only(self) -> bool:
        return self._read_only

    # -- candidates: focus, more, evidence -----------------------------------------------
    def focused_row(self) -> CandidateRow | None:
        """The candidate R and W act on."""
        if self._data is None:
            return None
        for row in self._data.candidates:
            if row.partner_ref == self._focused_ref:
                return row
        return None

    def focus_candidate(self, partner_ref: str) -> None:
        """Make ``partner_ref`` the focused candidate (highlights its shared terms in the criterion)."""
        self._focused_ref = partner_ref
        for card in self._cards:
            if card.isVisible() and card.row is not None:
                card.set_focused(card.row.partner_ref == partner_ref)
        self._render_criterion_text()

    def step_candidate(self, step: int) -> None:
        """Move the focused candidate ``step`` cards down (or up), scrolling it into view."""
        cards = [c for c in self.candidate_cards() if c.row is not None]
        if not cards:
            return
        refs = [c.row.partner_ref for c in cards if c.row is not None]
        at = refs.index(self._focused_ref) if self._focused_ref in refs else -1
        if (
            step > 0
            and at == len(cards) - 1
            and not self._more
            and not self._more_button.isHidden()
        ):
            # Past the last card shown: the hidden candidates come into view (as with M).
            self.toggle_more()
            cards = [c for c in self.candidate_cards() if c.row is not None]
            refs = [c.row.partner_ref for c in cards if c.row is not None]
        index = max(0, min(len(cards) - 1, at + step)) if at >= 0 else 0
        self.focus_candidate(refs[index])
        self._scroll.ensureWidgetVisible(cards[index], 0, SPACING)

    def toggle_more(self) -> None:
        """Show every candidate (up to 10 suggestions and the links), or back to the first 5."""
        self._more = not self._more
        if self._data is not None:
            self._fill_candidates()

    def toggle_evidence(self) -> None:
        """Expand or collapse the evidence of the focused candidate."""
        ref = self._focused_ref
        if ref is None:
            return
        self._evidence_open ^= {ref}
        for card in self._cards:
            if card.isVisible() and card.row is not None and card.row.partner_ref == ref:
                card.set_evidence_visible(ref in self._evidence_open)

    def candidate_cards(self) -> list[CandidateWidget]:
        """The candidate widgets currently shown."""
        return [c for c in self._cards if not c.isHidden()]

    def rejected_widgets(self) -> list[RejectedWidget]:
        return list(self._rejected_widgets)

    def _on_rejected_toggled(self, on: bool) -> None:
        self._rejected_holder.setVisible(on)
        self._rejected_toggle.setArrowType(
            Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
        )

    # -- decision -----------------------------------------------------------------------
    def _on_verdict_clicked(self, status: Status) -> None:
        if self._data is not None:  # the buttons show the stored verdict, not the click
            self._fill_decision(self._data.assessment)
        self.verdictChosen.emit(status)

    def _on_flag_clicked(self) -> None:
        if self._data is not None:
            want = not self._data.assessment.discussion
            self._flag.setChecked(self._data.assessment.discussion)
            self.flagToggled.emit(want)

    def checked_verdict(self) -> Status | None:
        """The verdict the bar shows as chosen (None when unreviewed)."""
        for status, button in self._verdict_buttons.items():
            if button.isChecked() and status is not Status.UNREVIEWED:
                return status
        return None

    def verdict_button(self, status: Status) -> QToolButton:
        return self._verdict_buttons[status]

    def flag_checked(self) -> bool:
        return self._flag.isChecked()

    def show_message(self, text: str) -> None:
        """Show a verdict-rule (or other) message inline under the verdict bar."""
        self._message.setText(f"⚠ {text}")
        self._message.setVisible(True)

    def clear_message(self) -> None:
        self._message.clear()
        self._message.setVisible(False)

    def message(self) -> str:
        return self._message.text() if not self._message.isHidden() else ""

    # -- note ---------------------------------------------------------------------------
    @property
    def note_edit(self) -> NoteEdit:
        return self._note

    def edit_note(self) -> None:
        """Put the keyboard in the note editor, cursor at the end."""
        self._note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._note.moveCursor(self._note.textCursor().MoveOperation.End)

    def pending_note(self) -> str | None:
        """The edited note if it differs from the stored one."""
        if self._read_only:
            return None
        text = self._note.toPlainText()
        return text if self._note_ref is not None and text != self._saved_note else None

    def flush_note(self) -> None:
        """Commit the edited note now (if it changed)."""
        self._note_timer.stop()
        text = self.pending_note()
        if text is not None and self._note_ref is not None:
            self._saved_note = text
            self.noteCommitted.emit(self._note_ref, text)

    def _on_note_escaped(self) -> None:
        self.flush_note()
        self.noteLeft.emit()


def relation_after(relation: Relation) -> Relation:
    """The next relation in the R cycle: equal → subset → superset → intersects → equal."""
    order = list(Relation)
    return order[(order.index(relation) + 1) % len(order)]
