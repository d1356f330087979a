"""The program's name and edition as the document gives them: title rows, the workbook's Title."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from criteria_compare.importing import read_criteria
from criteria_compare.importing.title import propose_title, split_version
from criteria_compare.resources import sample_path


@pytest.mark.parametrize(
    ("line", "name", "version"),
    [
        ("CTPAT Minimum Security Criteria – Importers (Rev. 3)", "CTPAT Minimum Security Criteria – Importers", "Rev. 3"),
        ("Harbour Annex, Edition 3.1, 1 July 2023", "Harbour Annex", "Edition 3.1, 1 July 2023"),
        ("NIST CSF v2.0", "NIST CSF", "v2.0"),
        ("Exigences de sécurité – édition 2, mars 2023", "Exigences de sécurité", "édition 2, mars 2023"),
        ("Anforderungskatalog Stand 2021-05-01", "Anforderungskatalog", "Stand 2021-05-01"),
        ("Guía de requisitos (2019)", "Guía de requisitos", "2019"),
        ("Meridian Customs – AEO (AEO-S)", "Meridian Customs – AEO (AEO-S)", None),
    ],
)  # fmt: skip
def test_split_version(line: str, name: str, version: str | None) -> None:
    """The edition and date come out of the line; brackets that are part of the name stay."""
    assert split_version(line) == (name, version)


def test_a_version_on_a_later_line_joins_the_first_lines_name() -> None:
    """Row 1 names the program, row 2 holds the edition inside a sentence."""
    proposed = propose_title(
        [
            ("row 1", "Harbour Security Annex"),
            ("row 2", "Conditions for operators. Rev. 4, May 2022."),
        ]
    )
    assert (proposed.name, proposed.version, proposed.source) == (
        "Harbour Security Annex",
        "Rev. 4, May 2022",
        "row 1",
    )


def test_a_long_paragraph_is_not_a_title() -> None:
    """A cell of a few hundred words above the header is neither name nor version."""
    assert propose_title([("row 1", "word " * 200 + "Rev. 9")]).name is None


def test_the_samples_propose_their_title_rows() -> None:
    """The bundled workbooks' title rows name them, with the edition from the second row."""
    ctpat = read_criteria(sample_path("ctpat_msc_importer.xlsx"))
    assert ctpat.proposed_name == "CTPAT Minimum Security Criteria – Importers"
    assert ctpat.title_source == "row 1"
    meridia = read_criteria(sample_path("partner_aeo_meridia.xlsx"))
    assert meridia.proposed_version == "Edition 3.1, 1 July 2023"


def test_the_workbook_title_property_names_a_file_without_title_rows(tmp_path: Path) -> None:
    """File > Info > Title is used when the sheet starts with its header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ID", "Criteria"])
    ws.append(["1.1", "Every container is sealed with a tamper-evident seal."])
    wb.properties.title = "Harbour Security Annex – Rev. 2"
    path = tmp_path / "annex.xlsx"
    wb.save(path)
    result = read_criteria(path)
    assert (result.proposed_name, result.proposed_version) == ("Harbour Security Annex", "Rev. 2")
    assert result.title_source == "the document title"
    assert result.to_dict()["proposed_name"] == "Harbour Security Annex"


def test_a_plain_csv_proposes_nothing(tmp_path: Path) -> None:
    """No title row and no metadata: no proposal, so the caller falls back on its own."""
    path = tmp_path / "plain.csv"
    path.write_text("id,text\nA-1,Containers are sealed.\n", encoding="utf-8")
    result = read_criteria(path)
    assert (result.proposed_name, result.proposed_version) == (None, None)
