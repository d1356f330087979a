"""pytest plugin for the headless run: ``import PySide6`` fails, as on a machine without Qt.

Used by ``make test-headless`` (``-p no:pytest-qt -p tests.no_qt``, with tests/gui left out):
the core, CLI and report tests must pass without Qt installed. It declares pytest-qt's ini
options so ``--strict-config`` still accepts pyproject.toml with that plugin disabled.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

BLOCKED = ("PySide6", "shiboken6")


class _QtBlocker(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname.partition(".")[0] in BLOCKED:
            raise ImportError(f"{fullname} is blocked in the headless test run", name=fullname)
        return None


def pytest_addoption(parser: pytest.Parser) -> None:
    for name in ("qt_api", "qt_log_level_fail", "qt_log_ignore"):
        parser.addini(name, f"pytest-qt's {name} (pytest-qt is off in the headless run)")


def pytest_configure(config: pytest.Config) -> None:
    loaded = [m for m in sys.modules if m.partition(".")[0] in BLOCKED]
    if loaded:
        raise pytest.UsageError(f"Qt was imported before the headless run began: {loaded[0]}")
    sys.meta_path.insert(0, _QtBlocker())
