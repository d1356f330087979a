"""The one wrapper around QSettings: window geometry/state (versioned), recent files, folders, reviewer, appearance.

Nothing here is business state: every decision lives in the project file.
Recent entries remember the last counts seen ("37/152 reviewed") so the start
screen can show them without opening every project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

__all__ = ["MAX_RECENT", "STATE_VERSION", "RecentProject", "Settings"]

MAX_RECENT = 10
STATE_VERSION = 1  # bump when the window layout changes so old state is ignored


@dataclass(frozen=True)
class RecentProject:
    """One recent project with the last counts and program names seen in it."""

    path: Path
    reviewed: int = -1
    total: int = -1
    title: str = ""

    @property
    def counts_text(self) -> str:
        """e.g. ``"37/152 reviewed"``, or empty when never counted."""
        if self.total < 0:
            return ""
        return f"{self.reviewed}/{self.total} reviewed"


class Settings:
    """Typed access to the application's QSettings (organisation/app names set at start-up)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings if qsettings is not None else QSettings()

    @property
    def qsettings(self) -> QSettings:
        """The underlying QSettings."""
        return self._s

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()

    # -- window geometry and state ------------------------------------------------------
    def save_window(self, window: QMainWindow, group: str = "main_window") -> None:
        """Store the window's geometry and dock/toolbar state under ``group``."""
        self.save_state(f"{group}/geometry", window.saveGeometry())
        self.save_state(f"{group}/state", window.saveState(STATE_VERSION))

    def restore_window(self, window: QMainWindow, group: str = "main_window") -> bool:
        """Restore what save_window stored; False if nothing (or an outdated layout) was stored."""
        geometry = self.restore_state(f"{group}/geometry")
        state = self.restore_state(f"{group}/state")
        ok = geometry is not None and window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state, STATE_VERSION)
        return bool(ok)

    def save_state(self, key: str, data: QByteArray) -> None:
        """Store an opaque state blob (e.g. splitter sizes) with the layout version."""
        self._s.beginGroup("state")
        self._s.setValue(f"{key}/version", STATE_VERSION)
        self._s.setValue(f"{key}/data", QByteArray(data))
        self._s.endGroup()

    def restore_state(self, key: str) -> QByteArray | None:
        """The blob stored under ``key``, or None if absent or from another layout version."""
        self._s.beginGroup("state")
        try:
            if _to_int(self._s.value(f"{key}/version"), -1) != STATE_VERSION:
                return None
            data = self._s.value(f"{key}/data")
        finally:
            self._s.endGroup()
        if isinstance(data, QByteArray) and not data.isEmpty():
            return data
        if isinstance(data, (bytes, bytearray)) and data:
            return QByteArray(bytes(data))
        return None

    # -- recent projects ----------------------------------------------------------------
    def recent_projects(self) -> list[RecentProject]:
        """Recent projects, newest first; entries whose file is gone are dropped for good."""
        entries = self._read_recent()
        kept = [e for e in entries if e.path.is_file()]
        if len(kept) != len(entries):
            self._write_recent(kept)
        return kept

    def recent_files(self) -> list[Path]:
        """Paths of the recent projects, newest first (missing files pruned)."""
        return [e.path for e in self.recent_projects()]

    def add_recent(
        self, path: Path | str, *, reviewed: int = -1, total: int = -1, title: str = ""
    ) -> None:
        """Put ``path`` first in the recent list (at most MAX_RECENT entries)."""
        path = Path(path).resolve()
        old = [e for e in self._read_recent() if e.path != path]
        previous = next((e for e in self._read_recent() if e.path == path), None)
        if previous is not None and total < 0:
            reviewed, total, title = previous.reviewed, previous.total, title or previous.title
        entry = RecentProject(path, reviewed, total, title)
        self._write_recent([entry, *old][:MAX_RECENT])

    def update_recent_counts(self, path: Path | str, reviewed: int, total: int) -> None:
        """Refresh the counts shown for ``path`` without moving it in the list."""
        path = Path(path).resolve()
        entries = self._read_recent()
        self._write_recent(
            [
                RecentProject(e.path, reviewed, total, e.title) if e.path == path else e
                for e in entries
            ]
        )

    def remove_recent(self, path: Path | str) -> None:
        """Forget ``path``."""
        path = Path(path).resolve()
        self._write_recent([e for e in self._read_recent() if e.path != path])

    def _read_recent(self) -> list[RecentProject]:
        entries: list[RecentProject] = []
        n = self._s.beginReadArray("recent")
        for i in range(n):
            self._s.setArrayIndex(i)
            raw = str(self._s.value("path", "") or "")
            if raw:
                entries.append(
                    RecentProject(
                        Path(raw),
                        _to_int(self._s.value("reviewed"), -1),
                        _to_int(self._s.value("total"), -1),
                        str(self._s.value("title", "") or ""),
                    )
                )
        self._s.endArray()
        return entries

    def _write_recent(self, entries: list[RecentProject]) -> None:
        self._s.remove("recent")
        self._s.beginWriteArray("recent", len(entries))
        for i, e in enumerate(entries):
            self._s.setArrayIndex(i)
            self._s.setValue("path", str(e.path))
            self._s.setValue("reviewed", e.reviewed)
            self._s.setValue("total", e.total)
            self._s.setValue("title", e.title)
        self._s.endArray()

    # -- folders ------------------------------------------------------------------------
    def last_folder(self, kind: str) -> str:
        """The folder last used for ``kind`` ("project", "spreadsheet", "export", ...) or home."""
        value = str(self._s.value(f"folders/{kind}", "") or "")
        return value if value and Path(value).is_dir() else str(Path.home())

    def set_last_folder(self, kind: str, path: Path | str) -> None:
        """Remember the folder of ``path`` (a file or a folder) for ``kind``."""
        p = Path(path)
        folder = p if p.is_dir() else p.parent
        self._s.setValue(f"folders/{kind}", str(folder))

    # -- reviewer -----------------------------------------------------------------------
    def reviewer_name(self) -> str | None:
        """The reviewer name the user gave, or None if never asked."""
        value = self._s.value("reviewer/name")
        return str(value) if value else None

    def set_reviewer_name(self, name: str) -> None:
        """Remember the reviewer name recorded with decisions."""
        self._s.setValue("reviewer/name", name.strip())

    # -- appearance ---------------------------------------------------------------------
    @property
    def appearance(self) -> str:
        """The View → Appearance choice: "system", "light" or "dark" ("system" if never chosen)."""
        return str(self._s.value("view/appearance", "system") or "system")

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._s.setValue("view/appearance", value)


def _to_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default
