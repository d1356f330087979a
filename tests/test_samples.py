"""The bundled samples are consistent: refs exist and are unique, counts match the README, encodings hold."""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "sample_criteria"
CTPAT_XLSX = SAMPLES / "ctpat_msc_importer.xlsx"
MERIDIA_XLSX = SAMPLES / "partner_aeo_meridia.xlsx"
VALDORIA_CSV = SAMPLES / "partner_oea_es.csv"
MAPPING = SAMPLES / "reference_mapping.csv"
MAPPING_ES = SAMPLES / "reference_mapping_es.csv"
RELATIONS = {"equal", "subset_of", "superset_of", "intersects_with"}
CTPAT_REF = re.compile(r"^(1[0-2]|[1-9])\.\d{1,2}$")


def _ctpat_rows() -> tuple[list[tuple[str, str, str | None, str]], list[str], int]:
    """(ID, criteria, guidance, must/should) rows, category headings, header row number."""
    wb = openpyxl.load_workbook(CTPAT_XLSX)
    ws = wb["MSC Importers"]
    header_row = next(
        r for r in range(1, 20) if ws.cell(r, 1).value == "ID" and ws.cell(r, 2).value
    )
    rows: list[tuple[str, str, str | None, str]] = []
    categories: list[str] = []
    for r in range(header_row + 1, ws.max_row + 1):
        first, text, guidance, level = (ws.cell(r, c).value for c in range(1, 5))
        if first is None:
            continue
        if text is None:
            categories.append(str(first))
            continue
        assert ws.cell(r, 1).data_type == "s", f"ID on row {r} must be a text cell"
        rows.append((first, text, guidance, level))
    return rows, categories, header_row


def _meridia_rows() -> list[dict[str, str | None]]:
    wb = openpyxl.load_workbook(MERIDIA_XLSX)
    ws = wb["AEO-S conditions"]
    header_row = next(r for r in range(1, 20) if ws.cell(r, 3).value == "Ref.")
    headers = [ws.cell(header_row, c).value for c in range(1, ws.max_column + 1)]
    out = []
    for r in range(header_row + 1, ws.max_row + 1):
        values = [ws.cell(r, c).value for c in range(1, len(headers) + 1)]
        if any(v is not None for v in values):
            out.append(dict(zip(headers, values, strict=True)))
    return out


def _valdoria_rows() -> list[dict[str, str]]:
    text = VALDORIA_CSV.read_bytes().decode("cp1252")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))


def _mapping(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ctpat_workbook_has_12_categories_and_100_to_120_criteria() -> None:
    """The reference sample covers all twelve CTPAT categories with 100-120 text IDs."""
    rows, categories, header_row = _ctpat_rows()
    assert header_row > 2, "the header sits below a title and a blank row"
    assert 100 <= len(rows) <= 120
    assert [c.split(".")[0] for c in categories] == [str(n) for n in range(1, 13)]
    assert {ref.split(".")[0] for ref, *_ in rows} == {str(n) for n in range(1, 13)}
    refs = [ref for ref, *_ in rows]
    assert len(refs) == len(set(refs)), "duplicate IDs"
    assert all(CTPAT_REF.match(ref) for ref in refs)
    assert "7.10" in refs
    assert "7.37" in refs
    assert {level for *_, level in rows} == {"Must", "Should"}
    with_guidance = sum(1 for _, _, guidance, _ in rows if guidance)
    assert with_guidance > len(rows) * 0.7


def test_ctpat_workbook_looks_like_a_hand_made_copy() -> None:
    """Merged category rows, a second sheet and line breaks inside cells are present."""
    wb = openpyxl.load_workbook(CTPAT_XLSX)
    assert len(wb.sheetnames) >= 2
    ws = wb["MSC Importers"]
    merged_rows = {rng.min_row for rng in ws.merged_cells.ranges if rng.max_col == 4}
    assert len(merged_rows) >= 12
    rows, _, _ = _ctpat_rows()
    assert any("\n" in (text + (guidance or "")) for _, text, guidance, _ in rows)


def test_meridia_workbook_counts_and_unique_refs() -> None:
    """The partner sample has 80-120 three-level refs, with 15-25 non-security ones."""
    rows = _meridia_rows()
    assert 80 <= len(rows) <= 120
    refs = [str(row["Ref."]) for row in rows]
    assert len(refs) == len(set(refs))
    assert all(re.fullmatch(r"\d{1,2}\.\d\.\d{1,2}", ref) for ref in refs)
    assert {row["Level"] for row in rows} == {"Mandatory", "Recommended"}
    assert all(row["Requirement text"] for row in rows)
    general = [ref for ref in refs if ref.split(".")[0] in {"1", "2", "3", "4"}]
    assert 15 <= len(general) <= 25


def test_meridia_columns_differ_from_ctpat() -> None:
    """The partner side uses other header names in another order than CTPAT's."""
    wb = openpyxl.load_workbook(MERIDIA_XLSX)
    ws = wb["AEO-S conditions"]
    header = [ws.cell(4, c).value for c in range(1, 6)]
    assert header == ["Section", "Requirement text", "Ref.", "Explanatory notes", "Level"]


def test_spanish_csv_is_cp1252_with_accents() -> None:
    """The Spanish sample is Windows-1252 (not valid UTF-8) and keeps its accents."""
    data = VALDORIA_CSV.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("cp1252")
    for char in "áéíóúñ¿«»":
        assert char in text, char
    rows = _valdoria_rows()
    assert list(rows[0]) == ["Número", "Sección", "Requisito", "Notas explicativas"]
    assert 30 <= len(rows) <= 50
    refs = [row["Número"] for row in rows]
    assert len(refs) == len(set(refs))
    assert all(row["Requisito"] for row in rows)


@pytest.mark.parametrize(("mapping", "low", "high"), [(MAPPING, 80, 110), (MAPPING_ES, 25, 70)])
def test_mapping_refs_exist_on_both_sides(mapping: Path, low: int, high: int) -> None:
    """Every gold pair names a CTPAT ID and a partner ref that exist, with a known relation."""
    pairs = _mapping(mapping)
    assert list(pairs[0]) == ["source_id", "target_id", "relationship"]
    assert low <= len(pairs) <= high
    ctpat = {ref for ref, *_ in _ctpat_rows()[0]}
    if mapping == MAPPING:
        partner = {str(row["Ref."]) for row in _meridia_rows()}
    else:
        partner = {row["Número"] for row in _valdoria_rows()}
    for pair in pairs:
        assert pair["source_id"] in ctpat, pair
        assert pair["target_id"] in partner, pair
        assert pair["relationship"] in RELATIONS, pair
    keys = [(p["source_id"], p["target_id"]) for p in pairs]
    assert len(keys) == len(set(keys)), "duplicate pairs"
    assert len(ctpat - {p["source_id"] for p in pairs}) >= 5, "the sample keeps true gaps"


def test_meridia_mapping_shape() -> None:
    """Most CTPAT IDs have one counterpart, some several; general conditions map to nothing."""
    pairs = _mapping(MAPPING)
    per_source = Counter(p["source_id"] for p in pairs)
    assert len(per_source) >= 75
    assert any(n >= 2 for n in per_source.values())
    targets = {p["target_id"] for p in pairs}
    assert not {t for t in targets if t.split(".")[0] in {"1", "2", "3", "4"}}
    assert {p["relationship"] for p in pairs} == RELATIONS


def test_sample_files_match_their_generator() -> None:
    """The committed files hold exactly the text of the data modules (regenerate after edits)."""
    built = _load_generator().build_all()
    documents = ("partner_aeo_meridia.docx", "ctpat_msc_importer.pdf")  # byte for byte
    for name in (
        "reference_mapping.csv",
        "partner_oea_es.csv",
        "reference_mapping_es.csv",
        *documents,
    ):
        assert (SAMPLES / name).read_bytes() == built[name], f"{name} is stale"
    for name in ("ctpat_msc_importer.xlsx", "partner_aeo_meridia.xlsx"):
        on_disk = openpyxl.load_workbook(SAMPLES / name)
        fresh = openpyxl.load_workbook(io.BytesIO(built[name]))
        assert on_disk.sheetnames == fresh.sheetnames
        for a, b in zip(on_disk.worksheets, fresh.worksheets, strict=True):
            assert list(a.values) == list(b.values), f"{name} sheet {a.title} is stale"


def test_readme_states_the_current_counts() -> None:
    """sample_criteria/README.md quotes the real criteria and pair counts."""
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    phrases = [
        f"importers, {len(_ctpat_rows()[0])} criteria",
        f"Meridia AEO-S, {len(_meridia_rows())} criteria",
        f"{len(_mapping(MAPPING))} gold pairs CTPAT → Meridia",
        f"Valdoria OEA, {len(_valdoria_rows())} criteria",
        f"{len(_mapping(MAPPING_ES))} gold pairs CTPAT → Valdoria",
    ]
    for phrase in phrases:
        assert phrase in readme, f"README.md should say {phrase!r}"
