"""The bundled samples import cleanly and as documented (12 CTPAT categories, no warnings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from criteria_compare.importing import read_criteria
from criteria_compare.model import Level

SAMPLES = Path(__file__).resolve().parents[2] / "sample_criteria"
CTPAT = SAMPLES / "ctpat_msc_importer.xlsx"
MERIDIA = SAMPLES / "partner_aeo_meridia.xlsx"
VALDORIA = SAMPLES / "partner_oea_es.csv"

pytestmark = pytest.mark.skipif(not CTPAT.exists(), reason="bundled samples not present")


def test_ctpat_sample() -> None:
    """The CTPAT workbook: criteria sheet chosen over 'Read me', 12 categories, Must/Should, no warnings."""
    result = read_criteria(CTPAT)
    assert result.sheet == "MSC Importers"
    assert set(result.columns) == {"ref", "text", "level", "guidance"}
    assert result.columns["ref"] == "ID"
    assert len(result.sections) == 12
    assert 100 <= len(result.criteria) <= 120
    assert set(result.levels) == {"Must", "Should"}
    assert result.warnings == ()
    refs = [c.ref for c in result.criteria]
    assert len(set(refs)) == len(refs)
    assert all(
        c.text and c.section and c.level in (Level.MUST, Level.SHOULD) for c in result.criteria
    )
    assert all(c.provenance and c.provenance.sheet == "MSC Importers" for c in result.criteria)


def test_meridia_sample() -> None:
    """The partner workbook maps its own column names (Section, Ref., Requirement text...)."""
    result = read_criteria(MERIDIA)
    assert set(result.columns) == {"ref", "text", "section", "level", "guidance"}
    assert 80 <= len(result.criteria) <= 120
    assert result.warnings == ()
    assert all(c.section for c in result.criteria)


def test_spanish_csv_sample() -> None:
    """The Spanish CSV keeps its accents and names its encoding; any warning is about encoding."""
    result = read_criteria(VALDORIA)
    assert result.encoding in {"utf-8-sig", "cp1252"}
    assert result.columns["ref"] == "Número"
    assert 30 <= len(result.criteria) <= 50
    assert any("ó" in c.text or "í" in c.text for c in result.criteria)
    assert all("Windows-1252" in w.message for w in result.warnings)


@pytest.mark.parametrize("sample", [CTPAT, MERIDIA, VALDORIA], ids=lambda p: p.name)
def test_inspect_explains_each_sample(sample: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`inspect --json` succeeds on every sample and agrees with the importer."""
    assert main(["inspect", str(sample), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["criteria"] == len(read_criteria(sample).criteria)
    assert sum(data["sections"].values()) == data["criteria"]
