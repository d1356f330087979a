"""The aligner's public surface: sorted, complete __all__ in every module, no Qt."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import criteria_compare.align as align_pkg


def _isort_key(name: str) -> tuple[int, str]:
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


@pytest.mark.parametrize(
    "module", ["", *sorted(m.name for m in pkgutil.iter_modules(align_pkg.__path__))]
)
def test_every_module_declares_a_sorted_complete_all(module: str) -> None:
    """Each align module lists its public names in a sorted __all__ that resolves."""
    name = "criteria_compare.align" + (f".{module}" if module else "")
    mod = importlib.import_module(name)
    names = list(mod.__all__)
    assert names == sorted(names, key=_isort_key)
    assert all(hasattr(mod, n) for n in names)
    public = {
        n
        for n, v in vars(mod).items()
        if not n.startswith("_") and getattr(v, "__module__", None) == mod.__name__
    }
    assert public <= set(names)
    assert (mod.__doc__ or "").strip()
