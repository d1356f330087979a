"""Asking where to save a file: the last folder used for its kind, and the file's extension added
when the user typed a name without it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from criteria_compare.gui.settings import Settings

__all__ = ["ask_save_path", "with_extension"]


def with_extension(path: Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (".xlsx", in any case), ``suffix`` added when it does not."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def ask_save_path(
    parent: QWidget,
    settings: Settings,
    kind: str,
    title: str,
    name: str,
    filter_: str,
    suffix: str,
) -> Path | None:
    """The file the user chose to write (``name`` offered in the last folder of ``kind``, that
    folder remembered), ending in ``suffix``; None when they cancelled."""
    suggested = str(Path(settings.last_folder(kind)) / name)
    target, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_)
    if not target:
        return None
    path = with_extension(Path(target), suffix)
    settings.set_last_folder(kind, path)
    return path
