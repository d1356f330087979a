"""requirements.lock pins every dependency pyproject.toml declares, within its range."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^ ;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, list[str]]:
    """Versions pinned for this interpreter, by canonical name."""
    pins: dict[str, list[str]] = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match is None:
            continue
        name, version, marker = match.groups()
        if marker is None or Marker(marker).evaluate():
            pins.setdefault(canonicalize_name(name), []).append(version)
    return pins


def test_every_declared_dependency_is_pinned_with_hashes_in_range() -> None:
    """A dependency added to pyproject.toml without `make lock` fails here with what to run."""
    declared = importlib.metadata.requires("criteria-compare") or []  # pyproject's, with extras
    assert any("pyinstaller" in text for text in declared)
    pins = _pins()
    for text in declared:
        requirement = Requirement(text)
        versions = pins.get(canonicalize_name(requirement.name), [])
        assert len(versions) == 1, (
            f"{requirement.name} is not pinned in requirements.lock; run make lock"
        )
        assert requirement.specifier.contains(versions[0], prereleases=True), (
            f"requirements.lock pins {requirement.name} {versions[0]}, outside {text!r}; run make lock"
        )


def test_every_pin_has_a_hash() -> None:
    """pip installs the lock with --require-hashes: each pinned package carries its hashes."""
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(blocks) > 20
    for block in blocks:
        assert "--hash=sha256:" in block, block.splitlines()[0]
