"""Synthetic report content for tests, benchmarks and previews (text generated, never copied)."""

from __future__ import annotations

import csv
import os
import random
from pathlib import Path

from criteria_compare.model import Criterion, HistoryEntry, Level, Relation, Status
from criteria_compare.report.data import (
    LinkedCriterion,
    ProgramInfo,
    ReferenceRow,
    ReportData,
    ReviewerActivity,
)

__all__ = ["CATEGORIES", "reviewed_sample_project", "synthetic_report_data"]

#: CTPAT's twelve categories, used as the reference program's sections.
CATEGORIES = (
    "Security Vision and Responsibility",
    "Risk Assessment",
    "Business Partners",
    "Cybersecurity",
    "Conveyance and IIT Security",
    "Seal Security",
    "Procedural Security",
    "Agricultural Security",
    "Physical Security",
    "Physical Access Controls",
    "Personnel Security",
    "Education, Training and Awareness",
)

_PARTNER_SECTIONS = (
    "Customs compliance",
    "Record keeping",
    "Financial solvency",
    "Premises security",
    "Cargo integrity",
    "Trading-partner security",
    "Personnel and training",
)

_SUBJECTS = (
    "The company",
    "Site management",
    "The security lead",
    "Each facility",
    "The carrier",
    "Warehouse staff",
    "The applicant",
)
_VERBS = (
    "keeps a written procedure to",
    "checks at least once a year how it will",
    "documents how staff",
    "assigns a named person to",
    "trains every new employee to",
    "records evidence that it will",
)
_OBJECTS = (
    "inspect empty containers before loading",
    "verify seal numbers against shipping papers",
    "control who enters cargo handling areas",
    "screen new hires against public records",
    "report suspicious activity to the authorities",
    "protect shipping data from tampering",
    "review business partners' security practices",
    "lock gates and doors outside working hours",
    "keep visitor logs for at least one year",
    "store high-security seals in a locked cabinet",
)
_JA = (
    "事業者は貨物の積込み前にコンテナを点検する手順を文書化すること。",
    "施設への出入りは許可された者に限定し、記録を保存すること。",
    "封印の番号を書類と照合し、不一致は直ちに報告すること。",
)


def _sentence(rng: random.Random, extra: int = 0) -> str:
    first = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}."
    more = [f"It also {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}." for _ in range(extra)]
    return " ".join([first, *more])


def synthetic_report_data(
    n_reference: int = 110,
    n_partner: int = 100,
    *,
    reviewed: float = 1.0,
    seed: int = 7,
    japanese: bool = False,
    note: str = "",
) -> ReportData:
    """A plausible report: CTPAT-like categories, linked partner criteria, notes, history.

    ``reviewed`` is the share of reference criteria that carry an assessment;
    ``japanese`` writes the partner criteria in Japanese; ``note``, if given,
    is used as the note of the first assessed criterion (for escaping tests).
    """
    rng = random.Random(seed)
    partner = tuple(
        Criterion(
            ref=f"P-{1 + i // 15}.{1 + i % 15}",
            text=rng.choice(_JA) if japanese else _sentence(rng, rng.randint(0, 2)),
            section=_PARTNER_SECTIONS[(i * len(_PARTNER_SECTIONS)) // max(1, n_partner)],
            level=None,
        )
        for i in range(n_partner)
    )
    rows: list[ReferenceRow] = []
    linked: set[str] = set()
    reviewers = ("A. Rivera", "K. Tanaka")
    per_cat = max(1, -(-n_reference // len(CATEGORIES)))
    for i in range(n_reference):
        cat = min(i // per_cat, len(CATEGORIES) - 1)
        ref = f"{cat + 1}.{i - cat * per_cat + 1}"
        crit = Criterion(
            ref=ref,
            text=_sentence(rng, rng.choice((0, 1, 1, 2, 4))),
            section=CATEGORIES[cat],
            level=Level.MUST if rng.random() < 0.7 else Level.SHOULD,
        )
        if rng.random() >= reviewed:
            rows.append(ReferenceRow(crit))
            continue
        status = rng.choices(
            (Status.ALIGNED, Status.PARTIAL, Status.GAP, Status.CONFLICT, Status.NOT_APPLICABLE),
            weights=(60, 18, 12, 3, 4),
        )[0]
        links: tuple[LinkedCriterion, ...] = ()
        if status in (Status.ALIGNED, Status.PARTIAL, Status.CONFLICT) and partner:
            picks = rng.sample(partner, k=min(len(partner), rng.choice((1, 1, 1, 2))))
            relation = {
                Status.ALIGNED: Relation.EQUAL,
                Status.PARTIAL: rng.choice((Relation.SUBSET_OF, Relation.SUPERSET_OF)),
                Status.CONFLICT: Relation.INTERSECTS_WITH,
            }[status]
            links = tuple(
                LinkedCriterion(
                    p, relation, reviewer=rng.choice(reviewers), manual=rng.random() < 0.1
                )
                for p in picks
            )
            linked.update(p.ref for p in picks)
        text_note = ""
        if status is Status.PARTIAL:
            text_note = (
                "The partner asks for a yearly check only; the reference wants it per shipment."
            )
        elif status in (Status.CONFLICT, Status.NOT_APPLICABLE):
            text_note = "The two programs set different retention periods for the same records."
        elif status is Status.GAP and rng.random() < 0.5:
            text_note = "No partner requirement covers this topic."
        if note and not any(r.note == note for r in rows):
            text_note = note
        rows.append(
            ReferenceRow(
                crit,
                status=status,
                note=text_note,
                discussion=status in (Status.GAP, Status.CONFLICT) and rng.random() < 0.4,
                reviewer=rng.choice(reviewers),
                timestamp=f"2026-11-{10 + i % 10:02d}T09:{i % 60:02d}:00+00:00",
                links=links,
            )
        )
    history = tuple(
        HistoryEntry(
            id=1000 - k,
            timestamp=f"2026-11-20T10:{59 - k:02d}:00+00:00",
            reviewer=reviewers[k % 2],
            action=("set_status", "link", "set_note")[k % 3],
            reference_ref=rows[k % len(rows)].ref if rows else None,
            partner_ref=None,
            old_value="unreviewed",
            new_value="aligned",
        )
        for k in range(min(20, len(rows)))
    )
    decided = [r for r in rows if r.status is not Status.UNREVIEWED]
    activity = tuple(
        ReviewerActivity(
            name,
            sum(1 for r in decided if r.reviewer == name),
            "2026-11-10T09:00:00+00:00",
            "2026-11-19T17:30:00+00:00",
        )
        for name in reviewers
    )
    return ReportData(
        reference=ProgramInfo(
            "CTPAT MSC", "2019 (importers)", "ctpat_msc_importer.xlsx", "ab" * 32, n_reference
        ),
        partner=ProgramInfo(
            "Meridia AEO", "v3.1, 2024", "partner_aeo_meridia.xlsx", "cd" * 32, n_partner
        ),
        rows=tuple(rows),
        partner_only=tuple(p for p in partner if p.ref not in linked),
        settings={"k": 5, "use_embedding": True, "weights": {"tfidf": 0.4, "char": 0.2}},
        reviewers=activity,
        history_actions={"set_status": len(decided), "link": sum(len(r.links) for r in rows)},
        history=history,
        project_file="meridia.ccproj",
    )


def reviewed_sample_project(
    path: str | os.PathLike[str],
    *,
    unreviewed: int = 0,
    reviewer: str = "A. Rivera",
    note: str = "",
    creator: str | None = None,
) -> Path:
    """Create a project from the bundled samples, reviewed along the sample mapping.

    Criteria with an ``equal`` mapping are aligned; with other relations,
    partial (with a note naming the stricter side); without one, a gap. Every
    fifth gap is flagged for discussion. The last ``unreviewed`` reference
    criteria are left unreviewed. ``note``, if given, replaces the first note.
    ``creator`` is the account that creates the project (default: ``reviewer``),
    as an operating-system account does when nobody gave a name.
    """
    from criteria_compare.importing import read_criteria
    from criteria_compare.project import Decision, Project
    from criteria_compare.resources import sample_path

    reference = read_criteria(sample_path("ctpat_msc_importer.xlsx"))
    partner = read_criteria(sample_path("partner_aeo_meridia.xlsx"))
    mapping: dict[str, list[tuple[str, Relation]]] = {}
    with sample_path("reference_mapping.csv").open(encoding="utf-8", newline="") as fh:
        for record in csv.DictReader(fh):
            mapping.setdefault(record["source_id"], []).append(
                (record["target_id"], Relation(record["relationship"] or "equal"))
            )
    decisions = []
    gaps = 0
    criteria = reference.criteria[: len(reference.criteria) - unreviewed]
    for criterion in criteria:
        links = mapping.get(criterion.ref, [])
        if not links:
            gaps += 1
            decisions.append(
                Decision(
                    criterion.ref,
                    status=Status.GAP,
                    note="The partner program has no requirement on this topic.",
                    discussion=gaps % 5 == 1,
                )
            )
        elif all(rel is Relation.EQUAL for _, rel in links):
            decisions.append(Decision(criterion.ref, status=Status.ALIGNED, link=links))
        else:
            stricter = (
                "the partner is stricter"
                if any(rel is Relation.SUBSET_OF for _, rel in links)
                else "CTPAT is stricter"
            )
            decisions.append(
                Decision(
                    criterion.ref,
                    status=Status.PARTIAL,
                    note=f"Covered in part; {stricter}.",
                    link=links,
                )
            )
    if note and decisions:
        decisions[0] = Decision(
            decisions[0].ref,
            status=decisions[0].status,
            note=note,
            discussion=True,
            link=decisions[0].link,
        )
    project = Project.create(
        path,
        reference,
        partner,
        reference_name="CTPAT MSC (importers)",
        partner_name="Meridia AEO-S",
        reference_version="2019",
        partner_version="2024 edition",
        reviewer=creator or reviewer,
        force=True,
    )
    try:
        project.apply(decisions, reviewer=reviewer)
    finally:
        project.close()
    return Path(path)
