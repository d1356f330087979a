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
