"""Framework workbooks exported by a GRC tool: metadata and content sheets, a hierarchy, translations."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing import read_criteria
from tests.importing.grc_workbooks import FRAMEWORKS, write_grc_workbook

LOCALES = ("en", "fr", "de", "es", "it")


@pytest.mark.parametrize("layout", ["v2", "v1"])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_imports_the_requirements_of_the_content_sheet(
    tmp_path: Path, locale: str, layout: str
) -> None:
    """None is refused: the requirements table is chosen, the metadata and other tables are not."""
    path = write_grc_workbook(tmp_path / f"{locale}.xlsx", locale, layout=layout)
    result = read_criteria(path)
    main = FRAMEWORKS[locale]
    assert result.sheet == ("framework_content" if layout == "v2" else "requirements")
    assert result.columns["ref"] == "ref_id"
    assert result.columns["text"] == "description"
    assert result.columns["title"] == "name"
    assert result.columns["guidance"] == "annotation"
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "5.1", "5.2"]
    chapter, article = main.rows[0][2], main.rows[1][2]
    assert result.criteria[0].section == f"{chapter} › {article}"
    assert result.criteria[0].text == f"{main.rows[2][2]}: {main.rows[2][3]}"
    assert result.criteria[2].text == main.rows[6][3]  # no name: the description alone
    assert result.criteria[0].guidance == main.annotation
    assert result.proposed_name == main.name
    assert result.proposed_version == "version 2"
    assert result.language == locale
    assert not any("several languages" in str(w) for w in result.warnings)


def test_english_is_taken_by_default_from_a_translated_workbook(tmp_path: Path) -> None:
    """A French export with English side columns imports the English text and says so."""
    path = write_grc_workbook(tmp_path / "fr.xlsx", "fr", translations=["en", "es"])
    result = read_criteria(path)
    assert result.language == "en"
    assert result.languages == ("fr", "en", "es")
    assert result.columns["text"] == "description[en]"
    assert result.criteria[0].text.startswith("Security officer: The operator names")
    assert result.criteria[0].section == "Chapter I › Article 1"
    assert result.proposed_name == "Harbour Security Framework"  # the metadata's name[en]
    notice = next(w for w in result.warnings if "several languages" in w.message)
    assert "English" in notice.message
    assert "French (fr), Spanish (es) columns were not imported" in notice.message
    assert notice.advice == "language"


def test_the_other_programs_language_wins_and_a_choice_wins_over_it(tmp_path: Path) -> None:
    """prefer_language (the other side's) beats English; an explicit language beats both."""
    path = write_grc_workbook(tmp_path / "de.xlsx", "de", translations=["en", "es"])
    preferred = read_criteria(path, prefer_language="es")
    assert preferred.language == "es"
    assert preferred.criteria[1].text.startswith("Revisión anual")
    chosen = read_criteria(path, prefer_language="es", language="de")
    assert chosen.language == "de"
    assert chosen.criteria[1].text.startswith("Jährliche Prüfung")
    with pytest.raises(ColumnMappingError, match=r"no text in the language 'pt'.*German \(de\)"):
        read_criteria(path, language="pt")


def test_requirements_without_ref_get_one_from_their_place(tmp_path: Path) -> None:
    """An assessable row with no ref_id is not dropped: it is numbered under its heading."""
    path = write_grc_workbook(tmp_path / "en.xlsx", "en", with_urn=False, drop_ref=["5.2"])
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "5.1", "Art. 5.2"]
    assert any("1 requirement has no ref" in w.message for w in result.warnings)


def test_a_missing_ref_falls_back_on_the_urn(tmp_path: Path) -> None:
    """With a urn column, the end of the urn is the ref."""
    path = write_grc_workbook(tmp_path / "en.xlsx", "en", drop_ref=["5.2"])
    assert read_criteria(path).criteria[-1].ref == "5.2"


def test_condition_no_is_the_ref_column(make_workbook) -> None:
    """A header 'Condition No.' is the ref, not a second text column."""
    path = make_workbook(
        [["C-1", "The operator keeps a list of its business partners."]],
        header=["Condition No.", "Condition"],
    )
    result = read_criteria(path)
    assert result.columns == {"ref": "Condition No.", "text": "Condition"}
    assert [c.ref for c in result.criteria] == ["C-1"]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Référence", "ref"),
        ("Exigence", "text"),
        ("Mesure", "text"),
        ("Requisito", "text"),
        ("Anforderung", "text"),
        ("Maßnahme", "text"),
        ("Descrição", "text"),
        ("Descrizione", "text"),
        ("Riferimento", "ref"),
        ("node_id", "ref"),
        ("Ref_id", "ref"),
        ("Titre", "title"),
        ("Kapitel", "section"),
        ("Hinweise", "guidance"),
        ("depth", "depth"),
        ("assessable", "assessable"),
    ],
)
def test_header_words_of_other_tools_and_languages(header: str, role: str) -> None:
    """The usual header words in French, Spanish, German, Portuguese and Italian have their role."""
    from criteria_compare.importing import match_header

    found = match_header(header)
    assert found is not None
    assert found.role == role


def test_a_level_column_of_numbers_is_the_depth(make_workbook) -> None:
    """'Level' holding 1, 2, 3 is the hierarchy, not Must/Should: headings become sections."""
    path = make_workbook(
        [
            ["1", "A", "Access control"],
            ["2", "A.1", "Visitors sign in at the gate and wear a badge."],
            ["2", "A.2", "Keys are issued against a signature."],
        ],
        header=["Level", "Ref", "Requirement"],
    )
    result = read_criteria(path)
    assert result.columns["depth"] == "Level"
    assert "level" not in result.columns
    assert [(c.ref, c.section) for c in result.criteria] == [
        ("A.1", "A Access control"),
        ("A.2", "A Access control"),
    ]


def test_excel_outline_levels_nest_the_sections(tmp_path: Path) -> None:
    """Rows grouped under others (Data > Group) are requirements under the rows above them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    rows = [
        ["Ref", "Requirement"],
        ["1", "Premises"],
        ["1.1", "Fences"],
        ["1.1.1", "Fences surround every area where cargo is stored."],
        ["1.2", "Lighting of the entrances and parking areas at night is checked."],
    ]
    for row in rows:
        ws.append(row)
    for number, level in ((3, 1), (4, 2), (5, 1)):
        ws.row_dimensions[number].outlineLevel = level
    path = tmp_path / "outline.xlsx"
    wb.save(path)
    result = read_criteria(path)
    assert [(c.ref, c.section) for c in result.criteria] == [
        ("1.1.1", "1 Premises › 1.1 Fences"),
        ("1.2", "1 Premises"),
    ]


def test_assessable_and_depth_can_be_named_with_columns(make_workbook) -> None:
    """--columns accepts the new roles: a 'Type' column of marks becomes the assessable role."""
    path = make_workbook(
        [
            ["", "1", "GV", "Governance"],
            ["req", "2", "GV.1", "The board approves the security policy every year."],
        ],
        header=["Kind", "Tier", "Ref", "Requirement"],
    )
    result = read_criteria(path, columns={"assessable": "Kind", "depth": "B"})
    assert result.columns["assessable"] == "Kind"
    assert [(c.ref, c.section) for c in result.criteria] == [("GV.1", "GV Governance")]


def test_a_footer_row_under_a_hierarchy_is_reported_not_imported(tmp_path: Path) -> None:
    """'Total number of requirements | 4' after the last requirement is a footer, not a row."""
    path = write_grc_workbook(tmp_path / "en.xlsx", "en")
    wb = openpyxl.load_workbook(path)
    ws = wb["framework_content"]
    ws.append([None, "x", 3, None, "Total number of requirements", 4])
    wb.save(path)
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "5.1", "5.2"]
    assert any("looks like a totals or footer row" in w.message for w in result.warnings)
