"""Importer: a generated 10,000-row workbook, against a plain openpyxl read-only pass over it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import best_of, figure, info
from criteria_compare.importing import read_criteria

ROWS = 10_000
SECTION_EVERY = 250


def make_workbook(path: Path, rows: int = ROWS) -> Path:
    """A workbook shaped like a user's copy: title rows, section rows, numeric refs, wrapped text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Criteria"
    ws.append(["Minimum security criteria (generated for the benchmark)"])
    ws.append([])
    ws.append(["ID", "Criteria", "Implementation Guidance", "Must/Should"])
    section = 0
    for i in range(rows):
        if i % SECTION_EVERY == 0:
            section += 1
            ws.append([f"{section}. Generated category number {section}"])
        n = i % SECTION_EVERY + 1
        numeric = n % 10 == 0 and (n < 100 or n % 100 == 0)
        ref: object = float(f"{section}.{n}") if numeric else f"{section}.{n}"
        ws.append(
            [
                ref,
                f"The operator keeps written procedure {i} for checking seals and containers, "
                "and reviews it every year with the security lead.",
                f"Keep the record of procedure {i} for at least one year.\n"
                "Show it to the validator on request.",
                "Must" if i % 3 else "Should",
            ]
        )
        if numeric:
            ws.cell(ws.max_row, 1).number_format = "0.00" if n < 100 else "0.000"
    wb.save(path)
    return path


def plain_read(path: Path) -> int:
    """The baseline: open read-only with cached values and touch every value once."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    wb.close()
    return count


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = make_workbook(Path(tmp) / "generated_10k.xlsx")
        info("workbook", f"{ROWS:,} criteria, {path.stat().st_size / 1024:.0f} KiB")
        result = read_criteria(path)
        info(
            "imported",
            f"{len(result.criteria):,} criteria, {len(result.sections)} sections, "
            f"{len(result.warnings)} warnings",
        )
        plain = best_of(lambda: plain_read(path), repeat=3)
        ours = best_of(lambda: read_criteria(path), repeat=3)
        info("plain openpyxl read-only pass (values_only)", f"{plain:.3f} s")
        figure("import of a 10,000-row workbook", ours, 1.0, "s")
        figure("import time / plain openpyxl read-only pass", ours / plain, 1.5, "x")


if __name__ == "__main__":
    main()
