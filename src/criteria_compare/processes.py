"""Whether a process still runs on this computer, and which run of a process id it is.

Used to tell a file left by a killed program (a temporary file, a project's
lock) from one whose writer is still at work. Process ids are reused, so
:func:`process_identity` gives a token for one run of a process (on Linux:
the boot and the start time); two different tokens for the same id mean the
id was reused.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["process_gone", "process_identity"]

_PROC = Path("/proc")


def process_gone(pid: int) -> bool:
    """True only if no process ``pid`` exists on this computer.

    On POSIX ``kill(pid, 0)`` asks without sending anything; on Windows the
    process is opened for a query of its exit code. Where neither can tell
    (or for our own id), the process counts as running.
    """
    if pid <= 0:
        return True
    if pid == os.getpid():
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        return _windows_gone(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists but belongs to another user
        return False
    return False


def process_identity(pid: int | None = None) -> str | None:
    """A token naming one run of process ``pid`` (default: this one), or None where unknown.

    On Linux it is the boot id and the start time in clock ticks from
    ``/proc/PID/stat``; elsewhere None (the id alone is then all there is).
    """
    pid = os.getpid() if pid is None else pid
    try:
        boot = (_PROC / "sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
        stat = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # Field 22 (starttime) counts after the command name, which is in parentheses and may
    # itself hold spaces or parentheses.
    fields = stat[stat.rfind(")") + 2 :].split()
    if len(fields) < 20 or not fields[19].isdigit():
        return None
    return f"{boot}:{fields[19]}"


def _windows_gone(pid: int) -> bool:  # pragma: no cover - Windows
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information = 0x1000
    still_active = 259
    invalid_parameter = 87
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return bool(kernel32.GetLastError() == invalid_parameter)  # no such process
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value != still_active
    finally:
        kernel32.CloseHandle(handle)
