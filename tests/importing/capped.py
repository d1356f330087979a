"""Run a command in a child process under CPU-time and address-space limits (POSIX rlimits)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Capped:
    """What a capped child did: exit code (negative for a signal), its output, and whether a
    limit stopped it."""

    returncode: int
    stdout: str
    stderr: str
    over_cpu: bool
    timed_out: bool = False

    @property
    def over_limits(self) -> bool:
        return self.over_cpu or self.timed_out or "MemoryError" in self.stderr


def _limits(cpu_seconds: int, address_bytes: int | None) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
        if address_bytes is not None:
            resource.setrlimit(resource.RLIMIT_AS, (address_bytes, address_bytes))

    return apply


def run_capped(
    args: Sequence[str],
    *,
    cpu_seconds: int,
    address_bytes: int | None = None,
    wall_seconds: float | None = None,
    env: dict[str, str] | None = None,
) -> Capped:
    """Run ``args`` with at most ``cpu_seconds`` of CPU and ``address_bytes`` of address space."""
    child_env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", **(env or {})}
    try:
        proc = subprocess.run(
            list(args),
            capture_output=True,
            text=True,
            errors="replace",
            env=child_env,
            preexec_fn=_limits(cpu_seconds, address_bytes),
            timeout=wall_seconds if wall_seconds is not None else cpu_seconds * 6 + 30,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else exc.stderr or ""
        return Capped(-signal.SIGKILL, out, err, over_cpu=False, timed_out=True)
    over_cpu = proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL)
    return Capped(proc.returncode, proc.stdout, proc.stderr, over_cpu)


def python_capped(
    code: str, *args: str, cpu_seconds: int, address_bytes: int | None = None
) -> Capped:
    """Run a snippet of Python (``sys.argv[1:]`` = args) under the limits."""
    return run_capped(
        [sys.executable, "-c", code, *args], cpu_seconds=cpu_seconds, address_bytes=address_bytes
    )
