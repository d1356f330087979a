"""Partner programs kept in Japanese, Korean or Chinese: their header names and levels are understood."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.importing import match_header, parse_level, read_criteria
from criteria_compare.model import Level

JAPANESE = """番号,区分,要件,必須/推奨,備考
J-1,施設の保安,事業者は施設の出入口を施錠し、鍵の管理記録を保持すること。,必須,鍵の台帳を確認する。
J-2,取引先,取引先の保安体制を定期的に確認すること。,推奨,
"""
KOREAN = """번호,구분,요건,비고
K-1,시설 보안,사업장 출입구를 통제하고 출입 기록을 보관한다.,출입 대장 확인
K-2,인사 보안,채용 전에 직원의 신원을 확인한다.,
"""


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("番号", "ref"),
        ("項番", "ref"),
        ("要件", "text"),
        ("区分", "section"),
        ("備考", "guidance"),
        ("必須/推奨", "level"),
        ("번호", "ref"),
        ("요건", "text"),
        ("구분", "section"),
        ("비고", "guidance"),
        ("编号", "ref"),
        ("要求", "text"),
        ("类别", "section"),
        ("说明", "guidance"),
    ],
)
def test_cjk_header_names_have_their_roles(header: str, role: str) -> None:
    """Common Japanese, Korean and Chinese column names map to the right role."""
    match = match_header(header)
    assert match is not None
    assert match.role == role


@pytest.mark.parametrize(
    ("text", "level"),
    [("必須", Level.MUST), ("推奨", Level.SHOULD), ("필수", Level.MUST), ("권고", Level.SHOULD)],
)
def test_cjk_level_words(text: str, level: Level) -> None:
    """Must/Should written in Japanese or Korean is understood."""
    assert parse_level(text) == (level, True)


def test_japanese_csv_imports_without_a_column_mapping(tmp_path: Path) -> None:
    """A Japanese check sheet saved as CSV imports with every column found and no warning."""
    path = tmp_path / "japan.csv"
    path.write_text(JAPANESE, encoding="utf-8")
    result = read_criteria(path)
    assert set(result.columns) == {"ref", "text", "section", "level", "guidance"}
    assert [c.ref for c in result.criteria] == ["J-1", "J-2"]
    assert [c.level for c in result.criteria] == [Level.MUST, Level.SHOULD]
    assert result.criteria[0].section == "施設の保安"
    assert not result.warnings


def test_korean_csv_imports_without_a_column_mapping(tmp_path: Path) -> None:
    """A Korean criteria list saved as CSV imports with its ref, section, text and notes."""
    path = tmp_path / "korea.csv"
    path.write_text(KOREAN, encoding="utf-8")
    result = read_criteria(path)
    assert set(result.columns) == {"ref", "text", "section", "guidance"}
    assert [c.ref for c in result.criteria] == ["K-1", "K-2"]
    assert result.criteria[1].text.startswith("채용 전에")
