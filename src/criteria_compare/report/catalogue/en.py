"""The report's words in English (the reference catalogue).

Values are reportlab paragraph markup: ``<b>``, ``<i>`` and entities are ours,
``{fields}`` are filled with already-escaped text. Counted messages come in
``.one`` and ``.many`` forms with the count in ``{n}``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- titles, metadata, running marks
    "title.default": "Compatibility report",
    "title.programs": "{reference} and {partner}: compatibility report",
    "meta.subject": "{reference} compared with {partner}",
    "meta.keywords": "AEO, mutual recognition, supply chain security, compatibility report",
    "mark.draft": "DRAFT",
    "mark.page": "Page {page} of {total}",
    # -- assessments, relations, levels, stances
    "status.aligned": "Aligned",
    "status.partial": "Partial",
    "status.gap": "Gap",
    "status.conflict": "Conflict",
    "status.not_applicable": "N/A",
    "status.unreviewed": "Not yet reviewed",
    "status_short.unreviewed": "Not rev.",
    "relation.equal": "equal",
    "relation.subset_of": "subset",
    "relation.superset_of": "superset",
    "relation.intersects_with": "intersects",
    "level.must": "Must",
    "level.should": "Should",
    "level.unspecified": "Unspecified",
    "level_short.must": "Must",
    "level_short.should": "Should",
    "level_short.unspecified": "—",
    "stance.agree": "Agree",
    "stance.disagree": "Disagree",
    "stance.needs_discussion": "Needs discussion",
    "stance.blank": "No position given",
    "stricter.partner": "Partner",
    "stricter.reference": "Reference",
    "stricter.see_note": "See note",
    "meaning.aligned": "The partner program has an equivalent requirement.",
    "meaning.partial": (
        "The partner covers part of it; the note says what is missing and which side is stricter."
    ),
    "meaning.gap": "The partner program has no counterpart.",
    "meaning.conflict": "The partner requires something incompatible; the note explains.",
    "meaning.not_applicable": "Does not apply to this comparison; the note gives the reason.",
    "meaning.unreviewed": "No reviewer has assessed it yet.",
    # -- sections
    "section.findings": "Key findings",
    "section.contents": "Contents",
    "section.summary": "Executive summary",
    "section.discussion": "Discussion points",
    "section.consensus": "Areas of consensus and points to be resolved",
    "section.register": "Gap and conflict register",
    "section.side_by_side": "Side-by-side comparison",
    "section.partner_only": "Partner-only criteria",
    "section.method": "Method and provenance",
    "section.changes": "Changes since the previous edition",
    "section.annex": "Technical annex",
    # -- cover
    "cover.compared_with": "{reference} compared with {partner}",
    "cover.reference": "Reference program",
    "cover.partner": "Partner program",
    "cover.program": "Program",
    "cover.version": "Version / date",
    "cover.criteria": "Criteria",
    "cover.source_file": "Source file",
    "cover.not_stated": "not stated",  # a version / date (feminine in es and fr)
    "cover.author_not_stated": "not stated",  # who prepared the report
    "cover.not_recorded": "not recorded",
    "cover.date": "Date",
    "cover.prepared_by": "Prepared by",
    "cover.handling": "Handling",
    "cover.project_file": "Project file",
    "status.draft_line.one": "DRAFT — {unreviewed} of {total} criteria not yet reviewed",
    "status.draft_line.many": "DRAFT — {unreviewed} of {total} criteria not yet reviewed",
    "status.complete_line": "Complete — all {total} criteria reviewed",
    "cover.draft_note": (
        "This is a working draft: the counts will change as the remaining criteria are reviewed."
    ),
    "cover.complete_note": "Every reference criterion carries a reviewer's assessment.",
    # -- key findings
    "findings.draft.one": (
        "<b>Working draft.</b> {reviewed} of {total} reference criteria have been reviewed so "
        "far; {remaining} remains. Shares are of the reviewed criteria, and the lists below will "
        "grow as the review goes on."
    ),
    "findings.draft.many": (
        "<b>Working draft.</b> {reviewed} of {total} reference criteria have been reviewed so "
        "far; {remaining} remain. Shares are of the reviewed criteria, and the lists below will "
        "grow as the review goes on."
    ),
    "findings.overall": "Overall compatibility",
    "findings.share_part": "{n} {status} ({share})",
    "findings.must.one": "Of the {n} mandatory (Must) criterion reviewed: {shares}.",
    "findings.must.many": "Of the {n} mandatory (Must) criteria reviewed: {shares}.",
    "findings.must_left.one": "{n} Must criterion is not yet reviewed.",
    "findings.must_left.many": "{n} Must criteria are not yet reviewed.",
    "findings.must_none": "No mandatory (Must) criterion has been reviewed yet.",
    "findings.all.one": "Of the {n} criterion reviewed in all: {shares}.",
    "findings.all.many": "Of all {n} criteria reviewed: {shares}.",
    "findings.na.one": "{n} criterion does not apply to this comparison.",
    "findings.na.many": "{n} criteria do not apply to this comparison.",
    "findings.must_gaps": "Gaps and conflicts among Must criteria ({n})",
    "findings.must_gaps_none": "No mandatory criterion is assessed gap or conflict.",
    "findings.must_gaps_none_draft": (
        "No mandatory criterion reviewed so far is assessed gap or conflict."
    ),
    "findings.more.one": "… and {n} more (see the gap and conflict register).",
    "findings.more.many": "… and {n} more (see the gap and conflict register).",
    "findings.more_po.one": "… and {n} more (see the partner-only criteria).",
    "findings.more_po.many": "… and {n} more (see the partner-only criteria).",
    "findings.security": "Security-relevant partner-only criteria ({n})",
    "findings.security_intro": (
        "Partner requirements on physical, personnel or IT security that no reference "
        "criterion covers:"
    ),
    "findings.security_none": "No partner-only criterion deals with security.",
    "findings.pending.one": (
        "{n} partner criterion is not yet linked: a criterion still to be reviewed may cover it."
    ),
    "findings.pending.many": (
        "{n} partner criteria are not yet linked: criteria still to be reviewed may cover them."
    ),
    "findings.discussion": "Open discussion points ({n})",
    "findings.discussion_refs": "Flagged for the negotiation agenda: {refs}.",
    "findings.positions": "The partner administration's positions",
    "findings.positions_agreed.one": "{n} criterion is agreed by both sides;",
    "findings.positions_agreed.many": "{n} criteria are agreed by both sides;",
    "findings.positions_open.one": "{n} point remains open;",
    "findings.positions_open.many": "{n} points remain open;",
    "findings.positions_unanswered.one": "{n} criterion has no answer yet.",
    "findings.positions_unanswered.many": "{n} criteria have no answer yet.",
    # -- executive summary
    "summary.compared": (
        "{n_ref} criteria of {reference} were compared with {n_partner} criteria of {partner}."
    ),
    "summary.links.one": "{n} confirmed link connects them.",
    "summary.links.many": "{n} confirmed links connect them.",
    "summary.partner_only.one": (
        "{n} partner criterion has no counterpart in the reference program (partner-only)."
    ),
    "summary.partner_only.many": (
        "{n} partner criteria have no counterpart in the reference program (partner-only)."
    ),
    "summary.not_yet_linked.one": (
        "{n} more is not yet linked: a reference criterion still to be reviewed may cover it."
    ),
    "summary.not_yet_linked.many": (
        "{n} more are not yet linked: reference criteria still to be reviewed may cover them."
    ),
    "summary.not_yet_linked_all.one": (
        "{n} partner criterion is not yet linked: a reference criterion still to be reviewed may "
        "cover it."
    ),
    "summary.not_yet_linked_all.many": (
        "{n} partner criteria are not yet linked: reference criteria still to be reviewed may "
        "cover them."
    ),
    "summary.draft_shares.one": (
        "<b>{reviewed} of {total} reference criteria have been reviewed; {remaining} remains.</b> "
        "Shares below are of the reviewed criteria only."
    ),
    "summary.draft_shares.many": (
        "<b>{reviewed} of {total} reference criteria have been reviewed; {remaining} remain.</b> "
        "Shares below are of the reviewed criteria only."
    ),
    "summary.register.one": "<b>{n}</b> criterion is assessed gap, conflict or partial;",
    "summary.register.many": "<b>{n}</b> criteria are assessed gap, conflict or partial;",
    "summary.must_gaps.one": (
        "<b>{n}</b> of the gaps and conflicts concerns a mandatory (Must) criterion, which "
        "weighs more than a recommended (Should) one."
    ),
    "summary.must_gaps.many": (
        "<b>{n}</b> of the gaps and conflicts concern mandatory (Must) criteria, which weigh "
        "more than recommended (Should) ones."
    ),
    "summary.discussion.one": "<b>{n}</b> item is flagged for discussion.",
    "summary.discussion.many": "<b>{n}</b> items are flagged for discussion.",
    "summary.assessments": "Assessments",
    "summary.assessment": "Assessment",
    "summary.meaning": "Meaning",
    "summary.criteria": "Criteria",
    "summary.share": "Share",
    "summary.share_reviewed": "Share of reviewed",
    "summary.total": "Total",
    "summary.by_level": "By level (Must / Should)",
    "summary.level": "Level",
    "summary.by_category": "By category",
    "summary.category": "Category",
    "summary.chart": "Assessments per category (chart)",
    "summary.chart_caption": "Number of reference criteria in each category, by assessment.",
    "summary.chart_cut": (
        "The chart shows the first {shown} of {total} categories; the table above lists them all."
    ),
    # -- table columns and cells
    "col.ref": "Ref",
    "col.assessment": "Assessment",
    "col.reference_criterion": "Reference criterion",
    "col.criterion": "Criterion",
    "col.note": "Note",
    "col.stricter": "Stricter side",
    "col.program": "Program",
    "col.reviewer": "Reviewer",
    "col.assessed": "Criteria assessed",
    "col.first_utc": "First activity (UTC)",
    "col.last_utc": "Last activity (UTC)",
    "cell.discussion_point": "Discussion point",
    "cell.text_changed": "Text changed since decided",
    "cell.no_link": "No linked partner criterion",
    "cell.not_linked_yet": "Not yet linked",
    "cell.linked": "Linked: {links}",
    "cell.guidance": "Partner's guidance:",
    "cell.unsectioned": "Unsectioned",
    "cell.continued": "{ref} (cont.)",
    # -- discussion points
    "discussion.none": "No item is flagged for discussion.",
    "discussion.intro.one": "{n} item is flagged for the negotiation agenda, in program order.",
    "discussion.intro.many": "{n} items are flagged for the negotiation agenda, in program order.",
    "discussion.note": "Note:",
    "discussion.no_note": "No note.",
    # -- register
    "register.none": "No criterion is assessed gap, conflict or partial.",
    "register.intro": (
        "Reference criteria assessed conflict, gap or partial. Mandatory (Must) criteria come "
        "first. For a partial verdict the stricter side follows from the relation of its links "
        "(subset: partner stricter; superset: reference stricter); otherwise the note says."
    ),
    "register.draft.one": (
        "{n} reference criterion is not yet reviewed; the register will grow if it is found to "
        "be a gap, conflict or partial."
    ),
    "register.draft.many": (
        "{n} reference criteria are not yet reviewed; the register will grow as they are."
    ),
    "register.must": "Mandatory criteria (Must): {n}",
    "register.should": "Recommended criteria (Should): {n}",
    "register.no_level": "Criteria without a level: {n}",
    # -- side by side
    "sbs.intro": (
        "Every criterion of {reference} in program order, next to the confirmed counterparts "
        "in {partner}."
    ),
    "sbs.relations": (
        "Relations read “reference criterion … partner criterion”: equal (same requirement), "
        "subset (the reference asks for less; the partner is stricter), superset (the reference "
        "asks for more; the reference is stricter), intersects (they overlap in part)."
    ),
    "sbs.guidance": "The partner's own guidance is printed in small type under its criteria.",
    "sbs.reference_col": "{program} criterion",
    "sbs.partner_col": "{program} counterpart(s)",
    # -- partner-only
    "po.all_linked": "Every partner criterion is linked to a reference criterion.",
    "po.intro.one": (
        "{n} of {total} criteria of {partner} is linked to no reference criterion and is "
        "partner-only."
    ),
    "po.intro.many": (
        "{n} of {total} criteria of {partner} are linked to no reference criterion and are "
        "partner-only."
    ),
    "po.why": (
        "AEO programs also cover customs compliance, record keeping and solvency, which the "
        "reference program does not address; they are listed by the partner's own sections."
    ),
    "po.none_yet": "No partner criterion is known to be partner-only yet.",
    "po.pending_intro.one": (
        "{n} criterion of {partner} is not yet linked: it is among the top candidates of a "
        "reference criterion still to be reviewed, so it is listed apart, after the "
        "partner-only criteria."
    ),
    "po.pending_intro.many": (
        "{n} criteria of {partner} are not yet linked: each is among the top candidates of a "
        "reference criterion still to be reviewed, so they are listed apart, after the "
        "partner-only criteria."
    ),
    "po.unaligned_intro.one": (
        "{n} criterion of {partner} is not yet linked. No suggestions have been computed for "
        "this project, so while criteria remain to be reviewed none is called partner-only."
    ),
    "po.unaligned_intro.many": (
        "{n} criteria of {partner} are not yet linked. No suggestions have been computed for "
        "this project, so while criteria remain to be reviewed none is called partner-only."
    ),
    "po.pending_title": "Not yet linked ({n})",
    # -- method
    "method.suggested": "How candidates were suggested",
    "method.suggested_text": (
        "For every reference criterion the tool ranked the partner criteria by how similar their "
        "wording and meaning are, and showed the reviewer the best candidates with the words "
        "they share. Suggestions are only proposals: nothing enters this report without a "
        "reviewer's decision."
    ),
    "method.refitted": (
        "For this comparison the ranking was tuned on links its reviewers had already confirmed, "
        "and kept only because it ranked other confirmed links better than the standard setting."
    ),
    "method.refitted_affinity": (
        "For this comparison the ranking was tuned on links its reviewers had already confirmed, "
        "and kept only because it ranked other confirmed links better than the standard setting. "
        "It also favours partner sections already linked from the same reference section. This "
        "orders suggestions only; every link in this report was still confirmed by a person."
    ),
    "method.aligned_at": "Suggestions were last computed on {when} UTC.",
    "method.settings_in_annex": "The technical annex lists the settings used.",
    "method.settings_kept": (
        "The settings used and the full audit trail are kept in the project file and can be "
        "printed as a technical annex."
    ),
    "method.confirmation": "Human confirmation",
    "method.confirmed.one": (
        "The {n} link in this report was confirmed by a person; it was not accepted automatically."
    ),
    "method.confirmed.many": (
        "Every one of the {n} links in this report was confirmed by a person; none was accepted "
        "automatically."
    ),
    "method.no_links": "No link has been confirmed yet; every link will be confirmed by a person.",
    "method.all_suggested.one": "It was confirmed from a ranked suggestion.",
    "method.all_suggested.many": "All were confirmed from ranked suggestions.",
    "method.all_by_hand.one": "It was made by hand.",
    "method.all_by_hand.many": "All were made by hand.",
    "method.split": "{suggested} and {manual}.",
    "method.from_suggestions.one": "{n} was confirmed from a ranked suggestion",
    "method.from_suggestions.many": "{n} were confirmed from ranked suggestions",
    "method.by_hand.one": "{n} was made by hand",
    "method.by_hand.many": "{n} were made by hand",
    "method.named": "Every assessment names the reviewer who recorded it.",
    "method.partner_only_rule": "Partner-only criteria and shares",
    "method.partner_only_text": (
        "A partner criterion is called partner-only when no reference criterion is linked to it "
        "and, while the review is incomplete, it is not among the {ranks} best candidates of any "
        "reference criterion still to be reviewed; such a candidate is listed as not yet linked."
    ),
    "method.shares_text": (
        "While the review is incomplete, shares are computed over the reviewed criteria only, "
        "and the number of criteria still to be reviewed is stated beside them."
    ),
    "method.reviewers": "Reviewers",
    "method.unnamed": "unnamed",
    "method.no_decision": "No decision has been recorded yet.",
    "method.agreement_intro": (
        "Agreement between reviewers, on the criteria both assessed (each one's last verdict); "
        "Cohen's kappa discounts the agreement expected by chance (1 is full agreement, 0 no "
        "better than chance):"
    ),
    "agreement.none": "{a} and {b} assessed no criterion in common.",
    "agreement.pair.one": (
        "{a} and {b} both assessed {n} criterion and gave the same verdict on {agreed} "
        "({percent}; {kappa})."
    ),
    "agreement.pair.many": (
        "{a} and {b} both assessed {n} criteria and gave the same verdict on {agreed} "
        "({percent}; {kappa})."
    ),
    "agreement.kappa": "Cohen's kappa {kappa}",
    "agreement.kappa_undefined": "Cohen's kappa undefined, as both gave one verdict throughout",
    "method.sources": "Sources",
    "method.no_warnings": "The importer reported nothing unusual in either source file.",
    "method.warnings_annex.one": (
        "The importer reported {n} warning on the source files; the technical annex lists it."
    ),
    "method.warnings_annex.many": (
        "The importer reported {n} warnings on the source files; the technical annex lists them."
    ),
    "method.warnings_kept.one": (
        "The importer reported {n} warning on the source files; the technical annex lists it "
        "when printed."
    ),
    "method.warnings_kept.many": (
        "The importer reported {n} warnings on the source files; the technical annex lists them "
        "when printed."
    ),
    "editions.intro": "Each program's editions, oldest first; the comparison uses the last of each.",
    "editions.edition": "Edition",
    "editions.imported": "Imported (UTC)",
    "editions.file.one": "{file}, {n} criterion",
    "editions.file.many": "{file}, {n} criteria",
    "editions.by": "by {who}",
    # -- consensus
    "consensus.round": (
        "Positions of the partner administration from exchange round {round}, imported {date} "
        "by {who} (workbook SHA-256 {sha}…)."
    ),
    "consensus.agreed.one": "Both sides agree on {n} criterion;",
    "consensus.agreed.many": "Both sides agree on {n} criteria;",
    "consensus.open.one": (
        "{n} point remains to be resolved (the partner disagrees or asks for discussion, or we "
        "put it up for discussion);"
    ),
    "consensus.open.many": (
        "{n} points remain to be resolved (the partner disagrees or asks for discussion, or we "
        "put them up for discussion);"
    ),
    "consensus.unanswered.one": "{n} criterion has no answer yet.",
    "consensus.unanswered.many": "{n} criteria have no answer yet.",
    "consensus.ours": "Our assessments are ours alone: the partner's positions never change them.",
    "consensus.points.one": "{n} point to resolve",
    "consensus.points.many": "{n} points to resolve",
    "consensus.group": "{section}: {agreed} agreed, {open}",
    "consensus.group_unanswered": "{section}: no answer yet",
    "consensus.agreed_label": "Agreed ({n}):",
    "consensus.unanswered_label": "No answer yet ({n}): {refs}",
    "consensus.ours_col": "Our assessment and note",
    "consensus.theirs_col": "Their position and comment",
    "consensus.no_comment": "No comment.",
    # -- changes since the previous edition
    "changes.key": (
        "In the texts below, words struck through in red were removed and words underlined in "
        "green were added."
    ),
    "changes.side_reference": "Reference program",
    "changes.side_partner": "Partner program",
    "changes.edition": "edition {n}",
    "changes.unnamed": "an unnamed reviewer",
    "changes.nothing": "no criterion changed",
    "changes.intro_reference": (
        "The reference program {program} went from {previous} to {current} on {date}, imported "
        "by {who}: {counts}. Decisions were carried to the new criteria; those touching a "
        "changed text are marked to be checked again until a reviewer confirms them."
    ),
    "changes.intro_partner": (
        "The partner program {program} went from {previous} to {current} on {date}, imported "
        "by {who}: {counts}. Decisions were carried to the new criteria; those touching a "
        "changed text are marked to be checked again until a reviewer confirms them."
    ),
    "changes.kind.added": "Added",
    "changes.kind.removed": "Removed",
    "changes.kind.reworded": "Reworded",
    "changes.kind.renumbered": "Renumbered",
    "changes.kind.renumbered_reworded": "Renumbered and reworded",
    "changes.kind.split": "Split",
    "changes.kind.merged": "Merged",
    "changes.state_dropped": "Dropped:",
    "changes.state_linked_from": "linked from {ref}",
    "changes.state_links": "links",
    "changes.state_check": "to be checked again",
    "changes.state_holds": "holds",
    "changes.text": "Text",
    "changes.decision": "Decision",
    "changes.no_decision": "No decision",
    # -- technical annex
    "annex.intro": (
        "For the record: the aligner's settings, what the importer noticed in the source files, "
        "every account in the audit trail and the trail itself as net changes (a change later "
        "undone is left out). The project file keeps the full trail."
    ),
    "annex.settings": "Aligner settings",
    "annex.setting": "Setting",
    "annex.value": "Value",
    "annex.no_settings": "No aligner settings are recorded in the project.",
    "annex.aligner_note": "Note from the aligner: {note}",
    "annex.warnings": "Import warnings",
    "annex.no_warnings": "The importer reported nothing unusual in either source file.",
    "annex.warnings_intro.one": (
        "When the programs were imported, the importer reported {n} warning (rows it skipped, "
        "columns it did not import, languages it chose); it names the place in the source file."
    ),
    "annex.warnings_intro.many": (
        "When the programs were imported, the importer reported {n} warnings (rows it skipped, "
        "columns it did not import, languages it chose); each names the place in the source "
        "file."
    ),
    "annex.warnings_more.one": "… and {n} more (the project keeps them all).",
    "annex.warnings_more.many": "… and {n} more (the project keeps them all).",
    "annex.where": "Where",
    "annex.warning": "Warning",
    "annex.accounts": "Accounts in the audit trail",
    "annex.accounts_intro": (
        "Every name the audit trail records, including accounts that only created, aligned or "
        "imported and assessed no criterion."
    ),
    "annex.history": "Audit trail",
    "annex.history_total.one": "The project's audit trail holds {n} recorded change. By kind:",
    "annex.history_total.many": "The project's audit trail holds {n} recorded changes. By kind:",
    "annex.change": "Change",
    "annex.count": "Count",
    "annex.net_intro.one": "{n} net change, newest first:",
    "annex.net_intro.many": "{n} net changes, newest first:",
    "annex.net_cut": "The {n} most recent are listed; the workbook export lists the whole trail.",
    "annex.when": "When (UTC)",
    "annex.before": "Before",
    "annex.after": "After",
    "annex.no_history": "No change is recorded in the project's history.",
    "action.create": "project created",
    "action.align": "suggestions computed",
    "action.status": "assessment",
    "action.note": "note",
    "action.discussion": "discussion flag",
    "action.link": "link",
    "action.unlink": "link removed",
    "action.reject": "candidate rejected",
    "action.unreject": "rejection withdrawn",
    "action.pin": "candidate pinned",
    "action.unpin": "pin removed",
    "action.settings": "settings",
    "action.reviewer": "reviewer name",
    "action.position": "partner position",
    "action.exchange_import": "positions imported",
    "action.exchange_export": "assessment sent",
    "action.edition": "new edition",
    "action.carry": "decision carried",
    "action.confirm_unchanged": "confirmed after a change",
    "action.exclude": "criterion excluded",
    "action.unexclude": "criterion restored",
    "action.drop": "decision dropped",
    "action.merged": "merged",
    "action.not_taken": "not taken in a merge",
    "action.undo": "undo",
    # -- the workbook (plain text, no markup; sheet names at most 31 characters)
    "wb.sheet.summary": "Summary",
    "wb.sheet.side_by_side": "Side by side",
    "wb.sheet.gaps": "Gaps",
    "wb.sheet.partner_only": "Partner-only",
    "wb.sheet.discussion": "Discussion points",
    "wb.sheet.history": "History",
    "wb.sheet.warnings": "Import warnings",
    "wb.sheet.editions": "Editions",
    "wb.sheet.consensus": "Consensus",
    "wb.status": "Status",
    "wb.partner_only_count": "Partner-only criteria",
    "wb.not_yet_linked_count": "Partner criteria not yet linked",
    "wb.links": "Confirmed links",
    "wb.yes": "yes",
    "wb.partner_refs": "Partner refs",
    "wb.relations": "Relations",
    "wb.partner_criteria": "Partner criteria",
    "wb.guidance": "Partner's guidance",
    "wb.text_changed": "Text changed",
    "wb.decided_at": "Decided (UTC)",
    "wb.linked": "Linked partner criteria",
    "wb.partner_section": "Partner section",
    "wb.partner_only": "Partner-only",
    "wb.partner_administration": "Partner administration",
    "wb.reference_ref": "Reference ref",
    "wb.partner_ref": "Partner ref",
    "wb.bulk": "Bulk",
    "wb.side": "Side",
    "wb.version_label": "Version label",
    "wb.imported_by": "Imported by",
    "wb.changes": "Changes from the previous edition",
    "wb.our_assessment": "Our assessment",
    "wb.our_note": "Our note",
    "wb.our_flag": "Our discussion flag",
    "wb.their_position": "Their position",
    "wb.their_comment": "Their comment",
    "wb.round": "Round",
    "wb.outcome": "Outcome",
    "wb.outcome.open": "To be resolved",
    "wb.outcome.agreed": "Agreed",
    "wb.outcome.unanswered": "No answer yet",
}
