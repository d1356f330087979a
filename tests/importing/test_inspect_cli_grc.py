"""`inspect` on a translated framework export: the language taken, the others, --language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from criteria_compare.cli import main
from tests.importing.grc_workbooks import write_grc_workbook


def test_inspect_json_names_the_language_and_the_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--json carries language, languages and the proposed name; warnings give CLI advice."""
    path = write_grc_workbook(tmp_path / "it.xlsx", "it", translations=["en"])
    assert main(["inspect", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sheet"] == "framework_content"
    assert data["language"] == "en"
    assert data["languages"] == ["it", "en"]
    assert data["proposed_name"] == "Harbour Security Framework"
    assert any("(give the language with --language CODE)" in w for w in data["warnings"])


def test_inspect_language_picks_the_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--language it reads the Italian columns; the summary says which languages the file holds."""
    path = write_grc_workbook(tmp_path / "it.xlsx", "it", translations=["en"])
    assert main(["inspect", str(path), "--language", "it"]) == 0
    out = capsys.readouterr().out
    assert "Language:   it (the file holds it, en)" in out
    assert "Capitolo I › Articolo 1" in out
    assert "Title:      Quadro di sicurezza portuale · version 2" in out


def test_an_unknown_language_is_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A language the file does not hold is refused with the ones it does."""
    path = write_grc_workbook(tmp_path / "it.xlsx", "it", translations=["en"])
    assert main(["inspect", str(path), "--language", "de"]) == 2
    err = capsys.readouterr().err
    assert "has no text in the language 'de'; it holds Italian (it), English (en)." in err
    assert "Traceback" not in err
