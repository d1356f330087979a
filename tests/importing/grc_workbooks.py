"""Framework workbooks laid out like a GRC tool's library exports, written in code in our own words.

The layout follows the open-source CISO Assistant library format: a ``library_meta``
sheet and a ``<name>_meta`` sheet of ``key | value`` rows, a ``<name>_content`` table
with ``assessable``, ``depth``, ``ref_id``, ``name``, ``description``, ``annotation``
and translation columns such as ``name[fr]``, plus other tables (answers,
implementation groups) that are not requirements. The ``v1`` layout keeps the
metadata in one ``library_content`` sheet whose ``tab`` rows name the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import openpyxl

__all__ = ["FRAMEWORKS", "GrcFramework", "write_grc_workbook"]


@dataclass(frozen=True)
class GrcFramework:
    """One framework: its language, name, and rows (depth, ref, name, description, assessable)."""

    locale: str
    name: str
    rows: tuple[tuple[int, str, str, str, bool], ...]
    annotation: str


FRAMEWORKS: dict[str, GrcFramework] = {
    "en": GrcFramework(
        "en",
        "Harbour Security Framework",
        (
            (1, "I", "Chapter I", "General provisions", False),
            (2, "Art. 1", "Article 1", "", False),
            (3, "1.1", "Security officer", "The operator names one person who answers for the "
             "security of the supply chain.", True),
            (3, "1.2", "Yearly review", "The security plan is reviewed at least once a year.", True),
            (1, "II", "Chapter II", "Premises", False),
            (2, "Art. 5", "Article 5", "", False),
            (3, "5.1", "", "Fences surround every area where cargo is stored.", True),
            (3, "5.2", "Lighting", "Entrances and parking areas are lit at night.", True),
        ),
        "Keep the signed nomination on file.",
    ),
    "fr": GrcFramework(
        "fr",
        "Référentiel de sûreté portuaire",
        (
            (1, "I", "Chapitre I", "Dispositions générales", False),
            (2, "Art. 1", "Article 1", "", False),
            (3, "1.1", "Responsable sûreté", "L'opérateur désigne une personne chargée de la "
             "sûreté de la chaîne logistique.", True),
            (3, "1.2", "Revue annuelle", "Le plan de sûreté est revu au moins une fois par an.", True),
            (1, "II", "Chapitre II", "Locaux", False),
            (2, "Art. 5", "Article 5", "", False),
            (3, "5.1", "", "Une clôture entoure chaque zone où les marchandises sont stockées.", True),
            (3, "5.2", "Éclairage", "Les entrées et les parkings sont éclairés la nuit.", True),
        ),
        "Conserver la nomination signée.",
    ),
    "de": GrcFramework(
        "de",
        "Rahmenwerk für Hafensicherheit",
        (
            (1, "I", "Kapitel I", "Allgemeine Bestimmungen", False),
            (2, "Art. 1", "Artikel 1", "", False),
            (3, "1.1", "Sicherheitsbeauftragter", "Der Betreiber benennt eine Person, die für die "
             "Sicherheit der Lieferkette zuständig ist.", True),
            (3, "1.2", "Jährliche Prüfung", "Der Sicherheitsplan wird mindestens einmal im Jahr "
             "geprüft.", True),
            (1, "II", "Kapitel II", "Gelände", False),
            (2, "Art. 5", "Artikel 5", "", False),
            (3, "5.1", "", "Ein Zaun umgibt jeden Bereich, in dem Waren gelagert werden.", True),
            (3, "5.2", "Beleuchtung", "Eingänge und Parkplätze sind nachts beleuchtet.", True),
        ),
        "Die unterschriebene Benennung aufbewahren.",
    ),
    "es": GrcFramework(
        "es",
        "Marco de seguridad portuaria",
        (
            (1, "I", "Capítulo I", "Disposiciones generales", False),
            (2, "Art. 1", "Artículo 1", "", False),
            (3, "1.1", "Responsable de seguridad", "El operador designa a una persona responsable "
             "de la seguridad de la cadena de suministro.", True),
            (3, "1.2", "Revisión anual", "El plan de seguridad se revisa al menos una vez al año.", True),
            (1, "II", "Capítulo II", "Instalaciones", False),
            (2, "Art. 5", "Artículo 5", "", False),
            (3, "5.1", "", "Una cerca rodea cada zona donde se almacenan las mercancías.", True),
            (3, "5.2", "Iluminación", "Las entradas y los estacionamientos están iluminados de "
             "noche.", True),
        ),
        "Conservar el nombramiento firmado.",
    ),
    "it": GrcFramework(
        "it",
        "Quadro di sicurezza portuale",
        (
            (1, "I", "Capitolo I", "Disposizioni generali", False),
            (2, "Art. 1", "Articolo 1", "", False),
            (3, "1.1", "Responsabile della sicurezza", "L'operatore nomina una persona "
             "responsabile della sicurezza della catena di approvvigionamento.", True),
            (3, "1.2", "Revisione annuale", "Il piano di sicurezza è rivisto almeno una volta "
             "all'anno.", True),
            (1, "II", "Capitolo II", "Locali", False),
            (2, "Art. 5", "Articolo 5", "", False),
            (3, "5.1", "", "Una recinzione circonda ogni area in cui sono custodite le merci.", True),
            (3, "5.2", "Illuminazione", "Gli ingressi e i parcheggi sono illuminati di notte.", True),
        ),
        "Conservare la nomina firmata.",
    ),
}  # fmt: skip


def write_grc_workbook(
    path: Path,
    locale: str = "en",
    *,
    translations: Sequence[str] = (),
    layout: str = "v2",
    with_urn: bool = True,
    drop_ref: Sequence[str] = (),
) -> Path:
    """Write one framework workbook in ``locale`` with ``translations`` as side columns.

    ``drop_ref`` leaves out the ref_id of those refs (some exports have none).
    """
    main = FRAMEWORKS[locale]
    wb = openpyxl.Workbook()
    meta_rows: list[list[object]] = [
        ["type", "framework"],
        ["urn", f"urn:example:risk:framework:harbour-{locale}"],
        ["ref_id", f"HSF-{locale.upper()}"],
        ["name", main.name],
        ["description", "A small framework written for the importer tests."],
        ["base_urn", f"urn:example:risk:req_node:harbour-{locale}"],
    ]
    meta_rows += [[f"name[{code}]", FRAMEWORKS[code].name] for code in translations]
    header = ["assessable", "depth", "ref_id", "name", "description", "annotation",
              "typical_evidence", "implementation_groups"]  # fmt: skip
    if with_urn:
        header.insert(0, "urn")
    for code in translations:
        header += [f"name[{code}]", f"description[{code}]", f"annotation[{code}]"]
    content: list[list[object]] = [header]
    for i, (depth, ref, name, description, assessable) in enumerate(main.rows):
        row: list[object] = [
            "x" if assessable else None,
            depth,
            None if ref in drop_ref else ref,
            name or None,
            description or None,
            main.annotation if assessable else None,
            "Signed document" if assessable else None,
            "basic" if assessable else None,
        ]
        if with_urn:
            row.insert(0, f"urn:example:risk:req_node:harbour-{locale}:{ref.lower()}")
        for code in translations:
            other = FRAMEWORKS[code].rows[i]
            row += [other[2] or None, other[3] or None,
                    FRAMEWORKS[code].annotation if other[4] else None]  # fmt: skip
        content.append(row)
    library = [
        ["type", "library"],
        ["urn", f"urn:example:risk:library:harbour-{locale}"],
        ["version", 2],
        ["locale", locale],
        ["ref_id", f"harbour-{locale}"],
        ["name", main.name],
        ["description", "Library packaging the framework."],
        ["copyright", "Written for the tests"],
        ["provider", "Example Port Authority"],
        ["packager", "tests"],
    ]
    first = wb.active
    assert first is not None
    if layout == "v2":
        first.title = "library_meta"
        for r in library:
            first.append(r)
        _sheet(wb, "framework_meta", meta_rows)
        _sheet(wb, "framework_content", content)
        _sheet(wb, "answers_meta", [["type", "answers"], ["name", "answers"]])
        _sheet(wb, "answers_content", [["id", "question_type", "question_choices"],
                                        ["yn", "unique_choice", "Yes\nNo"]])  # fmt: skip
        _sheet(wb, "ig_meta", [["type", "implementation_groups"], ["name", "groups"]])
        _sheet(wb, "ig_content", [["ref_id", "name", "description"],
                                   ["basic", "Basic", "Every operator applies these."]])  # fmt: skip
    else:
        first.title = "library_content"
        for key, value in library:
            first.append([f"library_{key}", value])
        first.append(["framework_name", main.name])
        first.append(["framework_ref_id", f"HSF-{locale.upper()}"])
        first.append(["tab", "requirements", "requirements"])
        first.append(["tab", "groups", "implementation_groups"])
        _sheet(wb, "groups", [["ref_id", "name", "description"],
                               ["basic", "Basic", "Every operator applies these."]])  # fmt: skip
        _sheet(wb, "requirements", content)
    wb.save(path)
    return path


def _sheet(wb: openpyxl.Workbook, title: str, rows: Sequence[Sequence[object]]) -> None:
    ws = wb.create_sheet(title)
    for r in rows:
        ws.append(list(r))
