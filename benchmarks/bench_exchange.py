"""Exchange workbook: export and import of 2,000 rows, beside a plain openpyxl write-and-read of the same cells."""

from __future__ import annotations

import tempfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from common import figure, info, timed
from criteria_compare.model import Program
from criteria_compare.project import Decision, Project
from criteria_compare.workflow.exchange import exchange_rows, export_positions, import_positions
from synthetic_criteria import synthetic_criteria

ROWS = 2000


def _project(path: Path) -> Project:
    reference = Program("Reference", synthetic_criteria(ROWS, seed=11, prefix="R"))
    partner = Program("Partner", synthetic_criteria(ROWS, seed=12, prefix="P"))
    project = Project.create(path, reference, partner, reviewer="bench")
    decisions = [
        Decision(
            ref=r.ref,
            status="aligned" if i % 3 else "gap",
            note=f"Reviewed in the bench, row {i}." if i % 2 else None,
            link=((p.ref, "equal"),) if i % 3 else (),
        )
        for i, (r, p) in enumerate(zip(reference.criteria, partner.criteria, strict=True))
    ]
    project.apply(decisions)
    return project


def _fill(path: Path) -> None:
    """The partner's answers in every row (not timed: that is their work)."""
    wb = load_workbook(path)
    ws = wb["Positions"]
    words = ("Agree", "Disagree", "Needs discussion", None)
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 7).value = words[r % 4]
        ws.cell(r, 8).value = f"Comment on row {r}." if r % 5 == 0 else None
    wb.save(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with _project(folder / "bench.ccproj") as project:
            rows = exchange_rows(project)

            def reference() -> None:
                wb = Workbook()
                ws = wb.active
                for r, row in enumerate(rows, start=2):
                    for c, value in enumerate((*row.locked, "", ""), start=1):
                        ws.cell(r, c, value)
                wb.save(folder / "plain.xlsx")
                read = load_workbook(folder / "plain.xlsx", read_only=True)
                sum(1 for _ in read.active.iter_rows(values_only=True))
                read.close()

            _, base = timed(reference)
            out = folder / "positions.xlsx"
            _, export_s = timed(lambda: export_positions(project, out))
            _fill(out)
            summary, import_s = timed(lambda: import_positions(project, out))
            assert summary.to_json()["positions"] == ROWS, summary.to_json()
        figure(f"exchange export + import, {ROWS:,} rows", export_s + import_s, 3.0)
        info("  of which export / import", f"{export_s:.3f} s / {import_s:.3f} s")
        info(
            "  same-run reference: plain openpyxl write + read of the cells",
            f"{base:.3f} s (ratio {(export_s + import_s) / base:.2f})",
        )


if __name__ == "__main__":
    main()
