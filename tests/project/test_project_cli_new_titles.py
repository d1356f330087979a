"""`new` names each program as its document does, and reads translated workbooks in one language."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.project import Project
from criteria_compare.resources import sample_path
from tests.importing.grc_workbooks import write_grc_workbook

CTPAT = sample_path("ctpat_msc_importer.xlsx")
MERIDIA = sample_path("partner_aeo_meridia.xlsx")


def _new(capsys: pytest.CaptureFixture[str], target: Path, *extra: str) -> tuple[int, str]:
    argv = ["new", str(target), "--no-embedding", *extra]
    status = main(argv)
    _, err = capsys.readouterr()
    return status, err


def test_names_and_versions_come_from_the_title_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """No --*-name: the title row is the name, an edition or date is the version, and stderr
    says what was taken and how to change it."""
    target = tmp_path / "p.ccproj"
    status, err = _new(capsys, target, "--reference", str(CTPAT), "--partner", str(MERIDIA))
    assert status == 0
    with Project.open(target) as project:
        assert project.reference.name == "CTPAT Minimum Security Criteria – Importers"
        assert project.reference.version == "14 March 2024"
        assert project.partner.name.startswith("Meridian Customs Service – Authorised Economic")
        assert project.partner.version == "Edition 3.1, 1 July 2023"
    assert (
        "reference program: took the name 'CTPAT Minimum Security Criteria – Importers' and "
        "the version '14 March 2024' from row 1 of ctpat_msc_importer.xlsx; give "
        "--reference-name and --reference-version to change them." in err
    )


def test_the_options_still_override_the_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--reference-name and --partner-version win over what the document says."""
    target = tmp_path / "p.ccproj"
    status, err = _new(
        capsys,
        target,
        "--reference",
        str(CTPAT),
        "--partner",
        str(MERIDIA),
        "--reference-name",
        "CTPAT MSC",
        "--partner-version",
        "3.1",
    )
    assert status == 0
    with Project.open(target) as project:
        assert project.reference.name == "CTPAT MSC"
        assert project.reference.version == "14 March 2024"
        assert project.partner.version == "3.1"
    assert "took the name 'CTPAT" not in err
    assert "partner program: took the name 'Meridian" in err


def test_a_file_without_a_title_says_it_is_named_after_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A CSV with no title row: the file name is used and stderr says how to name the program."""
    plain = tmp_path / "aeo_list.csv"
    plain.write_text("id,text\nA-1,Every container is sealed.\n", encoding="utf-8")
    status, err = _new(
        capsys, tmp_path / "p.ccproj", "--reference", str(CTPAT), "--partner", str(plain)
    )
    assert status == 0
    assert "aeo_list.csv gives no title" in err
    assert "--partner-name" in err


def test_the_partner_is_read_in_the_references_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A German export with Spanish and English side columns, against a Spanish reference:
    the Spanish text is imported, and the notice says so with the option to change it."""
    reference = sample_path("partner_oea_es.csv")
    partner = write_grc_workbook(tmp_path / "de.xlsx", "de", translations=["en", "es"])
    target = tmp_path / "p.ccproj"
    status, err = _new(capsys, target, "--reference", str(reference), "--partner", str(partner))
    assert status == 0
    with Project.open(target) as project:
        assert project.partner.criteria[1].text.startswith("Revisión anual")
        assert project.partner.name == "Marco de seguridad portuaria"
    assert "taken in Spanish (the other program's language)" in err
    assert "(give the language with --partner-language CODE)" in err
    status, _ = _new(
        capsys,
        tmp_path / "q.ccproj",
        "--reference",
        str(reference),
        "--partner",
        str(partner),
        "--partner-language",
        "de",
    )
    assert status == 0
    with Project.open(tmp_path / "q.ccproj") as project:
        assert project.partner.criteria[1].text.startswith("Jährliche Prüfung")


def test_import_warnings_are_kept_in_the_project_without_command_line_advice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The stored warnings name the place and say what happened, with no option to type."""
    partner = write_grc_workbook(tmp_path / "fr.xlsx", "fr", translations=["en"])
    target = tmp_path / "p.ccproj"
    status, _ = _new(capsys, target, "--reference", str(CTPAT), "--partner", str(partner))
    assert status == 0
    with Project.open(target) as project:
        stored = project.import_warnings("partner")
    expected = (
        "fr.xlsx, sheet 'framework_content': this sheet holds the criteria in several "
        "languages; the text was taken in English"
    )
    assert any(w.startswith(expected) for w in stored)
    assert not any("--" in w for w in stored)
