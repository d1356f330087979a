"""Importer: a generated 10,000-row workbook, against a plain openpyxl read-only pass over it."""

from __future__ import annotations

import csv
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import best_of, figure, info
from criteria_compare.importing import read_criteria
from criteria_compare.importing.sheet_xml import scan_sheet_xml

ROWS = 10_000
SECTION_EVERY = 250
HIDDEN_EVERY = 1000
ROUNDS = 7


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
        if i % HIDDEN_EVERY == HIDDEN_EVERY - 1:
            ws.row_dimensions[ws.max_row].hidden = True
    wb.save(path)
    return path


def wall_and_cpu(func: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call (sorted by wall time when taking the best)."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def plain_read(path: Path) -> int:
    """The baseline: open read-only with cached values and touch every value once."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    wb.close()
    return count


def write_csv(path: Path, result_path: Path) -> Path:
    """The same criteria as a UTF-8 CSV file."""
    result = read_criteria(result_path)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ID", "Section", "Criteria", "Implementation Guidance", "Must/Should"])
        for c in result.criteria:
            level = c.level.value if c.level else ""
            writer.writerow([c.ref, c.section, c.text, c.guidance, level])
    return path


def hidden_scan(path: Path) -> int:
    """The XML side pass that finds hidden rows and columns and uncached formulas."""
    with zipfile.ZipFile(path) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml")
    return len(scan_sheet_xml(xml).hidden_rows)


def full_load(path: Path) -> None:
    """The alternative to the XML pass: openpyxl's normal (not read-only) mode, which has row_dimensions."""
    wb = openpyxl.load_workbook(path, data_only=True)
    _ = [d.hidden for d in wb.worksheets[0].row_dimensions.values()]
    wb.close()


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
        # interleaved, best of each: other load on the machine hits both sides alike
        # interleaved, best of each; the ratio uses CPU time, which other processes on a
        # busy machine disturb far less than wall time
        plain, ours = (float("inf"), float("inf")), (float("inf"), float("inf"))
        for _ in range(ROUNDS):
            plain = min(plain, wall_and_cpu(lambda: plain_read(path)))
            ours = min(ours, wall_and_cpu(lambda: read_criteria(path)))
        info(
            "plain openpyxl read-only pass (values_only)",
            f"{plain[0]:.3f} s ({plain[1]:.3f} s CPU)",
        )
        info("import (wall / CPU)", f"{ours[0]:.3f} s / {ours[1]:.3f} s CPU")
        figure("import of a 10,000-row workbook (wall)", ours[0], 1.0, "s")
        figure("import CPU time / plain openpyxl read-only pass CPU", ours[1] / plain[1], 1.5, "x")
        info("same ratio in wall time", f"{ours[0] / plain[0]:.3f} x")
        scan = best_of(lambda: hidden_scan(path), repeat=3)
        info("  of which: hidden rows/columns XML pass", f"{scan * 1000:.1f} ms")
        info(
            "  (openpyxl non-read-only load, the alternative)",
            f"{best_of(lambda: full_load(path), 1):.3f} s",
        )
        csv_path = write_csv(Path(tmp) / "generated_10k.csv", path)
        info(
            "import of the same 10,000 criteria as CSV",
            f"{best_of(lambda: read_criteria(csv_path), 3):.3f} s",
        )


if __name__ == "__main__":
    main()
