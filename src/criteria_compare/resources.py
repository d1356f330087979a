"""The one place that knows where runtime assets (resources/) and the bundled samples live.

In a wheel they are packaged inside ``criteria_compare/``; in a source checkout
or editable install they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["resource_path", "resources_dir", "sample_path", "samples_dir"]

_PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent


def _find(name: str) -> Path:
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return _SOURCE_ROOT / name


def resources_dir() -> Path:
    """The folder holding fonts, icons, the synonym table and style sheets."""
    return _find("resources")


def samples_dir() -> Path:
    """The folder holding the bundled sample criteria workbooks."""
    return _find("sample_criteria")


def resource_path(*parts: str) -> Path:
    """Path of one file under resources/."""
    return resources_dir().joinpath(*parts)


def sample_path(*parts: str) -> Path:
    """Path of one file under sample_criteria/."""
    return samples_dir().joinpath(*parts)
