"""A short, reproducible run of each importer fuzz target (``make fuzz`` runs them longer)."""

from __future__ import annotations

import pytest

from tests.importing.fuzz_importers import TARGETS, run_target


@pytest.mark.parametrize("name", list(TARGETS))
def test_fuzz_target_smoke(name: str) -> None:
    """Thirty derandomised examples of the target import or are refused with one sentence."""
    run_target(name, 30, derandomize=True)
