"""Header names: normalisation and the role (ref, text, section, ...) each one means.

Matching ignores case, accents, punctuation and spacing (``Ref.`` = ``REF`` =
``ref``); near misses such as ``Requirment`` are caught with rapidfuzz, and a
header that contains a known name as whole words (``CTPAT criteria ID``) counts
with a lower score.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process

__all__ = [
    "CJK_HEADER_SYNONYMS",
    "HEADER_SYNONYMS",
    "HeaderMatch",
    "match_header",
    "normalise_header",
]

HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "id", "ref", "ref no", "ref number", "reference", "reference number", "reference no",
        "criteria id", "criterion id", "criteria no", "criteria number", "criterion number",
        "criterion no", "requirement id", "requirement no", "requirement number", "req id",
        "no", "nr", "n", "number", "num", "numero", "item", "item no", "code", "clause",
        "article", "control id", "identifier", "identificador", "referencia", "id criterio",
        "numero de criterio", "reference id", "msc id", "aeo ref", "question no",
        # exports of GRC tools and other people's workbooks
        "ref id", "node id", "condition no", "condition number", "condition id", "condition ref",
        "requirement ref", "control no", "control number", "control ref", "article no",
        "question id", "nummer", "lfd nr", "kennung", "anforderungs id",
        "anforderung nr", "massnahme nr", "ziffer", "codigo", "id requisito",
        "numero requisito", "identifiant", "numero exigence", "ref exigence", "riferimento",
        "rif", "codice", "identificativo", "numero do requisito", "referencia do requisito",
    ),
    "text": (
        "criteria", "criterion", "criteria text", "criterion text", "requirement",
        "requirements", "requirement text", "description", "text", "requisito", "requisitos",
        "descripcion", "criterio", "criterios", "texto", "condition", "conditions",
        "security criteria", "minimum security criteria", "statement", "requirement description",
        "exigence", "critere", "criteres", "question", "control", "obligation text",
        "requirement statement", "control description", "control text", "exigences",
        "mesure", "mesures", "texte", "enonce", "description de l exigence", "anforderung",
        "anforderungen", "anforderungstext", "massnahme", "massnahmen", "beschreibung",
        "kriterium", "kriterien", "descricao", "descricao do requisito", "requisito de seguranca",
        "descrizione", "misura", "misure", "testo", "criteri", "condicion", "condiciones",
        "descripcion del requisito", "texto del requisito", "controle", "controllo", "kontrolle",
    ),
    "section": (
        "category", "categories", "section", "chapter", "seccion", "area", "domain", "topic",
        "group", "heading", "capitulo", "categoria", "theme", "criteria category", "pillar",
        "part", "subject", "tema", "section title", "category name", "ambito",
        "chapitre", "rubrique", "categorie", "domaine", "thematique", "kapitel", "abschnitt",
        "bereich", "kategorie", "themenbereich", "capitolo", "sezione", "dominio", "secao",
        "control family", "family",
    ),
    "level": (
        "must should", "must or should", "level", "priority", "requirement level", "obligation",
        "mandatory", "mandatory optional", "must", "type", "nivel", "prioridad", "m s",
        "obligatorio recomendado", "tipo", "status", "requirement type", "compliance level",
        "verbindlichkeit", "obligatoriedad", "obbligatorieta", "obrigatoriedade",
    ),
    "guidance": (
        "implementation guidance", "guidance", "notes", "note", "explanatory notes",
        "explanatory note", "notas explicativas", "nota explicativa", "notas", "explanation",
        "comments", "comment", "remarks", "guia", "orientacion", "guia de implementacion",
        "interpretation", "additional information", "observaciones", "how to comply",
        "implementation notes", "notes explicatives", "guidance notes", "commentary",
        "annotation", "annotations", "commentaire", "commentaires", "remarque", "remarques",
        "note explicative", "hinweis", "hinweise", "erlauterung", "erlauterungen",
        "umsetzungshinweise", "anmerkung", "anmerkungen", "orientacao", "orientacoes",
        "observacoes", "nota", "commento", "osservazioni", "linee guida", "indicazioni",
    ),
    # a short name or title beside the requirement text (``name`` in GRC tool exports)
    "title": (
        "name", "title", "short name", "control name", "requirement name", "requirement title",
        "criterion name", "nom", "titre", "intitule", "libelle", "nombre", "titulo", "titel",
        "bezeichnung", "kurztitel", "nome", "titolo", "denominazione", "nom de l exigence",
        "titre de l exigence", "nombre del requisito",
    ),
    # the depth of a row in the hierarchy (1 = top): headings above requirements
    "depth": (
        "depth", "node depth", "hierarchy level", "outline level", "tree level", "tiefe",
        "ebene", "gliederungsebene", "profondeur", "niveau hierarchique", "profundidad",
        "nivel jerarquico", "profondita", "profundidade", "nivel hierarquico",
    ),
    # a marker (``x``) on the rows that are requirements, as opposed to headings
    "assessable": (
        "assessable", "is assessable", "evaluable", "bewertbar", "prufbar", "valutabile",
        "avaliavel", "auditable", "is requirement", "requirement flag",
    ),
}  # fmt: skip

_SYMBOL_HEADERS = {"#": "no", "№": "no", "n°": "n", "nº": "no"}
_WORDS = re.compile(r"[^\W_]+")

_EXACT: dict[str, str] = {s: role for role, names in HEADER_SYNONYMS.items() for s in names}
_FUZZY_CHOICES = [s for s in _EXACT if len(s) >= 5]
_PHRASES = sorted(
    ((s, role) for s, role in _EXACT.items() if len(s) >= 4), key=lambda p: -len(p[0])
)

EXACT_SCORE = 100.0
FUZZY_CUTOFF = 85.0
CONTAINS_SCORE = 60.0


@dataclass(frozen=True)
class HeaderMatch:
    """The role a header names and how sure the match is (100 exact, >=85 near miss, <85 partial)."""

    role: str
    score: float


def normalise_header(text: str) -> str:
    """Lower-case words without accents or punctuation: ``"Número."`` -> ``"numero"``."""
    stripped = text.strip()
    if stripped.lower() in _SYMBOL_HEADERS:
        return _SYMBOL_HEADERS[stripped.lower()]
    decomposed = unicodedata.normalize("NFKD", stripped)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORDS.findall(bare.casefold()))


#: Header names of partner programs kept in Japanese, Korean or Chinese, matched after the
#: same normalisation as the others (which splits Korean syllables into their letters).
CJK_HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": (
        "番号", "項番", "項目番号", "通し番号", "번호", "항목번호", "연번", "编号",
        "序号", "編號", "序號",
    ),
    "text": (
        "要件", "基準", "要求事項", "内容", "要件内容", "確認項目", "チェック項目", "요건", "기준",
        "요구사항", "내용", "평가항목", "要求", "标准", "標準", "要求内容",
    ),
    "section": (
        "区分", "分類", "章", "分野", "カテゴリ", "カテゴリー", "구분", "분류", "영역", "분야",
        "类别", "類別", "章节", "章節", "分类",
    ),
    "level": (
        "必須 推奨", "必須", "重要度", "レベル", "필수 권고", "필수", "수준", "必须 建议", "級別",
    ),
    "guidance": (
        "備考", "解説", "説明", "注記", "留意事項", "ガイダンス", "비고", "설명", "해설", "지침",
        "说明", "說明", "备注", "備註",
    ),
}  # fmt: skip


def match_header(text: str) -> HeaderMatch | None:
    """The role a header cell names, or None if it names none of them."""
    norm = normalise_header(text)
    if not norm or len(norm) > 80:
        return None
    role = _EXACT.get(norm)
    if role is not None:
        return HeaderMatch(role, EXACT_SCORE)
    if len(norm) >= 4:
        best = process.extractOne(
            norm, _FUZZY_CHOICES, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF
        )
        if best is not None:
            return HeaderMatch(_EXACT[best[0]], float(best[1]))
    padded = f" {norm} "
    for phrase, role in _PHRASES:
        if f" {phrase} " in padded:
            # longer phrases are more telling; never reach the near-miss band
            return HeaderMatch(role, min(CONTAINS_SCORE + len(phrase), FUZZY_CUTOFF - 1))
    return None


_EXACT.update(
    {normalise_header(s): role for role, names in CJK_HEADER_SYNONYMS.items() for s in names}
)
