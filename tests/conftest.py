"""Shared fixtures: headless Qt, the bundled samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_criteria"


@pytest.fixture
def samples_dir() -> Path:
    """The bundled sample_criteria/ folder."""
    return SAMPLES
