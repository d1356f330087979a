"""`new` and `inspect` with inputs a user gets wrong: empty sides, unmatched headers, size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from criteria_compare.cli import main

GOOD_CSV = "id,text\n1.1,Each loaded container is sealed and the seal number is written down.\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process and return (exit status, stdout, stderr)."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("side", ["reference", "partner"])
def test_new_refuses_a_side_without_criteria(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path, side: str
) -> None:
    """A file with a header but no criteria is refused with one sentence; no project appears."""
    empty = tmp_path / "header_only.csv"
    empty.write_text("id,text\n", encoding="utf-8")
    files = {"reference": good, "partner": good, side: empty}
    project = tmp_path / "p.ccproj"
    status, out, err = run(
        capsys,
        "new",
        str(project),
        "--reference",
        str(files["reference"]),
        "--partner",
        str(files["partner"]),
        "--no-embedding",
    )
    assert status == 2
    assert not project.exists()
    assert out == ""
    last = err.strip().splitlines()[-1]
    assert "header_only.csv" in last
    assert "no criteria" in last
    assert f"--{side}-columns" in last or f"--{side}-sheet" in last


def test_new_names_the_side_option_when_headers_are_not_found(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path
) -> None:
    """When the partner's headers are not understood, the advice names --partner-columns,
    an option `new` has, not inspect's --columns."""
    odd = tmp_path / "odd.csv"
    odd.write_text("番号,要件 の 本文\nJ-1,施設の出入口を施錠すること。\n", encoding="utf-8")
    status, _, err = run(
        capsys,
        "new",
        str(tmp_path / "p.ccproj"),
        "--reference",
        str(good),
        "--partner",
        str(odd),
        "--no-embedding",
    )
    assert status == 2
    assert "--partner-columns" in err
    assert " --columns" not in err


def test_inspect_max_size_option_refuses_a_bigger_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`inspect --max-size 1` refuses a 2 MB file, naming the limit and the option."""
    big = tmp_path / "big.csv"
    line = "criterion text that repeats " * 4
    big.write_text("id,text\n" + "".join(f"{i},{line}\n" for i in range(20000)), encoding="utf-8")
    assert big.stat().st_size > 2 * 1024 * 1024
    status, out, err = run(capsys, "inspect", str(big), "--max-size", "1")
    assert status == 2
    assert out == ""
    assert "big.csv" in err
    assert "1.0 MB" in err
    assert "--max-size" in err
    status, _, _ = run(capsys, "inspect", str(big), "--max-size", "5", "--json")
    assert status == 0


def test_new_max_size_applies_to_both_sides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path
) -> None:
    """`new --max-size` raises or lowers the limit for both input files."""
    big = tmp_path / "big.csv"
    big.write_text(
        "id,text\n" + "".join(f"P-{i},seal text {i} " + "x" * 80 + "\n" for i in range(15000)),
        encoding="utf-8",
    )
    project = tmp_path / "p.ccproj"
    argv = ["new", str(project), "--reference", str(good), "--partner", str(big)]
    status, _, err = run(capsys, *argv, "--no-embedding", "--max-size", "0.5")
    assert status == 2
    assert "big.csv" in err
    assert not project.exists()


@pytest.mark.parametrize("value", ["0", "-3", "lots"])
def test_max_size_must_be_a_positive_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path, value: str
) -> None:
    """A zero, negative or non-numeric --max-size is a usage error (exit 2), not a crash."""
    with pytest.raises(SystemExit) as exc:
        main(["inspect", str(good), "--max-size", value])
    assert exc.value.code == 2
    assert "--max-size" in capsys.readouterr().err


@pytest.mark.parametrize("side", ["reference", "partner"])
def test_new_never_overwrites_its_own_input_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path, side: str
) -> None:
    """`new FILE --force` where FILE is also an input is refused, and the input is untouched."""
    other = tmp_path / "other.csv"
    other.write_text(GOOD_CSV.replace("1.1", "A-1"), encoding="utf-8")
    files = {"reference": good, "partner": other}
    before = files[side].read_bytes()
    status, out, err = run(
        capsys,
        "new",
        str(files[side]),
        "--force",
        "--reference",
        str(files["reference"]),
        "--partner",
        str(files["partner"]),
        "--no-embedding",
    )
    assert status == 2
    assert out == ""
    assert files[side].read_bytes() == before
    assert f"--{side}" in err
    assert files[side].name in err


def test_new_shows_a_bounded_number_of_import_warnings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, good: Path
) -> None:
    """A partner file with hundreds of odd rows does not flood the terminal: `new` shows the
    first warnings and says how many more there are and how to see them all."""
    noisy = tmp_path / "noisy.csv"
    rows = "".join(f"P-{i // 2},Seal number {i} is logged.\n" for i in range(600))
    noisy.write_text("id,text\n" + rows, encoding="utf-8")  # 300 duplicate refs
    project = tmp_path / "p.ccproj"
    argv = ["new", str(project), "--reference", str(good), "--partner", str(noisy)]
    status, _, err = run(capsys, *argv, "--no-embedding")
    assert status == 0
    lines = err.strip().splitlines()
    assert 10 <= len(lines) <= 40
    assert "280 more" in err or "more import warnings" in err
    assert "inspect" in err
