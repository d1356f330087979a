"""Small crafted files cannot make an import run away with the CPU or the memory.

Each test imports a generated file in a child process whose CPU time is capped by an rlimit
several times above what the fixed importer needs, and far below what the defect took.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from criteria_compare.errors import ImportFailed
from criteria_compare.importing import ImportLimits, read_criteria
from tests.importing import hostile_corpus
from tests.importing.capped import MIB, python_capped, run_capped

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


def test_a_million_character_cell_is_cut_to_excel_limit_with_a_warning(tmp_path: Path) -> None:
    """A 1 MB cell of repeated text is imported (not taken for a zip bomb), cut to Excel's
    32,767 characters, and the warning names the file, sheet, row and column."""
    result = read_criteria(hostile_corpus.long_cell(tmp_path / "long.xlsx"))
    (criterion,) = result.criteria
    assert len(criterion.text) == 32_767
    assert [str(w) for w in result.warnings] == [
        "long.xlsx, sheet 'Criteria', row 2, column B: this cell holds 1,000,000 characters, "
        "more than the 32,767 an Excel cell can hold; only the first 32,767 were imported."
    ]


def test_csv_field_over_131072_characters_is_read_and_cut(tmp_path: Path) -> None:
    """A CSV field longer than the csv module's default limit is read (no "check the quotes"
    error), cut to 32,767 characters, and the rows after it import too."""
    result = read_criteria(hostile_corpus.long_csv_field(tmp_path / "long.csv"))
    assert [c.ref for c in result.criteria] == ["1.1", "1.2", "1.3"]
    assert len(result.criteria[1].text) == 32_767
    assert [str(w) for w in result.warnings] == [
        "long.csv, row 3, column B: this cell holds 200,000 characters, more than the 32,767 "
        "an Excel cell can hold; only the first 32,767 were imported."
    ]


def _refusal(path: Path) -> str:
    with pytest.raises(ImportFailed) as err:
        read_criteria(path)
    assert "\n" not in str(err.value)
    return str(err.value)


def test_symlink_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    """A .csv that links to /dev/zero is refused at once (it was read until MemoryError)."""
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    run = python_capped(IMPORT, str(link), cpu_seconds=10, address_bytes=1024 * MIB)
    assert run.stderr.strip().splitlines()[-1] == (
        f"criteria_compare.errors.ImportFailed: {link} is not a regular file; choose a "
        "spreadsheet or CSV file."
    )


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe called criteria.csv is refused at once; opening it no longer waits for a
    writer that never comes."""
    fifo = tmp_path / "criteria.csv"
    os.mkfifo(fifo)
    run = run_capped([sys.executable, "-c", IMPORT, str(fifo)], cpu_seconds=10, wall_seconds=20)
    assert not run.timed_out, "the import blocked on the FIFO"
    assert run.stderr.strip().endswith(
        f"{fifo} is not a regular file; choose a spreadsheet or CSV file."
    )


def test_symlink_loop_is_one_sentence(tmp_path: Path) -> None:
    """A link that leads back to itself is named as such, not 'not found'."""
    loop = tmp_path / "loop.csv"
    loop.symlink_to(loop)
    assert _refusal(loop) == (
        f"{loop} is a link that leads back to itself (a symlink loop); choose the spreadsheet "
        "or CSV file itself."
    )


def test_file_over_the_limit_is_refused_reading_at_most_one_byte_more(tmp_path: Path) -> None:
    """A file over the size limit is refused by its size, naming both sizes."""
    path = tmp_path / "big.csv"
    path.write_bytes(b"ID,Criteria\n" + b"1.1,x\n" * 400)
    with pytest.raises(ImportFailed, match=r"big.csv is 0.0 MB, over the import limit"):
        read_criteria(path, limits=ImportLimits(max_bytes=1000))


def test_utf16_text_without_byte_order_mark_is_read(tmp_path: Path) -> None:
    """UTF-16 text with no BOM is recognised by its NUL bytes and read, not refused as
    binary data."""
    result = read_criteria(hostile_corpus.utf16_without_bom(tmp_path / "utf16.csv"))
    assert result.encoding == "utf-16-le"
    assert [c.text for c in result.criteria] == ["Gates lock at night.", "Zäune werden geprüft."]


def test_shared_strings_unpacking_to_300_mib_is_refused_before_parsing(tmp_path: Path) -> None:
    """A 2 MB workbook whose shared strings unpack to 300 MiB (under the ratio limit) is
    refused from the zip directory, within a CPU cap that parsing it would exceed."""
    path = hostile_corpus.huge_shared_strings(tmp_path / "strings.xlsx")
    assert path.stat().st_size < 3 * MIB
    run = python_capped(IMPORT, str(path), cpu_seconds=4)
    assert not run.over_cpu, "the shared strings were parsed"
    assert run.stderr.strip().endswith(
        "strings.xlsx would unpack to 299.7 MB, over the limit of 256.0 MB; it may be a zip "
        "bomb; refused."
    )
