"""The importer's public surface: exported names, result conversions, progress and cancel."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import criteria_compare.importing as importing
from criteria_compare.errors import Cancelled
from criteria_compare.importing import read_criteria
from tests.importing.import_fixtures import WorkbookFactory


def _isort_key(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def test_exported_names_are_sorted_and_importable() -> None:
    """__all__ is sorted (constants, classes, functions) and every name in it exists."""
    assert list(importing.__all__) == sorted(importing.__all__, key=_isort_key)
    assert all(hasattr(importing, name) for name in importing.__all__)


@pytest.mark.parametrize("module", sorted(m.name for m in pkgutil.iter_modules(importing.__path__)))
def test_every_module_declares_a_sorted_complete_all(module: str) -> None:
    """Each importing module lists its public names in a sorted __all__ that resolves."""
    mod = importlib.import_module(f"criteria_compare.importing.{module}")
    names = list(mod.__all__)
    assert names == sorted(names, key=_isort_key)
    assert all(hasattr(mod, n) for n in names)
    public = {
        n
        for n, v in vars(mod).items()
        if not n.startswith("_") and getattr(v, "__module__", None) == mod.__name__
    }
    assert public <= set(names)


def test_to_program_carries_name_version_and_source(make_workbook: WorkbookFactory) -> None:
    """to_program keeps the criteria in file order with the file name and hash."""
    result = read_criteria(make_workbook())
    program = result.to_program("CTPAT MSC", "2019")
    assert (program.name, program.version, program.source_file) == (
        "CTPAT MSC",
        "2019",
        "criteria.xlsx",
    )
    assert program.sha256 == result.sha256
    assert list(program.by_ref()) == ["1.1", "1.2", "2.1"]


def test_progress_is_reported_to_the_end(make_workbook: WorkbookFactory) -> None:
    """A progress callback sees the job start and finish."""
    seen: list[tuple[int, int]] = []
    read_criteria(make_workbook(), progress=lambda done, total, _msg: seen.append((done, total)))
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)


def test_cancel_stops_the_import(make_workbook: WorkbookFactory) -> None:
    """A cancel check that says stop raises Cancelled and returns nothing."""
    with pytest.raises(Cancelled):
        read_criteria(make_workbook(), cancel=lambda: True)
