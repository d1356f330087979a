"""Every hostile file of the corpus gives exit 0 or one sentence with exit 2, within limits.

Each file goes through ``criteria-compare inspect FILE --json`` in a child process limited
to 10 s of CPU and 500 MB of address space (``resource.setrlimit`` before exec), plus a 60 s
wall timeout (a FIFO that blocks uses no CPU). The address-space limit has a measured
margin: ``inspect`` on a good workbook peaks at 173 MB of address space (VmPeak; 89 MB on a
CSV file, 49 MB resident), so 500 MB leaves room for the largest file the limits admit while
a file that inflated in memory (a zip bomb, /dev/zero read to the end) would hit it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.importing.capped import MIB, run_capped
from tests.importing.hostile_corpus import CASES

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX rlimits and FIFOs")

CPU_SECONDS = 10
ADDRESS_BYTES = 500 * MIB
WALL_SECONDS = 60


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_answered_within_limits(tmp_path: Path, case: str) -> None:
    """The file imports (valid UTF-8 JSON on stdout) or is refused with one line on stderr
    and exit 2: never a traceback, never over the CPU, memory or time limits."""
    name, write = CASES[case]
    path = write(tmp_path / name)
    run = run_capped(
        [sys.executable, "-m", "criteria_compare", "inspect", str(path), "--json"],
        cpu_seconds=CPU_SECONDS,
        address_bytes=ADDRESS_BYTES,
        wall_seconds=WALL_SECONDS,
        env={"PYTHONIOENCODING": "utf-8:strict"},
    )
    assert not run.over_limits, f"{case}: over the limits ({run.returncode}) {run.stderr[-500:]}"
    assert "Traceback" not in run.stderr, run.stderr
    assert run.returncode in (0, 2), f"{case}: exit {run.returncode}: {run.stderr}"
    if run.returncode == 2:
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith("criteria-compare: "), run.stderr
    else:
        assert json.loads(run.stdout)["criteria"] >= 1
