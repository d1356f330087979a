"""The PDF section "Method and provenance": how suggestions were made and confirmed, who
reviewed, how far reviewers agree, and the source files (or every edition) with their SHA-256."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from criteria_compare.align.settings import CHANNEL_WEIGHTS, AlignerSettings
from criteria_compare.project.agreement import PairAgreement
from criteria_compare.report.collect import CANDIDATE_RANKS
from criteria_compare.report.data import ReportData, ReviewerActivity
from criteria_compare.report.escape import escaped_markup
from criteria_compare.report.pdf_text import spaced_hash
from criteria_compare.report.times import short_time

if TYPE_CHECKING:
    from criteria_compare.report.pdf_story import StoryBuilder

__all__ = ["method_section", "reviewers_shown", "reviewers_table"]


def reviewers_shown(data: ReportData) -> tuple[ReviewerActivity, ...]:
    """The reviewers the main text names: those who recorded at least one assessment."""
    return tuple(r for r in data.reviewers if r.decisions > 0)


def reviewers_table(b: StoryBuilder, reviewers: Sequence[ReviewerActivity]) -> Table:
    """Each reviewer's number of assessments and first and last change (method page, annex)."""
    s, t = b.s, b.t
    rows = [b.head(t("col.reviewer"), t("col.assessed"), t("col.first_utc"), t("col.last_utc"))]
    rows.extend(
        [
            b.escaped_paragraph(r.reviewer or t("method.unnamed"), s.cell),
            b.markup_paragraph(str(r.decisions), s.cell_right),
            b.escaped_paragraph(short_time(r.first), s.cell),
            b.escaped_paragraph(short_time(r.last), s.cell),
        ]
        for r in reviewers
    )
    return b.table(rows, b.cols(b.width, 0.4, 0.14, 0.23, 0.23))


def method_section(b: StoryBuilder) -> list[Flowable]:
    """The section, after a page break when less than about a third of the page is left."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [CondPageBreak(250), b.heading("section.method", s.h1, level=0)]
    out += b.h2(b.heading("method.suggested", s.h2, level=1))
    out.append(b.markup_paragraph(t("method.suggested_text")))
    if _refitted(d.settings):
        key = "method.refitted_affinity" if _affinity(d.settings) else "method.refitted"
        out.append(b.markup_paragraph(t(key)))
    if d.aligned_at:
        out.append(
            b.markup_paragraph(
                t("method.aligned_at", when=escaped_markup(short_time(d.aligned_at)))
            )
        )
    out.append(
        b.markup_paragraph(
            t("method.settings_in_annex") if b.options.annex else t("method.settings_kept"),
            s.muted,
        )
    )
    out += b.h2(b.heading("method.confirmation", s.h2, level=1))
    out.append(b.markup_paragraph(_confirmation(b)))
    out += b.h2(b.heading("method.partner_only_rule", s.h2, level=1))
    out.append(b.markup_paragraph(t("method.partner_only_text", ranks=CANDIDATE_RANKS)))
    if d.is_draft:
        out.append(b.markup_paragraph(t("method.shares_text")))
    out += b.h2(b.heading("method.reviewers", s.h2, level=1))
    shown = reviewers_shown(d)
    if shown:
        out.append(reviewers_table(b, shown))
    else:
        out.append(b.markup_paragraph(t("method.no_decision"), s.muted))
    if d.agreement:
        out.append(Spacer(1, 4))
        out.append(b.markup_paragraph(t("method.agreement_intro")))
        out.extend(b.markup_paragraph(_agreement(b, pair), s.body) for pair in d.agreement)
    out += b.h2(b.heading("method.sources", s.h2, level=1))
    if any(len(info.editions) > 1 for info in d.editions):
        out += _editions_table(b)
    else:
        not_recorded = t("cover.not_recorded")
        rows = [b.head(t("col.program"), t("cover.source_file"), "SHA-256")]
        rows.extend(
            [
                b.escaped_paragraph(program.name, s.cell),
                b.escaped_paragraph(program.source_file or not_recorded, s.cell),
                b.escaped_paragraph(spaced_hash(program.sha256, not_recorded), s.cell),
            ]
            for program in (d.reference, d.partner)
        )
        out.append(b.table(rows, b.cols(b.width, 0.25, 0.3, 0.45)))
    warnings = len(d.reference.import_warnings) + len(d.partner.import_warnings)
    if warnings:
        where = "method.warnings_annex" if b.options.annex else "method.warnings_kept"
        out.append(Spacer(1, 4))
        out.append(b.markup_paragraph(t.n(where, warnings), s.muted))
    else:
        out.append(Spacer(1, 4))
        out.append(b.markup_paragraph(t("method.no_warnings"), s.muted))
    return out


def _confirmation(b: StoryBuilder) -> str:
    """How many links were confirmed from suggestions and how many made by hand."""
    d, t = b.data, b.t
    links, manual = d.link_count, d.manual_link_count
    suggested = links - manual
    if not links:
        return t("method.no_links")
    if not manual:
        how = t.n("method.all_suggested", links)
    elif not suggested:
        how = t.n("method.all_by_hand", links)
    else:
        how = t(
            "method.split",
            suggested=t.n("method.from_suggestions", suggested),
            manual=t.n("method.by_hand", manual),
        )
    return " ".join((t.n("method.confirmed", links), how, t("method.named")))


def _agreement(b: StoryBuilder, pair: PairAgreement) -> str:
    """One reviewer pair's agreement as a sentence of this language (names escaped)."""
    t = b.t
    first, second = (b.escaped_markup(name) for name in pair.reviewers)
    if pair.criteria == 0:
        return t("agreement.none", a=first, b=second)
    kappa = (
        t("agreement.kappa", kappa=t.number(pair.kappa, 2))
        if pair.kappa is not None
        else t("agreement.kappa_undefined")
    )
    return t.n(
        "agreement.pair",
        pair.criteria,
        a=first,
        b=second,
        agreed=pair.agreed,
        percent=t.percent(pair.percent or 0.0),
        kappa=kappa,
    )


def _editions_table(b: StoryBuilder) -> list[Flowable]:
    """Every edition of both programs on record: label, file, SHA-256, imported when, by whom."""
    d, s, t = b.data, b.s, b.t
    out: list[Flowable] = [b.markup_paragraph(t("editions.intro"), s.body)]
    rows: list[list[Any]] = [
        b.head(
            t("col.program"),
            t("editions.edition"),
            t("cover.source_file"),
            t("editions.imported"),
            "SHA-256",
        )
    ]
    not_recorded = t("cover.not_recorded")
    for info in d.editions:
        for e in info.editions:
            label = f"{e.number}" + (f" ({e.label})" if e.label else "")
            rows.append(
                [
                    b.escaped_paragraph(info.program, s.cell),
                    b.escaped_paragraph(label, s.cell),
                    b.markup_paragraph(
                        t.n(
                            "editions.file",
                            e.criteria,
                            file=b.escaped_markup(e.source_file or not_recorded),
                        ),
                        s.cell,
                    ),
                    b.markup_paragraph(
                        escaped_markup(short_time(e.imported_at))
                        + (
                            " " + t("editions.by", who=b.escaped_markup(e.imported_by))
                            if e.imported_by
                            else ""
                        ),
                        s.cell,
                    ),
                    b.escaped_paragraph(spaced_hash(e.sha256, not_recorded), s.cell),
                ]
            )
    out.append(b.table(rows, b.cols(b.width, 0.18, 0.13, 0.23, 0.18, 0.28)))
    return out


def _refitted(settings: Mapping[str, object]) -> bool:
    """True when this comparison's channel weights differ from the shipped ones."""
    shipped = AlignerSettings().to_dict()
    return bool(settings) and any(
        settings.get(name, shipped[name]) != shipped[name] for name in CHANNEL_WEIGHTS
    )


def _affinity(settings: Mapping[str, object]) -> bool:
    affinity = settings.get("weight_affinity", 0)
    return isinstance(affinity, (int, float)) and affinity > 0
