"""The report package's public names are declared, importable and documented."""

from __future__ import annotations

import importlib
import pkgutil

import criteria_compare.report as package


def test_every_module_declares_all_and_a_docstring() -> None:
    """Each report module has a one-line docstring and an __all__ whose names exist."""
    names = [package.__name__] + [
        f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)
    ]
    for name in names:
        module = importlib.import_module(name)
        assert module.__doc__, name
        assert module.__doc__.strip().splitlines()[0], name
        exported = getattr(module, "__all__", None)
        assert exported is not None, name
        assert [n for n in exported if not hasattr(module, n)] == [], name


def test_contract_names_are_exported() -> None:
    """The names in docs/contracts.md ("Report") come from criteria_compare.report."""
    for name in (
        "ReportOptions",
        "ReportData",
        "collect",
        "export_pdf",
        "export_workbook",
        "render_pdf",
        "render_workbook",
    ):
        assert name in package.__all__
    assert package.__all__ == sorted(package.__all__, key=lambda n: (not n.isupper(), n))
