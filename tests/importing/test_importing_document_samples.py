"""The Word and PDF versions of the bundled samples import criterion by criterion like the workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.importing import read_criteria

SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"


def _criteria(path: Path) -> list[tuple[str, str, str, str, str]]:
    return [
        (c.ref, c.section, c.text, c.guidance, c.level.value if c.level else "")
        for c in read_criteria(path).criteria
    ]


@pytest.mark.parametrize(
    ("document", "workbook"),
    [("partner_aeo_meridia.docx", "partner_aeo_meridia.xlsx")],
)
def test_document_sample_matches_its_workbook(document: str, workbook: str) -> None:
    """Same refs (Word's list numbers included), sections, texts, guidance and levels, in the
    same order, and no warning."""
    expected = _criteria(SAMPLES / workbook)
    got = _criteria(SAMPLES / document)
    assert len(got) == len(expected)
    for mine, theirs in zip(got, expected, strict=True):
        assert mine == theirs
    assert read_criteria(SAMPLES / document).warnings == ()


def _flat(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, ...]]:
    """Line breaks in a PDF are layout: compare the words, not where the lines break."""
    return [tuple(" ".join(field.split()) for field in row) for row in rows]


def test_pdf_booklet_matches_the_workbook() -> None:
    """The CTPAT booklet (headings, a table per category breaking across pages, running
    header and footer) gives the workbook's criteria: refs, sections, texts, guidance and
    levels, in order, and no warning."""
    pdf = SAMPLES / "ctpat_msc_importer.pdf"
    expected = _flat(_criteria(SAMPLES / "ctpat_msc_importer.xlsx"))
    got = _flat(_criteria(pdf))
    assert [row[0] for row in got] == [row[0] for row in expected]
    for mine, theirs in zip(got, expected, strict=True):
        assert mine == theirs
    result = read_criteria(pdf)
    assert result.warnings == ()
    assert result.pages == 10


def test_inspect_json_counts_tables_and_pages(capsys: pytest.CaptureFixture[str]) -> None:
    """`inspect --json` says how many tables a document holds, and for a PDF on how many
    pages; a workbook has neither."""
    import json

    from criteria_compare.cli import main

    found = {}
    for name in ("partner_aeo_meridia.docx", "ctpat_msc_importer.pdf", "partner_aeo_meridia.xlsx"):
        assert main(["inspect", str(SAMPLES / name), "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        found[name] = (data["tables"], data["pages"])
    assert found["partner_aeo_meridia.docx"] == (22, None)
    assert found["ctpat_msc_importer.pdf"][1] == 10
    assert found["ctpat_msc_importer.pdf"][0] >= 12
    assert found["partner_aeo_meridia.xlsx"] == (None, None)
