"""Shared helpers for the benchmarks: timing and one line per figure beside its budget."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

RESULTS: list[tuple[str, bool]] = []


def timed(func: Callable[[], T]) -> tuple[T, float]:
    """Run func once and return its result and the wall time in seconds."""
    start = time.perf_counter()
    result = func()
    return result, time.perf_counter() - start


def best_of(func: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of `repeat` runs of func, in seconds."""
    return min(timed(func)[1] for _ in range(repeat))


def figure(
    name: str, value: float, budget: float, unit: str = "s", lower_is_better: bool = True
) -> bool:
    """Print one figure beside its budget and remember whether it met it."""
    ok = value <= budget if lower_is_better else value >= budget
    verdict = "ok" if ok else "OVER BUDGET"
    cmp = "<=" if lower_is_better else ">="
    print(
        f"  {name:<58} {value:10.3f} {unit:<4} (budget {cmp} {budget:g} {unit})  {verdict}",
        flush=True,
    )
    RESULTS.append((name, ok))
    return ok


def info(name: str, value: str) -> None:
    """Print a figure that has no budget (e.g. a quality metric beside its baseline)."""
    print(f"  {name:<58} {value}", flush=True)
