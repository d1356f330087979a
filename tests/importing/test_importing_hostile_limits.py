"""Small crafted files cannot make an import run away with the CPU or the memory.

Each test imports a generated file in a child process whose CPU time is capped by an rlimit
several times above what the fixed importer needs, and far below what the defect took.
"""

from __future__ import annotations

from pathlib import Path

import hostile_corpus
from capped import python_capped

IMPORT = (
    "import sys\n"
    "from criteria_compare.importing import read_criteria\n"
    "r = read_criteria(sys.argv[1])\n"
    "print(len(r.criteria), len(r.warnings))\n"
)


def test_rows_padded_to_column_xfd_import_within_the_cpu_cap(tmp_path: Path) -> None:
    """20,000 rows that each end in an empty cell at XFD (16,384 columns) import in seconds,
    not the 15 s the per-cell width check took."""
    path = hostile_corpus.padded_rows(tmp_path / "padded.xlsx", rows=20_000)
    run = python_capped(IMPORT, str(path), cpu_seconds=6)
    assert not run.over_cpu, "the import ran out of CPU time"
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[0] == "20000"


def test_data_beyond_the_column_limit_is_still_refused_in_a_padded_row(tmp_path: Path) -> None:
    """Dropping cells past the limit never drops data: a value at XFD is still refused."""
    body = hostile_corpus.header_row() + (
        f'<row r="2">{hostile_corpus.inline("A2", "1.1")}{hostile_corpus.inline("B2", "Gates.")}'
        f"{hostile_corpus.inline('XFD2', 'stray')}</row>"
    )
    path = hostile_corpus.write_xlsx(tmp_path / "far.xlsx", body)
    run = python_capped(IMPORT, str(path), cpu_seconds=6)
    assert "row 2 has data in column XFD, beyond the import limit of 500 columns" in run.stderr


def test_repeated_hidden_attribute_scans_linearly(tmp_path: Path) -> None:
    """A 3 KB file whose XML repeats hidden=" 300,000 times imports in well under the cap
    (the backward search per occurrence took about 15 s)."""
    path = hostile_corpus.repeated_hidden_attribute(tmp_path / "hidden.xlsx")
    assert path.stat().st_size < 10_000
    run = python_capped(IMPORT, str(path), cpu_seconds=6)
    assert not run.over_cpu, "the hidden-row scan ran out of CPU time"
    assert run.returncode == 0, run.stderr
