"""Word and PDF documents propose the program's name from their title, as workbooks do."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.importing import read_criteria
from tests.importing.docx_fixtures import HEADER, add_table, new_document, save
from tests.importing.pdf_fixtures import booklet, criteria_rows

ROWS = [("1.1", "A written security policy signed by management.", "", "Must")]


def _docx(path: Path, *, title: str | None = None, heading: str | None = None, prop: str = "") -> Path:  # fmt: skip
    document = new_document()
    document.core_properties.title = prop
    if title is not None:
        document.add_paragraph(title, style="Title")
    if heading is not None:
        document.add_heading(heading, level=1)
    document.add_heading("1. Security Vision and Responsibility", level=2)
    add_table(document, [HEADER, *ROWS])
    return save(document, path)


def test_a_word_title_paragraph_names_the_program_with_its_version(tmp_path: Path) -> None:
    result = read_criteria(
        _docx(tmp_path / "annex.docx", title="Meridia AEO Security Conditions (Edition 3)")
    )
    assert (result.proposed_name, result.proposed_version) == ("Meridia AEO Security Conditions", "Edition 3")  # fmt: skip
    assert [c.section for c in result.criteria] == ["1. Security Vision and Responsibility"]


def test_a_numbered_section_heading_is_not_taken_for_the_title(tmp_path: Path) -> None:
    result = read_criteria(_docx(tmp_path / "annex.docx"))
    assert result.proposed_name is None


def test_the_title_property_speaks_when_the_page_has_no_title(tmp_path: Path) -> None:
    result = read_criteria(_docx(tmp_path / "annex.docx", prop="Borealis AEO Annex III"))
    assert result.proposed_name == "Borealis AEO Annex III"


@pytest.mark.parametrize("placeholder", ["Microsoft Word - annex3.docx", "Untitled", "annex.pdf"])
def test_a_placeholder_title_property_proposes_nothing(tmp_path: Path, placeholder: str) -> None:
    result = read_criteria(_docx(tmp_path / "annex.docx", prop=placeholder))
    assert result.proposed_name is None


def test_a_pdf_title_names_the_program_and_reportlabs_untitled_does_not(tmp_path: Path) -> None:
    sections = [("1. Security Vision", criteria_rows("1", 3))]
    named = read_criteria(booklet(tmp_path / "named.pdf", sections, title="Atlantis AEO v3.1"))
    assert (named.proposed_name, named.proposed_version) == ("Atlantis AEO", "v3.1")
    plain = read_criteria(booklet(tmp_path / "plain.pdf", sections))
    assert plain.proposed_name is None


@pytest.mark.parametrize("ruled", [True, False])
def test_a_pdf_title_wrapped_over_lines_is_proposed_whole(tmp_path: Path, ruled: bool) -> None:
    title = "Annex B: Security conditions for authorised operators of the Borealis Customs Union"
    sections = [("1. Premises", criteria_rows("1", 2)), ("2. Conveyances", criteria_rows("2", 2))]
    result = read_criteria(booklet(tmp_path / "annex.pdf", sections, ruled=ruled, page_title=title))
    assert result.proposed_name == title
    assert [c.section for c in result.criteria] == ["1. Premises"] * 2 + ["2. Conveyances"] * 2


@pytest.mark.parametrize("ruled", [True, False])
def test_a_section_heading_wrapped_over_two_lines_is_one_section(
    tmp_path: Path, ruled: bool
) -> None:
    long = (
        "3. Security of containers, trailers and other instruments of international traffic, "
        "from stuffing to release at the border"
    )
    sections = [("1. Premises", criteria_rows("1", 2)), (long, criteria_rows("3", 2))]
    result = read_criteria(booklet(tmp_path / "annex.pdf", sections, ruled=ruled))
    assert [c.section for c in result.criteria] == ["1. Premises"] * 2 + [long] * 2


def test_a_pdf_section_heading_above_an_introduction_is_not_the_title(tmp_path: Path) -> None:
    intro = [("1. Security Vision", criteria_rows("1", 2)), ("2. Premises", criteria_rows("2", 1))]
    result = read_criteria(booklet(tmp_path / "annex.pdf", intro, intro="Read this first."))
    assert result.proposed_name is None
    assert result.criteria[0].section == "1. Security Vision"
