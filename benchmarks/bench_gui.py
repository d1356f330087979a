"""GUI shell: start to the review screen on the sample, and memory with a 2,000 x 3,000 project open.

Each figure runs the real ``criteria-compare-gui PROJECT --screenshot PNG`` in
a fresh process (offscreen), so Python start-up, imports, QApplication,
opening the project, building the review screen, selecting the first
criterion and rendering it are all counted. Settings and data folders point
at a temporary directory so the user's own are never touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import figure, info, timed
from criteria_compare.gui.jobs import build_sample

START_BUDGET_S = 1.5
MEMORY_BUDGET_MB = 400.0


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    # Only settings and data are redirected; the font cache stays the user's, as on a real start.
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
    )
    return env


def _gui_script() -> list[str]:
    script = Path(sys.executable).with_name("criteria-compare-gui")
    if script.is_file():
        return [str(script)]
    return [
        sys.executable,
        "-c",
        "import sys; from criteria_compare.gui.app import main; sys.exit(main())",
    ]


def _run_gui(project: Path, home: Path) -> float:
    """Wall seconds of one screenshot run of the GUI on ``project`` (start to PNG written)."""
    png = home / "shot.png"
    start = time.perf_counter()
    done = subprocess.run(
        [*_gui_script(), str(project), "--screenshot", str(png)],
        env=_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0 or not png.is_file():
        raise RuntimeError(f"the GUI failed (status {done.returncode}): {done.stderr.strip()}")
    return seconds


def _peak_memory_mb(project: Path, home: Path) -> float:
    """Peak resident memory of one GUI run, measured by a wrapper process that has no other child."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    png = home / "memory.png"
    out = subprocess.run(
        [sys.executable, "-c", code, *_gui_script(), str(project), "--screenshot", str(png)],
        env=_env(home),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip().splitlines()[-1]) / 1024.0  # ru_maxrss is in KiB on Linux


def _big_project(folder: Path) -> Path:
    from criteria_compare.align.settings import AlignerSettings
    from criteria_compare.model import Program
    from criteria_compare.project import Project
    from synthetic_criteria import synthetic_criteria

    reference = Program("Synthetic reference", synthetic_criteria(2000, 1, "R"), "bench")
    partner = Program("Synthetic partner", synthetic_criteria(3000, 2, "P"), "bench")
    path = folder / "big.ccproj"
    # Lexical channels only: the stored suggestions and evidence have the same shape as with
    # the encoder (what the open window holds), and the setup takes seconds, not minutes.
    lexical = AlignerSettings(use_embedding=False)
    with Project.create(path, reference, partner, settings=lexical) as project:
        project.realign()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as tmp:
        root = Path(tmp)
        sample, build_s = timed(
            lambda: build_sample(root / "sample.ccproj", lambda d, t, m: None, lambda: False)
        )
        info("sample project build (import + create + align, once)", f"{build_s:.2f} s")
        _run_gui(sample, root / "warm")  # warm the OS file cache once, as on a second start
        runs = [_run_gui(sample, root / f"run{i}") for i in range(5)]
        figure("start to review screen, sample project (best of 5)", min(runs), START_BUDGET_S)
        info("start to review screen, sample project (median of 5)", f"{sorted(runs)[2]:.3f} s")

        big, big_s = timed(lambda: _big_project(root))
        info("2,000 x 3,000 project: create + lexical align (setup)", f"{big_s:.1f} s")
        seconds = _run_gui(big, root / "big")
        peak_mb = _peak_memory_mb(big, root / "big")
        figure("peak memory, 2,000 x 3,000 project open on review", peak_mb, MEMORY_BUDGET_MB, "MB")
        info("start to review screen, 2,000 x 3,000 project", f"{seconds:.2f} s")


if __name__ == "__main__":
    main()
