"""The one-page "Key findings" after the cover: what a delegation needs first, in plain words.

Overall compatibility (shares of the reviewed criteria, Must first), the gaps
and conflicts among Must criteria by name, the security-relevant partner-only
criteria, the open discussion points and, once the partner's positions are in,
how many are agreed and how many remain open. Lists are cut so the page stays
one page; the sections after it hold everything.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Spacer

from criteria_compare.model import Criterion, Status
from criteria_compare.report.consensus import consensus_groups
from criteria_compare.report.data import Counts
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_styles import DRAFT_RED
from criteria_compare.report.pdf_template import Heading
from criteria_compare.wording import clipped

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["FINDINGS_LIMIT", "is_security_relevant", "key_findings"]

#: At most this many criteria are named in each list of the page.
FINDINGS_LIMIT = 8

#: Word stems that make a partner criterion security-relevant (English, Spanish, French).
_SECURITY = re.compile(
    r"secur|safety|\bseals?\b|\bsealed\b|container|trailer|conveyance|premises|perimeter|"
    r"\bfenc|\bgates?\b|\block(s|ed|ing)?\b|alarm|cctv|camera|\bguard|visitor|badge|"
    r"intrusion|unlawful entry|tamper|threat|terror|smuggl|contraband|background check|"
    r"cyber|password|malware|segur|precint|contenedor|remolque|instalaciones|perímetro|"
    r"\bcerca|candado|alarma|cámara|vigilan|visitante|intrus|amenaza|contrabando|sûreté|"
    r"sécurité|scellé|conteneur|remorque|locaux|clôture|serrure|alarme|caméra|gardien|"
    r"visiteur|menace|contrebande|informatique",
    re.IGNORECASE,
)


def is_security_relevant(criterion: Criterion) -> bool:
    """True if the criterion's text or section speaks of physical, personnel or IT security."""
    return bool(_SECURITY.search(f"{criterion.section} {criterion.text}"))


def _shares(b: StoryBuilder, counts: Counts) -> str:
    t = b.t
    parts = [
        t(
            "findings.share_part",
            status=escaped_markup(t.status(status).lower()),
            n=counts.count(status),
            share=t.percent(counts.share(status)),
        )
        for status in (Status.ALIGNED, Status.PARTIAL, Status.GAP, Status.CONFLICT)
    ]
    return ", ".join(parts)


def _named_list(
    b: StoryBuilder, items: list[tuple[str, str, str]], more: int, where: str = "findings.more"
) -> list[Flowable]:
    """``ref — text (tag)`` lines, then "… and N more" if the list was cut."""
    s, t = b.s, b.t
    out: list[Flowable] = []
    for ref, text, tag in items:
        tail = f" <font color='#5B6573'>({escaped_markup(tag)})</font>" if tag else ""
        out.append(
            b.markup_paragraph(
                f"• <b>{b.escaped_markup(ref)}</b> — {b.escaped_markup(clipped(text))}{tail}",
                s.findings_item,
            )
        )
    if more > 0:
        out.append(b.markup_paragraph(t.n(where, more), s.muted))
    return out


def key_findings(b: StoryBuilder) -> list[Flowable]:
    """The page, ending with a page break."""
    d, s, t = b.data, b.s, b.t
    counts = d.counts
    out: list[Flowable] = [Heading(t("section.findings"), s.h1, level=0, key="findings")]
    if d.is_draft:
        out.append(
            b.box(
                t.n("findings.draft", d.unreviewed, **d.draft_counts()),
                colors.HexColor("#FBE3E1"),
                DRAFT_RED,
                s.body,
            )
        )
        out.append(Spacer(1, 6))

    # -- overall compatibility
    out.append(b.markup_paragraph(t("findings.overall"), s.h2))
    must = d.counts_by_level().get("Must")
    lines: list[str] = []
    if must is not None and must.total:
        if must.reviewed:
            lines.append(
                t.n("findings.must", must.reviewed, shares=_shares(b, must))
                + (
                    " " + t.n("findings.must_left", must.count(Status.UNREVIEWED))
                    if must.count(Status.UNREVIEWED)
                    else ""
                )
            )
        else:
            lines.append(t("findings.must_none"))
    if counts.reviewed:
        lines.append(t.n("findings.all", counts.reviewed, shares=_shares(b, counts)))
    na = counts.count(Status.NOT_APPLICABLE)
    if na:
        lines.append(t.n("findings.na", na))
    out.extend(b.markup_paragraph(line) for line in lines)

    # -- Must gaps and conflicts by name
    must_rows = [
        r for r in d.rows if r.level == "Must" and r.status in (Status.GAP, Status.CONFLICT)
    ]
    out.append(b.markup_paragraph(t("findings.must_gaps", n=len(must_rows)), s.h2))
    if must_rows:
        items = [(r.ref, r.criterion.text, t.status(r.status)) for r in must_rows]
        out += _named_list(b, items[:FINDINGS_LIMIT], len(items) - FINDINGS_LIMIT)
    else:
        key = "findings.must_gaps_none_draft" if d.is_draft else "findings.must_gaps_none"
        out.append(b.markup_paragraph(t(key), s.muted))

    # -- security-relevant partner-only criteria
    security = [c for c in d.confirmed_partner_only if is_security_relevant(c)]
    out.append(b.markup_paragraph(t("findings.security", n=len(security)), s.h2))
    if security:
        out.append(b.markup_paragraph(t("findings.security_intro"), s.small))
        items = [(c.ref, c.text, c.section) for c in security]
        out += _named_list(
            b, items[:FINDINGS_LIMIT], len(items) - FINDINGS_LIMIT, "findings.more_po"
        )
    else:
        out.append(b.markup_paragraph(t("findings.security_none"), s.muted))
    if d.not_yet_linked:
        out.append(b.markup_paragraph(t.n("findings.pending", len(d.not_yet_linked)), s.muted))

    # -- discussion points
    discussion = d.discussion_rows()
    out.append(b.markup_paragraph(t("findings.discussion", n=len(discussion)), s.h2))
    if discussion:
        refs = ", ".join(b.escaped_markup(r.ref) for r in discussion[:40])
        more = f" {t.n('findings.more', len(discussion) - 40)}" if len(discussion) > 40 else ""
        out.append(b.markup_paragraph(t("findings.discussion_refs", refs=refs) + more))
    else:
        out.append(b.markup_paragraph(t("discussion.none"), s.muted))

    # -- the partner's positions
    groups = consensus_groups(d)
    if groups:
        agreed = sum(len(g.agreed) for g in groups)
        open_points = sum(len(g.open) for g in groups)
        unanswered = sum(len(g.unanswered) for g in groups)
        out.append(b.markup_paragraph(t("findings.positions"), s.h2))
        out.append(
            b.markup_paragraph(
                t.n("findings.positions_agreed", agreed)
                + " "
                + t.n("findings.positions_open", open_points)
                + " "
                + t.n("findings.positions_unanswered", unanswered)
            )
        )
    out.append(PageBreak())
    return out
