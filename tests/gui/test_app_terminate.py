"""A logout or `kill` (SIGTERM) closes the app as quitting does: the project's lock is given back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from criteria_compare.project.files import LOCK_SUFFIX
from tests.gui.review_fixtures import make_project

_RUN = "import sys; from criteria_compare.gui.app import main; sys.exit(main([sys.argv[1]]))"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_closes_the_project_and_leaves_no_lock(tmp_path: Path) -> None:
    path = tmp_path / "review.ccproj"
    make_project(path).close()
    lock = path.with_name(path.name + LOCK_SUFFIX)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        app = subprocess.Popen(
            [sys.executable, "-c", _RUN, str(path)], env=env, stdout=subprocess.DEVNULL, stderr=err
        )
    try:
        deadline = time.monotonic() + 60
        while not lock.exists():
            assert app.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "the app never opened the project"
            time.sleep(0.1)
        time.sleep(0.5)  # the review screen is up
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=30) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert not lock.exists()
    assert sorted(p.name for p in tmp_path.glob("review.ccproj*")) == ["review.ccproj"]
