"""Run every benchmarks/bench_*.py (or those named on the command line) and print figures beside budgets."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in HERE.glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(name if name.startswith("bench_") else f"bench_{name}")
        print(
            f"\n== {module.__doc__.strip().splitlines()[0] if module.__doc__ else name}", flush=True
        )
        module.main()
    over = [n for n, ok in common.RESULTS if not ok]
    print(f"\n{len(common.RESULTS) - len(over)} of {len(common.RESULTS)} figures within budget.")
    for n in over:
        print(f"  over budget: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
