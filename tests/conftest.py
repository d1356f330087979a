"""Shared fixtures: headless Qt, a private log folder, the bundled samples."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    """Keep the internal-error log of every test (and of CLI child processes) out of the user's."""
    logs = Path(tempfile.mkdtemp(prefix="criteria-compare-test-logs-"))
    os.environ["XDG_STATE_HOME"] = str(logs)
    os.environ["LOCALAPPDATA"] = str(logs)
    if sys.platform == "darwin":
        os.environ["HOME"] = str(logs)


REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sample_criteria"


@pytest.fixture
def samples_dir() -> Path:
    """The bundled sample_criteria/ folder."""
    return SAMPLES
