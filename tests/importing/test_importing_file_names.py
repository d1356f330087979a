"""A file whose name is not valid UTF-8 (copied from an old share) imports and can be stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from criteria_compare.importing import read_criteria
from criteria_compare.project import Project

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or sys.getfilesystemencoding().lower() not in ("utf-8", "utf8"),
    reason="needs a POSIX file system with UTF-8 names",
)


def _latin1_named(folder: Path, text: str) -> Path:
    # bytes paths on purpose: pathlib cannot name a file whose name is not valid in the locale
    raw = os.path.join(os.fsencode(folder), b"\xe9t\xe9.csv")  # noqa: PTH118
    with open(raw, "w", encoding="utf-8") as fh:  # noqa: PTH123
        fh.write(text)
    return Path(os.fsdecode(raw))


def test_undecodable_file_name_is_shown_with_replacement_characters(tmp_path: Path) -> None:
    """The criteria import; the file name they carry is printable text (no lone surrogates)."""
    path = _latin1_named(tmp_path, "id,text\n1.1,Seal every container.\n")
    result = read_criteria(path)
    assert [c.ref for c in result.criteria] == ["1.1"]
    result.file.encode("utf-8")  # would raise on a lone surrogate
    result.criteria[0].provenance.file.encode("utf-8")
    assert result.file.endswith(".csv")


def test_project_from_a_file_with_an_undecodable_name(tmp_path: Path) -> None:
    """A project can be created from such a file (its name is stored as readable text)."""
    ref = _latin1_named(tmp_path, "id,text\n1.1,Seal every container.\n")
    partner = tmp_path / "partner.csv"
    partner.write_text("ref,requirement\nA-1,Containers are sealed.\n", encoding="utf-8")
    with Project.create(tmp_path / "p.ccproj", read_criteria(ref), read_criteria(partner)) as p:
        assert p.reference.criteria[0].ref == "1.1"
        p.reference.source_file.encode("utf-8")


def test_inspect_json_path_is_escaped_like_file_under_a_strict_utf8_output(
    tmp_path: Path,
) -> None:
    """``inspect --json`` on such a file exits 0 with valid UTF-8 and a ``path`` that shows
    the undecodable bytes as U+FFFD, like ``file`` (it held the raw bytes)."""
    path = _latin1_named(tmp_path, "id,text\n1.1,Seal every container.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "criteria_compare", "inspect", os.fsencode(path), "--json"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8", "strict"))
    assert data["file"] == "\ufffdt\ufffd.csv"
    assert data["path"] == f"{tmp_path}/\ufffdt\ufffd.csv"
