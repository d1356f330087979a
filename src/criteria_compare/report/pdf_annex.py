"""The optional technical annex (``report --annex``): what the negotiation table does not need.

The aligner's settings, the import warnings, every account in the audit trail
(an operating-system account that only created the project included), the
changes by kind, and the audit trail as net changes: for each criterion and
kind of change, the value before the first change and after the last one,
leaving out changes that were undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from criteria_compare.importing.result import split_warning
from criteria_compare.model import HistoryEntry
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_method import reviewers_table
from criteria_compare.report.pdf_template import Heading
from criteria_compare.report.pdf_text import format_setting
from criteria_compare.report.times import short_time
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["MAX_IMPORT_WARNINGS", "MAX_NET_CHANGES", "NetChange", "net_changes", "technical_annex"]

#: Import warnings listed per program in the annex (the rest are counted).
MAX_IMPORT_WARNINGS = 40
#: Net changes listed in the annex, newest first (the workbook lists the whole trail).
MAX_NET_CHANGES = 300

#: History actions that concern one criterion (or pair) and can be reduced to a net change.
_NETTED = frozenset(
    {"status", "note", "discussion", "link", "unlink", "reject", "unreject", "pin", "unpin"}
)
_PAIRED = {"unlink": "link", "unreject": "reject", "unpin": "pin"}


@dataclass(frozen=True)
class NetChange:
    """One criterion's (or pair's) change of one kind, from its first old to its last new value."""

    timestamp: str
    reviewers: tuple[str, ...]
    action: str
    reference_ref: str
    partner_ref: str
    old_value: str
    new_value: str


def net_changes(history: Sequence[HistoryEntry]) -> tuple[NetChange, ...]:
    """The trail reduced to net changes, newest first; a change later undone leaves nothing.

    A link followed by an unlink (or a reject by an unreject, a pin by an
    unpin) of the same pair cancels out; a status set and set back does too.
    Rows that concern no criterion (creating the project, aligning, imports)
    are kept as they are.
    """
    groups: dict[tuple[str, str, str], list[HistoryEntry]] = {}
    kept: list[NetChange] = []
    for entry in sorted(history, key=lambda e: (e.timestamp, e.id)):
        action = _PAIRED.get(entry.action, entry.action)
        if entry.action in _NETTED and entry.reference_ref:
            key = (action, entry.reference_ref, entry.partner_ref or "")
            groups.setdefault(key, []).append(entry)
        else:
            kept.append(
                NetChange(
                    entry.timestamp,
                    (entry.reviewer,),
                    entry.action,
                    entry.reference_ref or "",
                    entry.partner_ref or "",
                    entry.old_value or "",
                    entry.new_value or "",
                )
            )
    for (action, ref, pref), entries in groups.items():
        first, last = entries[0], entries[-1]
        if action in ("link", "reject", "pin"):
            before = first.action != action  # an unlink first: the pair was linked before
            after = last.action == action
            if before == after:
                continue
            old = (first.old_value or "✓") if before else ""
            new = (last.new_value or "✓") if after else ""
            shown = action if after else next(k for k, v in _PAIRED.items() if v == action)
        else:
            old, new = first.old_value or "", last.new_value or ""
            if old == new:
                continue
            shown = action
        reviewers = tuple(dict.fromkeys(e.reviewer for e in entries))
        kept.append(NetChange(last.timestamp, reviewers, shown, ref, pref, old, new))
    return tuple(sorted(kept, key=lambda c: c.timestamp, reverse=True))


def technical_annex(b: StoryBuilder) -> list[Flowable]:
    """The whole annex, starting on a new page."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [
        PageBreak(),
        Heading(t("section.annex"), s.h1, level=0, key="annex"),
        b.markup_paragraph(t("annex.intro"), s.muted),
    ]
    # -- aligner settings
    out += b.h2(Heading(t("annex.settings"), s.h2, level=1, key="annex-settings"))
    if d.settings:
        pairs = [
            [
                b.escaped_paragraph(str(k).replace("_", " "), s.cell),
                b.escaped_paragraph(format_setting(v), s.cell),
            ]
            for k, v in d.settings.items()
        ]
        half = (len(pairs) + 1) // 2
        left, right = pairs[:half], pairs[half:]
        blank = [b.markup_paragraph("", s.cell), b.markup_paragraph("", s.cell)]
        head = b.head(t("annex.setting"), t("annex.value"), t("annex.setting"), t("annex.value"))
        rows: list[list[Any]] = [head]
        rows.extend(a + (right[i] if i < len(right) else blank) for i, a in enumerate(left))
        out.append(b.table(rows, b.cols(b.width, 0.27, 0.23, 0.27, 0.23)))
    else:
        out.append(b.markup_paragraph(t("annex.no_settings"), s.muted))
    for notice in d.notices:
        out.append(
            b.markup_paragraph(t("annex.aligner_note", note=b.escaped_markup(notice)), s.muted)
        )

    # -- import warnings
    out += b.h2(Heading(t("annex.warnings"), s.h2, level=1, key="annex-warnings"))
    total = len(d.reference.import_warnings) + len(d.partner.import_warnings)
    if not total:
        out.append(b.markup_paragraph(t("annex.no_warnings"), s.muted))
    else:
        out.append(b.markup_paragraph(t.n("annex.warnings_intro", total)))
        rows = [b.head(t("col.program"), t("annex.where"), t("annex.warning"))]
        for program in (d.reference, d.partner):
            shown = program.import_warnings[:MAX_IMPORT_WARNINGS]
            for sentence in shown:
                where, message = split_warning(sentence)
                rows.append(
                    [
                        b.escaped_paragraph(program.name, s.cell),
                        b.escaped_paragraph(where, s.cell),
                        b.escaped_paragraph(clipped(message, 400), s.cell),
                    ]
                )
            more = len(program.import_warnings) - len(shown)
            if more > 0:
                rows.append(
                    [
                        b.escaped_paragraph(program.name, s.cell),
                        b.markup_paragraph("", s.cell),
                        b.markup_paragraph(t.n("annex.warnings_more", more), s.cell_muted),
                    ]
                )
        out.append(b.table(rows, b.cols(b.width, 0.2, 0.28, 0.52)))

    # -- accounts
    out += b.h2(Heading(t("annex.accounts"), s.h2, level=1, key="annex-accounts"))
    if d.reviewers:
        out.append(b.markup_paragraph(t("annex.accounts_intro"), s.body))
        out.append(reviewers_table(b, d.reviewers))
    else:
        out.append(b.markup_paragraph(t("method.no_decision"), s.muted))

    # -- audit trail: by kind, then net changes
    out += b.h2(Heading(t("annex.history"), s.h2, level=1, key="annex-history"))
    if d.history_actions:
        recorded = sum(d.history_actions.values())
        out.append(b.markup_paragraph(t.n("annex.history_total", recorded)))
        rows = [b.head(t("annex.change"), t("annex.count"))]
        rows.extend(
            [
                b.markup_paragraph(escaped_markup(t.action(action)), s.cell),
                b.markup_paragraph(str(n), s.cell_right),
            ]
            for action, n in sorted(d.history_actions.items(), key=lambda kv: -kv[1])
        )
        out.append(b.table(rows, b.cols(b.width, 0.5, 0.15)))
    changes = net_changes(d.history)
    if changes:
        shown_changes = changes[:MAX_NET_CHANGES]
        out.append(CondPageBreak(140))
        out.append(Spacer(1, 6))
        out.append(b.markup_paragraph(t.n("annex.net_intro", len(changes)), s.body))
        if len(changes) > len(shown_changes):
            out.append(b.markup_paragraph(t("annex.net_cut", n=len(shown_changes)), s.muted))
        rows = [
            b.head(
                t("annex.when"),
                t("col.reviewer"),
                t("annex.change"),
                t("col.ref"),
                t("annex.before"),
                t("annex.after"),
            )
        ]
        rows.extend(
            [
                b.escaped_paragraph(short_time(c.timestamp), s.cell),
                b.escaped_paragraph(", ".join(c.reviewers), s.cell),
                b.markup_paragraph(escaped_markup(t.action(c.action)), s.cell),
                b.escaped_paragraph(
                    " → ".join(x for x in (c.reference_ref, c.partner_ref) if x), s.cell
                ),
                b.escaped_paragraph(clipped(t.history_value(c.action, c.old_value), 120), s.cell),
                b.escaped_paragraph(clipped(t.history_value(c.action, c.new_value), 120), s.cell),
            ]
            for c in shown_changes
        )
        out.extend(b.chunked_table(rows, b.cols(b.width, 0.15, 0.14, 0.13, 0.14, 0.22, 0.22), ()))
    if not d.history_actions and not d.history:
        out.append(b.markup_paragraph(t("annex.no_history"), s.muted))
    return out
