"""CSV and TSV files: encodings (UTF-8, BOM, UTF-16, cp1252 fallback) and delimiter sniffing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing import read_criteria
from criteria_compare.model import Level

MakeText = Callable[..., Path]

SPANISH = (
    "Número;Sección;Requisito;Nivel\n"
    "OEA-1.1;Gestión;La empresa designa un responsable de la seguridad.;Obligatorio\n"
    "OEA-1.2;Gestión;Se revisa la política de protección cada año.;Recomendado\n"
)


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16")],
)
def test_unicode_encodings_read_without_warning(
    make_text_file: MakeText, encoding: str, expected: str
) -> None:
    """UTF-8 with or without BOM and UTF-16 with BOM keep accents and give no warning."""
    result = read_criteria(make_text_file(SPANISH, encoding=encoding))
    assert result.encoding == expected
    assert result.columns["ref"] == "Número"
    assert result.criteria[0].section == "Gestión"
    assert result.criteria[1].text == "Se revisa la política de protección cada año."
    assert [c.level for c in result.criteria] == [Level.MUST, Level.SHOULD]
    assert result.warnings == ()


def test_cp1252_falls_back_with_a_warning(make_text_file: MakeText) -> None:
    """A file saved as Windows-1252 is read correctly and the user is told about it."""
    result = read_criteria(make_text_file(SPANISH, encoding="cp1252"))
    assert result.encoding == "cp1252"
    assert result.criteria[1].text == "Se revisa la política de protección cada año."
    assert len(result.warnings) == 1
    assert "Windows-1252" in str(result.warnings[0])


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(make_text_file: MakeText, delimiter: str) -> None:
    """Comma, semicolon, tab and pipe files are all split correctly, with commas inside text."""
    lines = [
        ["ID", "Requirement", "Notes"],
        ["A-1", '"Doors, windows and gates lock; keys are logged."', '"Check, then sign"'],
        ["A-2", "Fences are inspected weekly.", '"Keep the log, one year"'],
    ]
    text = "\n".join(delimiter.join(line) for line in lines) + "\n"
    result = read_criteria(make_text_file(text, name="criteria.txt"))
    assert result.delimiter == delimiter
    assert [c.ref for c in result.criteria] == ["A-1", "A-2"]
    assert result.criteria[0].text == "Doors, windows and gates lock; keys are logged."
    assert result.criteria[1].guidance == "Keep the log, one year"


def test_tsv_with_quoted_line_breaks_keeps_them(make_text_file: MakeText) -> None:
    """A quoted cell spanning two lines stays one criterion with its line break."""
    text = 'ID\tCriteria\n1.1\t"First part.\nSecond part."\n1.2\tAnother rule.\n'
    result = read_criteria(make_text_file(text, name="criteria.tsv"))
    assert result.criteria[0].text == "First part.\nSecond part."
    assert result.criteria[1].provenance is not None
    assert result.criteria[1].provenance.row == 3
    assert result.sheet is None
    assert result.sheets == ()


def test_csv_title_line_above_header(make_text_file: MakeText) -> None:
    """A title line above the header is skipped, as in workbooks."""
    text = "Partner criteria export\n\nRef.,Description,Priority\nP-1,Cargo is screened.,Must\n"
    result = read_criteria(make_text_file(text))
    assert result.header_row == 3
    assert [c.ref for c in result.criteria] == ["P-1"]


def test_evaluation_format_columns(make_text_file: MakeText) -> None:
    """The evaluation data format (id, section, text, other columns allowed) reads as criteria."""
    text = "id,section,text,owner\nS1,Seals,Seals are checked on arrival.,ops\nS2,Seals,Seal logs are kept.,ops\n"
    result = read_criteria(make_text_file(text))
    assert result.columns == {"ref": "id", "text": "text", "section": "section"}
    assert [(c.ref, c.section) for c in result.criteria] == [("S1", "Seals"), ("S2", "Seals")]


def test_sheet_name_for_a_csv_file_is_refused(make_text_file: MakeText) -> None:
    """Asking for a sheet of a CSV file says it has none."""
    with pytest.raises(ColumnMappingError, match="text file with no sheets"):
        read_criteria(make_text_file(SPANISH), sheet="Hoja1")
