"""The bundled sample is rebuilt into a new folder when the aligner's code changes."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from criteria_compare.workflow import sample


def test_sample_path_follows_the_aligner_code(tmp_path: Path, monkeypatch) -> None:
    """Same aligner files, same folder; one changed file, another folder (a fresh sample)."""
    fake_align = tmp_path / "align"
    fake_align.mkdir()
    (fake_align / "fuse.py").write_text("WEIGHT = 1.0\n")
    real_find_spec = importlib.util.find_spec

    def find_spec(name: str, *args: object) -> object:
        if name == "criteria_compare.align":
            return SimpleNamespace(submodule_search_locations=[str(fake_align)])
        return real_find_spec(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    data = tmp_path / "data"
    first = sample.sample_project_path(data)
    assert sample.sample_project_path(data) == first
    (fake_align / "fuse.py").write_text("WEIGHT = 0.5\n")
    second = sample.sample_project_path(data)
    assert second != first
    assert second.name == first.name
    assert second.parent.parent == first.parent.parent
