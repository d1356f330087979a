"""The core packages stay free of Qt, so everything the GUI does can run from a test or the CLI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "criteria_compare"
CORE = [
    "model.py",
    "errors.py",
    "progress.py",
    "resources.py",
    "atomic.py",
    "osuser.py",
    "processes.py",
    "crashlog.py",
    "notices.py",
    "textdiff.py",
    "wording.py",
    "importing",
    "align",
    "project",
]
FORBIDDEN_IN_CORE = (
    "PySide6",
    "shiboken6",
    "criteria_compare.gui",
    "criteria_compare.report",
    "criteria_compare.cli",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            # `from criteria_compare import gui` imports criteria_compare.gui
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _files(entry: str) -> list[Path]:
    p = SRC / entry
    return sorted(p.rglob("*.py")) if p.is_dir() else [p]


def test_core_modules_import_no_qt_gui_report_or_cli() -> None:
    """No core module imports PySide6, the GUI, the report or the CLI."""
    bad = [
        f"{f.relative_to(SRC)} imports {name}"
        for entry in CORE
        for f in _files(entry)
        for name in _imports(f)
        if name.startswith(FORBIDDEN_IN_CORE)
    ]
    assert bad == []


def test_workflow_imports_no_qt_gui_or_cli() -> None:
    """The workflow layer, which both front ends call, imports neither Qt nor a front end."""
    bad = [
        f"{f.relative_to(SRC)} imports {name}"
        for f in _files("workflow")
        for name in _imports(f)
        if name.startswith(("PySide6", "shiboken6", "criteria_compare.gui", "criteria_compare.cli"))
    ]
    assert _files("workflow")
    assert bad == []


def test_project_never_imports_the_aligner() -> None:
    """The project store stores suggestions and settings; running the aligner is the workflow's job."""
    bad = [
        f"{f.relative_to(SRC)} imports {name}"
        for f in _files("project")
        for name in _imports(f)
        if name.startswith("criteria_compare.align")
    ]
    assert bad == []


def _violations(entry: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{f.relative_to(SRC)} imports {name}"
        for f in _files(entry)
        for name in _imports(f)
        if name.startswith(forbidden)
    ]


def test_report_imports_no_qt() -> None:
    """The report package renders without Qt."""
    assert _violations("report", ("PySide6", "shiboken6", "criteria_compare.gui")) == []


def test_report_never_imports_the_cli() -> None:
    """The report is a library the CLI and the GUI both call, never the other way round."""
    assert _violations("report", ("criteria_compare.cli",)) == []


def test_cli_never_imports_the_gui() -> None:
    """The command line runs where no display and no Qt exist."""
    assert _files("cli")
    assert _violations("cli", ("PySide6", "shiboken6", "criteria_compare.gui")) == []


def test_core_and_cli_load_without_pulling_in_qt() -> None:
    """Importing the CLI (and with it the core and report) loads no Qt module."""
    code = (
        "import sys, criteria_compare.cli, criteria_compare.importing, criteria_compare.align, "
        "criteria_compare.project, criteria_compare.report, criteria_compare.workflow.create, "
        "criteria_compare.workflow.realign, "
        "criteria_compare.workflow.bulk, criteria_compare.workflow.copying, "
        "criteria_compare.workflow.sample; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
