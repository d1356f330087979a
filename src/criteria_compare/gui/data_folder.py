"""The application's data folder (the bundled sample's project lives there): one ``criteria-compare`` folder.

Qt's AppDataLocation joins the organisation and the application name, which are
both "criteria-compare", so the data used to sit in
``…/criteria-compare/criteria-compare/``. The folder is now the generic data
location plus one ``criteria-compare``; what an earlier version left in the
nested folder is moved up the first time it is asked for, quietly (an item
already present above is left where it is).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths

__all__ = ["FOLDER_NAME", "data_folder", "unnest"]

FOLDER_NAME = "criteria-compare"
log = logging.getLogger(__name__)
_checked: set[Path] = set()


def unnest(folder: Path) -> None:
    """Move the contents of ``folder/criteria-compare`` (an earlier version's folder) into ``folder``."""
    nested = folder / FOLDER_NAME
    if not nested.is_dir() or nested.is_symlink():
        return
    for item in sorted(nested.iterdir()):
        target = folder / item.name
        if target.exists() or item.name == FOLDER_NAME:
            continue
        try:
            shutil.move(str(item), str(target))
        except OSError as exc:  # left where it was: the app still works without it
            log.warning("could not move %s to %s: %s", item, target, exc)
    with contextlib.suppress(OSError):
        nested.rmdir()  # only when it is empty now


def data_folder() -> Path:
    """Where the app keeps its own data; an earlier nested folder is moved up on the first call."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    folder = Path(base) / FOLDER_NAME
    if folder not in _checked:
        _checked.add(folder)
        unnest(folder)
    return folder
