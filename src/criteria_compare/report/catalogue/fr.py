"""Les mots du rapport en français (mêmes clés et mêmes champs que le catalogue anglais)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- titres, métadonnées, marques de page
    "title.default": "Rapport de compatibilité",
    "title.programs": "{reference} et {partner} : rapport de compatibilité",
    "meta.subject": "Comparaison de {reference} avec {partner}",
    "meta.keywords": (
        "opérateur économique agréé, OEA, reconnaissance mutuelle, sûreté de la chaîne "
        "logistique, rapport de compatibilité"
    ),
    "mark.draft": "PROJET",
    "mark.page": "Page {page} sur {total}",
    # -- évaluations, relations, niveaux, positions
    "status.aligned": "Aligné",
    "status.partial": "Partiel",
    "status.gap": "Lacune",
    "status.conflict": "Conflit",
    "status.not_applicable": "S.O.",
    "status.unreviewed": "Non encore examiné",
    "status_short.unreviewed": "À exam.",
    "relation.equal": "égal",
    "relation.subset_of": "sous-ensemble",
    "relation.superset_of": "sur-ensemble",
    "relation.intersects_with": "intersection",
    "level.must": "Obligatoire",
    "level.should": "Recommandé",
    "level.unspecified": "Non précisé",
    "level_short.must": "Oblig.",
    "level_short.should": "Recom.",
    "level_short.unspecified": "Sans niveau",
    "stance.agree": "D’accord",
    "stance.disagree": "Pas d’accord",
    "stance.needs_discussion": "À discuter",
    "stance.blank": "Aucune position",
    "stricter.partner": "Partenaire",
    "stricter.reference": "Référence",
    "stricter.see_note": "Voir l’observation",
    "meaning.aligned": "Le programme partenaire comporte une exigence équivalente.",
    "meaning.partial": (
        "Le programme partenaire la couvre en partie ; l’observation précise ce qui manque et "
        "quel programme est le plus strict."
    ),
    "meaning.gap": "Le programme partenaire ne comporte aucune exigence équivalente.",
    "meaning.conflict": (
        "Le programme partenaire exige quelque chose d’incompatible ; l’observation l’explique."
    ),
    "meaning.not_applicable": (
        "Sans objet pour cette comparaison ; l’observation en donne la raison."
    ),
    "meaning.unreviewed": "Aucun examinateur ne l’a encore évalué.",
    # -- sections
    "section.findings": "Principales conclusions",
    "section.contents": "Sommaire",
    "section.summary": "Synthèse",
    "section.discussion": "Points de discussion",
    "section.consensus": "Points de consensus et questions à régler",
    "section.register": "Registre des lacunes et des conflits",
    "section.side_by_side": "Tableau comparatif",
    "section.partner_only": "Critères propres au programme partenaire",
    "section.method": "Méthode et provenance",
    "section.changes": "Modifications depuis l’édition précédente",
    "section.annex": "Annexe technique",
    # -- couverture
    "cover.compared_with": "Comparaison de {reference} avec {partner}",
    "cover.reference": "Programme de référence",
    "cover.partner": "Programme partenaire",
    "cover.program": "Programme",
    "cover.version": "Version / date",
    "cover.criteria": "Critères",
    "cover.source_file": "Fichier source",
    "cover.not_stated": "non indiquée",
    "cover.author_not_stated": "non indiqué",
    "cover.not_recorded": "non enregistré",
    "cover.date": "Date",
    "cover.prepared_by": "Établi par",
    "cover.handling": "Diffusion",
    "cover.project_file": "Fichier du projet",
    "status.draft_line.one": "PROJET — {unreviewed} critère sur {total} non encore examiné",
    "status.draft_line.many": "PROJET — {unreviewed} critères sur {total} non encore examinés",
    "status.complete_line": "Complet — les {total} critères ont été examinés",
    "cover.draft_note": (
        "Ceci est un document de travail : les chiffres évolueront à mesure que les critères "
        "restants seront examinés."
    ),
    "cover.complete_note": "Chaque critère de référence porte l’évaluation d’un examinateur.",
    # -- principales conclusions
    "findings.draft.one": (
        "<b>Document de travail.</b> Critères de référence examinés à ce jour : {reviewed} sur "
        "{total} ; il en reste {remaining}. Les proportions portent sur les critères "
        "examinés, et les listes ci-dessous s’allongeront à mesure de l’examen."
    ),
    "findings.draft.many": (
        "<b>Document de travail.</b> Critères de référence examinés à ce jour : {reviewed} sur "
        "{total} ; il en reste {remaining}. Les proportions portent sur les critères "
        "examinés, et les listes ci-dessous s’allongeront à mesure de l’examen."
    ),
    "findings.overall": "Compatibilité d’ensemble",
    "findings.share_part": "{status} : {n} ({share})",
    "findings.must.one": "Sur {n} critère obligatoire examiné : {shares}.",
    "findings.must.many": "Sur les {n} critères obligatoires examinés : {shares}.",
    "findings.must_left.one": "{n} critère obligatoire n’est pas encore examiné.",
    "findings.must_left.many": "{n} critères obligatoires ne sont pas encore examinés.",
    "findings.must_none": "Aucun critère obligatoire n’a encore été examiné.",
    "findings.all.one": "Sur {n} critère examiné au total : {shares}.",
    "findings.all.many": "Sur l’ensemble des {n} critères examinés : {shares}.",
    "findings.na.one": "{n} critère est sans objet pour cette comparaison.",
    "findings.na.many": "{n} critères sont sans objet pour cette comparaison.",
    "findings.must_gaps": "Lacunes et conflits parmi les critères obligatoires ({n})",
    "findings.must_gaps_none": "Aucun critère obligatoire n’est évalué en lacune ou en conflit.",
    "findings.must_gaps_none_draft": (
        "Aucun critère obligatoire examiné à ce jour n’est évalué en lacune ou en conflit."
    ),
    "findings.more.one": "… et {n} autre (voir le registre des lacunes et des conflits).",
    "findings.more.many": "… et {n} autres (voir le registre des lacunes et des conflits).",
    "findings.more_po.one": "… et {n} autre (voir les critères propres au partenaire).",
    "findings.more_po.many": "… et {n} autres (voir les critères propres au partenaire).",
    "findings.security": "Critères propres au programme partenaire touchant à la sûreté ({n})",
    "findings.security_intro": (
        "Exigences du programme partenaire en matière de sûreté physique, de sûreté du "
        "personnel ou de sécurité informatique qu’aucun critère de référence ne couvre :"
    ),
    "findings.security_none": (
        "Aucun critère propre au programme partenaire ne touche à la sûreté."
    ),
    "findings.pending.one": (
        "{n} critère du programme partenaire n’est pas encore rattaché : un critère encore "
        "à examiner pourrait le couvrir."
    ),
    "findings.pending.many": (
        "{n} critères du programme partenaire ne sont pas encore rattachés : des critères "
        "encore à examiner pourraient les couvrir."
    ),
    "findings.discussion": "Points de discussion ouverts ({n})",
    "findings.discussion_refs": "Inscrits à l’ordre du jour de la négociation : {refs}.",
    "findings.positions": "Positions de l’administration partenaire",
    "findings.positions_agreed.one": "{n} critère fait l’objet d’un accord des deux parties ;",
    "findings.positions_agreed.many": "{n} critères font l’objet d’un accord des deux parties ;",
    "findings.positions_open.one": "{n} point reste ouvert ;",
    "findings.positions_open.many": "{n} points restent ouverts ;",
    "findings.positions_unanswered.one": "{n} critère est encore sans réponse.",
    "findings.positions_unanswered.many": "{n} critères sont encore sans réponse.",
    # -- synthèse
    "summary.compared": (
        "{n_ref} critères de {reference} ont été comparés à {n_partner} critères de {partner}."
    ),
    "summary.links.one": "{n} rattachement confirmé les relie.",
    "summary.links.many": "{n} rattachements confirmés les relient.",
    "summary.partner_only.one": (
        "{n} critère du programme partenaire n’a pas d’équivalent dans le programme de "
        "référence (critère propre au partenaire)."
    ),
    "summary.partner_only.many": (
        "{n} critères du programme partenaire n’ont pas d’équivalent dans le programme de "
        "référence (critères propres au partenaire)."
    ),
    "summary.not_yet_linked.one": (
        "{n} autre n’est pas encore rattaché : un critère de référence encore à examiner "
        "pourrait le couvrir."
    ),
    "summary.not_yet_linked.many": (
        "{n} autres ne sont pas encore rattachés : des critères de référence encore à examiner "
        "pourraient les couvrir."
    ),
    "summary.not_yet_linked_all.one": (
        "{n} critère du programme partenaire n’est pas encore rattaché : un critère de référence "
        "encore à examiner pourrait le couvrir."
    ),
    "summary.not_yet_linked_all.many": (
        "{n} critères du programme partenaire ne sont pas encore rattachés : des critères de "
        "référence encore à examiner pourraient les couvrir."
    ),
    "summary.draft_shares.one": (
        "<b>Critères de référence examinés : {reviewed} sur {total} ; il en reste "
        "{remaining}.</b> Les proportions ci-dessous portent uniquement sur les critères examinés."
    ),
    "summary.draft_shares.many": (
        "<b>Critères de référence examinés : {reviewed} sur {total} ; il en reste "
        "{remaining}.</b> Les proportions ci-dessous portent uniquement sur les critères examinés."
    ),
    "summary.register.one": "<b>{n}</b> critère est évalué en lacune, en conflit ou partiel ;",
    "summary.register.many": "<b>{n}</b> critères sont évalués en lacune, en conflit ou partiels ;",
    "summary.must_gaps.one": (
        "<b>{n}</b> des lacunes et conflits concerne un critère obligatoire, qui pèse davantage "
        "qu’un critère recommandé."
    ),
    "summary.must_gaps.many": (
        "<b>{n}</b> des lacunes et conflits concernent des critères obligatoires, qui pèsent "
        "davantage que les critères recommandés."
    ),
    "summary.discussion.one": "<b>{n}</b> point est inscrit pour discussion.",
    "summary.discussion.many": "<b>{n}</b> points sont inscrits pour discussion.",
    "summary.assessments": "Évaluations",
    "summary.assessment": "Évaluation",
    "summary.meaning": "Signification",
    "summary.criteria": "Critères",
    "summary.share": "Part",
    "summary.share_reviewed": "Part des examinés",
    "summary.total": "Total",
    "summary.by_level": "Par niveau (obligatoire / recommandé)",
    "summary.level": "Niveau",
    "summary.by_category": "Par catégorie",
    "summary.category": "Catégorie",
    "summary.chart": "Évaluations par catégorie (graphique)",
    "summary.chart_caption": "Nombre de critères de référence de chaque catégorie, par évaluation.",
    "summary.chart_cut": (
        "Le graphique présente les {shown} premières catégories sur {total} ; le tableau "
        "ci-dessus les reprend toutes."
    ),
    # -- colonnes et cellules
    "col.ref": "Réf.",
    "col.assessment": "Évaluation",
    "col.reference_criterion": "Critère de référence",
    "col.criterion": "Critère",
    "col.note": "Observation",
    "col.stricter": "Plus strict",
    "col.program": "Programme",
    "col.reviewer": "Examinateur",
    "col.assessed": "Critères évalués",
    "col.first_utc": "Première activité (UTC)",
    "col.last_utc": "Dernière activité (UTC)",
    "cell.discussion_point": "Point de discussion",
    "cell.text_changed": "Texte modifié depuis la décision",
    "cell.no_link": "Aucun critère du partenaire rattaché",
    "cell.not_linked_yet": "Pas encore rattaché",
    "cell.linked": "Rattaché : {links}",
    "cell.guidance": "Notes explicatives du partenaire :",
    "cell.unsectioned": "Sans section",
    "cell.continued": "{ref} (suite)",
    # -- points de discussion
    "discussion.none": "Aucun point n’est inscrit pour discussion.",
    "discussion.intro.one": (
        "{n} point est inscrit à l’ordre du jour de la négociation, dans l’ordre du programme."
    ),
    "discussion.intro.many": (
        "{n} points sont inscrits à l’ordre du jour de la négociation, dans l’ordre du programme."
    ),
    "discussion.note": "Observation :",
    "discussion.no_note": "Aucune observation.",
    # -- registre
    "register.none": "Aucun critère n’est évalué en lacune, en conflit ou partiel.",
    "register.intro": (
        "Critères de référence évalués en conflit, en lacune ou partiels. Les critères "
        "obligatoires viennent en premier. Pour une évaluation partielle, le programme le plus "
        "strict se déduit de la relation de ses rattachements (sous-ensemble : le partenaire est "
        "plus strict ; sur-ensemble : la référence est plus stricte) ; sinon, l’observation le "
        "précise."
    ),
    "register.draft.one": (
        "{n} critère de référence n’est pas encore examiné ; le registre s’allongera s’il "
        "s’avère être une lacune, un conflit ou partiel."
    ),
    "register.draft.many": (
        "{n} critères de référence ne sont pas encore examinés ; le registre s’allongera à "
        "mesure de leur examen."
    ),
    "register.must": "Critères obligatoires : {n}",
    "register.should": "Critères recommandés : {n}",
    "register.no_level": "Critères sans niveau : {n}",
    # -- tableau comparatif
    "sbs.intro": (
        "Tous les critères de {reference}, dans l’ordre du programme, en regard de leurs "
        "équivalents confirmés dans {partner}."
    ),
    "sbs.relations": (
        "Les relations se lisent « critère de référence … critère du partenaire » : égal (même "
        "exigence), sous-ensemble (la référence exige moins ; le partenaire est plus strict), "
        "sur-ensemble (la référence exige davantage ; elle est plus stricte), intersection (ils "
        "se recoupent en partie)."
    ),
    "sbs.guidance": (
        "Les notes explicatives du partenaire figurent en petits caractères sous ses critères."
    ),
    "sbs.reference_col": "Critère de {program}",
    "sbs.partner_col": "Équivalent(s) dans {program}",
    # -- critères propres au partenaire
    "po.all_linked": "Chaque critère du partenaire est rattaché à un critère de référence.",
    "po.intro.one": (
        "{n} des {total} critères de {partner} n’est rattaché à aucun critère de référence et "
        "lui est propre."
    ),
    "po.intro.many": (
        "{n} des {total} critères de {partner} ne sont rattachés à aucun critère de référence et "
        "lui sont propres."
    ),
    "po.why": (
        "Les programmes d’opérateur économique agréé couvrent aussi le respect de la "
        "réglementation douanière, la tenue des écritures et la solvabilité, dont le programme "
        "de référence ne traite pas ; ils sont présentés selon les sections du partenaire."
    ),
    "po.none_yet": "Aucun critère n’est encore établi comme propre au partenaire.",
    "po.pending_intro.one": (
        "{n} critère de {partner} n’est pas encore rattaché : il figure parmi les meilleurs "
        "candidats d’un critère de référence encore à examiner ; il est donc présenté à part, "
        "après les critères propres au partenaire."
    ),
    "po.pending_intro.many": (
        "{n} critères de {partner} ne sont pas encore rattachés : chacun figure parmi les "
        "meilleurs candidats d’un critère de référence encore à examiner ; ils sont donc "
        "présentés à part, après les critères propres au partenaire."
    ),
    "po.unaligned_intro.one": (
        "{n} critère de {partner} n’est pas encore rattaché. Aucune suggestion n’a été calculée "
        "pour ce projet ; tant que des critères restent à examiner, aucun n’est donc dit propre "
        "au partenaire."
    ),
    "po.unaligned_intro.many": (
        "{n} critères de {partner} ne sont pas encore rattachés. Aucune suggestion n’a été "
        "calculée pour ce projet ; tant que des critères restent à examiner, aucun n’est donc "
        "dit propre au partenaire."
    ),
    "po.pending_title": "Pas encore rattachés ({n})",
    # -- méthode
    "method.suggested": "Comment les candidats ont été proposés",
    "method.suggested_text": (
        "Pour chaque critère de référence, l’outil a classé les critères du partenaire selon la "
        "proximité de leur formulation et de leur sens, et a présenté à l’examinateur les "
        "meilleurs candidats avec les mots qu’ils ont en commun. Les suggestions ne sont que des "
        "propositions : rien n’entre dans ce rapport sans la décision d’un examinateur."
    ),
    "method.refitted": (
        "Pour cette comparaison, le classement a été ajusté sur des rattachements déjà confirmés "
        "par ses examinateurs, et retenu uniquement parce qu’il classait mieux d’autres "
        "rattachements confirmés que le réglage standard."
    ),
    "method.refitted_affinity": (
        "Pour cette comparaison, le classement a été ajusté sur des rattachements déjà confirmés "
        "par ses examinateurs, et retenu uniquement parce qu’il classait mieux d’autres "
        "rattachements confirmés que le réglage standard. Il privilégie aussi les sections du "
        "partenaire déjà rattachées depuis la même section de référence. Cela n’ordonne que les "
        "suggestions ; chaque rattachement de ce rapport a été confirmé par une personne."
    ),
    "method.aligned_at": "Les suggestions ont été calculées pour la dernière fois le {when} UTC.",
    "method.settings_in_annex": "L’annexe technique indique les paramètres utilisés.",
    "method.settings_kept": (
        "Les paramètres utilisés et la piste d’audit complète sont conservés dans le fichier du "
        "projet et peuvent être imprimés en annexe technique."
    ),
    "method.confirmation": "Confirmation humaine",
    "method.confirmed.one": (
        "Le rattachement de ce rapport ({n}) a été confirmé par une personne ; il n’a pas été "
        "accepté automatiquement."
    ),
    "method.confirmed.many": (
        "Chacun des {n} rattachements de ce rapport a été confirmé par une personne ; aucun n’a "
        "été accepté automatiquement."
    ),
    "method.no_links": "Aucun rattachement n’a encore été confirmé ; chacun le sera par une personne.",
    "method.all_suggested.one": "Il a été confirmé à partir d’une suggestion classée.",
    "method.all_suggested.many": "Tous ont été confirmés à partir des suggestions classées.",
    "method.all_by_hand.one": "Il a été établi manuellement.",
    "method.all_by_hand.many": "Tous ont été établis manuellement.",
    "method.split": "{suggested} et {manual}.",
    "method.from_suggestions.one": "{n} a été confirmé à partir d’une suggestion classée",
    "method.from_suggestions.many": "{n} ont été confirmés à partir des suggestions classées",
    "method.by_hand.one": "{n} a été établi manuellement",
    "method.by_hand.many": "{n} ont été établis manuellement",
    "method.named": "Chaque évaluation indique l’examinateur qui l’a enregistrée.",
    "method.partner_only_rule": "Critères propres au partenaire et proportions",
    "method.partner_only_text": (
        "Un critère du partenaire est dit propre au partenaire lorsqu’aucun critère de référence "
        "ne lui est rattaché et, tant que l’examen n’est pas achevé, qu’il ne figure pas parmi "
        "les {ranks} meilleurs candidats d’un critère de référence encore à examiner ; un tel "
        "candidat est présenté comme pas encore rattaché."
    ),
    "method.shares_text": (
        "Tant que l’examen n’est pas achevé, les proportions sont calculées sur les seuls "
        "critères examinés, et le nombre de critères restant à examiner est indiqué en regard."
    ),
    "method.reviewers": "Examinateurs",
    "method.unnamed": "sans nom",
    "method.no_decision": "Aucune décision n’a encore été enregistrée.",
    "method.agreement_intro": (
        "Concordance entre examinateurs, sur les critères que les deux ont évalués (la dernière "
        "évaluation de chacun) ; le kappa de Cohen retranche la concordance due au hasard (1 : "
        "concordance totale ; 0 : pas mieux que le hasard) :"
    ),
    "agreement.none": "{a} et {b} n’ont évalué aucun critère en commun.",
    "agreement.pair.one": (
        "{a} et {b} ont tous deux évalué {n} critère et ont rendu la même évaluation sur "
        "{agreed} ({percent} ; {kappa})."
    ),
    "agreement.pair.many": (
        "{a} et {b} ont tous deux évalué {n} critères et ont rendu la même évaluation sur "
        "{agreed} ({percent} ; {kappa})."
    ),
    "agreement.kappa": "kappa de Cohen {kappa}",
    "agreement.kappa_undefined": (
        "kappa de Cohen non défini, chacun ayant rendu une seule évaluation tout du long"
    ),
    "method.sources": "Sources",
    "method.no_warnings": "L’importateur n’a rien relevé d’inhabituel dans les fichiers sources.",
    "method.warnings_annex.one": (
        "L’importateur a émis {n} avertissement sur les fichiers sources ; l’annexe technique le "
        "reprend."
    ),
    "method.warnings_annex.many": (
        "L’importateur a émis {n} avertissements sur les fichiers sources ; l’annexe technique "
        "les reprend."
    ),
    "method.warnings_kept.one": (
        "L’importateur a émis {n} avertissement sur les fichiers sources ; l’annexe technique le "
        "reprend lorsqu’elle est imprimée."
    ),
    "method.warnings_kept.many": (
        "L’importateur a émis {n} avertissements sur les fichiers sources ; l’annexe technique "
        "les reprend lorsqu’elle est imprimée."
    ),
    "editions.intro": (
        "Éditions de chaque programme, de la plus ancienne à la plus récente ; la comparaison "
        "porte sur la dernière de chacun."
    ),
    "editions.edition": "Édition",
    "editions.imported": "Importée (UTC)",
    "editions.file.one": "{file}, {n} critère",
    "editions.file.many": "{file}, {n} critères",
    "editions.by": "par {who}",
    # -- consensus
    "consensus.round": (
        "Positions de l’administration partenaire issues de l’échange n° {round}, importées le "
        "{date} par {who} (classeur SHA-256 {sha}…)."
    ),
    "consensus.agreed.one": "Les deux parties s’accordent sur {n} critère ;",
    "consensus.agreed.many": "Les deux parties s’accordent sur {n} critères ;",
    "consensus.open.one": (
        "{n} point reste à régler (le partenaire est en désaccord ou demande à en discuter, ou "
        "nous l’avons mis en discussion) ;"
    ),
    "consensus.open.many": (
        "{n} points restent à régler (le partenaire est en désaccord ou demande à en discuter, "
        "ou nous les avons mis en discussion) ;"
    ),
    "consensus.unanswered.one": "{n} critère est encore sans réponse.",
    "consensus.unanswered.many": "{n} critères sont encore sans réponse.",
    "consensus.ours": (
        "Nos évaluations n’engagent que nous : les positions du partenaire ne les modifient jamais."
    ),
    "consensus.points.one": "{n} point à régler",
    "consensus.points.many": "{n} points à régler",
    "consensus.group": "{section} : {agreed} d’accord, {open}",
    "consensus.group_unanswered": "{section} : pas encore de réponse",
    "consensus.agreed_label": "D’accord ({n}) :",
    "consensus.unanswered_label": "Pas encore de réponse ({n}) : {refs}",
    "consensus.ours_col": "Notre évaluation et observation",
    "consensus.theirs_col": "Leur position et commentaire",
    "consensus.no_comment": "Aucun commentaire.",
    # -- modifications depuis l’édition précédente
    "changes.key": (
        "Dans les textes ci-dessous, les mots barrés en rouge ont été supprimés et les mots "
        "soulignés en vert ont été ajoutés."
    ),
    "changes.side_reference": "Programme de référence",
    "changes.side_partner": "Programme partenaire",
    "changes.edition": "l’édition {n}",
    "changes.unnamed": "un examinateur sans nom",
    "changes.nothing": "aucun critère n’a changé",
    "changes.intro_reference": (
        "Le programme de référence {program} est passé de {previous} à {current} le {date} "
        "(importation par {who}) : {counts}. Les décisions ont été reportées sur les nouveaux "
        "critères ; celles qui touchent un texte modifié sont signalées pour être revues jusqu’à "
        "ce qu’un examinateur les confirme."
    ),
    "changes.intro_partner": (
        "Le programme partenaire {program} est passé de {previous} à {current} le {date} "
        "(importation par {who}) : {counts}. Les décisions ont été reportées sur les nouveaux "
        "critères ; celles qui touchent un texte modifié sont signalées pour être revues jusqu’à "
        "ce qu’un examinateur les confirme."
    ),
    "changes.kind.added": "Ajoutés",
    "changes.kind.removed": "Supprimés",
    "changes.kind.reworded": "Reformulés",
    "changes.kind.renumbered": "Renumérotés",
    "changes.kind.renumbered_reworded": "Renumérotés et reformulés",
    "changes.kind.split": "Scindés",
    "changes.kind.merged": "Fusionnés",
    "changes.state_dropped": "Abandonné :",
    "changes.state_linked_from": "rattaché depuis {ref}",
    "changes.state_links": "rattachements",
    "changes.state_check": "à revoir",
    "changes.state_holds": "maintenu",
    "changes.text": "Texte",
    "changes.decision": "Décision",
    "changes.no_decision": "Aucune décision",
    # -- annexe technique
    "annex.intro": (
        "Pour mémoire : les paramètres de l’aligneur, ce que l’importateur a relevé dans les "
        "fichiers sources, tous les comptes de la piste d’audit et la piste elle-même en "
        "modifications nettes (une modification annulée par la suite est omise). Le fichier du "
        "projet conserve la piste complète."
    ),
    "annex.settings": "Paramètres de l’aligneur",
    "annex.setting": "Paramètre",
    "annex.value": "Valeur",
    "annex.no_settings": "Le projet n’enregistre aucun paramètre de l’aligneur.",
    "annex.aligner_note": "Note de l’aligneur : {note}",
    "annex.warnings": "Avertissements à l’importation",
    "annex.no_warnings": "L’importateur n’a rien relevé d’inhabituel dans les fichiers sources.",
    "annex.warnings_intro.one": (
        "À l’importation des programmes, l’importateur a émis {n} avertissement (lignes "
        "ignorées, colonnes non importées, langues retenues) ; il indique l’emplacement dans le "
        "fichier source."
    ),
    "annex.warnings_intro.many": (
        "À l’importation des programmes, l’importateur a émis {n} avertissements (lignes "
        "ignorées, colonnes non importées, langues retenues) ; chacun indique l’emplacement dans "
        "le fichier source."
    ),
    "annex.warnings_more.one": "… et {n} autre (le projet les conserve tous).",
    "annex.warnings_more.many": "… et {n} autres (le projet les conserve tous).",
    "annex.where": "Emplacement",
    "annex.warning": "Avertissement",
    "annex.accounts": "Comptes de la piste d’audit",
    "annex.accounts_intro": (
        "Tous les noms que consigne la piste d’audit, y compris les comptes qui ont seulement "
        "créé le projet, calculé les suggestions ou importé, sans évaluer aucun critère."
    ),
    "annex.history": "Piste d’audit",
    "annex.history_total.one": (
        "La piste d’audit du projet compte {n} modification enregistrée. Par type :"
    ),
    "annex.history_total.many": (
        "La piste d’audit du projet compte {n} modifications enregistrées. Par type :"
    ),
    "annex.change": "Modification",
    "annex.count": "Nombre",
    "annex.net_intro.one": "{n} modification nette, de la plus récente à la plus ancienne :",
    "annex.net_intro.many": "{n} modifications nettes, de la plus récente à la plus ancienne :",
    "annex.net_cut": (
        "Les {n} plus récentes sont présentées ; le classeur exporté reprend toute la piste."
    ),
    "annex.when": "Quand (UTC)",
    "annex.before": "Avant",
    "annex.after": "Après",
    "annex.no_history": "L’historique du projet n’enregistre aucune modification.",
    "action.create": "projet créé",
    "action.align": "suggestions calculées",
    "action.status": "évaluation",
    "action.note": "observation",
    "action.discussion": "mise en discussion",
    "action.link": "rattachement",
    "action.unlink": "rattachement retiré",
    "action.reject": "candidat écarté",
    "action.unreject": "rejet annulé",
    "action.pin": "candidat épinglé",
    "action.unpin": "épinglage retiré",
    "action.settings": "paramètres",
    "action.reviewer": "nom de l’examinateur",
    "action.position": "position du partenaire",
    "action.exchange_import": "positions importées",
    "action.exchange_export": "évaluation transmise",
    "action.edition": "nouvelle édition",
    "action.carry": "décision reportée",
    "action.confirm_unchanged": "confirmé après modification",
    "action.exclude": "critère exclu",
    "action.unexclude": "critère rétabli",
    "action.drop": "décision abandonnée",
    "action.merged": "fusionné",
    "action.not_taken": "non retenu lors d’une fusion",
    "action.undo": "annulation",
    # -- the workbook (plain text, no markup; sheet names at most 31 characters)
    "wb.sheet.summary": "Synthèse",
    "wb.sheet.side_by_side": "Tableau comparatif",
    "wb.sheet.gaps": "Lacunes",
    "wb.sheet.partner_only": "Propres au partenaire",
    "wb.sheet.discussion": "Points de discussion",
    "wb.sheet.history": "Historique",
    "wb.sheet.warnings": "Avertissements d’import",
    "wb.sheet.editions": "Éditions",
    "wb.sheet.consensus": "Consensus et points à régler",
    "wb.status": "État",
    "wb.partner_only_count": "Critères propres au partenaire",
    "wb.not_yet_linked_count": "Critères du partenaire pas encore rattachés",
    "wb.links": "Rattachements confirmés",
    "wb.yes": "oui",
    "wb.partner_refs": "Réf. du partenaire",
    "wb.relations": "Type de relation",
    "wb.partner_criteria": "Critères du partenaire",
    "wb.guidance": "Notes explicatives du partenaire",
    "wb.text_changed": "Texte modifié",
    "wb.decided_at": "Décidé le (UTC)",
    "wb.linked": "Critères du partenaire rattachés",
    "wb.partner_section": "Section du partenaire",
    "wb.partner_only": "Propre au partenaire",
    "wb.partner_administration": "Administration partenaire",
    "wb.reference_ref": "Réf. de référence",
    "wb.partner_ref": "Réf. partenaire",
    "wb.bulk": "En bloc",
    "wb.side": "Rôle",
    "wb.version_label": "Libellé de version",
    "wb.imported_by": "Importée par",
    "wb.changes": "Modifications depuis l’édition précédente",
    "wb.our_assessment": "Notre évaluation",
    "wb.our_note": "Notre observation",
    "wb.our_flag": "Notre mention « à discuter »",
    "wb.their_position": "Leur position",
    "wb.their_comment": "Leur commentaire",
    "wb.round": "Tour",
    "wb.outcome": "Résultat",
    "wb.outcome.open": "À régler",
    "wb.outcome.agreed": "Convenu",
    "wb.outcome.unanswered": "Pas encore de réponse",
}


def _typography(text: str) -> str:
    """French spacing: a no-break space before : ; ? ! and inside « », so none starts a line."""
    for mark in (":", ";", "?", "!", "»"):
        text = text.replace(f" {mark}", f"\u00a0{mark}")
    return text.replace("« ", "«\u00a0")


MESSAGES = {key: _typography(value) for key, value in MESSAGES.items()}
