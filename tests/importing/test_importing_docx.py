"""Word documents: tables anywhere, headings as sections, merged cells, list numbers, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.text import WD_BREAK

from criteria_compare.errors import ImportFailed
from criteria_compare.importing import ImportLimits, read_criteria
from criteria_compare.model import Level
from tests.importing.docx_fixtures import (
    HEADER,
    add_list,
    add_table,
    new_document,
    number_paragraph,
    save,
)


def _two_categories(path: Path) -> Path:
    document = new_document()
    document.add_paragraph("Minimum Security Criteria – Importers", style="Title")
    document.add_heading("1. Security Vision and Responsibility", level=1)
    document.add_paragraph(
        "This category asks the company to commit to supply chain security in writing."
    )
    add_table(
        document,
        [
            HEADER,
            (
                "1.1",
                "Management states its support in writing.\nStaff are told.",
                "Post it.",
                "Must",
            ),
            ("1.2", "Security is part of the audit plan.", "", "Should"),
        ],
    )
    document.add_heading("2. Risk Assessment", level=1)
    add_table(document, [HEADER, ("2.1", "Risks are assessed every year.", "A template.", "Must")])
    return save(document, path)


def test_headings_between_tables_become_sections(tmp_path: Path) -> None:
    """Each table's criteria take the heading above it; the paragraph under the heading, the
    document title and the repeated header row of the second table are not criteria."""
    result = read_criteria(_two_categories(tmp_path / "msc.docx"))
    assert [(c.ref, c.section) for c in result.criteria] == [
        ("1.1", "1. Security Vision and Responsibility"),
        ("1.2", "1. Security Vision and Responsibility"),
        ("2.1", "2. Risk Assessment"),
    ]
    first = result.criteria[0]
    assert first.text == "Management states its support in writing.\nStaff are told."
    assert (first.guidance, first.level) == ("Post it.", Level.MUST)
    assert result.tables == 2
    assert result.sheet is None
    assert result.warnings == ()


def test_provenance_and_warnings_name_the_table_and_row(tmp_path: Path) -> None:
    """A criterion records its table and row; a warning names the table and row too."""
    document = new_document()
    add_table(document, [HEADER, ("1.1", "Gates lock at night.", "", "Must")])
    document.add_heading("2. Risk", level=1)
    add_table(document, [HEADER, ("2.1", "Risks are assessed.", "", "Often")])
    result = read_criteria(save(document, tmp_path / "p.docx"))
    provenance = result.criteria[1].provenance
    assert provenance is not None
    assert (provenance.sheet, provenance.row) == ("table 2", 2)
    assert [str(w) for w in result.warnings] == [
        "p.docx, table 2, row 2, column D: level 'Often' is neither Must nor Should (nor "
        "Mandatory, Required, Recommended, Optional); imported without a level."
    ]


def test_merged_cells(tmp_path: Path) -> None:
    """A category row merged across the table is a section row, not a criterion; a level
    cell merged down two rows gives both criteria that level."""
    document = new_document()
    table = add_table(
        document,
        [
            HEADER,
            ("", "", "", ""),
            ("3.1", "Partners are screened.", "", "Must"),
            ("3.2", "Partners are visited.", "", ""),
        ],
    )
    merged = table.cell(1, 0).merge(table.cell(1, 3))
    merged.text = "3. Business Partners"
    table.cell(2, 3).merge(table.cell(3, 3))
    result = read_criteria(save(document, tmp_path / "m.docx"))
    assert [(c.ref, c.section, c.level) for c in result.criteria] == [
        ("3.1", "3. Business Partners", Level.MUST),
        ("3.2", "3. Business Partners", Level.MUST),
    ]


def test_table_continued_after_a_page_break(tmp_path: Path) -> None:
    """A table split in two at a page break: the second part, without a header, carries on
    under the same section, and its first row (no ref) finishes the last criterion."""
    document = new_document()
    document.add_heading("4. Cybersecurity", level=1)
    add_table(document, [HEADER, ("4.1", "Policies cover", "", "Must")])
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_table(
        document,
        [("", "every system.", "Review yearly.", ""), ("4.2", "Passwords are strong.", "", "Must")],
    )
    result = read_criteria(save(document, tmp_path / "c.docx"))
    assert [(c.ref, c.text, c.guidance, c.section) for c in result.criteria] == [
        ("4.1", "Policies cover every system.", "Review yearly.", "4. Cybersecurity"),
        ("4.2", "Passwords are strong.", "", "4. Cybersecurity"),
    ]


def test_word_list_numbering_in_the_ref_column(tmp_path: Path) -> None:
    """Refs that Word numbers itself (a two-level decimal list: headings 1., 2., criteria
    1.1, 1.2, 2.1) are read as Word shows them, numbering continuing across tables."""
    document = new_document()
    num = add_list(document)
    for category, texts in (("Seals", ["Seals meet ISO 17712.", "Seals are logged."]),):
        heading = document.add_heading(category, level=1)
        number_paragraph(heading, num, 0)
        table = add_table(document, [HEADER, *[("", t, "", "Must") for t in texts]])
        for row in table.rows[1:]:
            number_paragraph(row.cells[0].paragraphs[0], num, 1)
    heading = document.add_heading("Procedures", level=1)
    number_paragraph(heading, num, 0)
    table = add_table(document, [HEADER, ("", "Cargo is checked.", "", "Should")])
    number_paragraph(table.rows[1].cells[0].paragraphs[0], num, 1)
    result = read_criteria(save(document, tmp_path / "n.docx"))
    assert [(c.ref, c.section) for c in result.criteria] == [
        ("1.1", "1. Seals"),
        ("1.2", "1. Seals"),
        ("2.1", "2. Procedures"),
    ]


def test_list_start_override_and_letters(tmp_path: Path) -> None:
    """A list restarted at 5 by its definition, and lettered items inside a text cell."""
    document = new_document()
    num = add_list(document, start=5)
    table = add_table(document, [HEADER, ("", "Doors are alarmed:\nat night\nat weekends", "", "")])
    number_paragraph(table.rows[1].cells[0].paragraphs[0], num, 1)
    for paragraph in table.rows[1].cells[1].paragraphs[1:]:
        number_paragraph(paragraph, num, 2)
    result = read_criteria(save(document, tmp_path / "s.docx"))
    assert [(c.ref, c.text) for c in result.criteria] == [
        ("1.5", "Doors are alarmed:\na) at night\nb) at weekends")
    ]


def test_tables_of_another_shape_are_left_out(tmp_path: Path) -> None:
    """A revision table before the criteria and a two-column sign-off table after them are
    not read, and a note says so; a later table with the columns in another order is
    reordered to the first one's."""
    document = new_document()
    add_table(document, [("Edition", "Date", "Changes"), ("3.1", "2023-07-01", "New seals.")])
    add_table(document, [HEADER, ("1.1", "Gates lock.", "", "Must")])
    add_table(document, [("Must/Should", "ID", "Criteria"), ("Should", "1.2", "Lights work.")])
    add_table(document, [("Approved by", "Date"), ("J. Doe", "2024-03-14")])
    result = read_criteria(save(document, tmp_path / "o.docx"))
    assert [(c.ref, c.text, c.level) for c in result.criteria] == [
        ("1.1", "Gates lock.", Level.MUST),
        ("1.2", "Lights work.", Level.SHOULD),
    ]
    notes = [str(w) for w in result.warnings]
    assert any("table 4 has 2 columns, not the 4 of the criteria table" in n for n in notes)
    assert any("1 table(s) before the criteria table (table 1) were not read" in n for n in notes)


def test_a_document_without_tables_is_refused(tmp_path: Path) -> None:
    """Paragraphs only: one sentence saying criteria are read from a table."""
    document = new_document()
    document.add_paragraph("1.1 Gates lock at night.")
    with pytest.raises(ImportFailed, match="holds no tables"):
        read_criteria(save(document, tmp_path / "plain.docx"))


def test_table_limit(tmp_path: Path) -> None:
    """More tables than the limit: refused with one sentence."""
    document = new_document()
    for n in range(4):
        add_table(document, [HEADER, (f"1.{n}", "Gates lock.", "", "Must")])
    with pytest.raises(ImportFailed, match="more than 3 tables"):
        read_criteria(save(document, tmp_path / "t.docx"), limits=ImportLimits(max_tables=3))


@pytest.mark.parametrize(
    ("name", "data", "sentence"),
    [
        (
            "old.doc",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le"),
            "old binary Word",
        ),
        (
            "locked.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "password-protected Word document",
        ),
        ("torn.docx", b"PK\x03\x04" + b"\x00" * 200, "damaged or not a real Word document"),
        ("fake.docx", b"plain text, not a document", "not a valid Word document"),
    ],
)
def test_damaged_and_encrypted_documents(
    tmp_path: Path, name: str, data: bytes, sentence: str
) -> None:
    """An old .doc, an encrypted, a damaged or a fake .docx: one sentence each."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=sentence):
        read_criteria(path)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    """A document.xml declaring entities (an external file, a billion-laughs chain) is
    refused before it is parsed, with the same sentence as for a workbook."""
    from tests.importing.hostile_corpus import CASES

    name, make = CASES["docx with entity declarations"]
    with pytest.raises(ImportFailed, match="contains XML entity or DTD declarations"):
        read_criteria(make(tmp_path / name))


def test_a_ref_merged_down_over_two_rows_is_one_criterion(tmp_path: Path) -> None:
    """A ref cell merged down over two rows (the text goes on in the second row) gives one
    criterion with both rows' text, not a duplicate ref."""
    document = new_document()
    table = add_table(
        document,
        [
            HEADER,
            ("5.1", "Containers are inspected", "Use the checklist.", "Must"),
            ("", "before loading.", "", ""),
            ("5.2", "Seals are logged.", "", "Must"),
        ],
    )
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 3).merge(table.cell(2, 3))
    result = read_criteria(save(document, tmp_path / "v.docx"))
    assert [(c.ref, c.text, c.guidance, c.level) for c in result.criteria] == [
        ("5.1", "Containers are inspected before loading.", "Use the checklist.", Level.MUST),
        ("5.2", "Seals are logged.", "", Level.MUST),
    ]
    assert result.warnings == ()
