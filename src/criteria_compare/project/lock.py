"""One writer per project: a lock file beside the project, held by the program that has it open for writing.

``review.ccproj`` open for writing has ``review.ccproj.lock`` beside it, a small
JSON object naming who (user), where (host), which program (app, process id
and, where the system tells, which run of that id) and since when. It is
created with ``O_EXCL``, which is atomic on local disks and on network shares
(SMB, NFSv3 and later), so two programs cannot both get it; it does not rely
on ``fcntl`` locks (often not shared across computers) nor on SQLite's own
locking (which covers one transaction, not a whole review session).

Closing the project removes the lock. A program that was killed cannot, so the
next one to open the project looks at what the lock says:

- written on this computer by a process that no longer runs (or whose id was
  reused by another program): the lock is **stale**; it is cleared (the CLI
  does so by itself with a notice, the GUI asks first) and taken over;
- written on another computer: whether that program still runs cannot be
  checked from here, so the project is refused for writing with a sentence
  naming who, where and since when (open it read-only, or, once sure it is
  not open there any more, remove the lock with ``criteria-compare unlock``).

Within one process the lock is shared: opening a project twice for writing
in the same program counts references, and the file goes with the last close.
Read-only opens never take or need the lock.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import os
import secrets
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from criteria_compare.errors import ProjectError, ProjectInUse
from criteria_compare.model import LockHolder
from criteria_compare.osuser import os_user
from criteria_compare.paths import resolve_path
from criteria_compare.processes import process_gone, process_identity
from criteria_compare.project.codec import now_utc

__all__ = [
    "LOCK_SUFFIX",
    "WriteLock",
    "acquire",
    "break_lock",
    "clear_stale",
    "describe",
    "foreign_holder",
    "in_use",
    "is_stale",
    "lock_path",
    "read_holder",
    "this_host",
]

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
#: A lock file bigger than this is not ours (a hostile or mistaken file); it is read as unreadable.
_MAX_BYTES = 16 * 1024
#: Longest text kept from a field of a lock file (a name, a host, an app).
_MAX_FIELD = 200
#: An empty or half-written lock is read again this many times, this far apart (seconds): its
#: writer may be between creating and filling it.
_READ_RETRIES = 10
_READ_PAUSE = 0.05
#: A take-over marker older than this (seconds) was left by a program killed while taking over.
_BREAK_STALE_AFTER = 60.0

_registry_lock = threading.Lock()
_held: dict[str, _Entry] = {}


@dataclasses.dataclass
class _Entry:
    holder: LockHolder
    count: int


def lock_path(project: Path) -> Path:
    """The lock file of ``project``: ``NAME.ccproj.lock`` beside it."""
    return project.with_name(project.name + LOCK_SUFFIX)


def this_host() -> str:
    """This computer's name as lock files record it."""
    return socket.gethostname() or "this computer"


def _same_host(host: str) -> bool:
    return host.casefold() == this_host().casefold()


def _app_name() -> str:
    """The running program as people know it, e.g. ``criteria-compare decide`` or ``criteria-compare-gui``."""
    argv = sys.argv or [""]
    program = Path(argv[0])
    name = program.name.removesuffix(".exe").removesuffix(".py")
    if name == "criteria-compare" or (
        name == "__main__" and program.parent.name == "criteria_compare"
    ):
        command = next((a for a in argv[1:] if not a.startswith("-")), "")
        return f"criteria-compare {command}".strip()
    return name if name.startswith("criteria-compare") else ""  # a script: no name worth showing


# ---------------------------------------------------------------------------- reading


def _clip(value: object, default: str) -> str:
    if not isinstance(value, str) or not value.strip():
        return default
    text = "".join(ch if ch.isprintable() else " " for ch in value).strip()
    return text[:_MAX_FIELD]


def _parse(raw: bytes) -> LockHolder | None:
    """The holder a lock file names, or None if it is not a lock we wrote (empty, cut, foreign)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.get("pid")
    process = data.get("process")
    return LockHolder(
        user=_clip(data.get("user"), "someone"),
        host=_clip(data.get("host"), "an unknown computer"),
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else 0,
        since=_clip(data.get("since"), ""),
        app=_clip(data.get("app"), ""),
        process=process[:_MAX_FIELD] if isinstance(process, str) else None,
        token=_clip(data.get("token"), ""),
    )


def _read_raw(lock: Path) -> bytes | None:
    """The lock file's bytes (None when there is none)."""
    try:
        fd = os.open(lock, os.O_RDONLY | _NOFOLLOW | _BINARY)
    except FileNotFoundError:
        return None
    except OSError:  # a link, a folder, no permission: a lock we cannot read, but a lock
        return b""
    try:
        with os.fdopen(fd, "rb") as fh:
            return fh.read(_MAX_BYTES + 1)
    except OSError:
        return b""


def _unreadable(lock: Path) -> LockHolder:
    """What is known of a lock file that cannot be read: only when it was last written."""
    since = ""
    with contextlib.suppress(OSError):
        mtime = lock.stat(follow_symlinks=False).st_mtime
        since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(mtime))
    return LockHolder(user="someone", host="an unknown computer", pid=0, since=since)


def _read(lock: Path) -> tuple[LockHolder, bytes] | None:
    """(holder, raw bytes) of the lock file, or None if there is none."""
    raw: bytes | None = b""
    for attempt in range(_READ_RETRIES):
        raw = _read_raw(lock)
        if raw is None:
            return None
        holder = _parse(raw) if len(raw) <= _MAX_BYTES else None
        if holder is not None:
            return holder, raw
        if attempt + 1 < _READ_RETRIES:
            time.sleep(_READ_PAUSE)
    return _unreadable(lock), raw or b""


def read_holder(project: Path) -> LockHolder | None:
    """Who holds the lock of ``project`` (None: nobody has it open for writing)."""
    found = _read(lock_path(Path(project)))
    return None if found is None else found[0]


def foreign_holder(project: Path) -> LockHolder | None:
    """The holder of ``project``'s lock if another program has it open for writing (not this
    process, not a stale lock); None otherwise."""
    project = Path(project)
    lock = lock_path(project)
    with _registry_lock:
        if _key(lock) in _held:
            return None
    holder = read_holder(project)
    return None if holder is None or is_stale(holder) else holder


def is_stale(holder: LockHolder) -> bool:
    """True if the lock was written on this computer by a process that no longer runs (or whose id
    now belongs to another run of a program); a lock from another computer is never known stale."""
    if holder.pid <= 0 or not _same_host(holder.host):
        return False
    if holder.pid == os.getpid():
        return holder.process is not None and holder.process != process_identity()
    if process_gone(holder.pid):
        return True
    now = process_identity(holder.pid)
    return holder.process is not None and now is not None and now != holder.process


# ---------------------------------------------------------------------------- wording


def describe(holder: LockHolder) -> str:
    """Who, where and since when, e.g. ``alice on ws-12 since 2026-12-03 12:40 UTC (criteria-compare-gui)``."""
    where = f"this computer ({holder.host})" if _same_host(holder.host) else holder.host
    what = ", ".join(
        part for part in (holder.app, f"process {holder.pid}" if holder.pid else "") if part
    )
    return f"{holder.user} on {where} since {holder.since_text}" + (f" ({what})" if what else "")


def in_use(project: Path, holder: LockHolder, *, stale: bool = False) -> ProjectInUse:
    """The error for a project whose lock ``holder`` has (a stale one: its program is gone)."""
    name = project.name
    if stale:
        return ProjectInUse(
            project,
            holder,
            f"{name} is still locked for writing by {describe(holder)}, but that program is no "
            "longer running (it was closed abnormally); the lock can be taken over.",
            stale=True,
        )
    if _same_host(holder.host) and holder.pid:
        advice = "close it there and try again"
    else:
        advice = (
            "whether it is still open there cannot be checked from here; try again once it is "
            "closed there, or open it read-only"
        )
    return ProjectInUse(
        project, holder, f"{name} is open for writing by {describe(holder)}; {advice}."
    )


# ---------------------------------------------------------------------------- taking and giving back


class WriteLock:
    """This process's hold on a project's lock; :meth:`release` once (later calls do nothing)."""

    def __init__(self, path: Path, key: str, holder: LockHolder, cleared: LockHolder | None):
        self.path = path
        self.holder = holder
        #: The stale lock this one replaced (its program had been killed), if any.
        self.cleared = cleared
        self._key = key
        self._released = False

    def release(self) -> None:
        """Give the lock back; the file goes when the last holder in this process releases it."""
        with _registry_lock:
            if self._released:
                return
            self._released = True
            entry = _held.get(self._key)
            if entry is None:
                return
            entry.count -= 1
            if entry.count > 0:
                return
            del _held[self._key]
            found = _read(self.path)
            # Remove only our own lock: someone may have broken it and taken it meanwhile.
            if found is not None and found[0].token == entry.holder.token:
                with contextlib.suppress(OSError):
                    self.path.unlink()


def _key(lock: Path) -> str:
    try:
        return str(resolve_path(lock.parent) / lock.name)
    except Exception:  # an unusable folder: the open fails later with its own sentence  # noqa: BLE001
        return str(lock.absolute())


def _create(lock: Path, holder: LockHolder) -> bool:
    """Write a new lock file atomically; False if one exists already."""
    data = json.dumps(dataclasses.asdict(holder), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            with contextlib.suppress(OSError):
                os.fsync(fh.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            lock.unlink()
        raise
    return True


@contextlib.contextmanager
def _taking_over(lock: Path) -> Iterator[bool]:
    """Yield True while this process alone may remove a stale lock (a ``.break`` marker file
    made with ``O_EXCL``), False when another program is taking it over right now."""
    marker = lock.with_name(lock.name + ".break")
    for _ in range(2):
        try:
            fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY, 0o666)
        except FileExistsError:
            try:
                age = time.time() - marker.stat(follow_symlinks=False).st_mtime
            except OSError:
                continue
            if age > _BREAK_STALE_AFTER:
                with contextlib.suppress(OSError):
                    marker.unlink()
                continue
            yield False
            return
        os.close(fd)
        try:
            yield True
        finally:
            with contextlib.suppress(OSError):
                marker.unlink()
        return
    yield False


def _remove_if_unchanged(lock: Path, judged: bytes) -> bool:
    """Remove the lock if it still holds ``judged`` (the stale content we looked at)."""
    with _taking_over(lock) as alone:
        if not alone:
            return False
        if _read_raw(lock) != judged:
            return False
        with contextlib.suppress(FileNotFoundError):
            lock.unlink()
        return True


def acquire(project: Path, *, app: str | None = None, take_over_stale: bool = True) -> WriteLock:
    """Take the lock of ``project`` for this process, or raise ProjectInUse naming its holder.

    A stale lock (its program on this computer is gone) is taken over when
    ``take_over_stale`` (with a notice logged), else refused with ``stale=True``.
    """
    project = Path(project)
    lock = lock_path(project)
    key = _key(lock)
    with _registry_lock:
        entry = _held.get(key)
        if entry is not None:
            entry.count += 1
            return WriteLock(lock, key, entry.holder, None)
        mine = LockHolder(
            user=os_user(),
            host=this_host(),
            pid=os.getpid(),
            since=now_utc(),
            app=app or _app_name(),
            process=process_identity(),
            token=secrets.token_hex(8),
        )
        cleared: LockHolder | None = None
        last: LockHolder | None = None
        for _ in range(4):
            try:
                created = _create(lock, mine)
            except OSError as exc:
                raise ProjectError(
                    f"{project.name} cannot be opened for writing: its lock file {lock.name} "
                    f"could not be created ({exc.strerror}); check the folder's permissions, or "
                    "open the project read-only."
                ) from None
            if created:
                _held[key] = _Entry(mine, 1)
                if cleared is not None:
                    log.warning(
                        "%s: cleared the lock left by %s, which is no longer running.",
                        project.name,
                        describe(cleared),
                    )
                return WriteLock(lock, key, mine, cleared)
            found = _read(lock)
            if found is None:
                continue  # removed meanwhile: try again
            last, raw = found
            if not is_stale(last):
                raise in_use(project, last)
            if not take_over_stale:
                raise in_use(project, last, stale=True)
            if _remove_if_unchanged(lock, raw):
                cleared = last
        assert last is not None  # another program is taking the stale lock over right now
        raise in_use(project, last, stale=is_stale(last))


def clear_stale(project: Path) -> LockHolder | None:
    """Remove the lock of ``project`` if it is stale (left by a program killed on this computer),
    with a logged notice; returns the holder removed, if any."""
    project = Path(project)
    lock = lock_path(project)
    found = _read(lock)
    if found is None or not is_stale(found[0]):
        return None
    with contextlib.suppress(OSError):
        if _remove_if_unchanged(lock, found[1]):
            log.warning(
                "%s: cleared the lock left by %s, which is no longer running.",
                project.name,
                describe(found[0]),
            )
            return found[0]
    return None


def break_lock(project: Path) -> LockHolder | None:
    """Remove the lock of ``project`` whoever holds it, unless its program is known to run here.

    For the user who checked that the holder has it open no more (a computer
    switched off, a program that crashed on another computer). Returns the
    holder that was removed (None if there was no lock); a holder still running
    on this computer is refused with ProjectInUse.
    """
    project = Path(project)
    lock = lock_path(project)
    found = _read(lock)
    if found is None:
        return None
    holder, raw = found
    key = _key(lock)
    with _registry_lock:
        ours = key in _held
    if ours or (not is_stale(holder) and _same_host(holder.host) and holder.pid):
        raise in_use(project, holder)
    if not _remove_if_unchanged(lock, raw):
        found = _read(lock)
        if found is not None:
            raise in_use(project, found[0], stale=is_stale(found[0]))
    return holder
