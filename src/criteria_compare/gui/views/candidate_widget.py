"""One candidate partner criterion in the focus pane: score bar, highlighted text, why line, state and controls."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from criteria_compare.align.calibration import suggestion_probability
from criteria_compare.align.evidence_words import (
    SCALE_WORDS,
    band_words,
    chance_words,
    channel_lines,
    content_spans,
    shown_terms,
)
from criteria_compare.gui.keys import combo_arrows
from criteria_compare.gui.models.suggestions import CandidateRow, CandidateState
from criteria_compare.gui.style import SPACING, highlight_color, mute
from criteria_compare.gui.views.guidance_fold import GuidanceFold
from criteria_compare.gui.views.reflow import ReflowGrid, wrapping
from criteria_compare.model import Band, Relation

__all__ = ["CandidateWidget", "RejectedWidget", "ScoreBar", "highlight_html", "why_text"]


def _merge(spans: Sequence[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight_html(text: str, spans: Sequence[tuple[int, int]], color: QColor | None) -> str:
    """``text`` as escaped HTML with the character ``spans`` on a ``color`` background."""
    out: list[str] = []
    pos = 0
    background = color.name() if color is not None else None
    for start, end in _merge(spans, len(text)) if background is not None else []:
        out.append(html.escape(text[pos:start]))
        out.append(
            f'<span style="background-color:{background}">{html.escape(text[start:end])}</span>'
        )
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def why_text(row: CandidateRow, source: str = "") -> str:
    """The partner section and the "why" line: shared words (of ``source``, the reference
    criterion's text, and the partner's) and section match."""
    s = row.suggestion
    section = row.partner.section
    if s is None:
        why = "Why: linked by hand" if row.state is CandidateState.MANUAL else ""
        return " · ".join(p for p in (section, why) if p)
    parts = []
    terms = shown_terms(source, row.partner.text, s.evidence)
    if terms:
        shown = ", ".join(terms[:8]) + (f" +{len(terms) - 8}" if len(terms) > 8 else "")
        parts.append(f"shared terms: {shown}")
    else:
        parts.append("no shared terms (meaning only)")
    if s.evidence.section_match:
        parts.append("matching section")
    why = "Why: " + " · ".join(parts)
    return f"{section} · {why}" if section else why


def score_tooltip(
    score: float | None,
    band: str,
    margin: float | None,
    channels: Mapping[str, float],
    chance: float | None = None,
) -> str:
    """The score's tooltip: the band in plain words, each channel on the same scale, the lead."""
    if score is None:
        return "Not suggested by the aligner: linked by hand."
    lines = [f"Score {score:.2f} of 1."]
    if chance is not None:
        lines.append(
            f"Suggestions like this one were right {chance_words(chance)} times on the test "
            "crosswalks: that chance (and the band) weighs the lead over the next candidate "
            "and how many measures agree, not the score alone."
        )
    if band:
        lines.append(band_words(Band(band)))
    if margin is not None:
        lines.append(f"Lead over the next candidate: {margin:+.2f}.")
    if channels:
        lines += ["", "What the score is made of:", *(f"• {c}" for c in channel_lines(channels))]
    lines += ["", SCALE_WORDS]
    return "\n".join(lines)


class ScoreBar(QWidget):
    """A thin bar for a score in [0, 1] with "High, right over 9 in 10 · +0.15" beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._score: float | None = None
        self._label = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_score(
        self,
        score: float | None,
        band: str = "",
        margin: float | None = None,
        channels: Mapping[str, float] | None = None,
        chance: float | None = None,
    ) -> None:
        """Show ``score`` with its band word (and the calibrated ``chance`` of being right) and
        the margin over the next candidate; the tooltip says what the band and each channel
        mean, on the score's scale."""
        self._score = score
        if score is None:
            self._label = "no score"
        else:
            # The calibrated chance replaces the raw score (still in the bar and the tooltip):
            # "score 1.00 · Medium" read as a contradiction.
            if band and chance is not None:
                parts = [f"{band}, right {chance_words(chance)}"]
            else:
                parts = [f"score {score:.2f}", band]
            if margin is not None and margin > 0:
                parts.append(f"+{margin:.2f}")
            self._label = " · ".join(p for p in parts if p)
        self.setAccessibleName(self._label)
        self.setToolTip(score_tooltip(score, band, margin, channels or {}, chance))
        self.updateGeometry()
        self.update()

    @property
    def label(self) -> str:
        return self._label

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(
            60 + SPACING + fm.horizontalAdvance("Medium, right over 9 in 10 · +0.00"), fm.height()
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pal = self.palette()
        h = self.height()
        bar = QRectF(0.5, h / 2 - 3.5, 60, 7)
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.setBrush(pal.color(QPalette.ColorRole.Base))
        painter.drawRect(bar)
        if self._score is not None:
            fill = QRectF(
                bar.x(), bar.y(), bar.width() * max(0.0, min(1.0, self._score)), bar.height()
            )
            painter.fillRect(fill, pal.color(QPalette.ColorRole.Highlight))
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        painter.drawText(
            QRectF(60 + SPACING, 0, self.width() - 60 - SPACING, h),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._label,
        )
        painter.end()


class CandidateWidget(QFrame):
    """One candidate: header (number, ref, section, score, state), text, why line, evidence, controls.

    Built once and reused with :meth:`set_row` as the reviewer moves, so moving
    to the next criterion creates no widgets.
    """

    confirmToggled = Signal(str)  # partner ref
    rejectRequested = Signal(str)
    restoreRequested = Signal(str)  # a card rejected during this visit: take it back
    relationChosen = Signal(str, object)  # partner ref, Relation
    focusRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: CandidateRow | None = None
        self._source = ""
        self._focused = False
        self._read_only = False
        self._target_spans: tuple[tuple[int, int], ...] = ()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("candidate")

        self._number = QLabel()
        self._ref = QLabel()
        self._score = ScoreBar()
        self._state = QLabel()
        self._relation = QComboBox()
        for rel in Relation:
            self._relation.addItem(rel.label, rel.value)  # Qt hands a str enum back as str
        combo_arrows([self._relation])
        self._relation.setToolTip(
            "Relation of the reference criterion to this partner criterion (R cycles)"
        )
        self._confirm = QToolButton()
        self._confirm.setCheckable(True)
        self._reject = QToolButton()
        self._text = wrapping(QLabel())
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._why = wrapping(mute(QLabel()))
        self._evidence = wrapping(mute(QLabel()))
        self._evidence.setVisible(False)
        # The partner program's own guidance (its "explanatory notes"), collapsed like the
        # reference side's implementation guidance.
        self._guidance = GuidanceFold("Partner guidance", "Show the partner's guidance")

        bold = self._ref.font()
        bold.setBold(True)
        self._ref.setFont(bold)
        self._number.setFont(bold)
        self._number.setMinimumWidth(self.fontMetrics().horizontalAdvance("00"))

        # Number, ref and score on the left, state and controls on the right; in a narrow
        # pane the controls wrap below instead of being cut off.
        left = QWidget()
        left_row = QHBoxLayout(left)
        left_row.setContentsMargins(0, 0, 0, 0)
        left_row.setSpacing(SPACING)
        left_row.addWidget(self._number)
        left_row.addWidget(self._ref)
        left_row.addSpacing(SPACING)
        left_row.addWidget(self._score)
        left_row.addStretch(1)
        right = QWidget()
        right_row = QHBoxLayout(right)
        right_row.setContentsMargins(0, 0, 0, 0)
        right_row.setSpacing(SPACING)
        right_row.addStretch(1)
        right_row.addWidget(self._state)
        right_row.addWidget(self._relation)
        right_row.addWidget(self._confirm)
        right_row.addWidget(self._reject)
        self._head = ReflowGrid([left, right], (2, 1), SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        layout.setSpacing(2)
        layout.addWidget(self._head)
        layout.addWidget(self._text)
        layout.addWidget(self._why)
        layout.addWidget(self._guidance)
        layout.addWidget(self._evidence)

        self._confirm.clicked.connect(self._on_confirm)
        self._reject.clicked.connect(self._on_reject)
        self._relation.activated.connect(self._on_relation)

    # -- content ---------------------------------------------------------------------------
    @property
    def row(self) -> CandidateRow | None:
        return self._row

    def set_row(self, row: CandidateRow, margin: float | None = None, source: str = "") -> None:
        """Show candidate ``row``; ``margin`` is its lead over the next candidate; ``source``
        is the reference criterion's text (for the shared words)."""
        self._row = row
        self._source = source
        s = row.suggestion
        n = row.number
        self._number.setText(str(n) if n else "")
        self._ref.setText(row.partner_ref)
        self._score.set_score(
            s.score if s else None,
            s.band.value if s else "",
            margin,
            s.evidence.channels if s else None,
            suggestion_probability(s) if s else None,
        )
        # A card rejected during this visit has lost its suggestion: no "no score" (which
        # reads like a link made by hand), the state says "rejected".
        self._score.setVisible(s is not None or not row.rejected)
        self._state.setText(row.state_text if not row.confirmed else row.state.value)
        self._relation.setVisible(row.confirmed)
        if row.relation is not None:
            self._relation.setCurrentIndex(self._relation.findData(row.relation.value))
        self._relation.setAccessibleName(f"Relation to {row.partner_ref}")
        self._confirm.setChecked(row.confirmed)
        self._confirm.setText("Unlink" if row.confirmed else "Confirm")
        keyed = 1 <= n <= 5
        self._confirm.setToolTip(
            ("Remove the link" if row.confirmed else "Confirm as a link")
            + (f" ({n})" if keyed else " (L on the marked card)")
        )
        self._confirm.setAccessibleName(f"Confirm {row.partner_ref}")
        self._confirm.setVisible(not row.rejected)
        if row.rejected:
            self._reject.setText("Restore")
            self._reject.setToolTip(
                "Take the rejection back"
                + (f" (Shift+{n})" if keyed else " (X on the marked card)")
            )
            self._reject.setAccessibleName(f"Restore {row.partner_ref}")
        else:
            self._reject.setText("Reject")
            self._reject.setToolTip(
                "Reject; never proposed again"
                + (f" (Shift+{n})" if keyed else " (X on the marked card)")
            )
            self._reject.setAccessibleName(f"Reject {row.partner_ref}")
        self._reject.setVisible(not row.confirmed)
        # A card rejected during this visit keeps its place and number, greyed.
        for label in (self._ref, self._text, self._number, self._state):
            label.setEnabled(not row.rejected)
        self._target_spans = content_spans(row.partner.text, s.evidence.target_spans) if s else ()
        self._render_text()
        self._guidance.set_guidance(row.partner.guidance)  # collapsed for each new candidate
        self._why.setText(why_text(row, source))
        self._why.setVisible(bool(self._why.text()))
        self._evidence.setText(self._evidence_text())
        score = f"{self._score.label}, " if not self._score.isHidden() else ""
        self.setAccessibleName(f"Candidate {n}: {row.partner_ref}, {score}{row.state_text}")

    def _evidence_text(self) -> str:
        row = self._row
        if row is None or row.suggestion is None:
            return "No evidence: this pair was linked by hand."
        ev = row.suggestion.evidence
        channels = " · ".join(channel_lines(ev.channels)) or "n/a"
        terms = ", ".join(shown_terms(self._source, row.partner.text, ev)) or "none"
        return (
            f"Evidence (0 = nothing in common, 1 = the same) — {channels}; all shared terms: "
            f"{terms}; rank {row.suggestion.rank}; lead over the next {ev.margin:+.2f}"
        )

    def _render_text(self) -> None:
        if self._row is None:
            return
        color = highlight_color(self.palette()) if self._target_spans else None
        self._text.setText(highlight_html(self._row.partner.text, self._target_spans, color))

    def set_read_only(self, read_only: bool) -> None:
        """Disable confirm, reject and relation (a read-only project); the text stays readable."""
        self._read_only = read_only
        for control in (self._confirm, self._reject, self._relation):
            control.setEnabled(not read_only)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def set_focused(self, focused: bool) -> None:
        """Mark this candidate as the one R and W act on (a highlight bar on its left edge)."""
        if focused != self._focused:
            self._focused = focused
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._focused:
            painter = QPainter(self)
            painter.fillRect(
                0, 0, 4, self.height(), self.palette().color(QPalette.ColorRole.Highlight)
            )
            painter.end()

    @property
    def header_columns(self) -> int:
        """2 when the controls sit beside the score, 1 when they wrapped below it."""
        return self._head.columns

    @property
    def focused(self) -> bool:
        return self._focused

    @property
    def guidance_toggle(self) -> QToolButton:
        """The button that shows or hides the partner's guidance (hidden when it has none)."""
        return self._guidance.toggle

    def guidance_shown(self) -> str:
        """The partner guidance on screen ("" while collapsed)."""
        return self._guidance.shown_text()

    def set_evidence_visible(self, visible: bool) -> None:
        """Show or hide the per-channel evidence line."""
        self._evidence.setVisible(visible)

    def evidence_visible(self) -> bool:
        return not self._evidence.isHidden()

    def text_html(self) -> str:
        """The rendered (highlighted) candidate text."""
        return self._text.text()

    # -- events ----------------------------------------------------------------------------
    def _on_confirm(self) -> None:
        if self._row is not None:
            self._confirm.setChecked(self._row.confirmed)  # the project decides
            self.confirmToggled.emit(self._row.partner_ref)

    def _on_reject(self) -> None:
        if self._row is not None:
            if self._row.rejected:
                self.restoreRequested.emit(self._row.partner_ref)
            else:
                self.rejectRequested.emit(self._row.partner_ref)

    def _on_relation(self, index: int) -> None:
        if self._row is not None:
            self.relationChosen.emit(
                self._row.partner_ref, Relation(self._relation.itemData(index))
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._row is not None:
            self.focusRequested.emit(self._row.partner_ref)
        super().mousePressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._render_text()


class RejectedWidget(QFrame):
    """A rejected candidate, collapsed to one line; its text can be shown and the rejection undone."""

    restoreRequested = Signal(str)

    def __init__(
        self, row: CandidateRow, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(parent)
        self._row = row
        self._ref = QLabel(f"Rejected: <b>{html.escape(row.partner_ref)}</b>")
        self._section = mute(QLabel(row.partner.section))
        self._section.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._show = QToolButton()
        self._show.setText("Show")
        self._show.setCheckable(True)
        self._show.setAccessibleName(f"Show rejected {row.partner_ref}")
        self._restore = QToolButton()
        self._restore.setText("Restore")
        self._restore.setToolTip("Undo the rejection; the pair may be suggested again")
        self._restore.setAccessibleName(f"Restore rejected {row.partner_ref}")
        self._restore.setEnabled(not read_only)
        self._text = wrapping(mute(QLabel(row.partner.text)))
        self._text.setVisible(False)
        head = QHBoxLayout()
        head.setSpacing(SPACING)
        head.addWidget(self._ref)
        head.addWidget(self._section, 1)
        head.addWidget(self._show)
        head.addWidget(self._restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, 0, SPACING, 0)
        layout.addLayout(head)
        layout.addWidget(self._text)
        self._show.toggled.connect(self._text.setVisible)
        self._restore.clicked.connect(lambda: self.restoreRequested.emit(self._row.partner_ref))

    @property
    def partner_ref(self) -> str:
        return self._row.partner_ref

    @property
    def restore_button(self) -> QToolButton:
        return self._restore
