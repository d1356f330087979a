"""A role mapped to None has no column: it is neither read nor detected (the wizard's "ignore")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from criteria_compare.errors import ColumnMappingError
from criteria_compare.importing import preview, read_criteria

_CSV = (
    "ID,Requirement,Notes,Chapter\n"
    "Access control,,,\n"
    "1.1,Visitors sign in at the gate and wear a badge.,Badge log kept a year,p. 4\n"
    "1.2,Keys to the yard are issued against a signature.,,p. 4\n"
    "Cargo handling,,,\n"
    "2.1,Seal numbers are written on the loading record.,Check twice,p. 9\n"
)


def test_ignored_guidance_is_not_read_or_detected(
    make_text_file: Callable[..., Path],
) -> None:
    """{"guidance": None}: the Notes column is left out and no other column takes its place."""
    path = make_text_file(_CSV)
    detected = read_criteria(path)
    assert detected.columns.get("guidance") == "Notes"
    result = read_criteria(path, columns={"guidance": None})
    assert "guidance" not in result.columns
    assert "guidance" not in result.to_dict()["columns"]
    assert all(c.guidance == "" for c in result.criteria)
    assert [c.text for c in result.criteria] == [c.text for c in detected.criteria]


def test_ignoring_a_section_column_keeps_the_section_rows(
    make_text_file: Callable[..., Path],
) -> None:
    """Ignoring the detected section column ("Chapter": page numbers) keeps sections from heading rows."""
    path = make_text_file(_CSV)
    assert read_criteria(path).columns.get("section") == "Chapter"
    result = read_criteria(path, columns={"section": None})
    assert "section" not in result.columns
    assert [c.section for c in result.criteria] == [
        "Access control",
        "Access control",
        "Cargo handling",
    ]


def test_ignore_mixes_with_named_columns_and_preview(make_text_file: Callable[..., Path]) -> None:
    """A None role sits beside named ones; the preview shows the same roles as the import."""
    path = make_text_file(_CSV)
    mapping = {"guidance": None, "section": "Notes"}
    result = read_criteria(path, columns=mapping)
    assert result.columns == {"ref": "ID", "text": "Requirement", "section": "Notes"}
    shown = preview(path, columns=mapping)
    assert sorted(shown.roles.values()) == ["ref", "section", "text"]


def test_ref_or_text_cannot_be_ignored(make_text_file: Callable[..., Path]) -> None:
    """Leaving out the ref or text column is refused with one sentence naming the file."""
    path = make_text_file(_CSV)
    with pytest.raises(ColumnMappingError, match=r"leaves out the text column for .*criteria\.csv"):
        read_criteria(path, columns={"text": None})
