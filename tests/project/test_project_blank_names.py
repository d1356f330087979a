"""A blank program name or version falls back like a missing one, never a name of spaces."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from criteria_compare.importing import read_criteria
from criteria_compare.project import Project


def test_blank_names_fall_back_to_the_file_name(tmp_path: Path) -> None:
    """Names made of spaces (an empty field in a script) become the file's name; names and
    versions given with stray spaces are stored trimmed."""
    ref = tmp_path / "ctpat.csv"
    ref.write_text("id,text\n1.1,Seal every container.\n", encoding="utf-8")
    partner = tmp_path / "meridia.csv"
    partner.write_text("ref,requirement\nA-1,Containers are sealed.\n", encoding="utf-8")
    with Project.create(
        tmp_path / "p.ccproj",
        read_criteria(ref),
        read_criteria(partner),
        reference_name="  CTPAT MSC ",
        partner_name="   ",
        reference_version=" 2019 ",
    ) as project:
        assert project.reference.name == "CTPAT MSC"
        assert project.reference.version == "2019"
        assert project.partner.name == "meridia"


def test_a_misspelt_detail_is_refused_and_no_file_is_left(tmp_path: Path) -> None:
    ref = tmp_path / "ctpat.csv"
    ref.write_text("id,text\n1.1,Seal every container.\n", encoding="utf-8")
    target = tmp_path / "p.ccproj"
    details: dict[str, Any] = {"reviewr": "A. Rivera"}
    with pytest.raises(TypeError, match="reviewr"):
        Project.create(target, read_criteria(ref), read_criteria(ref), **details)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ctpat.csv"]
