"""Whatever bytes or text arrive, the importer answers with a result or one user-facing error."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_compare.errors import CriteriaCompareError
from criteria_compare.importing import read_criteria
from tests.importing.import_fixtures import ROWS, write_workbook


def _good_workbook_bytes() -> bytes:
    handle, name = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        return write_workbook(Path(name), ROWS).read_bytes()
    finally:
        Path(name).unlink()


GOOD = _good_workbook_bytes()


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the files every example writes (examples run one after another)."""
    return tmp_path_factory.mktemp("fuzz")


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _import(folder: Path, data: bytes, name: str) -> None:
    path = folder / name
    path.write_bytes(data)
    try:
        result = read_criteria(path)
    except CriteriaCompareError as exc:
        assert str(exc)  # noqa: PT017 (either outcome is allowed)
        assert "\n" not in str(exc)  # noqa: PT017
    else:
        assert all(c.ref for c in result.criteria)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), min_size=1, max_size=8)
)
def test_damaged_workbook_bytes(fuzz_dir: Path, flips: list[tuple[int, int]]) -> None:
    """A workbook with random bytes overwritten imports or fails with a clear sentence."""
    data = bytearray(GOOD)
    for position, value in flips:
        data[position] = value
    _import(fuzz_dir, bytes(data), "damaged.xlsx")


@settings(max_examples=60, deadline=None)
@given(st.integers(1, len(GOOD) - 1))
def test_truncated_workbook(fuzz_dir: Path, length: int) -> None:
    """A workbook cut short anywhere fails with a clear sentence."""
    _import(fuzz_dir, GOOD[:length], "truncated.xlsx")


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.lists(CELL, max_size=6), max_size=12),
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_arbitrary_csv_text(
    fuzz_dir: Path, rows: list[list[str]], delimiter: str, encoding: str
) -> None:
    """Any table of text, in any supported encoding, imports or fails with a clear sentence."""
    text = "\n".join(delimiter.join(cells) for cells in [["ID", "Criteria"], *rows])
    _import(fuzz_dir, text.encode(encoding, errors="replace"), "fuzz.csv")
