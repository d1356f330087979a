"""GUI test fixtures: QStandardPaths test mode, isolated settings, sample paths, a main window."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every GUI test away from the user's real settings and data folders."""
    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("criteria-compare-tests")
    QCoreApplication.setApplicationName("criteria-compare-tests")
    ini_dir = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ini_dir))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def reference_xlsx(samples_dir: Path) -> Path:
    """The bundled CTPAT sample workbook."""
    return samples_dir / "ctpat_msc_importer.xlsx"


@pytest.fixture
def partner_xlsx(samples_dir: Path) -> Path:
    """The bundled partner (fictional Meridia AEO) sample workbook."""
    return samples_dir / "partner_aeo_meridia.xlsx"


@pytest.fixture(scope="session")
def built_sample_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample comparison, imported and aligned once per test session (do not modify)."""
    from criteria_compare.workflow.sample import build_sample

    target = tmp_path_factory.mktemp("sample") / "sample.ccproj"
    return build_sample(target, lambda done, total, message: None, lambda: False)


@pytest.fixture
def sample_project(built_sample_project: Path, tmp_path: Path) -> Path:
    """A private copy of the aligned sample comparison that a test may change."""
    target = tmp_path / "Meridia vs CTPAT.ccproj"
    shutil.copyfile(built_sample_project, target)
    return target


@pytest.fixture
def window(qtbot: Any) -> Any:
    """A shown main window that does not ask for the reviewer name."""
    from criteria_compare.gui.main_window import MainWindow

    w = MainWindow(ask_reviewer=False)
    qtbot.addWidget(w)
    w.show()
    return w
