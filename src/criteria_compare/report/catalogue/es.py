"""Las palabras del informe en español (mismas claves y campos que el catálogo inglés)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- títulos, metadatos, marcas de página
    "title.default": "Informe de compatibilidad",
    "title.programs": "{reference} y {partner}: informe de compatibilidad",
    "meta.subject": "Comparación de {reference} con {partner}",
    "meta.keywords": (
        "operador económico autorizado, OEA, reconocimiento mutuo, seguridad de la cadena "
        "logística, informe de compatibilidad"
    ),
    "mark.draft": "BORRADOR",
    "mark.page": "Página {page} de {total}",
    # -- evaluaciones, relaciones, niveles, posiciones
    "status.aligned": "Alineado",
    "status.partial": "Parcial",
    "status.gap": "Brecha",
    "status.conflict": "Conflicto",
    "status.not_applicable": "N/A",
    "status.unreviewed": "Pendiente de revisión",
    "status_short.unreviewed": "Pend.",
    "relation.equal": "igual",
    "relation.subset_of": "subconjunto",
    "relation.superset_of": "superconjunto",
    "relation.intersects_with": "intersección",
    "level.must": "Obligatorio",
    "level.should": "Recomendado",
    "level.unspecified": "Sin nivel",
    "level_short.must": "Oblig.",
    "level_short.should": "Recom.",
    "level_short.unspecified": "Sin nivel",
    "stance.agree": "De acuerdo",
    "stance.disagree": "En desacuerdo",
    "stance.needs_discussion": "Requiere debate",
    "stance.blank": "Sin posición",
    "stricter.partner": "Asociado",
    "stricter.reference": "Referencia",
    "stricter.see_note": "Ver observación",
    "meaning.aligned": "El programa asociado tiene un requisito equivalente.",
    "meaning.partial": (
        "El programa asociado lo cubre en parte; la observación indica qué falta y qué parte es "
        "más estricta."
    ),
    "meaning.gap": "El programa asociado no tiene un requisito equivalente.",
    "meaning.conflict": (
        "El programa asociado exige algo incompatible; la observación lo explica."
    ),
    "meaning.not_applicable": "No se aplica a esta comparación; la observación da el motivo.",
    "meaning.unreviewed": "Ningún revisor lo ha evaluado todavía.",
    # -- secciones
    "section.findings": "Conclusiones principales",
    "section.contents": "Índice",
    "section.summary": "Resumen ejecutivo",
    "section.discussion": "Puntos de discusión",
    "section.consensus": "Ámbitos de consenso y puntos por resolver",
    "section.register": "Registro de brechas y conflictos",
    "section.side_by_side": "Cuadro comparativo",
    "section.partner_only": "Criterios propios del programa asociado",
    "section.method": "Método y procedencia",
    "section.changes": "Cambios desde la edición anterior",
    "section.annex": "Anexo técnico",
    # -- portada
    "cover.compared_with": "Comparación de {reference} con {partner}",
    "cover.reference": "Programa de referencia",
    "cover.partner": "Programa asociado",
    "cover.program": "Programa",
    "cover.version": "Versión / fecha",
    "cover.criteria": "Criterios",
    "cover.source_file": "Archivo de origen",
    "cover.not_stated": "no indicada",
    "cover.author_not_stated": "no indicado",
    "cover.not_recorded": "no registrado",
    "cover.date": "Fecha",
    "cover.prepared_by": "Elaborado por",
    "cover.handling": "Clasificación",
    "cover.project_file": "Archivo del proyecto",
    "status.draft_line.one": "BORRADOR — {unreviewed} de {total} criterios pendiente de revisión",
    "status.draft_line.many": "BORRADOR — {unreviewed} de {total} criterios pendientes de revisión",
    "status.complete_line": "Completo — los {total} criterios han sido revisados",
    "cover.draft_note": (
        "Este es un borrador de trabajo: las cifras cambiarán a medida que se revisen los "
        "criterios pendientes."
    ),
    "cover.complete_note": "Cada criterio de referencia lleva la evaluación de un revisor.",
    # -- conclusiones principales
    "findings.draft.one": (
        "<b>Borrador de trabajo.</b> Hasta ahora se han revisado {reviewed} de {total} criterios "
        "de referencia; queda {remaining}. Las proporciones se refieren a los criterios "
        "revisados, y las listas siguientes crecerán a medida que avance la revisión."
    ),
    "findings.draft.many": (
        "<b>Borrador de trabajo.</b> Hasta ahora se han revisado {reviewed} de {total} criterios "
        "de referencia; quedan {remaining}. Las proporciones se refieren a los criterios "
        "revisados, y las listas siguientes crecerán a medida que avance la revisión."
    ),
    "findings.overall": "Compatibilidad general",
    "findings.share_part": "{status}: {n} ({share})",
    "findings.must.one": "Del {n} criterio obligatorio revisado: {shares}.",
    "findings.must.many": "De los {n} criterios obligatorios revisados: {shares}.",
    "findings.must_left.one": "Queda {n} criterio obligatorio pendiente de revisión.",
    "findings.must_left.many": "Quedan {n} criterios obligatorios pendientes de revisión.",
    "findings.must_none": "Todavía no se ha revisado ningún criterio obligatorio.",
    "findings.all.one": "Del {n} criterio revisado en total: {shares}.",
    "findings.all.many": "Del total de {n} criterios revisados: {shares}.",
    "findings.na.one": "{n} criterio no se aplica a esta comparación.",
    "findings.na.many": "{n} criterios no se aplican a esta comparación.",
    "findings.must_gaps": "Brechas y conflictos en criterios obligatorios ({n})",
    "findings.must_gaps_none": "Ningún criterio obligatorio se ha evaluado como brecha o conflicto.",
    "findings.must_gaps_none_draft": (
        "Ningún criterio obligatorio revisado hasta ahora se ha evaluado como brecha o conflicto."
    ),
    "findings.more.one": "… y {n} más (véase el registro de brechas y conflictos).",
    "findings.more.many": "… y {n} más (véase el registro de brechas y conflictos).",
    "findings.more_po.one": "… y {n} más (véanse los criterios propios del programa asociado).",
    "findings.more_po.many": "… y {n} más (véanse los criterios propios del programa asociado).",
    "findings.security": "Criterios propios del programa asociado relativos a la seguridad ({n})",
    "findings.security_intro": (
        "Requisitos del programa asociado sobre seguridad física, del personal o informática que "
        "ningún criterio de referencia cubre:"
    ),
    "findings.security_none": "Ningún criterio propio del programa asociado trata de seguridad.",
    "findings.pending.one": (
        "{n} criterio del programa asociado aún no está vinculado: un criterio pendiente de "
        "revisión podría cubrirlo."
    ),
    "findings.pending.many": (
        "{n} criterios del programa asociado aún no están vinculados: criterios pendientes "
        "de revisión podrían cubrirlos."
    ),
    "findings.discussion": "Puntos de discusión abiertos ({n})",
    "findings.discussion_refs": "Señalados para el orden del día de la negociación: {refs}.",
    "findings.positions": "Posiciones de la administración asociada",
    "findings.positions_agreed.one": "{n} criterio cuenta con el acuerdo de ambas partes;",
    "findings.positions_agreed.many": "{n} criterios cuentan con el acuerdo de ambas partes;",
    "findings.positions_open.one": "{n} punto sigue abierto;",
    "findings.positions_open.many": "{n} puntos siguen abiertos;",
    "findings.positions_unanswered.one": "{n} criterio aún no tiene respuesta.",
    "findings.positions_unanswered.many": "{n} criterios aún no tienen respuesta.",
    # -- resumen ejecutivo
    "summary.compared": (
        "Se compararon {n_ref} criterios de {reference} con {n_partner} criterios de {partner}."
    ),
    "summary.links.one": "Los une {n} vínculo confirmado.",
    "summary.links.many": "Los unen {n} vínculos confirmados.",
    "summary.partner_only.one": (
        "{n} criterio del programa asociado no tiene equivalente en el programa de referencia "
        "(criterio propio del programa asociado)."
    ),
    "summary.partner_only.many": (
        "{n} criterios del programa asociado no tienen equivalente en el programa de referencia "
        "(criterios propios del programa asociado)."
    ),
    "summary.not_yet_linked.one": (
        "{n} criterio más aún no está vinculado: un criterio de referencia pendiente de revisión "
        "podría cubrirlo."
    ),
    "summary.not_yet_linked.many": (
        "{n} criterios más aún no están vinculados: criterios de referencia pendientes de "
        "revisión podrían cubrirlos."
    ),
    "summary.not_yet_linked_all.one": (
        "{n} criterio del programa asociado aún no está vinculado: un criterio de referencia "
        "pendiente de revisión podría cubrirlo."
    ),
    "summary.not_yet_linked_all.many": (
        "{n} criterios del programa asociado aún no están vinculados: criterios de referencia "
        "pendientes de revisión podrían cubrirlos."
    ),
    "summary.draft_shares.one": (
        "<b>Se han revisado {reviewed} de {total} criterios de referencia; queda {remaining}.</b> "
        "Las proporciones siguientes se refieren solo a los criterios revisados."
    ),
    "summary.draft_shares.many": (
        "<b>Se han revisado {reviewed} de {total} criterios de referencia; quedan {remaining}.</b> "
        "Las proporciones siguientes se refieren solo a los criterios revisados."
    ),
    "summary.register.one": (
        "<b>{n}</b> criterio se ha evaluado como brecha, conflicto o parcial;"
    ),
    "summary.register.many": (
        "<b>{n}</b> criterios se han evaluado como brecha, conflicto o parcial;"
    ),
    "summary.must_gaps.one": (
        "<b>{n}</b> de las brechas y conflictos afecta a un criterio obligatorio, que pesa más "
        "que uno recomendado."
    ),
    "summary.must_gaps.many": (
        "<b>{n}</b> de las brechas y conflictos afectan a criterios obligatorios, que pesan más "
        "que los recomendados."
    ),
    "summary.discussion.one": "<b>{n}</b> punto está señalado para discusión.",
    "summary.discussion.many": "<b>{n}</b> puntos están señalados para discusión.",
    "summary.assessments": "Evaluaciones",
    "summary.assessment": "Evaluación",
    "summary.meaning": "Significado",
    "summary.criteria": "Criterios",
    "summary.share": "Proporción",
    "summary.share_reviewed": "Proporción de los revisados",
    "summary.total": "Total",
    "summary.by_level": "Por nivel (obligatorio / recomendado)",
    "summary.level": "Nivel",
    "summary.by_category": "Por categoría",
    "summary.category": "Categoría",
    "summary.chart": "Evaluaciones por categoría (gráfico)",
    "summary.chart_caption": "Número de criterios de referencia de cada categoría, por evaluación.",
    "summary.chart_cut": (
        "El gráfico muestra las {shown} primeras de {total} categorías; el cuadro anterior las "
        "recoge todas."
    ),
    # -- columnas y celdas
    "col.ref": "Ref.",
    "col.assessment": "Evaluación",
    "col.reference_criterion": "Criterio de referencia",
    "col.criterion": "Criterio",
    "col.note": "Observación",
    "col.stricter": "Parte más estricta",
    "col.program": "Programa",
    "col.reviewer": "Revisor",
    "col.assessed": "Criterios evaluados",
    "col.first_utc": "Primera actividad (UTC)",
    "col.last_utc": "Última actividad (UTC)",
    "cell.discussion_point": "Punto de discusión",
    "cell.text_changed": "Texto modificado tras la decisión",
    "cell.no_link": "Ningún criterio del programa asociado vinculado",
    "cell.not_linked_yet": "Aún sin vincular",
    "cell.linked": "Vinculado: {links}",
    "cell.guidance": "Orientación del programa asociado:",
    "cell.unsectioned": "Sin sección",
    "cell.continued": "{ref} (sigue)",
    # -- puntos de discusión
    "discussion.none": "Ningún punto está señalado para discusión.",
    "discussion.intro.one": (
        "{n} punto está señalado para el orden del día de la negociación, en el orden del programa."
    ),
    "discussion.intro.many": (
        "{n} puntos están señalados para el orden del día de la negociación, en el orden del "
        "programa."
    ),
    "discussion.note": "Observación:",
    "discussion.no_note": "Sin observación.",
    # -- registro
    "register.none": "Ningún criterio se ha evaluado como brecha, conflicto o parcial.",
    "register.intro": (
        "Criterios de referencia evaluados como conflicto, brecha o parcial. Los criterios "
        "obligatorios figuran primero. En una evaluación parcial, la parte más estricta se "
        "deduce de la relación de sus vínculos (subconjunto: el programa asociado es más "
        "estricto; superconjunto: el de referencia es más estricto); si no, lo indica la "
        "observación."
    ),
    "register.draft.one": (
        "{n} criterio de referencia está pendiente de revisión; el registro crecerá si resulta "
        "ser una brecha, un conflicto o parcial."
    ),
    "register.draft.many": (
        "{n} criterios de referencia están pendientes de revisión; el registro crecerá a medida "
        "que se revisen."
    ),
    "register.must": "Criterios obligatorios: {n}",
    "register.should": "Criterios recomendados: {n}",
    "register.no_level": "Criterios sin nivel: {n}",
    # -- cuadro comparativo
    "sbs.intro": (
        "Todos los criterios de {reference}, en el orden del programa, junto a sus equivalentes "
        "confirmados en {partner}."
    ),
    "sbs.relations": (
        "Las relaciones se leen «criterio de referencia … criterio del programa asociado»: igual "
        "(mismo requisito), subconjunto (la referencia exige menos; el programa asociado es más "
        "estricto), superconjunto (la referencia exige más; es más estricta), intersección "
        "(coinciden en parte)."
    ),
    "sbs.guidance": (
        "La orientación propia del programa asociado figura en letra pequeña bajo sus criterios."
    ),
    "sbs.reference_col": "Criterio de {program}",
    "sbs.partner_col": "Equivalente(s) en {program}",
    # -- criterios propios del programa asociado
    "po.all_linked": "Todos los criterios del programa asociado están vinculados a un criterio de referencia.",
    "po.intro.one": (
        "{n} de los {total} criterios de {partner} no está vinculado a ningún criterio de "
        "referencia y es propio del programa asociado."
    ),
    "po.intro.many": (
        "{n} de los {total} criterios de {partner} no están vinculados a ningún criterio de "
        "referencia y son propios del programa asociado."
    ),
    "po.why": (
        "Los programas de operador económico autorizado abarcan también el cumplimiento "
        "aduanero, la llevanza de registros y la solvencia, que el programa de referencia no "
        "trata; se presentan según las secciones del propio programa asociado."
    ),
    "po.none_yet": "Todavía no se sabe de ningún criterio propio del programa asociado.",
    "po.pending_intro.one": (
        "{n} criterio de {partner} aún no está vinculado: figura entre los mejores candidatos de "
        "un criterio de referencia pendiente de revisión, por lo que se presenta aparte, después "
        "de los criterios propios del programa asociado."
    ),
    "po.pending_intro.many": (
        "{n} criterios de {partner} aún no están vinculados: cada uno figura entre los mejores "
        "candidatos de un criterio de referencia pendiente de revisión, por lo que se presentan "
        "aparte, después de los criterios propios del programa asociado."
    ),
    "po.unaligned_intro.one": (
        "{n} criterio de {partner} aún no está vinculado. No se han calculado sugerencias para "
        "este proyecto, por lo que, mientras queden criterios por revisar, ninguno se considera "
        "propio del programa asociado."
    ),
    "po.unaligned_intro.many": (
        "{n} criterios de {partner} aún no están vinculados. No se han calculado sugerencias para "
        "este proyecto, por lo que, mientras queden criterios por revisar, ninguno se considera "
        "propio del programa asociado."
    ),
    "po.pending_title": "Aún sin vincular ({n})",
    # -- método
    "method.suggested": "Cómo se propusieron los candidatos",
    "method.suggested_text": (
        "Para cada criterio de referencia, la herramienta ordenó los criterios del programa "
        "asociado según la semejanza de su redacción y de su sentido, y mostró al revisor los "
        "mejores candidatos con las palabras que comparten. Las sugerencias son solo propuestas: "
        "nada entra en este informe sin la decisión de un revisor."
    ),
    "method.refitted": (
        "Para esta comparación, la ordenación se ajustó con vínculos ya confirmados por sus "
        "revisores, y solo se adoptó porque ordenaba mejor otros vínculos confirmados que el "
        "ajuste estándar."
    ),
    "method.refitted_affinity": (
        "Para esta comparación, la ordenación se ajustó con vínculos ya confirmados por sus "
        "revisores, y solo se adoptó porque ordenaba mejor otros vínculos confirmados que el "
        "ajuste estándar. Además favorece las secciones del programa asociado ya vinculadas desde "
        "la misma sección de referencia. Esto solo ordena las sugerencias; cada vínculo de este "
        "informe lo confirmó una persona."
    ),
    "method.aligned_at": "Las sugerencias se calcularon por última vez el {when} UTC.",
    "method.settings_in_annex": "El anexo técnico recoge los parámetros utilizados.",
    "method.settings_kept": (
        "Los parámetros utilizados y el registro de auditoría completo se conservan en el archivo "
        "del proyecto y pueden imprimirse como anexo técnico."
    ),
    "method.confirmation": "Confirmación humana",
    "method.confirmed.one": (
        "El {n} vínculo de este informe lo confirmó una persona; no se aceptó automáticamente."
    ),
    "method.confirmed.many": (
        "Cada uno de los {n} vínculos de este informe lo confirmó una persona; ninguno se aceptó "
        "automáticamente."
    ),
    "method.no_links": "Todavía no se ha confirmado ningún vínculo; cada vínculo lo confirmará una persona.",
    "method.all_suggested.one": "Se confirmó a partir de una sugerencia ordenada.",
    "method.all_suggested.many": "Todos se confirmaron a partir de sugerencias ordenadas.",
    "method.all_by_hand.one": "Se estableció a mano.",
    "method.all_by_hand.many": "Todos se establecieron a mano.",
    "method.split": "{suggested} y {manual}.",
    "method.from_suggestions.one": "{n} se confirmó a partir de una sugerencia ordenada",
    "method.from_suggestions.many": "{n} se confirmaron a partir de sugerencias ordenadas",
    "method.by_hand.one": "{n} se estableció a mano",
    "method.by_hand.many": "{n} se establecieron a mano",
    "method.named": "Cada evaluación indica el revisor que la registró.",
    "method.partner_only_rule": "Criterios propios del programa asociado y proporciones",
    "method.partner_only_text": (
        "Un criterio del programa asociado se considera propio de este cuando ningún criterio de "
        "referencia está vinculado a él y, mientras la revisión no haya concluido, no figura "
        "entre los {ranks} mejores candidatos de ningún criterio de referencia pendiente de "
        "revisión; un candidato así se presenta como aún sin vincular."
    ),
    "method.shares_text": (
        "Mientras la revisión no haya concluido, las proporciones se calculan solo sobre los "
        "criterios revisados, y se indica a su lado cuántos quedan por revisar."
    ),
    "method.reviewers": "Revisores",
    "method.unnamed": "sin nombre",
    "method.no_decision": "Todavía no se ha registrado ninguna decisión.",
    "method.agreement_intro": (
        "Concordancia entre revisores, sobre los criterios que ambos evaluaron (la última "
        "evaluación de cada uno); el kappa de Cohen descuenta la concordancia esperable por azar "
        "(1 es concordancia total; 0, no mejor que el azar):"
    ),
    "agreement.none": "{a} y {b} no evaluaron ningún criterio en común.",
    "agreement.pair.one": (
        "{a} y {b} evaluaron ambos {n} criterio y coincidieron en {agreed} ({percent}; {kappa})."
    ),
    "agreement.pair.many": (
        "{a} y {b} evaluaron ambos {n} criterios y coincidieron en {agreed} ({percent}; {kappa})."
    ),
    "agreement.kappa": "kappa de Cohen {kappa}",
    "agreement.kappa_undefined": (
        "kappa de Cohen no definido, pues ambos dieron siempre la misma evaluación"
    ),
    "method.sources": "Fuentes",
    "method.no_warnings": "El importador no señaló nada inusual en ninguno de los archivos de origen.",
    "method.warnings_annex.one": (
        "El importador emitió {n} advertencia sobre los archivos de origen; el anexo técnico la "
        "recoge."
    ),
    "method.warnings_annex.many": (
        "El importador emitió {n} advertencias sobre los archivos de origen; el anexo técnico "
        "las recoge."
    ),
    "method.warnings_kept.one": (
        "El importador emitió {n} advertencia sobre los archivos de origen; el anexo técnico la "
        "recoge cuando se imprime."
    ),
    "method.warnings_kept.many": (
        "El importador emitió {n} advertencias sobre los archivos de origen; el anexo técnico "
        "las recoge cuando se imprime."
    ),
    "editions.intro": (
        "Ediciones de cada programa, de la más antigua a la más reciente; la comparación utiliza "
        "la última de cada uno."
    ),
    "editions.edition": "Edición",
    "editions.imported": "Importada (UTC)",
    "editions.file.one": "{file}, {n} criterio",
    "editions.file.many": "{file}, {n} criterios",
    "editions.by": "por {who}",
    # -- consenso
    "consensus.round": (
        "Posiciones de la administración asociada de la ronda de intercambio {round}, importadas "
        "el {date} por {who} (libro SHA-256 {sha}…)."
    ),
    "consensus.agreed.one": "Ambas partes están de acuerdo en {n} criterio;",
    "consensus.agreed.many": "Ambas partes están de acuerdo en {n} criterios;",
    "consensus.open.one": (
        "queda {n} punto por resolver (la administración asociada está en desacuerdo o pide "
        "debatirlo, o lo hemos sometido a discusión);"
    ),
    "consensus.open.many": (
        "quedan {n} puntos por resolver (la administración asociada está en desacuerdo o pide "
        "debatirlos, o los hemos sometido a discusión);"
    ),
    "consensus.unanswered.one": "{n} criterio aún no tiene respuesta.",
    "consensus.unanswered.many": "{n} criterios aún no tienen respuesta.",
    "consensus.ours": (
        "Nuestras evaluaciones son solo nuestras: las posiciones de la administración asociada "
        "nunca las modifican."
    ),
    "consensus.points.one": "{n} punto por resolver",
    "consensus.points.many": "{n} puntos por resolver",
    "consensus.group": "{section}: {agreed} de acuerdo, {open}",
    "consensus.group_unanswered": "{section}: aún sin respuesta",
    "consensus.agreed_label": "De acuerdo ({n}):",
    "consensus.unanswered_label": "Aún sin respuesta ({n}): {refs}",
    "consensus.ours_col": "Nuestra evaluación y observación",
    "consensus.theirs_col": "Su posición y comentario",
    "consensus.no_comment": "Sin comentario.",
    # -- cambios desde la edición anterior
    "changes.key": (
        "En los textos siguientes, las palabras tachadas en rojo se suprimieron y las subrayadas "
        "en verde se añadieron."
    ),
    "changes.side_reference": "Programa de referencia",
    "changes.side_partner": "Programa asociado",
    "changes.edition": "la edición {n}",
    "changes.unnamed": "un revisor sin nombre",
    "changes.nothing": "ningún criterio cambió",
    "changes.intro_reference": (
        "El programa de referencia {program} pasó de {previous} a {current} el {date}, "
        "importado por {who}: {counts}. Las decisiones se trasladaron a los nuevos criterios; "
        "las que afectan a un texto modificado quedan marcadas para volver a comprobarse hasta "
        "que un revisor las confirme."
    ),
    "changes.intro_partner": (
        "El programa asociado {program} pasó de {previous} a {current} el {date}, importado por "
        "{who}: {counts}. Las decisiones se trasladaron a los nuevos criterios; las que afectan "
        "a un texto modificado quedan marcadas para volver a comprobarse hasta que un revisor "
        "las confirme."
    ),
    "changes.kind.added": "Añadidos",
    "changes.kind.removed": "Suprimidos",
    "changes.kind.reworded": "Reformulados",
    "changes.kind.renumbered": "Renumerados",
    "changes.kind.renumbered_reworded": "Renumerados y reformulados",
    "changes.kind.split": "Divididos",
    "changes.kind.merged": "Fusionados",
    "changes.state_dropped": "Descartado:",
    "changes.state_linked_from": "vinculado desde {ref}",
    "changes.state_links": "vínculos",
    "changes.state_check": "por volver a comprobar",
    "changes.state_holds": "se mantiene",
    "changes.text": "Texto",
    "changes.decision": "Decisión",
    "changes.no_decision": "Sin decisión",
    # -- anexo técnico
    "annex.intro": (
        "Para que conste: los parámetros del alineador, lo que el importador observó en los "
        "archivos de origen, todas las cuentas que figuran en el registro de auditoría y el "
        "propio registro como cambios netos (se omite un cambio deshecho más tarde). El archivo "
        "del proyecto conserva el registro completo."
    ),
    "annex.settings": "Parámetros del alineador",
    "annex.setting": "Parámetro",
    "annex.value": "Valor",
    "annex.no_settings": "El proyecto no registra parámetros del alineador.",
    "annex.aligner_note": "Nota del alineador: {note}",
    "annex.warnings": "Advertencias de importación",
    "annex.no_warnings": "El importador no señaló nada inusual en ninguno de los archivos de origen.",
    "annex.warnings_intro.one": (
        "Al importar los programas, el importador emitió {n} advertencia (filas omitidas, "
        "columnas no importadas, idiomas elegidos); indica el lugar del archivo de origen."
    ),
    "annex.warnings_intro.many": (
        "Al importar los programas, el importador emitió {n} advertencias (filas omitidas, "
        "columnas no importadas, idiomas elegidos); cada una indica el lugar del archivo de "
        "origen."
    ),
    "annex.warnings_more.one": "… y {n} más (el proyecto las conserva todas).",
    "annex.warnings_more.many": "… y {n} más (el proyecto las conserva todas).",
    "annex.where": "Ubicación",
    "annex.warning": "Advertencia",
    "annex.accounts": "Cuentas del registro de auditoría",
    "annex.accounts_intro": (
        "Todos los nombres que recoge el registro de auditoría, incluidas las cuentas que solo "
        "crearon el proyecto, calcularon sugerencias o importaron, sin evaluar ningún criterio."
    ),
    "annex.history": "Registro de auditoría",
    "annex.history_total.one": (
        "El registro de auditoría del proyecto contiene {n} cambio registrado. Por tipo:"
    ),
    "annex.history_total.many": (
        "El registro de auditoría del proyecto contiene {n} cambios registrados. Por tipo:"
    ),
    "annex.change": "Cambio",
    "annex.count": "Número",
    "annex.net_intro.one": "{n} cambio neto, del más reciente al más antiguo:",
    "annex.net_intro.many": "{n} cambios netos, del más reciente al más antiguo:",
    "annex.net_cut": (
        "Se muestran los {n} más recientes; el libro de Excel exportado recoge el registro "
        "completo."
    ),
    "annex.when": "Fecha (UTC)",
    "annex.before": "Antes",
    "annex.after": "Después",
    "annex.no_history": "El historial del proyecto no registra ningún cambio.",
    "action.create": "proyecto creado",
    "action.align": "sugerencias calculadas",
    "action.status": "evaluación",
    "action.note": "observación",
    "action.discussion": "señal de discusión",
    "action.link": "vínculo",
    "action.unlink": "vínculo suprimido",
    "action.reject": "candidato descartado",
    "action.unreject": "descarte anulado",
    "action.pin": "candidato fijado",
    "action.unpin": "fijación anulada",
    "action.settings": "parámetros",
    "action.reviewer": "nombre del revisor",
    "action.position": "posición de la administración asociada",
    "action.exchange_import": "posiciones importadas",
    "action.exchange_export": "evaluación enviada",
    "action.edition": "nueva edición",
    "action.carry": "decisión trasladada",
    "action.confirm_unchanged": "confirmado tras un cambio",
    "action.exclude": "criterio excluido",
    "action.unexclude": "criterio restablecido",
    "action.drop": "decisión descartada",
    "action.merged": "fusionado",
    "action.not_taken": "no adoptado en una fusión",
    "action.undo": "deshacer",
    # -- the workbook (plain text, no markup; sheet names at most 31 characters)
    "wb.sheet.summary": "Resumen",
    "wb.sheet.side_by_side": "Cuadro comparativo",
    "wb.sheet.gaps": "Brechas",
    "wb.sheet.partner_only": "Propios del asociado",
    "wb.sheet.discussion": "Puntos de discusión",
    "wb.sheet.history": "Historial",
    "wb.sheet.warnings": "Advertencias de importación",
    "wb.sheet.editions": "Ediciones",
    "wb.sheet.consensus": "Consenso",
    "wb.status": "Estado",
    "wb.partner_only_count": "Criterios propios del asociado",
    "wb.not_yet_linked_count": "Criterios del asociado aún sin vincular",
    "wb.links": "Vínculos confirmados",
    "wb.yes": "sí",
    "wb.partner_refs": "Refs. del asociado",
    "wb.relations": "Relaciones",
    "wb.partner_criteria": "Criterios del asociado",
    "wb.guidance": "Orientación del asociado",
    "wb.text_changed": "Texto modificado",
    "wb.decided_at": "Decidido (UTC)",
    "wb.linked": "Criterios del asociado vinculados",
    "wb.partner_section": "Sección del asociado",
    "wb.partner_only": "Propio del asociado",
    "wb.partner_administration": "Administración asociada",
    "wb.reference_ref": "Ref. de referencia",
    "wb.partner_ref": "Ref. del asociado",
    "wb.bulk": "En bloque",
    "wb.side": "Parte",
    "wb.version_label": "Versión",
    "wb.imported_by": "Importada por",
    "wb.changes": "Cambios respecto de la edición anterior",
    "wb.our_assessment": "Nuestra evaluación",
    "wb.our_note": "Nuestra observación",
    "wb.our_flag": "Nuestra marca de discusión",
    "wb.their_position": "Su posición",
    "wb.their_comment": "Su comentario",
    "wb.round": "Ronda",
    "wb.outcome": "Resultado",
    "wb.outcome.open": "Por resolver",
    "wb.outcome.agreed": "Acordado",
    "wb.outcome.unanswered": "Sin respuesta aún",
}
