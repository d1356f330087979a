"""The project package's public names are declared, importable and documented."""

from __future__ import annotations

import importlib
import pkgutil

import criteria_compare.project as package


def _modules() -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_every_module_declares_all_and_a_docstring() -> None:
    """Each module has a one-line docstring and an __all__ whose names exist."""
    for name in [package.__name__, *_modules()]:
        module = importlib.import_module(name)
        assert module.__doc__, name
        assert module.__doc__.strip().splitlines()[0], name
        exported = getattr(module, "__all__", None)
        assert exported is not None, name
        missing = [n for n in exported if not hasattr(module, n)]
        assert missing == [], name


def test_public_api_matches_the_contract() -> None:
    """The names other packages use (docs/contracts.md) are exported from criteria_compare.project."""
    for name in ("Project", "Decision", "CriterionState", "SCHEMA_VERSION"):
        assert name in package.__all__
    for method in (
        "create",
        "open",
        "close",
        "decide",
        "apply",
        "link",
        "unlink",
        "set_relation",
        "reject",
        "unreject",
        "pin",
        "unpin",
        "snapshot",
        "restore",
        "suggestions",
        "partner_suggestions",
        "links",
        "links_for_partner",
        "rejected",
        "pinned",
        "assessment",
        "assessments",
        "history",
        "summary",
        "alignment_inputs",
        "embedding_cache",
        "settings_dict",
        "check_writable",
        "set_settings",
        "set_reviewer",
        "import_warnings",
        "store_suggestions",
        "checkpoint",
    ):
        assert callable(getattr(package.Project, method)), method
