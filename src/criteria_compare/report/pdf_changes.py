"""The PDF appendix "Changes since the previous edition": what the last update of each program changed.

For every side whose program was updated, the criteria added, removed,
reworded, renumbered, split and merged, each with a word-level redline of its
old and new text (removed words struck through in red, added words underlined
in green on a light tint) and the state of the decision carried with it (or,
for a removed criterion, the decision that went with it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from criteria_compare.model import Relation, Status
from criteria_compare.report.data import CHANGE_ORDER, ChangeRow, EditionsInfo
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_template import Heading
from criteria_compare.textdiff import redline

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = [
    "CHANGES_TITLE",
    "REDLINE_ADDED",
    "REDLINE_REMOVED",
    "changes_appendix",
    "redline_markup",
]

#: The appendix's title in English (the catalogue's "section.changes").
CHANGES_TITLE = "Changes since the previous edition"

#: Colours of the redline (removed: struck through in red; added: underlined green on a tint).
REDLINE_REMOVED = "#B3261E"
REDLINE_ADDED = "#1B6E3A"
_ADDED_TINT = "#E3F4E8"


def redline_markup(builder: StoryBuilder, old: str, new: str) -> str:
    """Paragraph markup of the word-level redline from ``old`` to ``new`` (user text escaped)."""
    parts = []
    previous = ""
    for span in redline(old, new):
        text = builder.escaped_markup(span.text)
        if span.kind == "added" and previous and not previous[-1].isspace():
            parts.append(" ")  # a replaced run: keep its removed and added words apart
        previous = span.text
        if span.kind == "removed":
            parts.append(f'<strike><font color="{REDLINE_REMOVED}">{text}</font></strike>')
        elif span.kind == "added":
            parts.append(
                f'<u><font color="{REDLINE_ADDED}" backColor="{_ADDED_TINT}">{text}</font></u>'
            )
        else:
            parts.append(text)
    return "".join(parts)


def _refs(row: ChangeRow) -> str:
    if row.old_ref and row.new_ref and row.old_ref != row.new_ref:
        return f"{escaped_markup(row.old_ref)} → {escaped_markup(row.new_ref)}"
    return escaped_markup(row.new_ref or row.old_ref or "")


def _text(builder: StoryBuilder, row: ChangeRow) -> str:
    if row.change == "added":
        return redline_markup(builder, "", row.new_text)
    if row.change == "removed":
        return redline_markup(builder, row.old_text, "")
    if row.old_text == row.new_text:
        return builder.escaped_markup(row.new_text)
    return redline_markup(builder, row.old_text, row.new_text)


def _intro(builder: StoryBuilder, info: EditionsInfo) -> str:
    t = builder.t
    previous, current = info.editions[-2], info.editions[-1]

    def name(e: Any) -> str:
        parts = [builder.escaped_markup(p) for p in (e.label, e.source_file) if p]
        return t("changes.edition", n=e.number) + (f" ({', '.join(parts)})" if parts else "")

    counts = ", ".join(
        f"{n} {t(f'changes.kind.{kind}').lower()}" for kind, n in info.counts().items() if n
    )
    return t(
        f"changes.intro_{info.side}",
        program=builder.escaped_markup(info.program),
        previous=name(previous),
        current=name(current),
        date=escaped_markup(current.imported_at[:10]),
        who=builder.escaped_markup(current.imported_by or t("changes.unnamed")),
        counts=counts or t("changes.nothing"),
    )


def state_words(builder: StoryBuilder, state: str) -> str:
    """A carried decision's state (written by report.collect in English) in the report's language.

    The state is built of a few fixed words ("Aligned; links P-2 (equal); holds",
    "linked from 2.1 (Partial; to be checked again)", "Dropped: …"); refs stay as written.
    """
    t = builder.t
    if t.language == "en" or not state:
        return state
    words = {
        "to be checked again": t("changes.state_check"),
        "holds": t("changes.state_holds"),
        "links": t("changes.state_links"),
    }
    words.update({status.label: t.status(status) for status in Status})
    words.update({f"({relation.label})": f"({t.relation(relation)})" for relation in Relation})
    text = re.sub(r"^Dropped: ", t("changes.state_dropped") + " ", state)
    text = re.sub(r"linked from (\S+)", lambda m: t("changes.state_linked_from", ref=m[1]), text)
    pattern = "|".join(
        rf"(?<!\w){re.escape(w)}(?!\w)" if not w.startswith("(") else re.escape(w)
        for w in sorted(words, key=len, reverse=True)
    )
    text = re.sub(pattern, lambda m: words[m[0]], text)
    return text.replace("; ", "\u00a0; ") if t.language == "fr" else text


def _no_decision(builder: StoryBuilder, side: str, kind: str) -> str:
    if kind == "added":
        return builder.t("status.unreviewed" if side == "reference" else "cell.not_linked_yet")
    return builder.t("changes.no_decision")


def changes_appendix(builder: StoryBuilder) -> list[Flowable]:
    """The appendix, or nothing when neither program was updated."""
    d, s = builder.data, builder.s
    updated = [info for info in d.editions if len(info.editions) > 1]
    if not updated:
        return []
    out: list[Flowable] = [
        CondPageBreak(250),
        Heading(builder.t("section.changes"), s.h1, level=0, key="changes"),
        builder.markup_paragraph(builder.t("changes.key"), s.muted),
    ]
    widths = builder.cols(builder.width, 0.14, 0.58, 0.28)
    for index, info in enumerate(updated):
        out += builder.h2(
            Heading(
                builder.t(f"changes.side_{info.side}"),
                s.h2,
                level=1,
                key=f"changes-{index}",
            )
        )
        out.append(builder.markup_paragraph(_intro(builder, info), s.body))
        for kind in CHANGE_ORDER:
            rows = [row for row in info.changes if row.change == kind]
            if not rows:
                continue
            out.append(CondPageBreak(90))  # the label never ends a page without its table
            out.append(
                builder.markup_paragraph(
                    f"<b>{builder.t(f'changes.kind.{kind}')} ({len(rows)})</b>", s.body
                )
            )
            t = builder.t
            table: list[list[Any]] = [
                builder.head(t("col.ref"), t("changes.text"), t("changes.decision"))
            ]
            table.extend(
                [
                    builder.markup_paragraph(_refs(row), s.cell_bold),
                    builder.markup_paragraph(_text(builder, row), s.cell),
                    builder.escaped_paragraph(
                        state_words(builder, row.state) or _no_decision(builder, info.side, kind),
                        s.cell,
                    ),
                ]
                for row in rows
            )
            out += builder.chunked_table(table, widths, ())
            out.append(Spacer(1, 6))
    return out
