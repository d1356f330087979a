"""Fixtures for the importer tests: small workbooks and CSV files written in code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.importing.import_fixtures import ROWS, WorkbookFactory, write_workbook


@pytest.fixture
def make_workbook(tmp_path: Path) -> WorkbookFactory:
    """Write a workbook into tmp_path: make_workbook(rows, name="x.xlsx", **options)."""

    def make(
        rows: Sequence[Sequence[Any]] = ROWS, name: str = "criteria.xlsx", **options: Any
    ) -> Path:
        return write_workbook(tmp_path / name, rows, **options)

    return make


@pytest.fixture
def make_text_file(tmp_path: Path) -> Callable[..., Path]:
    """Write text into tmp_path with an encoding: make_text_file(text, name, encoding)."""

    def make(text: str, name: str = "criteria.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return make
