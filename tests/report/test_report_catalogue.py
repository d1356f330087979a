"""One catalogue per language: the same ids and fields in each, every id the code asks for present."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from criteria_compare.model import Relation, Stance, Status
from criteria_compare.report.catalogue import CATALOGUES
from criteria_compare.report.data import CHANGE_ORDER
from criteria_compare.report.i18n import LANGUAGES, translator

_REPORT = Path(__file__).resolve().parents[2] / "src" / "criteria_compare" / "report"
#: t("key" ...), t.n("key" ...), b.t(...), builder.t(...), self.heading("key" ...)
_CALL = re.compile(r"""(?:\bt|\.t|heading)(\.n)?\(\s*"([a-z_]+\.[a-z_.]+)\"""")
#: Any "group.id" string in the workbook writer (its column headers are ids in a table).
_LITERAL = re.compile(r'"([a-z_]+\.[a-z_.]+)"')
#: Words that read the same in every language (codes, names, numbers' units).
_SAME = {"SHA-256", "N/A", "Total", "Date", "Sources", "Version / date", "{ref} (cont.)", "—"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _keys_in_code() -> set[str]:
    keys: set[str] = set()
    for path in _REPORT.glob("pdf*.py"):
        for plural, key in _CALL.findall(path.read_text(encoding="utf-8")):
            if plural:
                keys.update({f"{key}.one", f"{key}.many"})
            else:
                keys.add(key)
    workbook = (_REPORT / "workbook.py").read_text(encoding="utf-8")
    plural = {key for counted, key in _CALL.findall(workbook) if counted}
    keys.update(f"{key}.{form}" for key in plural for form in ("one", "many"))
    keys.update(key for key in _LITERAL.findall(workbook) if key not in plural)
    keys.update(f"changes.kind.{kind}" for kind in CHANGE_ORDER)
    keys.update(f"cover.{side}" for side in ("reference", "partner"))
    keys.update(f"status.{s.value}" for s in Status)
    keys.update(f"relation.{r.value}" for r in Relation)
    keys.update(f"stance.{s.value or 'blank'}" for s in Stance)
    keys.update(f"meaning.{s.value}" for s in Status)
    keys.update(f"level{s}.{x}" for x in ("must", "should", "unspecified") for s in ("", "_short"))
    return keys


def test_every_id_the_code_asks_for_is_in_english() -> None:
    """No t("...") in the PDF code, nor any id the workbook writer names, is missing in English."""
    missing = sorted(_keys_in_code() - set(CATALOGUES["en"]))
    assert missing == []


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_has_every_label_with_the_same_fields(language: str) -> None:
    """Spanish and French have exactly the English ids, each with the same {fields}."""
    english, other = CATALOGUES["en"], CATALOGUES[language]
    assert sorted(set(english) - set(other)) == [], "missing in " + language
    assert sorted(set(other) - set(english)) == [], "unknown in " + language
    wrong = [k for k in english if _fields(english[k]) != _fields(other[k])]
    assert wrong == []


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_label_is_left_in_english(language: str) -> None:
    """Every message of Spanish and French differs from the English one (codes apart)."""
    english, other = CATALOGUES["en"], CATALOGUES[language]
    same = [k for k in english if other[k] == english[k] and english[k] not in _SAME]
    same = [k for k in same if not k.startswith("relation.")]  # set words may coincide
    assert same == []


def test_plural_rules() -> None:
    """French uses the singular for 0 and 1; English and Spanish for 1 only."""
    assert translator("fr").n("summary.links", 0).startswith("0 ")
    assert translator("fr")("summary.links.one", n=0) == translator("fr").n("summary.links", 0)
    assert translator("en").n("summary.links", 0) == translator("en")("summary.links.many", n=0)
    assert translator("es").n("summary.links", 1) == translator("es")("summary.links.one", n=1)
    assert translator("fr").percent(12.25) == "12,2\u00a0%"
    assert translator("en").percent(12.25) == "12.2 %"


def _english_fragments(language: str) -> set[str]:
    """Static runs of English messages (markup and {fields} removed) that the other language
    does not share, at least 14 characters long, so a match means an untranslated label."""
    english, other = CATALOGUES["en"], CATALOGUES[language]
    other_text = " ".join(other.values())
    fragments = set()
    for key, template in english.items():
        if other[key] == template:
            continue
        for part in re.split(r"\{[a-z_]+\}|<[^>]+>", template):
            for piece in re.split(r"[.;:()]", part):
                piece = " ".join(piece.split())
                if len(piece) >= 14 and piece not in other_text:
                    fragments.add(piece)
    return fragments


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_no_english_label_in_a_spanish_or_french_pdf(language: str, tmp_path: Path) -> None:
    """A draft report with every section (positions, annex, guidance) in Spanish or French
    holds no English sentence, label or assessment name; criteria print as written."""
    from criteria_compare.report import ReportOptions, render_pdf
    from tests.report.report_helpers import draft_with_positions, pdf_pages

    data = draft_with_positions()
    options = ReportOptions(language=language, annex=True, marking="RESTRICTED")
    text = " ".join(" ".join(pdf_pages(render_pdf(data, tmp_path / "r.pdf", options))).split())
    leftovers = sorted(f for f in _english_fragments(language) if f in text)
    assert leftovers == []
    for word in (
        "Aligned",
        "Partial",
        "Gap ",
        "Conflict",
        "Not yet reviewed",
        "Page 1 of",
        "DRAFT",
        "Executive summary",
        "Key findings",
        "Partner-only",
    ):
        assert not re.search(rf"\b{re.escape(word.strip())}\b", text), word
    assert data.rows[0].criterion.text.split(".")[0] in text  # criteria as written
